// The search index's files, shared by the writer (scripts/search-index/writer.ts) and the reader in
// the browser (src/scripts/search-engine.ts). See docs/ARCHITECTURE.md, "Search".
//
// <outDir>/search-index/
//   manifest.json            what the reader needs first: sizes, shard counts, facet values
//   <build>/g/<n>.bin        postings: the pages (and places) of every 1-, 2- and 3-unit gram,
//                            sharded by a hash of the gram
//   <build>/r/<n>.bin        per block of pages: type, date and facet values, for ranking,
//                            sorting and counting every hit
//   <build>/d/<n>.bin        per block of pages: what a result shows (title, 文号, issue…) and
//                            where its passages start
//   <build>/x/<n>/<page>-<k>.bin  one passage of a page's text with its anchors, for excerpts
//   <build>/n/<n>.bin        文号 → pages, sharded by a hash of the 文号
// Every .bin file is gzip (read back with DecompressionStream); <build> is a hash of the contents,
// so a cached file of another build is never mixed in.
import { comparable } from './search-text.ts';

export const INDEX_DIR = 'search-index';
export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 1;

/** Longest gram: a term of three or more units is looked up as a chain of trigrams. */
export const MAX_GRAM = 3;
/** Grams from a page's title are kept apart (for ranking); the page matches by its body only. */
export const Field = { Body: 0, Title: 1 } as const;
export type Field = (typeof Field)[keyof typeof Field];

export interface Manifest {
  version: number;
  /** Directory of this build's files (a content hash). */
  build: string;
  pages: number;
  /** Number of postings shards (a power of two). */
  shards: number;
  /** Pages per block of ranking rows and of display records. */
  rowBlock: number;
  displayBlock: number;
  /** Passage files per directory under x/. */
  textBlock: number;
  docNumberShards: number;
  /** Facet key → its values; page rows refer to values by index. */
  facets: Record<string, string[]>;
}

export type PageType = 'document' | 'issue' | 'page';
export const PAGE_TYPES: readonly PageType[] = ['document', 'issue', 'page'];

/** One page's ranking row: [type index, date as days since 1970 (or -1), then per facet key (manifest order) its value indexes]. */
export type PageRow = [number, number, ...number[][]];

/** What a result shows, for one page. */
export interface PageRecord {
  /** Path under the site's base, e.g. documents/jzbf-2017-7/ */
  path: string;
  type: PageType;
  title: string;
  docNumber?: string;
  kind?: string;
  /** ISO date the page is filed under (a document's own date, else its issue's). */
  date?: string;
  /** Where it was published: 吉林省人民政府公报 2017年第8期. */
  issue?: string;
  /** Unit offset where each passage starts (the first is 0). */
  passages: number[];
}

/** One passage: its units as a string (SEPARATOR between blocks), its anchors as [offset, id, label?]. */
export interface PassageRecord {
  text: string;
  /** Offset of the passage in the page. */
  start: number;
  anchors: Array<[number, string] | [number, string, string]>;
}

/** The unit as the index keys it: lower case, accents dropped (as findAll compares). */
export function indexUnit(unit: string): string {
  return comparable(unit) || unit;
}

/** FNV-1a over UTF-16 code units: the same number in Node and in the browser. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const shardOf = (gram: string, shards: number): number => hashString(gram) & (shards - 1);
export const shardPath = (shard: number): string => `g/${shard}.bin`;
export const rowPath = (block: number): string => `r/${block}.bin`;
export const displayPath = (block: number): string => `d/${block}.bin`;
export const textPath = (page: number, passage: number, textBlock: number): string => `x/${Math.floor(page / textBlock)}/${page}-${passage}.bin`;
export const docNumberPath = (shard: number): string => `n/${shard}.bin`;
/** 文号 as the lookup keys it (how 吉政办发〔2017〕7号 and its typed forms compare). */
export const docNumberKey = (units: readonly string[]): string => units.map(indexUnit).join('');

/**
 * The grams a term of `length` units is looked up by, as offsets into the term: the term itself
 * when it is at most MAX_GRAM units, else trigrams at 0, 3, 6… and one ending at the term's end,
 * which together cover every unit (so positions that chain prove the whole term is there).
 */
export function gramOffsets(length: number): number[] {
  if (length <= MAX_GRAM) return [0];
  const out: number[] = [];
  for (let at = 0; at + MAX_GRAM <= length; at += MAX_GRAM) out.push(at);
  if (out.at(-1)! + MAX_GRAM < length) out.push(length - MAX_GRAM);
  return out;
}

/** Reads unsigned LEB128 varints. */
export class VarintReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  next(): number {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  }
}

/**
 * A postings shard: varint count, then per entry: varint key length, key (UTF-8), field, varint
 * data length; then the entries' data in the same order. Data of a gram of n units:
 *   body, n = 1:  pages (varint count, then per page: page delta, first passage)
 *   body, n = 2:  per page: page delta, passage count, passage deltas
 *   body, n = 3:  per page: page delta, position count, position deltas
 *   title, n < 3: per page: page delta
 *   title, n = 3: per page: page delta, position count, position deltas
 */
export interface ShardEntry {
  field: Field;
  start: number;
  end: number;
}

export function readShardDirectory(bytes: Uint8Array): Map<string, ShardEntry[]> {
  const reader = new VarintReader(bytes);
  const decoder = new TextDecoder();
  const count = reader.next();
  const heads: Array<{ key: string; field: Field; length: number }> = [];
  for (let i = 0; i < count; i++) {
    const keyLength = reader.next();
    const key = decoder.decode(bytes.subarray(reader.at, reader.at + keyLength));
    reader.at += keyLength;
    const field = reader.next() as Field;
    heads.push({ key, field, length: reader.next() });
  }
  const out = new Map<string, ShardEntry[]>();
  let at = reader.at;
  for (const { key, field, length } of heads) {
    const list = out.get(key) ?? [];
    list.push({ field, start: at, end: at + length });
    out.set(key, list);
    at += length;
  }
  return out;
}

/** A gram's postings, decoded: pages ascending; per page its passages or positions (see above). */
export interface Postings {
  pages: Int32Array;
  /** For page i: values[offsets[i] .. offsets[i + 1]) are its passages (n ≤ 2) or positions (n = 3). */
  offsets: Int32Array;
  values: Int32Array;
}

export function decodePostings(bytes: Uint8Array, entry: ShardEntry, units: number): Postings {
  const reader = new VarintReader(bytes.subarray(entry.start, entry.end));
  const count = reader.next();
  const pages = new Int32Array(count);
  const offsets = new Int32Array(count + 1);
  let values = new Int32Array(Math.max(4, count));
  let used = 0;
  const push = (value: number) => {
    if (used === values.length) {
      const grown = new Int32Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[used++] = value;
  };
  let page = 0;
  for (let i = 0; i < count; i++) {
    page += reader.next();
    pages[i] = page;
    offsets[i] = used;
    if (entry.field === Field.Body && units === 1) push(reader.next());
    else if (units === 3 || (entry.field === Field.Body && units === 2)) {
      const n = reader.next();
      let value = 0;
      for (let j = 0; j < n; j++) push((value += reader.next()));
    }
  }
  offsets[count] = used;
  return { pages, offsets, values: values.subarray(0, used) };
}

/** Bytes of a .bin file: gzip, unless a server already took the gzip off. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
