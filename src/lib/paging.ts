// Lists that grow with the archive (a department's tasks, every document) are cut by year once
// they pass LIST_LIMIT items: a page then holds a summary and links to one page per year. Under
// the limit a page lists everything, as it always did. A list only grows as the corpus grows, so
// once a page is cut its year pages stay; a year page's content stays put as later years arrive.

/** Items a page lists before it is cut by year (GAZETTE_LIST_LIMIT overrides it: tests use a small one). */
export const LIST_LIMIT = listLimit(process.env.GAZETTE_LIST_LIMIT);

export function listLimit(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 400;
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1) throw new Error(`GAZETTE_LIST_LIMIT must be a whole number ≥ 1, not "${setting}"`);
  return n;
}

/**
 * Items of a list nested in a list page (an external reference's citing places on /references/)
 * shown before the rest move to a page of their own: 5 at the default limit.
 */
export const previewLimit = (listLimit: number): number => Math.max(1, Math.round(listLimit / 80));
export const PREVIEW_LIMIT = previewLimit(LIST_LIMIT);

/** The path segment of a year page: the year, or `undated` for what has none. */
export type YearKey = `${number}` | 'undated';

export const yearKey = (year: number | undefined): YearKey => (year === undefined ? 'undated' : `${year}`);

export const yearLabel = (key: YearKey): string => (key === 'undated' ? '未注明年份' : `${key}年`);

export interface YearGroup<T> {
  key: YearKey;
  items: T[];
}

/** Is a list longer than a page lists? */
export const pastLimit = (items: readonly unknown[]): boolean => items.length > LIST_LIMIT;

/** A list past the limit grouped by year (its page is cut); undefined when a page still lists it whole. */
export function cutByYear<T>(items: readonly T[], yearOf: (item: T) => number | undefined): Array<YearGroup<T>> | undefined {
  return pastLimit(items) ? groupByYear(items, yearOf) : undefined;
}

/** Orders year keys newest first, `undated` last. */
export const newestYearFirst = (a: YearKey, b: YearKey): number => (a === 'undated' ? 1 : b === 'undated' ? -1 : Number(b) - Number(a));

/** Items grouped by year, newest year first and `undated` last; each group keeps the items' order. */
export function groupByYear<T>(items: readonly T[], yearOf: (item: T) => number | undefined): Array<YearGroup<T>> {
  const groups = Map.groupBy(items, (item) => yearKey(yearOf(item)));
  return [...groups].map(([key, list]) => ({ key, items: list })).sort((a, b) => newestYearFirst(a.key, b.key));
}

/** Each year group with the keys of the years before and after it in the list, for a year page's pager. */
export function withNeighbours<T>(groups: Array<YearGroup<T>>): Array<{ year: YearGroup<T>; newer?: YearKey | undefined; older?: YearKey | undefined }> {
  return groups.map((year, i) => ({ year, newer: groups[i - 1]?.key, older: groups[i + 1]?.key }));
}
