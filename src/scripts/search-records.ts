// Which Pagefind record is which passage of which page: the part of search-catalog.json a first
// query must load whole, so it is written compactly. Pagefind names a record by its shard's
// language tag and a content hash (und-x-s3_0198d7b); as a JSON object of full ids this map was
// 238 KB gzip at 30,668 records. Here the pages are listed in catalog order, each with its
// passages' ids in reading order, and an id is cut to the shortest prefix that no other id of its
// shard shares: the page and passage come from the position, the shard from the page.

/** A record's page (index into the catalog's pages) and passage (index within the page). */
export type Place = readonly [page: number, passage: number];

/** What the encoding needs of a shard: its language tag and how many pages, in catalog order, it holds. */
export interface ShardPages {
  language: string;
  pages: number;
}

const PAGE_SEPARATOR = ';';
const PASSAGE_SEPARATOR = ',';

/** Pagefind's record id split into its shard's language tag and its hash. */
function splitId(id: string): { language: string; hash: string } {
  const cut = id.lastIndexOf('_');
  if (cut <= 0 || cut === id.length - 1) throw new Error(`not a Pagefind record id: ${id}`);
  return { language: id.slice(0, cut), hash: id.slice(cut + 1) };
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Marks a stored id that is whole and a prefix of another id: it matches only itself. */
const WHOLE = '!';

/**
 * The shortest prefix of each string that is no prefix of another string of the set; a string
 * that is itself a prefix of another (Pagefind lengthens an id only when it collides) is kept
 * whole and marked with '!'. Sorted, a string shares its longest prefix with a neighbour.
 */
export function shortestPrefixes(strings: readonly string[]): Map<string, string> {
  const sorted = [...new Set(strings)].sort();
  const out = new Map<string, string>();
  sorted.forEach((s, i) => {
    const shared = Math.max(i > 0 ? commonPrefixLength(s, sorted[i - 1]!) : 0, i + 1 < sorted.length ? commonPrefixLength(s, sorted[i + 1]!) : 0);
    out.set(s, shared < s.length ? s.slice(0, shared + 1) : `${s}${WHOLE}`);
  });
  return out;
}

/** The shard of every page, from the shards' page counts (pages are never split between shards). */
function pageLanguages(shards: readonly ShardPages[]): string[] {
  return shards.flatMap((shard) => Array.from({ length: shard.pages }, () => shard.language));
}

/**
 * Encodes the record map: pages separated by ';', each page's passages' id prefixes (without the
 * language tag) separated by ',' in passage order. Throws when the map does not describe exactly
 * the passages 0…n−1 of pages in the shards' ranges, so a catalog never maps a record wrongly.
 */
export function encodeRecords(shards: readonly ShardPages[], places: ReadonlyMap<string, Place>): string {
  const languages = pageLanguages(shards);
  const hashesByLanguage = new Map<string, string[]>();
  for (const id of places.keys()) {
    const { language, hash } = splitId(id);
    const hashes = hashesByLanguage.get(language);
    if (hashes) hashes.push(hash);
    else hashesByLanguage.set(language, [hash]);
  }
  const prefixes = new Map([...hashesByLanguage].map(([language, hashes]) => [language, shortestPrefixes(hashes)]));
  const pages: string[][] = languages.map(() => []);
  for (const [id, [page, passage]] of places) {
    const { language, hash } = splitId(id);
    if (languages[page] !== language) throw new Error(`record ${id} is in shard ${language}, but page ${page} is in ${languages[page] ?? 'no shard'}`);
    if (pages[page]![passage] !== undefined) throw new Error(`two records for passage ${passage} of page ${page}`);
    pages[page]![passage] = prefixes.get(language)!.get(hash)!;
  }
  return pages
    .map((passages, page) => {
      // Array.from visits holes, which a sparse array's join would not show.
      if (Array.from(passages).some((prefix) => prefix === undefined)) throw new Error(`page ${page} has a passage without a record`);
      return passages.join(PASSAGE_SEPARATOR);
    })
    .join(PAGE_SEPARATOR);
}

/** One shard's stored prefixes: prefix → place, and the ids kept whole. */
interface ShardPrefixes {
  places: Map<string, Place>;
  whole: Set<string>;
}

/** The decoded map: a Pagefind record id → its page and passage. */
export class RecordPlaces {
  private readonly shards = new Map<string, ShardPrefixes>();
  private count = 0;

  constructor(shards: readonly ShardPages[], encoded: string) {
    const languages = pageLanguages(shards);
    // '' is one page without passages, unless there are no pages at all.
    const pages = languages.length === 0 && encoded === '' ? [] : encoded.split(PAGE_SEPARATOR);
    if (pages.length !== languages.length) throw new Error(`search catalog: records for ${pages.length} pages, shards of ${languages.length}`);
    pages.forEach((passages, page) => {
      if (passages === '') return;
      const language = languages[page]!;
      let shard = this.shards.get(language);
      if (!shard) this.shards.set(language, (shard = { places: new Map(), whole: new Set() }));
      passages.split(PASSAGE_SEPARATOR).forEach((stored, passage) => {
        const prefix = stored.endsWith(WHOLE) ? stored.slice(0, -WHOLE.length) : stored;
        if (prefix !== stored) shard.whole.add(prefix);
        shard.places.set(prefix, [page, passage]);
        this.count++;
      });
    });
  }

  /** How many records the map places. */
  get size(): number {
    return this.count;
  }

  /**
   * The place of a record of this index, shortest prefix first: a stored prefix is a prefix of
   * exactly one id, except an id kept whole, which matches only itself. An id from another index
   * may match a prefix: the catalog and the shards are written together.
   */
  get(id: string): Place | undefined {
    const { language, hash } = splitId(id);
    const shard = this.shards.get(language);
    if (!shard) return undefined;
    for (let end = 1; end <= hash.length; end++) {
      const prefix = end === hash.length ? hash : hash.slice(0, end);
      const place = shard.places.get(prefix);
      if (place !== undefined && (end === hash.length || !shard.whole.has(prefix))) return place;
    }
    return undefined;
  }
}
