// Every internal link goes through here so the site works when served under a sub-path (BASE_PATH).

/** The configured base, always ending in exactly one slash ('/' or '/gazette/'). */
const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');

/** URL of a page under the base, from path segments (each may itself contain '/'), with a trailing slash. */
export function pageUrl(...segments: string[]): string {
  const path = segments
    .flatMap((segment) => segment.split('/'))
    .filter((part) => part !== '')
    .map(encodeURIComponent)
    .join('/');
  return path === '' ? base : `${base}${path}/`;
}

/** URL of a static file under the base (no trailing slash), e.g. pagefind/pagefind-ui.js. */
export function fileUrl(path: string): string {
  return base + path.replace(/^\/+/, '');
}

export const homeUrl = (): string => pageUrl();
export const publicationsUrl = (): string => pageUrl('publications');
export const publicationUrl = (publicationId: string): string => pageUrl('publications', publicationId);
/** Issue ids are `<publication>/<year>/<issue>`; the page path mirrors them. */
export const issueUrl = (issueId: string): string => pageUrl('issues', issueId);
export const documentsUrl = (): string => pageUrl('documents');
export const documentUrl = (slug: string): string => pageUrl('documents', slug);
/** A place in a document: a provision, paragraph, table or table row (#article-9, #t-365-r3). */
export const provisionUrl = (slug: string, anchor: string): string => `${documentUrl(slug)}#${anchor}`;
export const searchUrl = (): string => pageUrl('search');
export const departmentsUrl = (): string => pageUrl('departments');
export const departmentUrl = (id: string): string => pageUrl('departments', id);
/** One year of a department's tasks (`undated` for documents without a year), once its page is cut by year. */
export const departmentYearUrl = (id: string, year: string): string => pageUrl('departments', id, year);
/** Every document filed under a year (`undated`: under none). */
export const yearsUrl = (): string => pageUrl('years');
export const yearUrl = (year: string): string => pageUrl('years', year);
export const plansUrl = (): string => pageUrl('plans');
export const planUrl = (id: string): string => pageUrl('plans', id);
export const indicatorsUrl = (): string => pageUrl('indicators');
export const indicatorUrl = (id: string): string => pageUrl('indicators', id);
/** One year of an indicator's values, once its page is cut by year. */
export const indicatorYearUrl = (id: string, year: string): string => pageUrl('indicators', id, year);
/** Document numbers of one year, once /wh/ lists too many numbers to show them all (`undated`: numbers without a year). */
export const docNumbersYearUrl = (year: string): string => pageUrl('wh', 'by-year', year);
/** A document cited but not in the corpus: its entry on the list of external references (the anchor is part of the URL contract). */
export const referenceUrl = (id: string): string => `${pageUrl('references')}#${id}`;
/** Every place that cites one external reference, once the list shows only the first few. */
export const referencePlacesUrl = (id: string): string => pageUrl('references', id);
/** One year of those places, once they are cut by year. */
export const referenceYearUrl = (id: string, year: string): string => pageUrl('references', id, year);
