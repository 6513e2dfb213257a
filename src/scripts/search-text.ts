// Text folding shared by the search index (scripts/build-search-index.ts), the browser search
// (src/scripts/search-engine.ts) and the evaluation (scripts/eval-search/): both sides of a match
// must cut text into exactly the same units, or a query misses pages that contain it.
//
// The index stores every character as its own Pagefind word, in reading order, and a query is
// a Pagefind exact-phrase search for its characters: "the page contains the query" then means
// exactly what it says, whatever a word segmenter would have made of either side.

/**
 * Marks a block boundary in the indexed text (where Pagefind itself would put a full stop between
 * block elements). It takes a position, so no phrase runs across two blocks, but it is never
 * indexed itself: it is not a word character and never one of the index's include characters.
 */
export const BLOCK_SEPARATOR = '¶';

/**
 * The ASCII double quote is Pagefind's phrase delimiter: as an index character it would stick to
 * the quotes around every phrase query. Both sides write it full-width instead.
 */
export const QUOTE = '＂';

/** Pagefind indexes a character when it is alphanumeric (Rust `char::is_alphanumeric`). */
const WORD_CHAR = /^[\p{Alphabetic}\p{N}]$/u;
/** Dropped from both sides: whitespace, control and format characters (zero-width spaces, soft hyphens). */
const IGNORED = /[\s\p{Cc}\p{Cf}]/gu;

export function isWordChar(char: string): boolean {
  // CJK ideographs, most of any text here, are word characters: a comparison before the regex
  // (the search index asks once per character of the corpus, 70 million at 10,005 documents).
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 0x4e00 && code <= 0x9fff) return true;
  return WORD_CHAR.test(char);
}

// 文号 are printed with their year in 〔〕, but typed and even printed with [], (), 【】 and the
// full-width ［］ （）. A bracketed year between a Han character and a serial number with 号 is a
// 文号 year: both sides write it as 〔year〕.
const OPEN = '[(（【〔［';
const CLOSE = '\\])）】〕］';
const DOC_NUMBER_YEAR = new RegExp(`(\\p{Script=Han})[${OPEN}]((?:19|20)\\d{2})[${CLOSE}](?=\\d{1,4}(?:[-—–、]\\d{1,4})*号)`, 'gu');

/** Same number of code points in and out: offsets into folded text stay valid. */
export function unifyDocNumberYears(text: string): string {
  return text.replace(DOC_NUMBER_YEAR, '$1〔$2〕');
}

/** Full-width letters and digits (ＧＤＰ, ２０１７) as ASCII; nothing else changes width. */
export function narrowAlphanumerics(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The units of a text as the index stores them: whitespace and invisible characters dropped,
 * full-width letters and digits as ASCII, 文号 years in 〔〕, ASCII " as ＂. Everything else is
 * kept as printed, case included (Pagefind lower-cases what it indexes; excerpts show the text).
 */
export function textUnits(text: string): string[] {
  return Array.from(unifyDocNumberYears(foldChars(text)));
}

/** `textUnits` without the 文号 rule (which needs the text around): one code point per unit kept. */
export function foldChars(text: string): string {
  return narrowAlphanumerics(text.replace(IGNORED, '')).replace(/"/g, QUOTE);
}

/** The units of a query: as `textUnits`, lower-cased, the way Pagefind compares them. */
export function queryUnits(text: string): string[] {
  return textUnits(text).map((unit) => unit.toLowerCase());
}

/** How a unit compares with a query unit (lower case, accents folded as Pagefind folds them). */
export function comparable(unit: string): string {
  return unit.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

// A query that is one 文号, in any of the ways people type it: 吉政办发〔2017〕7号,
// 吉政办发[2017]7号, 吉政办发（2017）7号, 吉政办发2017 7号, 吉政办发20177号, full-width digits.
const DOC_NUMBER_QUERY = new RegExp(`^(\\p{Script=Han}{2,16}?)\\s*[${OPEN}]?\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]?\\s*(\\d{1,4}(?:[-—–]\\d{1,4})?)\\s*号$`, 'u');

/** The normalised 文号 (吉政办发〔2017〕7号) if the whole query is one, else undefined. */
export function docNumberOfQuery(query: string): string | undefined {
  const m = DOC_NUMBER_QUERY.exec(narrowAlphanumerics(query).trim());
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
}

export interface ParsedQuery {
  /** Each term is a phrase (its units); a page matches when it contains every term. */
  terms: string[][];
  /** Set when the whole query is a 文号: its normalised form. */
  docNumber?: string;
}

/**
 * Reads what the reader typed. A 文号 in any form is one term; otherwise terms are separated by
 * spaces and each must occur as typed (a query wrapped in "…" is one term, quotes removed).
 */
export function parseQuery(raw: string): ParsedQuery {
  const docNumber = docNumberOfQuery(raw);
  if (docNumber !== undefined) return { terms: [queryUnits(docNumber)], docNumber };
  const text = raw.trim();
  const quoted = /^["＂]([^"＂]+)["＂]$/.exec(text);
  const parts = quoted ? [quoted[1]!] : text.split(/\s+/);
  const terms = parts.map(queryUnits).filter((units) => units.length > 0);
  return { terms };
}

/** The Pagefind query for one term: an exact phrase of single-character words. */
export function pagefindPhrase(term: string[]): string {
  return `"${term.join(' ')}"`;
}

/** Every start index where `needle` occurs in `units` (compared as Pagefind compares them). */
export function findAll(units: readonly string[], needle: readonly string[]): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  const want = needle.map(comparable);
  outer: for (let i = 0; i + want.length <= units.length; i++) {
    for (let j = 0; j < want.length; j++) {
      if (comparable(units[i + j]!) !== want[j]) continue outer;
    }
    out.push(i);
  }
  return out;
}

/** What the browser needs to show and filter a page without loading any of its text. */
export interface CatalogPage {
  /** Path under the site's base, e.g. documents/jzbf-2017-7/ */
  path: string;
  type: 'document' | 'issue' | 'page';
  title: string;
  docNumber?: string;
  kind?: string;
  /** ISO date the page is filed under (a document's own date, else its issue's). */
  date?: string;
  /** Where it was published: 吉林省人民政府公报 2017年第8期. */
  issue?: string;
  /** The page's Pagefind filters (publication, year, kind, issuer …), as every passage of it carries them. */
  filters: Record<string, string[]>;
}

/** search-catalog.json, written next to the Pagefind index by scripts/build-search-index.ts. */
export interface Catalog {
  /** The block separator used in this index (never a character of the corpus). */
  separator: string;
  /** Every non-alphanumeric character the index holds: a query with any other can match nothing. */
  include: string;
  /**
   * The Pagefind bundles the index is cut into, each under its own language tag: the first is the
   * bundle the runtime is loaded from, the others are merged into it (paths relative to it).
   */
  shards: Array<{ path: string; language: string; /** How many pages of `pages`, after the previous shards', it holds. */ pages: number }>;
  pages: CatalogPage[];
  /** Which Pagefind record (its fragment name) is which passage of which page, encoded by src/scripts/search-records.ts. */
  records: string;
}
