// The search itself, on Pagefind's JavaScript API and the index scripts/build-search-index.ts
// writes: every character is a Pagefind word and every page is split into passages (records).
// A query term is one Pagefind exact-phrase search; its records map to pages through
// search-catalog.json, which also carries what a result shows and how it is filtered, so a
// result list needs no passage text until it is displayed. Loaded on demand by the search page
// (src/lib/search-ui.ts) and by the evaluation (scripts/eval-search/).
import { RecordPlaces } from './search-records.ts';
import { findAll, foldChars, parseQuery, pagefindPhrase, QUOTE, textUnits, isWordChar, type Catalog, type CatalogPage, type ParsedQuery } from './search-text.ts';

/** The facets the search page offers, in order, with their labels. Pages declare the values
 *  (src/components/search/DocumentSearchMeta.astro); a key with no values in the index is not shown. */
export const FACETS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'publication', label: '公报' },
  { key: 'year', label: '年份' },
  { key: 'kind', label: '文种' },
  { key: 'issuer', label: '发文机关' },
  { key: 'department', label: '部门' },
];

export type Filters = Record<string, string[]>;
export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

interface PagefindAnchor {
  id: string;
  location: number;
  title?: string;
}
interface PagefindFragmentData {
  content: string;
  anchors: PagefindAnchor[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragmentData>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(language?: string): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: object }): Promise<{ results: PagefindResult[] } | null>;
}

export interface HitRecord {
  id: string;
  passage: number;
  result: PagefindResult;
}

export interface Hit {
  pageIndex: number;
  page: CatalogPage;
  /** Matching passages of the page, in reading order. */
  records: HitRecord[];
  score: number;
  /** The page is the document whose 文号 the query is. */
  docNumberMatch: boolean;
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface Outcome {
  query: ParsedQuery;
  hits: Hit[];
  /** Per facet key, the values with the number of pages they would leave (other facets applied). */
  facets: Array<{ key: string; label: string; values: FacetValue[] }>;
  /** Milliseconds spent in Pagefind and in grouping. */
  elapsed: number;
}

/** A piece of excerpt text, marked when it is part of a match. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Place {
  /** Anchor on the page (provision or paragraph id), if the match has one. */
  anchor?: string;
  /** How the provision is named: 第九条 为了…, 一、总体要求. */
  label?: string;
  excerpt: Segment[];
}

export interface Details {
  /** The first match, then matches under other anchors (at most `maxPlaces` in all). */
  places: Place[];
  /** How many of the hit's passages were read. */
  passages: number;
}

const EXCERPT_BEFORE = 24;
const EXCERPT_AFTER = 56;

export class SearchEngine {
  private readonly include: Set<string>;
  /** Pagefind record id → its page and passage. */
  private readonly places: RecordPlaces;

  private constructor(
    private readonly pagefind: PagefindModule,
    readonly catalog: Catalog,
  ) {
    this.include = new Set(Array.from(catalog.include));
    this.places = new RecordPlaces(catalog.shards, catalog.records);
  }

  /**
   * Loads Pagefind (runtime, WebAssembly, the index metadata of every shard) and the catalog from
   * the bundle. The shards share the first one's runtime; each adds its entry and metadata.
   */
  static async load(bundleUrl: string): Promise<SearchEngine> {
    const [pagefind, catalog] = await Promise.all([
      import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<PagefindModule>,
      fetch(`${bundleUrl}search-catalog.json`).then((response) => {
        if (!response.ok) throw new Error(`search catalog: HTTP ${response.status}`);
        return response.json() as Promise<Catalog>;
      }),
    ]);
    const [primary, ...merged] = catalog.shards;
    // On the main thread: the searches are small, and a worker would be one more script to fetch.
    await pagefind.options({ basePath: bundleUrl, noWorker: true });
    await pagefind.init(primary?.language);
    await Promise.all(merged.map((shard) => pagefind.mergeIndex(`${bundleUrl}${shard.path}`, { language: shard.language })));
    return new SearchEngine(pagefind, catalog);
  }

