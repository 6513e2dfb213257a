// Builds the search index for the built site: run after `astro build`.
// Reads <outDir> (GAZETTE_OUT_DIR, default dist) and writes <outDir>/pagefind/, which the search page loads.
//
// Pagefind is the engine, but it does not segment the text: Pagefind's own Chinese search cuts
// the index with one dictionary (jieba) and the query with another (the browser's
// Intl.Segmenter), so queries find pages that merely contain the pieces, or miss pages where the
// two cut differently (see docs/ARCHITECTURE.md, "Search"). Here every character is its own
// Pagefind word, and the browser asks for the query's characters as an exact phrase.
//
//   1. Pagefind reads the site as it always does, a batch of pages at a time (Pagefind's reading:
//      the text of data-pagefind-body without data-pagefind-ignore, the element ids in it, the
//      filters and metadata the page declares — is the text that gets indexed). It reads, and
//      later indexes, under a language it cuts no words in (PAGEFIND_LANGUAGE).
//   2. Each page becomes passages of about PASSAGE_TARGET characters, cut where a block starts,
//      so that a result loads only the passage it shows (a plan runs to 100,000 characters).
//   3. Each passage is added to the real index as a small HTML file: its characters separated by
//      spaces, empty elements carrying the page's anchors (so sub-results can jump to the
//      provision), the page's filters. A large archive is cut into shards of SHARD_UNITS
//      characters, each its own Pagefind bundle (Pagefind holds an index in memory until it is
//      written), which the browser merges.
//   4. search-catalog.json tells the browser the shards, which page each Pagefind record belongs
//      to, and what to show for the page, so results can be grouped per page without loading them.
//
// Intermediate results go to scratch files, not memory: the script's memory is that of two batches
// of pages or two shards (two workers, scripts/search-index/pool.ts), whatever the size of the site.
//
// `tsx scripts/build-search-index.ts --pagefind-defaults <dir>` instead writes an index made with
// Pagefind's defaults to <dir>, for `npm run eval:search` to compare against.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import pMap from 'p-map';
import { WorkerPool, type WorkerTask } from './search-index/pool.ts';
import { ReadCache, readKey } from './search-index/read-cache.ts';
import { planLayout, reindexAll, ShardLayout, type LayoutPlan, type ManifestShard } from './search-index/shard-layout.ts';
import { indexVersion, ShardStore } from './search-index/shard-store.ts';
import { cacheDirFromSetting } from './cache-setting.ts';
import { BLOCK_SEPARATOR, foldChars, isWordChar, unifyDocNumberYears, type Catalog, type CatalogPage } from '../src/scripts/search-text.ts';
import { encodeRecords, type Place, type ShardPages } from '../src/scripts/search-records.ts';

/**
 * Passages are cut at the first block start after this many characters… Every record costs the
 * first query bytes (Pagefind's metadata lists each one, the catalog maps each to its page) and
 * every query work: at 10,005 documents 3,000 (1,500 before) took the records from 50,895 to
 * 30,668, the first query from 1,269 to 1,017 KB and a query from 451 to 315 ms (medians), while
 * the seeds' first query grew from 107 to 111 KB (the passages shown are longer).
 */
export const PASSAGE_TARGET = 3000;
/** …and inside a block (at a sentence end if there is one) when no block starts before this many. */
export const PASSAGE_MAX = 6000;
/** A passage cut inside a block also carries the next characters, so phrases across the cut are found. */
export const PASSAGE_OVERLAP = 48;
/**
 * Index chunk size, in word positions (Pagefind's default is 20,000). With one word per character
 * a query needs one chunk per distinct character; small chunks keep the first query light.
 */
export const INDEX_CHUNK_SIZE = 2000;
export const CATALOG_FILE = 'search-catalog.json';
/** The pages' language, which passages declare. */
export const LANGUAGE = 'zh-cn';
/**
 * The language Pagefind reads pages and indexes passages under: one it has no word cutting or
 * stemming for ("undetermined"). Filed as zh, Pagefind cuts Chinese into words with its segmenter for
 * nothing here: the reading's fragments are kept only for their text, which pageText gives the
 * same, units and anchors, without the zero-width spaces between words; passages come cut into
 * characters already, and their index chunks are the same bytes. At 10,005 documents reading 300
 * pages took 3.7–4.6 s against 11.2–12.6 s as zh-cn, and indexing 825 passages 6.1 s against
 * 9.3 s, with fragments 28% smaller (the excerpts a query fetches).
 */
export const PAGEFIND_LANGUAGE = 'und';

/** A page as Pagefind extracted it (one fragment of the default index). */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: Array<{ element: string; id: string; text: string; location: number; title?: string }>;
}

