// The search itself, on the index scripts/build-search-index.ts writes (files described in
// search-index-format.ts). A query term matches a page exactly when the page's text contains it:
// a term of one, two or three units is one gram of the index; a longer one is a chain of trigrams
// whose positions must follow each other. Everything is fetched on demand: the postings shards of
// the query's grams, the ranking rows of the blocks of pages that match, then the display records
// and passages of the results shown. Loaded by the search page (src/lib/search-ui.ts) and by the
// evaluation (scripts/eval-search/).
import {
  decodePostings,
  displayPath,
  docNumberKey,
  docNumberPath,
  Field,
  gramOffsets,
  gunzip,
  indexUnit,
  MANIFEST_FILE,
  MAX_GRAM,
  PAGE_TYPES,
  readShardDirectory,
  rowPath,
  shardOf,
  shardPath,
  textPath,
  type Manifest,
  type PageRecord,
  type PageRow,
  type PageType,
  type PassageRecord,
  type Postings,
  type ShardEntry,
} from './search-index-format.ts';
import { findAll, foldChars, parseQuery, QUOTE, SEPARATOR, textUnits, type ParsedQuery } from './search-text.ts';

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

export interface Hit {
  pageIndex: number;
  type: PageType;
  /** Days since 1970 of the date the page is filed under; -1 if undated. */
  day: number;
  /** What the result shows: set by `describe`. */
  page?: PageRecord;
  score: number;
  /** The page is the document whose 文号 the query is. */
  docNumberMatch: boolean;
  /** How often the terms occur (passages for short terms, occurrences for long ones). */
  count: number;
  /** Passages known to contain a match, and positions where a long term starts. */
  passages: number[];
  positions: number[];
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
  /** Milliseconds from the query to the ranked hits (index files fetched as needed). */
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
  /** Matches in passages that were not read. */
  more: boolean;
}

const EXCERPT_BEFORE = 24;
const EXCERPT_AFTER = 56;

/** A term's matches in one page. */
interface TermMatch {
  count: number;
  passages: number[];
  positions: number[];
}

interface Shard {
  bytes: Uint8Array;
  directory: Map<string, ShardEntry[]>;
}

export class SearchEngine {
  private readonly shards = new Map<number, Promise<Shard>>();
  private readonly rows = new Map<number, Promise<PageRow[]>>();
  private readonly records = new Map<number, Promise<PageRecord[]>>();
  private readonly docNumbers = new Map<number, Promise<Record<string, number[]>>>();
  private readonly postings = new Map<string, Postings | null>();
  private readonly facetKeys: string[];

  private constructor(
    private readonly base: string,
    readonly manifest: Manifest,
  ) {
    this.facetKeys = Object.keys(manifest.facets);
  }