  /** Pages containing every term of the query, filtered, ranked, with facet counts. */
  async search(raw: string, filters: Filters = {}, sort: SortOrder = 'relevance'): Promise<Outcome> {
    const started = performance.now();
    const query = parseQuery(raw);
    const active = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
    const searchable = query.terms.length > 0 && query.terms.every((term) => term.every((unit) => isWordChar(unit) || this.include.has(unit)));
    const all = searchable ? await this.match(query.terms, undefined) : new Map<number, HitRecord[]>();
    // Pagefind filters the records; the catalog counts pages per facet value.
    const filtered = searchable && Object.keys(active).length > 0 ? await this.match(query.terms, active) : all;
    const hits = [...filtered].map(([pageIndex, records]) => this.hit(query, pageIndex, records));
    hits.sort(sort === 'relevance' ? byRelevance : byDate(sort === 'date-asc' ? 1 : -1));
    return { query, hits, facets: this.facets([...all.keys()], active), elapsed: performance.now() - started };
  }

  /** Records of pages that contain every term: page index → its matching records in reading order. */
  private async match(terms: string[][], filters: Filters | undefined): Promise<Map<number, HitRecord[]>> {
    const pagefindFilters = filters && Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values }]));
    const perTerm = await Promise.all(
      terms.map(async (term) => {
        const response = await this.pagefind.search(pagefindPhrase(term), pagefindFilters ? { filters: pagefindFilters } : {});
        const pages = new Map<number, HitRecord[]>();
        for (const result of response?.results ?? []) {
          const place = this.places.get(result.id);
          if (place === undefined) continue;
          const [page, passage] = place;
          pages.set(page, [...(pages.get(page) ?? []), { id: result.id, passage, result }]);
        }
        return pages;
      }),
    );
    const [first, ...rest] = perTerm;
    const out = new Map<number, HitRecord[]>();
    for (const [page, records] of first ?? []) {
      if (!rest.every((pages) => pages.has(page))) continue;
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const pages of rest) for (const record of pages.get(page)!) byId.set(record.id, record);
      out.set(page, [...byId.values()].sort((a, b) => a.passage - b.passage));
    }
    return out;
  }

  private hit(query: ParsedQuery, pageIndex: number, records: HitRecord[]): Hit {
    const page = this.catalog.pages[pageIndex]!;
    const docNumberMatch = query.docNumber !== undefined && page.docNumber !== undefined && sameUnits(page.docNumber, query.docNumber);
    const title = textUnits(page.title);
    const inTitle = query.terms.every((term) => findAll(title, term).length > 0);
    // A document named by its 文号 first, then pages with the query in their title, then by how
    // many passages match (saturating); gazette issue pages (their 目录) after documents.
    const score = (docNumberMatch ? 1000 : 0) + (inTitle ? 100 : 0) + (10 * records.length) / (records.length + 3) - (page.type === 'issue' ? 5 : 0);
    return { pageIndex, page, records, score, docNumberMatch };
  }

  private facets(pages: number[], active: Filters): Outcome['facets'] {
    const out: Outcome['facets'] = [];
    for (const { key, label } of FACETS) {
      const counts = new Map<string, number>();
      for (const pageIndex of pages) {
        const page = this.catalog.pages[pageIndex]!;
        // A facet's counts apply every other facet's selection (so values can be combined or switched).
        const passes = Object.entries(active).every(([other, values]) => other === key || values.some((value) => page.filters[other]?.includes(value)));
        if (!passes) continue;
        for (const value of new Set(page.filters[key] ?? [])) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      for (const value of active[key] ?? []) if (!counts.has(value)) counts.set(value, 0);
      if (counts.size === 0) continue;
      const values = [...counts].map(([value, count]) => ({ value, count, selected: (active[key] ?? []).includes(value) }));
      values.sort(key === 'year' ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
      out.push({ key, label, values });
    }
    return out;
  }

  /**
   * Excerpts for a hit: loads up to `maxPassages` of its passages (in reading order) and returns
   * one place per anchor, matches in the body before matches in the page head (title, 文号, 发文机关,
   * which the result shows anyway).
   */
  async details(hit: Hit, terms: string[][], maxPlaces = 3, maxPassages = 2): Promise<Details> {
    const fragments = await Promise.all(hit.records.slice(0, maxPassages).map((record) => record.result.data()));
    const body: Place[] = [];
    const head: Place[] = [];
    const seen = new Set<string>();
    for (const fragment of fragments) {
      const units = fragment.content.split(' ');
      const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
      const matches = terms.flatMap((term) => findAll(units, term).map((at) => [at, at + term.length] as const)).sort((a, b) => a[0] - b[0]);
      for (const [at] of matches) {
        const before = anchors.filter((anchor) => anchor.location <= at);
        const anchor = before.at(-1);
        const key = anchor?.id ?? '';
        if (seen.has(key)) continue;
        seen.add(key);
        const label = before.filter((a) => a.title).at(-1)?.title;
        (anchor ? body : head).push({ anchor: anchor?.id, label, excerpt: excerpt(units, at, matches, this.catalog.separator, anchor?.location ?? 0) });
      }
    }
    return { places: [...body, ...head].slice(0, maxPlaces), passages: fragments.length };
  }

  /** A page title with the query's terms marked. */
  highlightTitle(hit: Hit, terms: string[][]): Segment[] {
    const chars = Array.from(hit.page.title);
    // Units skip whitespace; map each back to its character so the title shows as printed.
    const at = chars.flatMap((char, i) => (foldChars(char) === '' ? [] : [i]));
    const units = textUnits(hit.page.title);
    const marked = new Set<number>();
    for (const term of terms) for (const start of findAll(units, term)) for (let i = start; i < start + term.length; i++) marked.add(at[i]!);
    const segments: Segment[] = [];
    chars.forEach((char, i) => {
      const mark = marked.has(i);
      const last = segments.at(-1);
      if (last && last.mark === mark) last.text += char;
      else segments.push({ text: char, mark });
    });
    return segments;
  }
}

function sameUnits(a: string, b: string): boolean {
  return textUnits(a).join('').toLowerCase() === textUnits(b).join('').toLowerCase();
}

function byRelevance(a: Hit, b: Hit): number {
  return b.score - a.score || (b.page.date ?? '').localeCompare(a.page.date ?? '') || a.page.path.localeCompare(b.page.path);
}

/** Dated pages by date, undated after them; ties by relevance. */
function byDate(sign: 1 | -1): (a: Hit, b: Hit) => number {
  return (a, b) => {
    if (!a.page.date || !b.page.date) return (a.page.date ? 0 : 1) - (b.page.date ? 0 : 1) || byRelevance(a, b);
    return sign * a.page.date.localeCompare(b.page.date) || byRelevance(a, b);
  };
}

/**
 * Text around position `at`, starting no earlier than `from` (the provision's start), with every
 * match in view marked; block separators read as spaces.
 */
function excerpt(units: string[], at: number, matches: ReadonlyArray<readonly [number, number]>, separator: string, from = 0): Segment[] {
  const start = Math.max(from, at - EXCERPT_BEFORE);
  const end = Math.min(units.length, at + EXCERPT_AFTER);
  const marked = new Array<boolean>(end - start).fill(false);
  for (const [from, to] of matches) for (let i = Math.max(from, start); i < Math.min(to, end); i++) marked[i - start] = true;
  const segments: Segment[] = [];
  if (start > from) segments.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    // The index writes the ASCII quote full-width (search-text.ts); show it as printed.
    const text = units[i] === separator ? ' ' : units[i] === QUOTE ? '"' : units[i]!;
    const mark = marked[i - start]!;
    const last = segments.at(-1);
    if (last && last.mark === mark && last.text !== '…') last.text += text;
    else segments.push({ text, mark });
  }
  if (end < units.length) segments.push({ text: '…', mark: false });
  return segments;
}