export interface Anchor {
  id: string;
  /** Index into the page's units where the element starts. */
  offset: number;
  /** Provisions (chapters, articles, items, 专栏, headings) get a label; paragraphs and tables do not. */
  label?: string;
}

/** A page's indexed text as units (see search-text.ts), with block separators and anchors. */
export interface PageText {
  units: string[];
  anchors: Anchor[];
}

/** A Pagefind record: passage `index` of catalog page `page`, added under `url`. */
export interface Passage {
  page: number;
  index: number;
  url: string;
}

// Pagefind puts a full stop after a block element whose text ends in a word character (its
// SENTENCE_CHARS), at the end of a whitespace chunk. Those are block boundaries, not text.
const SENTENCE_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;
/** A character foldChars changes (src/scripts/search-text.ts): ignored, full-width alphanumeric, or ASCII ". */
const NEEDS_FOLDING = /[\s\p{Cc}\p{Cf}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A"]/u;
/** Paragraphs (p-825), tables and their rows (t-90, t-90-r3): places, not provisions with a name. */
const PARAGRAPH_ID = /^(?:p|t)-\d+(?:-r\d+)?$/;

/** How many code points a string holds: its length, less one for each surrogate pair. */
const codePoints = (text: string): number => (/[\uD800-\uDFFF]/.test(text) ? Array.from(text).length : text.length);

/** Rebuilds a page's text from a default-index fragment: words, block boundaries, anchors. */
export function pageText(fragment: PagefindFragment, separator: string): PageText {
  // Built as strings and cut into units once at the end: pushing units one at a time (70 million at
  // 10,005 documents) was the passages pass's largest cost.
  const parts: string[] = [];
  /** Units so far, and whether the last is a separator (none at the start). */
  let count = 0;
  let atSeparator = true;
  /** Unit offset of each Pagefind word position. */
  const positions: number[] = [];
  const chunks = fragment.content.split(' ').filter((chunk) => chunk !== '');
  for (const chunk of chunks) {
    // The stop Pagefind adds ends the chunk: its own word where Pagefind cut the chunk into words
    // (zero-width spaces between them, as for zh), the end of the chunk's one word where it did not.
    const stop = chunk.endsWith('.') && SENTENCE_CHAR.test(chunk.slice(0, -1).replace(/\u200B+$/, ''));
    const words = chunk.split('\u200B').filter((word) => word !== '');
    words.forEach((word, i) => {
      positions.push(count);
      const text = stop && i === words.length - 1 ? word.slice(0, -1) : word;
      // Most words need no folding: one test instead of foldChars' three replacements.
      const folded = NEEDS_FOLDING.test(text) ? foldChars(text) : text;
      if (folded !== '') {
        parts.push(folded);
        count += codePoints(folded);
        atSeparator = false;
      }
    });
    if (stop && !atSeparator) {
      parts.push(separator);
      count++;
      atSeparator = true;
    }
  }
  // The 文号 rule reads across Pagefind's words (吉市政办函 [ 2020 ] 34 号); it keeps every offset.
  const units = Array.from(unifyDocNumberYears(parts.join('')));
  if (units.length !== count) throw new Error(`${fragment.url}: folding changed the text's length`);
  while (units.at(-1) === separator) units.pop();
  positions.push(units.length);

  const anchors: Anchor[] = [];
  for (const anchor of [...fragment.anchors].sort((a, b) => a.location - b.location)) {
    const offset = positions[Math.min(anchor.location, positions.length - 1)]!;
    anchors.push({ id: anchor.id, offset, label: PARAGRAPH_ID.test(anchor.id) ? undefined : provisionLabel(units, offset, separator) });
  }
  return { units, anchors };
}

/**
 * How a result names the provision an anchor starts: an article by its number (第九条), a
 * heading by its text (第二章 总则, 一、总体要求), a numbered paragraph to its first stop
 * ((三)监护困境儿童), at most 24 characters.
 */
function provisionLabel(units: string[], offset: number, separator: string): string {
  const out: string[] = [];
  for (let i = offset; i < units.length && out.length < 24; i++) {
    const unit = units[i]!;
    if (unit === separator || unit === '。' || unit === '；' || unit === ':' || unit === '：' || unit === '，') break;
    out.push(unit);
  }
  const text = out.join('');
  const article = /^第[一二三四五六七八九十百千零〇\d]+条/u.exec(text);
  if (article) return article[0];
  return text.replace(/^(第[一二三四五六七八九十百千零〇\d]+[编章节])(?=\S)/u, '$1 ');
}

/** Where to cut a page into passages: block starts, else sentence ends, else anywhere. */
export function passageBounds(text: PageText, separator: string): Array<[number, number]> {
  const { units } = text;
  const blockStarts = new Set<number>(text.anchors.map((anchor) => anchor.offset));
  units.forEach((unit, i) => {
    if (unit === separator) blockStarts.add(i + 1);
  });
  const bounds: Array<[number, number]> = [];
  let start = 0;
  while (start < units.length) {
    let cut = units.length;
    if (units.length - start > PASSAGE_TARGET) {
      cut = -1;
      for (let i = start + PASSAGE_TARGET; i <= Math.min(start + PASSAGE_MAX, units.length - 1); i++) {
        if (blockStarts.has(i)) {
          cut = i;
          break;
        }
      }
      if (cut < 0 && units.length - start <= PASSAGE_MAX) cut = units.length;
      if (cut < 0) {
        cut = start + PASSAGE_MAX;
        for (let i = start + PASSAGE_TARGET; i < start + PASSAGE_MAX; i++) {
          if (units[i - 1] === '。' || units[i - 1] === '；') {
            cut = i;
            break;
          }
        }
      }
    }
    let end = cut;
    // A cut inside a block: carry on into the next passage's first characters.
    if (cut < units.length && units[cut - 1] !== separator) {
      while (end < units.length && end < cut + PASSAGE_OVERLAP && units[end] !== separator) end++;
    }
    let trimmed = end;
    while (trimmed > start && units[trimmed - 1] === separator) trimmed--;
    if (trimmed > start) bounds.push([start, trimmed]);
    start = cut;
    while (start < units.length && units[start] === separator) start++;
  }
  return bounds;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** escapeHtml of one unit (a character or the separator), without a regex. */
const escapeUnit = (unit: string): string => (unit === '&' ? '&amp;' : unit === '<' ? '&lt;' : unit === '>' ? '&gt;' : unit === '"' ? '&quot;' : unit);

/**
 * One passage as the HTML Pagefind indexes: units separated by spaces (so each is one word),
 * empty inline elements for the anchors (inline, so Pagefind adds no full stop), the filters.
 * A passage that starts inside a provision first repeats the anchors it starts in.
 */
export function passageHtml(text: PageText, [start, end]: [number, number], filters: Record<string, string[]>): string {
  const markers = new Map<number, string[]>();
  const mark = (at: number, anchor: Anchor) => {
    const title = anchor.label ? ` data-pagefind-title="${escapeHtml(anchor.label)}"` : '';
    markers.set(at, [...(markers.get(at) ?? []), `<span id="${escapeHtml(anchor.id)}"${title}></span>`]);
  };
  const before = text.anchors.filter((anchor) => anchor.offset <= start);
  const startsAtAnchor = text.anchors.some((anchor) => anchor.offset === start);
  if (!startsAtAnchor) {
    const provision = before.filter((anchor) => anchor.label !== undefined).at(-1);
    const last = before.at(-1);
    if (provision) mark(0, provision);
    if (last && last !== provision) mark(0, last);
  }
  for (const anchor of text.anchors) {
    if (anchor.offset >= start && anchor.offset < end) mark(anchor.offset - start, anchor);
  }
  // Once per character of the corpus (70 million at 10,005 documents): one copy of the units,
  // escaped in place; anchors go before the unit they start at.
  const words = text.units.slice(start, end);
  for (let i = 0; i < words.length; i++) words[i] = escapeUnit(words[i]!);
  for (const [at, elements] of markers) words[at] = `${elements.join(' ')} ${words[at]}`;
  const filterTags = Object.entries(filters).flatMap(([key, values]) =>
    values.map((value) => `<data value="${escapeHtml(value)}" data-pagefind-filter="${escapeHtml(key)}[value]"></data>`),
  );
  return `<html lang="${LANGUAGE}"><body>${filterTags.join('')}${words.join(' ')}</body></html>`;
}

/** The page facts the search page shows and filters by, from what the page declares to Pagefind. */
export function describePage(fragment: PagefindFragment, units: string[]): CatalogPage {
  const path = fragment.url.replace(/^\/+/, '');
  const meta = fragment.meta;
  const title = meta.title ?? path;
  if (path.startsWith('documents/')) {
    return {
      path,
      type: 'document',
      title,
      docNumber: meta.docNumber || undefined,
      kind: meta.kind || undefined,
      date: meta.date || undefined,
      issue: meta.issue || undefined,
      filters: fragment.filters,
    };
  }
  const issue = /^issues\/[^/]+\/(\d{4})\/[^/]+\/$/.exec(path);
  if (issue) {
    // Issue pages (src/pages/issues/) declare nothing: their title is "<publication> <year>年第N期".
    const [publication, label] = title.split(/\s+/, 2);
    const printed = /出版日期(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(units.join(''));
    const date = printed ? `${printed[1]}-${printed[2]!.padStart(2, '0')}-${printed[3]!.padStart(2, '0')}` : undefined;
    return {
      path,
      type: 'issue',
      title,
      kind: '公报目录',
      date,
      issue: label ? title : undefined,
      filters: { publication: publication ? [publication] : [], year: [issue[1]!], kind: ['公报目录'], ...fragment.filters },
    };
  }
  return { path, type: 'page', title, filters: fragment.filters };
}

/** Pagefind's compressed files: gzip, then a "pagefind_dcd" signature. */
export function decodePagefindFile(bytes: Uint8Array): string {
  const raw = gunzipSync(bytes);
  const signature = 'pagefind_dcd';
  const body = raw.subarray(0, signature.length).toString() === signature ? raw.subarray(signature.length) : raw;
  return body.toString('utf8');
}

/** Fails the script on any error Pagefind reports; Pagefind returns errors rather than throwing. */
function assertNoErrors(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new Error(`pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
  }
}

async function createIndex(config: pagefind.PagefindServiceConfig): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex(config);
  assertNoErrors('createIndex', created);
  if (created.index === undefined) throw new Error('pagefind createIndex returned no index');
  return created.index;
}

/**
 * Drops an index and stops the Pagefind binary: it does not give the memory of a deleted index
 * back to the system, so without a restart its size would be that of the largest index so far
 * plus what the allocator keeps. The next createIndex starts a new one.
 */
async function release(index: pagefind.PagefindIndex): Promise<void> {
  await index.deleteIndex();
  await pagefind.close();
}

/**
 * How much Pagefind reads at a time: its memory grows with the text of one index (~40 bytes per
 * byte of HTML), and pages differ a hundredfold (a plan's page is 100,000 characters).
 */
export const READ_BATCH_BYTES = 16_000_000;
const READ_BATCH_PAGES = 400;

export interface IndexablePage {
  file: string;
  url: string;
  bytes: number;
  /** What Pagefind's reading of the page depends on (scripts/search-index/read-cache.ts). */
  key: string;
}

/**
 * The HTML files Pagefind would index in a directory, with the URLs it would give them. Pagefind
 * only indexes pages with data-pagefind-body once any page has one (every page of ours that is
 * searchable does), so the others (redirects, data and list pages) are not read at all.
 */
export async function indexablePages(outDir: string): Promise<IndexablePage[]> {
  const files = (await readdir(outDir, { recursive: true })).filter((name) => name.endsWith('.html')).sort();
  const read = await pMap(
    files,
    async (name): Promise<IndexablePage | undefined> => {
      const file = join(outDir, name);
      const html = await readFile(file);
      if (!html.includes('data-pagefind-body')) return undefined;
      const path = name.split(sep).join('/');
      const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
      return { file, url, bytes: html.length, key: readKey(url, html, PAGEFIND_LANGUAGE) };
    },
    { concurrency: FILE_CONCURRENCY },
  );
  const pages = read.filter((page) => page !== undefined);
  if (pages.length === 0) throw new Error(`no page in ${outDir} has data-pagefind-body: nothing to index`);
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * Pagefind's default reading of some pages, one fragment each, in the order the pages are given:
 * one Pagefind index of these pages, read back and dropped, so memory is that of the batch.
 */
export async function readPages(pages: ReadonlyArray<{ file: string; url: string }>, language = PAGEFIND_LANGUAGE): Promise<PagefindFragment[]> {
  // Forced, so one index holds every page whatever lang a page declares.
  const index = await createIndex({ forceLanguage: language });
  for (const { file, url } of pages) {
    const added = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
    assertNoErrors(`addHTMLFile ${file}`, added);
  }
  const files = await index.getFiles();
  assertNoErrors('getFiles', files);
  await release(index);
  const position = new Map(pages.map(({ url }, i) => [url, i]));
  return files.files
    .filter((file) => file.path.startsWith('fragment/'))
    .map((file) => JSON.parse(decodePagefindFile(file.content)) as PagefindFragment)
    .sort((a, b) => position.get(a.url)! - position.get(b.url)!);
}

/** One shard: its passages (JSON lines of url and HTML) indexed and written as a Pagefind bundle. */
export interface ShardTask {
  language: string;
  includeCharacters: string;
  passages: string;
  outputPath: string;
}

export async function indexShard({ language, includeCharacters, passages, outputPath }: ShardTask): Promise<void> {
  const index = await createIndex({ forceLanguage: language, includeCharacters });
  for await (const passage of readJsonLines<{ url: string; content: string }>(passages)) {
    const added = await index.addHTMLFile(passage);
    assertNoErrors(`addHTMLFile ${passage.url}`, added);
  }
  const written = await index.writeFiles({ outputPath });
  assertNoErrors('writeFiles', written);
  await release(index);
}

/** Candidates for the block separator: characters that do not occur in gazette text. */
const SEPARATORS = [BLOCK_SEPARATOR, '⁋', '‖', '§'];

/** The first candidate that occurs nowhere in the corpus (as printed or NFKC-folded); `used` holds those that occur. */
function chooseSeparator(used: ReadonlySet<string>): string {
  const separator = SEPARATORS.find((candidate) => !used.has(candidate));
  if (separator === undefined) throw new Error('no block separator character is free in this corpus');
  return separator;
}

/** Reads JSON lines back one at a time. */
async function* readJsonLines<T>(path: string): AsyncGenerator<T> {
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line !== '') yield JSON.parse(line) as T;
  }
}

/** Files read at once when listing the site, reading cached pages and reading a shard back: one at a time, reading 60,000 pages took 32 s at 10,005 documents; 32 at a time, about a fifth of that. */
const FILE_CONCURRENCY = 32;

/**
 * How many characters go into one Pagefind index. Pagefind holds an index in memory until it
 * writes it, at a few hundred bytes per indexed character (one word each), so a whole archive is
 * cut into shards: each shard is a Pagefind bundle of its own, written by its own binary, and the
 * browser merges them (Pagefind's mergeIndex). Pages are never split between shards.
 */
export const SHARD_UNITS = Number(process.env.GAZETTE_SEARCH_SHARD_UNITS ?? 4_000_000);

/**
 * How many Pagefind binaries work side by side (each on one core, in its own child process). Two
 * shards in flight at once stay within 4 GB with SHARD_UNITS of 4 million characters.
 */
export const SEARCH_WORKERS = Number(process.env.GAZETTE_SEARCH_WORKERS ?? Math.min(2, availableParallelism()));

/**
 * The language a shard is filed under. Pagefind prefixes every record id with it, so records of
 * different shards never share an id (Pagefind only lengthens colliding ids within one index).
 * The first shard is PAGEFIND_LANGUAGE itself; the others are private-use tags of it.
 */
export function shardLanguage(shard: number): string {
  return shard === 0 ? PAGEFIND_LANGUAGE : `${PAGEFIND_LANGUAGE}-x-s${shard}`;
}

/** Where a shard's bundle goes, relative to the primary bundle (the first shard). */
export function shardPath(shard: number): string {
  return shard === 0 ? '' : `shard-${shard}/`;
}

/** What the browser fetches of a merged shard; the runtime (script, WebAssembly, UI) is the first shard's. */
const SHARD_FILES = /^(?:pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;

export interface BuildOptions {
  shardUnits?: number;
  workers?: number;
  /** Where Pagefind's readings of pages are kept between builds; none: every page is read. */
  cacheDir?: string;
}

/**
 * The separator candidates that some pages' text uses, as printed or NFKC-folded: all the choice
 * of a separator needs to know (collecting every character of the corpus in a set took 9 s at
 * 10,005 documents).
 */
export function separatorsUsed(fragments: ReadonlyArray<{ content: string }>): string {
  const used = new Set<string>();
  for (const { content } of fragments) {
    const folded = content.normalize('NFKC');
    for (const candidate of SEPARATORS) if (content.includes(candidate) || folded.includes(candidate)) used.add(candidate);
  }
  return [...used].join('');
}

interface ReadBatch {
  pages: Array<{ file: string; url: string }>;
  /** The scratch file the batch's fragments go to, in the pages' order. */
  out: string;
}

/** The pages Pagefind must read (those not cached), in batches of at most READ_BATCH_BYTES of HTML. */
function readBatches(pages: readonly IndexablePage[], cached: readonly boolean[], scratch: string): ReadBatch[] {
  const batches: ReadBatch[] = [];
  let batchBytes = Infinity;
  for (const [i, { file, url, bytes }] of pages.entries()) {
    if (cached[i]) continue;
    if (batchBytes + bytes > READ_BATCH_BYTES || batches.at(-1)!.pages.length >= READ_BATCH_PAGES) {
      batches.push({ pages: [], out: join(scratch, `fragments-${batches.length}.jsonl`) });
      batchBytes = 0;
    }
    batches.at(-1)!.pages.push({ file, url });
    batchBytes += bytes;
  }
  return batches;
}

/**
 * Every page's fragment in the pages' order, from the cache or from its batch (the batches hold
 * the others in that order); a fresh one is cached as it goes by. A page Pagefind found nothing to
 * index on has no fragment.
 */
async function* fragmentsInOrder(pages: readonly IndexablePage[], cached: readonly boolean[], batches: readonly ReadBatch[], cache: ReadCache | undefined): AsyncGenerator<PagefindFragment> {
  const fresh = (async function* () {
    for (const { out } of batches) yield* readJsonLines<PagefindFragment>(out);
  })();
  let pending = await fresh.next();
  for (const [i, page] of pages.entries()) {
    if (cached[i]) {
      yield await cache!.get(page.key);
    } else if (!pending.done && pending.value.url === page.url) {
      await cache?.put(page.key, pending.value);
      yield pending.value;
      pending = await fresh.next();
    }
  }
  if (!pending.done) throw new Error(`pagefind read a page that was not asked for: ${pending.value.url}`);
}

/**
 * Cuts every page into passages and places it in a shard (`layout`: whole pages); writes the
 * passages' HTML to one JSON-lines file per shard that may be indexed (`writes`); returns what
 * the catalog needs and the non-word characters Pagefind must be told about before it indexes
 * anything.
 */
async function writePassages(
  fragments: AsyncIterable<PagefindFragment>,
  separator: string,
  layout: ShardLayout,
  passagesFile: (shard: number) => string,
): Promise<{ pages: CatalogPage[]; passages: Passage[]; include: Set<string> }> {
  const include = new Set<string>();
  const pages: CatalogPage[] = [];
  const passages: Passage[] = [];
  /** Lines waiting to be appended, by shard. */
  const pending = new Map<number, string[]>();
  let waiting = 0;
  const flush = async () => {
    for (const [shard, lines] of pending) await appendFile(passagesFile(shard), lines.join(''));
    pending.clear();
    waiting = 0;
  };
  for await (const fragment of fragments) {
    const text = pageText(fragment, separator);
    const slot = layout.place(fragment.url, text.units.length);
    const page = describePage(fragment, text.units);
    for (const unit of text.units) if (unit !== separator && !isWordChar(unit)) include.add(unit);
    const lines = slot.writes ? (pending.get(slot.id) ?? pending.set(slot.id, []).get(slot.id)!) : undefined;
    for (const [passageIndex, range] of passageBounds(text, separator).entries()) {
      // Unique per record; the browser links from the catalog, never from this URL.
      const url = `/${page.path}#passage-${passageIndex}`;
      passages.push({ page: pages.length, index: passageIndex, url });
      if (lines) {
        lines.push(`${JSON.stringify({ url, content: passageHtml(text, range, page.filters) })}\n`);
        waiting++;
      }
    }
    pages.push(page);
    if (waiting >= 1000) await flush();
  }
  await flush();
  return { pages, passages, include };
}

/**
 * Pagefind names each record's fragment by a content hash: the fragments one shard's bundle holds
 * (in `outputPath`), read back, give each record id the URL of its passage. Run by the worker that
 * wrote the shard.
 */
export async function recordUrls(outputPath: string): Promise<Record<string, string>> {
  const dir = join(outputPath, 'fragment');
  const names = (await readdir(dir)).sort();
  const urls = await pMap(names, async (name) => (JSON.parse(decodePagefindFile(await readFile(join(dir, name)))) as PagefindFragment).url, { concurrency: FILE_CONCURRENCY });
  return Object.fromEntries(names.map((name, i) => [name.replace(/\.pf_fragment$/, ''), urls[i]!]));
}

/** The catalog's records: each shard's record ids (from its fragments' URLs) placed at their page and passage, encoded compactly. */
function recordsOf(shards: readonly ShardPages[], shardRecords: ReadonlyArray<Record<string, string>>, passages: readonly Passage[]): string {
  const byUrl = new Map(passages.map((passage) => [passage.url, passage]));
  const places = new Map<string, Place>();
  for (const urls of shardRecords) {
    for (const [id, url] of Object.entries(urls)) {
      const passage = byUrl.get(url);
      if (passage === undefined) throw new Error(`pagefind wrote a fragment for an unknown record: ${url}`);
      places.set(id, [passage.page, passage.index]);
    }
  }
  if (places.size !== passages.length) {
    throw new Error(`pagefind wrote ${places.size} fragments for ${passages.length} passages`);
  }
  return encodeRecords(shards, places);
}

/** A shard may grow past the shard size as its pages change; past this many times it (with more than one page), the next build cuts every shard anew. */
const SHARD_GROWTH = 1.5;

/**
 * Builds the index in streaming passes, so that memory does not grow with the site: Pagefind
 * reads the pages not in the cache a batch at a time (fragments to scratch files); every page is
 * cut into passages (one scratch file per shard); each shard is indexed and written as its own
 * bundle. Batches and shards run in `workers` child processes side by side. With a cache, the
 * previous build's shards are kept (scripts/search-index/shard-layout.ts): only shards whose pages
 * changed, and the one new pages go into, are indexed again.
 */
export async function buildSearchIndex(
  outDir: string,
  { shardUnits = SHARD_UNITS, workers = SEARCH_WORKERS, cacheDir }: BuildOptions = {},
): Promise<{ pages: number; records: number; shards: number; reused: number; read: number; seconds: Record<string, number>; discarded?: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'gazette-search-'));
  const pool = new WorkerPool(workers);
  const cache = cacheDir === undefined ? undefined : new ReadCache(cacheDir);
  const store = cacheDir === undefined ? undefined : new ShardStore(cacheDir);
  // Seconds of each pass, for the log line (the bench reads where the index's time goes).
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const lap = (pass: string): void => {
    const now = performance.now();
    seconds[pass] = (now - mark) / 1000;
    mark = now;
  };
  try {
    const listed = await indexablePages(outDir);
    lap('list');
    const version = indexVersion({ language: PAGEFIND_LANGUAGE, chunk: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE });
    const previous = store?.manifest();
    let plan: LayoutPlan = planLayout(listed, previous, version, (id) => store?.hasBundle(id) ?? false);
    // The pages in the order they are placed in shards (URL order on a first build).
    const byUrl = new Map(listed.map((page) => [page.url, page]));
    const pages = plan.order.map((url) => byUrl.get(url)!);
    const cached = pages.map((page) => cache?.has(page.key) ?? false);
    const batches = readBatches(pages, cached, scratch);
    const read = await pool.run(batches.map((batch): WorkerTask => ({ kind: 'read', ...batch })));
    lap('read');
    const used = new Set(read.flatMap(({ used }) => Array.from(used ?? '')));
    const cachedSeparators = await pMap(
      pages.filter((_, i) => cached[i]),
      async (page) => separatorsUsed([await cache!.get(page.key)]),
      { concurrency: FILE_CONCURRENCY },
    );
    for (const candidates of cachedSeparators) for (const candidate of candidates) used.add(candidate);
    const separator = chooseSeparator(used);
    if (previous && plan.kept.length > 0 && previous.separator !== separator) plan = reindexAll(plan, `the block separator changed (${previous.separator} → ${separator})`);
    lap('separator');

    let layout = new ShardLayout(plan.kept, shardUnits, plan.added > 0);
    const passagesFile = (shard: number) => join(scratch, `passages-${shard}.jsonl`);
    let cut = await writePassages(fragmentsInOrder(pages, cached, batches, cache), separator, layout, passagesFile);
    let includeCharacters = [...cut.include].sort().join('');
    if (previous && layout.slots.some((slot) => slot.reuse) && [...cut.include].some((char) => !previous.include.includes(char))) {
      // A kept bundle's entry lists the characters Pagefind was told about, and the browser splits
      // queries by them: with a new one in the corpus, every shard is indexed again (every page
      // read is in the read cache by now). One gone from the corpus is never searched for.
      plan = reindexAll(plan, 'the corpus has characters it did not have');
      for (const name of await readdir(scratch)) if (name.startsWith('passages-')) await rm(join(scratch, name));
      layout = new ShardLayout(plan.kept, shardUnits, plan.added > 0);
      cut = await writePassages(fragmentsInOrder(pages, pages.map((page) => cache!.has(page.key)), [], cache), separator, layout, passagesFile);
      includeCharacters = [...cut.include].sort().join('');
    }
    lap('passages');
    const outputPath = join(outDir, 'pagefind');
    // Pagefind adds files to an existing bundle directory; a stale fragment would be an unknown record.
    await rm(outputPath, { recursive: true, force: true });
    const slots = layout.shards();
    const shards: Catalog['shards'] = slots.map(({ id, urls }) => ({ path: shardPath(id), language: shardLanguage(id), pages: urls.length }));
    const rebuilt = slots.filter((slot) => !slot.reuse);
    const written = await pool.run(rebuilt.map(({ id }): WorkerTask => ({ kind: 'shard', language: shardLanguage(id), includeCharacters, passages: passagesFile(id), outputPath: join(outputPath, shardPath(id)) })));
    for (const { id } of rebuilt.filter(({ id }) => id !== 0)) {
      const shardDir = join(outputPath, shardPath(id));
      for (const name of await readdir(shardDir)) if (!SHARD_FILES.test(name)) await rm(join(shardDir, name), { recursive: true });
    }
    lap('shards');

    // Each shard's records: from the worker that wrote it, or as the previous build kept them.
    const recordsById = new Map<number, Record<string, string>>(rebuilt.map(({ id }, i) => [id, written[i]!.records ?? {}]));
    for (const shard of previous?.shards ?? []) if (slots.some((slot) => slot.reuse && slot.id === shard.id)) recordsById.set(shard.id, shard.records);
    if (store) {
      await store.forget();
      for (const { id } of slots.filter((slot) => slot.reuse)) await store.restore(id, join(outputPath, shardPath(id)));
      for (const { id } of rebuilt) await store.save(id, join(outputPath, shardPath(id)), (path) => id === 0 && /^shard-\d+\//.test(path));
      // A shard of several pages grown well past the shard size is not kept: the next build cuts every shard anew.
      if (slots.every((slot) => slot.urls.length === 1 || slot.units <= shardUnits * SHARD_GROWTH)) {
        const keyOf = new Map(pages.map((page) => [page.url, page.key]));
        const kept: ManifestShard[] = slots.map(({ id, urls }) => ({ id, pages: urls.map((url) => ({ url, key: keyOf.get(url)! })), records: recordsById.get(id)! }));
        await store.write({ version, separator, include: includeCharacters, shards: kept });
      }
    }
    lap('keep');

    const catalog: Catalog = { separator, include: includeCharacters, shards, pages: cut.pages, records: recordsOf(shards, slots.map(({ id }) => recordsById.get(id)!), cut.passages) };
    await writeFile(join(outputPath, CATALOG_FILE), JSON.stringify(catalog));
    await cache?.prune(new Set(listed.map((page) => page.key)));
    lap('catalog');
    return {
      pages: cut.pages.length,
      records: cut.passages.length,
      shards: shards.length,
      reused: slots.length - rebuilt.length,
      read: pages.length - cached.filter(Boolean).length,
      seconds,
      ...(plan.discarded ? { discarded: plan.discarded } : {}),
    };
  } finally {
    pool.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** An index built the way Pagefind builds one by default, for comparison. */
export async function buildDefaultIndex(outDir: string, outputPath: string): Promise<void> {
  const index = await createIndex({ forceLanguage: LANGUAGE });
  const added = await index.addDirectory({ path: outDir });
  assertNoErrors('addDirectory', added);
  const written = await index.writeFiles({ outputPath });
  assertNoErrors('writeFiles', written);
}

/**
 * Where Pagefind's readings of pages are kept: GAZETTE_SEARCH_CACHE (scripts/cache-setting.ts), by
 * default node_modules/.cache/gazette-search/<output directory's hash>, so builds into different
 * output directories (tests, the bench) never prune each other's entries.
 */
function searchCacheDir(outDir: string): string | undefined {
  const root = fileURLToPath(new URL('../', import.meta.url));
  return cacheDirFromSetting(process.env.GAZETTE_SEARCH_CACHE, join(root, 'node_modules', '.cache', 'gazette-search', createHash('sha256').update(outDir).digest('hex').slice(0, 16)));
}

async function main(): Promise<void> {
  const outDir = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`No built site in ${outDir}: run \`astro build\` first.`);
  }
  const defaultsAt = process.argv.indexOf('--pagefind-defaults');
  if (defaultsAt >= 0) {
    const target = process.argv[defaultsAt + 1];
    if (!target) throw new Error('--pagefind-defaults needs an output directory');
    await buildDefaultIndex(outDir, resolve(target));
    console.log(`pagefind (defaults): indexed ${outDir} into ${resolve(target)}`);
    return;
  }
  // Read by the pagefind binary, which the first createIndex starts.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const { pages, records, shards, reused, read, seconds, discarded } = await buildSearchIndex(outDir, { cacheDir: searchCacheDir(outDir) });
  console.log(`pagefind: indexed ${pages} page(s) (${read} read anew) as ${records} passage record(s) in ${shards} shard(s) (${reused} kept from the last build) into ${join(outDir, 'pagefind')}`);
  if (discarded) console.log(`pagefind: the last build's shards were not kept: ${discarded}`);
  console.log(`pagefind: ${Object.entries(seconds).map(([pass, s]) => `${pass} ${s.toFixed(1)} s`).join(', ')}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    // The Node API drives a pagefind binary as a child process; close it so the script can exit.
    await pagefind.close();
  }
}