  /** Loads the index's manifest (the rest is fetched as queries need it). */
  static async load(bundleUrl: string): Promise<SearchEngine> {
    const response = await fetch(`${bundleUrl}${MANIFEST_FILE}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    const manifest = (await response.json()) as Manifest;
    return new SearchEngine(`${bundleUrl}${manifest.build}/`, manifest);
  }

  private async file(path: string): Promise<Uint8Array> {
    const response = await fetch(`${this.base}${path}`);
    if (!response.ok) throw new Error(`search index ${path}: HTTP ${response.status}`);
    return gunzip(new Uint8Array(await response.arrayBuffer()));
  }

  private async json<T>(path: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.file(path))) as T;
  }

  private cached<T>(cache: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
    let promise = cache.get(key);
    if (!promise) {
      promise = load();
      promise.catch(() => cache.delete(key));
      cache.set(key, promise);
    }
    return promise;
  }

  private shard(n: number): Promise<Shard> {
    return this.cached(this.shards, n, async () => {
      const bytes = await this.file(shardPath(n));
      return { bytes, directory: readShardDirectory(bytes) };
    });
  }

  /** Fetches the shards of these grams, at once. */
  private async loadGrams(grams: Iterable<string>): Promise<void> {
    const needed = new Set<number>();
    for (const gram of grams) if (!this.postings.has(`${Field.Body}${gram}`)) needed.add(shardOf(gram, this.manifest.shards));
    await Promise.all([...needed].map((n) => this.shard(n)));
  }

  /** A gram's postings in a field (its shard must be loaded), or null if it occurs nowhere. */
  private async gram(gram: string, field: Field): Promise<Postings | null> {
    const key = `${field}${gram}`;
    if (this.postings.has(key)) return this.postings.get(key)!;
    const shard = await this.shard(shardOf(gram, this.manifest.shards));
    const entry = shard.directory.get(gram)?.find((e) => e.field === field);
    const postings = entry ? decodePostings(shard.bytes, entry, Array.from(gram).length) : null;
    this.postings.set(key, postings);
    return postings;
  }

  /** Pages where the term occurs in a field, with where. */
  private async term(term: string[], field: Field): Promise<Map<number, TermMatch>> {
    const out = new Map<number, TermMatch>();
    const offsets = gramOffsets(term.length);
    const size = Math.min(MAX_GRAM, term.length);
    const lists = await Promise.all(offsets.map((at) => this.gram(term.slice(at, at + size).join(''), field)));
    if (lists.some((list) => list === null)) return out;
    const postings = lists as Postings[];
    if (postings.length === 1) {
      const [p] = postings;
      for (let i = 0; i < p!.pages.length; i++) {
        const values = Array.from(p!.values.subarray(p!.offsets[i]!, p!.offsets[i + 1]!));
        const long = size === MAX_GRAM;
        out.set(p!.pages[i]!, { count: size === 1 ? 1 : values.length, passages: long ? [] : values, positions: long ? values : [] });
      }
      return out;
    }
    // A chain: start from the gram on the fewest pages, look the page up in the others.
    const order = postings.map((_, k) => k).sort((a, b) => postings[a]!.pages.length - postings[b]!.pages.length);
    const rarest = postings[order[0]!]!;
    for (let i = 0; i < rarest.pages.length; i++) {
      const page = rarest.pages[i]!;
      const at = postings.map((p) => search(p.pages, page));
      if (at.some((index) => index < 0)) continue;
      const [first] = postings;
      const positions: number[] = [];
      for (let j = first!.offsets[at[0]!]!; j < first!.offsets[at[0]! + 1]!; j++) {
        const start = first!.values[j]!;
        let chained = true;
        for (let k = 1; k < postings.length && chained; k++) {
          const p = postings[k]!;
          chained = search(p.values, start + offsets[k]!, p.offsets[at[k]!]!, p.offsets[at[k]! + 1]!) >= 0;
        }
        if (chained) positions.push(start);
      }
      if (positions.length) out.set(page, { count: positions.length, passages: [], positions });
    }
    return out;
  }

  private row(page: number): Promise<PageRow> {
    const block = Math.floor(page / this.manifest.rowBlock);
    return this.cached(this.rows, block, () => this.json<PageRow[]>(rowPath(block))).then((rows) => rows[page % this.manifest.rowBlock]!);
  }

  /** Pages containing every term of the query, filtered, ranked, with facet counts. */
  async search(raw: string, filters: Filters = {}, sort: SortOrder = 'relevance'): Promise<Outcome> {
    const started = performance.now();
    const query = parseQuery(raw);
    const active = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
    const terms = query.terms.map((term) => term.map(indexUnit));
    if (terms.length === 0) return { query, hits: [], facets: [], elapsed: performance.now() - started };

    const grams = terms.flatMap((term) => gramOffsets(term.length).map((at) => term.slice(at, at + MAX_GRAM).join('')));
    const docNumber = query.docNumber !== undefined ? docNumberKey(textUnits(query.docNumber)) : undefined;
    const [, docNumberPages] = await Promise.all([
      this.loadGrams(grams),
      docNumber === undefined
        ? undefined
        : this.cached(this.docNumbers, shardOf(docNumber, this.manifest.docNumberShards), () => this.json<Record<string, number[]>>(docNumberPath(shardOf(docNumber, this.manifest.docNumberShards)))).then(
            (entries) => new Set(entries[docNumber] ?? []),
          ),
    ]);

    // Pages with every term in the body; the title only ranks.
    const perTerm = await Promise.all(terms.map((term) => this.term(term, Field.Body)));
    perTerm.sort((a, b) => a.size - b.size);
    const [first, ...rest] = perTerm;
    const matched = new Map<number, TermMatch>();
    for (const [page, match] of first!) {
      if (!rest.every((other) => other.has(page))) continue;
      const all = [match, ...rest.map((other) => other.get(page)!)];
      matched.set(page, {
        count: all.reduce((sum, m) => sum + m.count, 0),
        passages: [...new Set(all.flatMap((m) => m.passages))].sort((a, b) => a - b),
        positions: [...new Set(all.flatMap((m) => m.positions))].sort((a, b) => a - b),
      });
    }
    const inTitle = matched.size ? await Promise.all(terms.map((term) => this.term(term, Field.Title))) : [];

    const pages = [...matched.keys()];
    const rows = await Promise.all(pages.map((page) => this.row(page)));
    const activeIds = Object.entries(active).map(([key, values]) => {
      const at = this.facetKeys.indexOf(key);
      const dictionary = this.manifest.facets[key] ?? [];
      return { key, at, ids: new Set(values.map((value) => dictionary.indexOf(value)).filter((id) => id >= 0)) };
    });
    const passes = (row: PageRow, except?: string) =>
      activeIds.every(({ key, at, ids }) => key === except || (at >= 0 && (row[2 + at] as number[]).some((id) => ids.has(id))));

    const hits: Hit[] = [];
    pages.forEach((page, i) => {
      const row = rows[i]!;
      if (!passes(row)) return;
      const match = matched.get(page)!;
      const type = PAGE_TYPES[row[0]]!;
      const docNumberMatch = docNumberPages?.has(page) ?? false;
      const titled = inTitle.length > 0 && inTitle.every((titles) => titles.has(page));
      // The document named by its 文号 first, then pages with the query in their title, then by
      // how often it occurs (saturating); gazette issue pages (their 目录) after documents.
      const score = (docNumberMatch ? 1000 : 0) + (titled ? 100 : 0) + (10 * match.count) / (match.count + 3) - (type === 'issue' ? 5 : 0);
      hits.push({ pageIndex: page, type, day: row[1], score, docNumberMatch, ...match });
    });
    hits.sort(sort === 'relevance' ? byRelevance : byDate(sort === 'date-asc' ? 1 : -1));
    return { query, hits, facets: this.facets(rows, active, passes), elapsed: performance.now() - started };
  }

  private facets(rows: PageRow[], active: Filters, passes: (row: PageRow, except?: string) => boolean): Outcome['facets'] {
    const out: Outcome['facets'] = [];
    for (const { key, label } of FACETS) {
      const at = this.facetKeys.indexOf(key);
      if (at < 0) continue;
      const dictionary = this.manifest.facets[key]!;
      const counts = new Map<string, number>();
      for (const row of rows) {
        // A facet's counts apply every other facet's selection (so values can be combined or switched).
        if (!passes(row, key)) continue;
        for (const id of row[2 + at] as number[]) counts.set(dictionary[id]!, (counts.get(dictionary[id]!) ?? 0) + 1);
      }
      for (const value of active[key] ?? []) if (!counts.has(value)) counts.set(value, 0);
      if (counts.size === 0) continue;
      const values = [...counts].map(([value, count]) => ({ value, count, selected: (active[key] ?? []).includes(value) }));
      values.sort(key === 'year' ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
      out.push({ key, label, values });
    }
    return out;
  }

  /** Loads what these hits show (title, 文号, date, issue, passages) into `hit.page`. */
  async describe(hits: Hit[]): Promise<void> {
    const block = this.manifest.displayBlock;
    await Promise.all(
      hits.map(async (hit) => {
        const n = Math.floor(hit.pageIndex / block);
        const records = await this.cached(this.records, n, () => this.json<PageRecord[]>(displayPath(n)));
        hit.page = records[hit.pageIndex % block]!;
      }),
    );
  }

  /** Paths of these hits (their display records are loaded as needed). */
  async paths(hits: Hit[]): Promise<string[]> {
    await this.describe(hits.filter((hit) => !hit.page));
    return hits.map((hit) => hit.page!.path);
  }

  /**
   * Excerpts for a hit (described): loads up to `maxPassages` of its matching passages (in reading
   * order) and returns one place per anchor, matches in the body before matches in the page head
   * (title, 文号, 发文机关, which the result shows anyway).
   */
  async details(hit: Hit, terms: string[][], maxPlaces = 3, maxPassages = 2): Promise<Details> {
    if (!hit.page) await this.describe([hit]);
    const starts = hit.page!.passages;
    const passageOf = (position: number) => {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= position) k++;
      return k;
    };
    const matching = [...new Set([...hit.passages, ...hit.positions.map(passageOf)])].sort((a, b) => a - b);
    const records = await Promise.all(matching.slice(0, maxPassages).map((k) => this.json<PassageRecord>(textPath(hit.pageIndex, k, this.manifest.textBlock))));
    const body: Place[] = [];
    const head: Place[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const units = Array.from(record.text);
      const anchors = record.anchors.map(([offset, id, label]) => ({ offset, id, label }));
      const matches = terms.flatMap((term) => findAll(units, term).map((at) => [at, at + term.length] as const)).sort((a, b) => a[0] - b[0]);
      for (const [at] of matches) {
        const before = anchors.filter((anchor) => anchor.offset <= at);
        const anchor = before.at(-1);
        const key = anchor?.id ?? '';
        if (seen.has(key)) continue;
        seen.add(key);
        const label = before.filter((a) => a.label).at(-1)?.label;
        (anchor ? body : head).push({ anchor: anchor?.id, label, excerpt: excerpt(units, at, matches, anchor?.offset ?? 0) });
      }
    }
    return { places: [...body, ...head].slice(0, maxPlaces), more: matching.length > records.length };
  }

  /** A page title with the query's terms marked. */
  highlightTitle(hit: Hit, terms: string[][]): Segment[] {
    const title = hit.page?.title ?? '';
    const chars = Array.from(title);
    // Units skip whitespace; map each back to its character so the title shows as printed.
    const at = chars.flatMap((char, i) => (foldChars(char) === '' ? [] : [i]));
    const units = textUnits(title);
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

/** Index of `value` in the ascending `list[from, to)`, or -1. */
function search(list: Int32Array, value: number, from = 0, to = list.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function byRelevance(a: Hit, b: Hit): number {
  return b.score - a.score || b.day - a.day || a.pageIndex - b.pageIndex;
}

/** Dated pages by date, undated after them; ties by relevance. */
function byDate(sign: 1 | -1): (a: Hit, b: Hit) => number {
  return (a, b) => {
    if (a.day < 0 || b.day < 0) return (a.day < 0 ? 1 : 0) - (b.day < 0 ? 1 : 0) || byRelevance(a, b);
    return sign * (a.day - b.day) || byRelevance(a, b);
  };
}

/**
 * Text around position `at`, starting no earlier than `from` (the provision's start), with every
 * match in view marked; block separators read as spaces.
 */
function excerpt(units: string[], at: number, matches: ReadonlyArray<readonly [number, number]>, from = 0): Segment[] {
  const start = Math.max(from, at - EXCERPT_BEFORE);
  const end = Math.min(units.length, at + EXCERPT_AFTER);
  const marked = new Array<boolean>(end - start).fill(false);
  for (const [from, to] of matches) for (let i = Math.max(from, start); i < Math.min(to, end); i++) marked[i - start] = true;
  const segments: Segment[] = [];
  if (start > from) segments.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    // The index writes the ASCII quote full-width (search-text.ts); show it as printed.
    const text = units[i] === SEPARATOR ? ' ' : units[i] === QUOTE ? '"' : units[i]!;
    const mark = marked[i - start]!;
    const last = segments.at(-1);
    if (last && last.mark === mark && last.text !== '…') last.text += text;
    else segments.push({ text, mark });
  }
  if (end < units.length) segments.push({ text: '…', mark: false });
  return segments;
}
