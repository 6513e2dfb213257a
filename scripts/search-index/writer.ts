// Writes the search index (file layout in src/scripts/search-index-format.ts) one page at a time:
// a page's passages are written as it is added, its grams go into per-gram byte buffers
// (varint-coded, a few bytes per occurrence), and the postings are sharded and written at the end.
// Memory is the postings themselves plus one page, not the site.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  displayPath,
  docNumberKey,
  docNumberPath,
  Field,
  FORMAT_VERSION,
  indexUnit,
  MANIFEST_FILE,
  PAGE_TYPES,
  rowPath,
  shardOf,
  shardPath,
  textPath,
  type Manifest,
  type PageRecord,
  type PageRow,
  type PassageRecord,
} from '../../src/scripts/search-index-format.ts';
import { SEPARATOR, textUnits } from '../../src/scripts/search-text.ts';
import type { Anchor, ExtractedPage, PageText } from './extract.ts';

/** Passages are cut at the first block start after this many characters… */
export const PASSAGE_TARGET = 600;
/** …and inside a block (at a sentence end if there is one) when no block starts before this many. */
export const PASSAGE_MAX = 1500;
/** A passage cut inside a block also carries the next characters, so an excerpt never stops at the cut. */
export const PASSAGE_OVERLAP = 48;
/** Raw bytes of postings per shard the writer aims at (a shard holds whole grams; a frequent one is bigger). */
export const SHARD_TARGET_BYTES = 6000;
export const ROW_BLOCK = 512;
export const DISPLAY_BLOCK = 16;
export const TEXT_BLOCK = 256;
const DOC_NUMBERS_PER_SHARD = 256;
/** Units get ids below this; a gram of n units is one number (n ≤ 3: at most 2^51). */
const UNIT_LIMIT = 2 ** 17;

/** Where to cut a page into passages: block starts, else sentence ends, else anywhere. */
export function passageBounds(text: PageText): Array<[number, number]> {
  const { units } = text;
  const blockStarts = new Set<number>(text.anchors.map((anchor) => anchor.offset));
  units.forEach((unit, i) => {
    if (unit === SEPARATOR) blockStarts.add(i + 1);
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
    if (cut < units.length && units[cut - 1] !== SEPARATOR) {
      while (end < units.length && end < cut + PASSAGE_OVERLAP && units[end] !== SEPARATOR) end++;
    }
    let trimmed = end;
    while (trimmed > start && units[trimmed - 1] === SEPARATOR) trimmed--;
    if (trimmed > start) bounds.push([start, trimmed]);
    start = cut;
    while (start < units.length && units[start] === SEPARATOR) start++;
  }
  return bounds;
}

/**
 * One passage as the reader loads it. A passage that starts inside a provision first repeats
 * the anchors it starts in (the provision, and the paragraph), at offset 0.
 */
export function passageRecord(text: PageText, [start, end]: [number, number]): PassageRecord {
  const anchors: PassageRecord['anchors'] = [];
  const entry = (offset: number, anchor: Anchor): PassageRecord['anchors'][number] => (anchor.label !== undefined ? [offset, anchor.id, anchor.label] : [offset, anchor.id]);
  const before = text.anchors.filter((anchor) => anchor.offset <= start);
  if (!text.anchors.some((anchor) => anchor.offset === start)) {
    const provision = before.filter((anchor) => anchor.label !== undefined).at(-1);
    const last = before.at(-1);
    if (provision) anchors.push(entry(0, provision));
    if (last && last !== provision) anchors.push(entry(0, last));
  }
  for (const anchor of text.anchors) if (anchor.offset >= start && anchor.offset < end) anchors.push(entry(anchor.offset - start, anchor));
  return { text: text.units.slice(start, end).join(''), start, anchors };
}

/** What the search shows and filters a page by, from what the page declares. */
export function describePage(page: ExtractedPage): { record: Omit<PageRecord, 'passages'>; filters: Record<string, string[]> } {
  const { path, meta } = page;
  const title = meta.title ?? path;
  if (path.startsWith('documents/')) {
    const record = { path, type: 'document' as const, title, docNumber: meta.docNumber || undefined, kind: meta.kind || undefined, date: meta.date || undefined, issue: meta.issue || undefined };
    return { record, filters: page.filters };
  }
  const issue = /^issues\/[^/]+\/(\d{4})\/[^/]+\/$/.exec(path);
  if (issue) {
    // Issue pages (src/pages/issues/) declare nothing: their title is "<publication> <year>年第N期".
    const [publication, label] = title.split(/\s+/, 2);
    const printed = /出版日期(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(page.units.join(''));
    const date = printed ? `${printed[1]}-${printed[2]!.padStart(2, '0')}-${printed[3]!.padStart(2, '0')}` : undefined;
    return {
      record: { path, type: 'issue', title, kind: '公报目录', date, issue: label ? title : undefined },
      filters: { publication: publication ? [publication] : [], year: [issue[1]!], kind: ['公报目录'], ...page.filters },
    };
  }
  return { record: { path, type: 'page', title }, filters: page.filters };
}

/** 2017-01-20 → days since 1970 (a year or month alone counts from its first day); -1 without a date. */
export function dayNumber(date: string | undefined): number {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return -1;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000);
}

/** A growable buffer of unsigned LEB128 varints. */
class Bytes {
  buffer = new Uint8Array(16);
  length = 0;
  varint(value: number): void {
    if (this.length + 8 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 128) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }
  raw(bytes: Uint8Array): void {
    while (this.length + bytes.length + 8 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  get bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** One gram's postings in one field, as they grow. */
interface Gram {
  data: Bytes;
  pages: number;
  lastPage: number;
}

export interface IndexStats {
  pages: number;
  passages: number;
  grams: number;
  postingsBytes: number;
  shards: number;
  files: number;
  bytesWritten: number;
}

export class IndexWriter {
  private readonly building: string;
  private readonly hash = createHash('sha256');
  private readonly unitIds = new Map<string, number>();
  private readonly unitTexts: string[] = [];
  /** grams[field][n - 1]: gram number → postings. */
  private readonly grams: Array<Array<Map<number, Gram>>> = [
    [new Map(), new Map(), new Map()],
    [new Map(), new Map(), new Map()],
  ];
  private readonly rows: Array<{ type: number; day: number; facets: Record<string, number[]> }> = [];
  private readonly records: PageRecord[] = [];
  private readonly facets = new Map<string, Map<string, number>>();
  private readonly docNumbers = new Map<string, number[]>();
  private passages = 0;
  private files = 0;
  private bytesWritten = 0;

  constructor(private readonly outputPath: string) {
    // The writer owns the directory: a file of an earlier build would be served as part of this one.
    rmSync(outputPath, { recursive: true, force: true });
    this.building = join(outputPath, '.building');
    mkdirSync(this.building, { recursive: true });
  }

  private write(path: string, content: Uint8Array | string): void {
    const bytes = gzipSync(typeof content === 'string' ? Buffer.from(content) : content);
    const file = join(this.building, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    this.hash.update(path).update(bytes);
    this.files++;
    this.bytesWritten += bytes.length;
  }

  private unitId(unit: string): number {
    const key = indexUnit(unit);
    let id = this.unitIds.get(key);
    if (id === undefined) {
      id = this.unitTexts.length;
      if (id >= UNIT_LIMIT) throw new Error(`more than ${UNIT_LIMIT} distinct characters`);
      this.unitIds.set(key, id);
      this.unitTexts.push(key);
    }
    return id;
  }

  private gram(field: Field, n: number, key: number): Gram {
    const map = this.grams[field]![n - 1]!;
    let gram = map.get(key);
    if (gram === undefined) {
      gram = { data: new Bytes(), pages: 0, lastPage: 0 };
      map.set(key, gram);
    }
    return gram;
  }

  /** Page numbers follow the order pages are added. */
  addPage(page: ExtractedPage): void {
    const number = this.records.length;
    const { record, filters } = describePage(page);
    const bounds = passageBounds(page);
    bounds.forEach((range, k) => this.write(textPath(number, k, TEXT_BLOCK), JSON.stringify(passageRecord(page, range))));
    this.passages += bounds.length;
    this.records.push({ ...record, passages: bounds.map(([start]) => start) });

    const row = { type: PAGE_TYPES.indexOf(record.type), day: dayNumber(record.date), facets: {} as Record<string, number[]> };
    for (const [key, values] of Object.entries(filters)) {
      let dictionary = this.facets.get(key);
      if (!dictionary) this.facets.set(key, (dictionary = new Map()));
      const ids = [...new Set(values)].map((value) => {
        let id = dictionary!.get(value);
        if (id === undefined) dictionary!.set(value, (id = dictionary!.size));
        return id;
      });
      row.facets[key] = ids;
    }
    this.rows.push(row);
    if (record.docNumber) {
      const key = docNumberKey(textUnits(record.docNumber));
      this.docNumbers.set(key, [...(this.docNumbers.get(key) ?? []), number]);
    }

    // Body: which passage each unit is in (the passage it starts in, for the overlaps).
    const ids = page.units.map((unit) => (unit === SEPARATOR ? -1 : this.unitId(unit)));
    const passageAt = new Int32Array(ids.length);
    bounds.forEach(([start], k) => passageAt.fill(k, start));
    this.addGrams(Field.Body, number, ids, passageAt);
    this.addGrams(Field.Title, number, textUnits(record.title).map((unit) => this.unitId(unit)));
  }

  private addGrams(field: Field, page: number, ids: number[], passageAt?: Int32Array): void {
    const K = UNIT_LIMIT;
    const singles = new Map<number, number>();
    const pairs = new Map<number, number[]>();
    const triples = new Map<number, number[]>();
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      if (!singles.has(a)) singles.set(a, passageAt ? passageAt[i]! : 0);
      const b = ids[i + 1] ?? -1;
      if (b < 0) continue;
      const pair = a * K + b;
      const passages = pairs.get(pair);
      const passage = passageAt ? passageAt[i]! : 0;
      if (!passages) pairs.set(pair, [passage]);
      else if (passages.at(-1) !== passage) passages.push(passage);
      const c = ids[i + 2] ?? -1;
      if (c < 0) continue;
      const triple = pair * K + c;
      const positions = triples.get(triple);
      if (!positions) triples.set(triple, [i]);
      else positions.push(i);
    }
    const start = (gram: Gram) => {
      gram.data.varint(page - gram.lastPage);
      gram.lastPage = page;
      gram.pages++;
    };
    const deltas = (gram: Gram, values: number[]) => {
      gram.data.varint(values.length);
      let last = 0;
      for (const value of values) {
        gram.data.varint(value - last);
        last = value;
      }
    };
    for (const [key, passage] of singles) {
      const gram = this.gram(field, 1, key);
      start(gram);
      if (field === Field.Body) gram.data.varint(passage);
    }
    for (const [key, passages] of pairs) {
      const gram = this.gram(field, 2, key);
      start(gram);
      if (field === Field.Body) deltas(gram, passages);
    }
    for (const [key, positions] of triples) {
      const gram = this.gram(field, 3, key);
      start(gram);
      deltas(gram, positions);
    }
  }

  private gramText(n: number, key: number): string {
    const K = UNIT_LIMIT;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.unshift(key % K);
      key = Math.floor(key / K);
    }
    return ids.map((id) => this.unitTexts[id]).join('');
  }

  /** Writes the postings, page rows, display records, 文号 lookup and manifest; returns what it wrote. */
  finish(): IndexStats {
    let postingsBytes = 0;
    let grams = 0;
    for (const byField of this.grams) for (const map of byField) for (const gram of map.values()) (postingsBytes += gram.data.length + 4), grams++;
    let shards = 1;
    while (shards * SHARD_TARGET_BYTES < postingsBytes && shards < 1 << 16) shards *= 2;

    const perShard: Array<Array<{ key: string; field: Field; head: Bytes; data: Uint8Array }>> = Array.from({ length: shards }, () => []);
    this.grams.forEach((byField, field) =>
      byField.forEach((map, i) => {
        for (const [number, gram] of map) {
          const key = this.gramText(i + 1, number);
          const head = new Bytes();
          head.varint(gram.pages);
          perShard[shardOf(key, shards)]!.push({ key, field: field as Field, head, data: gram.data.bytes });
        }
        map.clear();
      }),
    );
    const encoder = new TextEncoder();
    perShard.forEach((entries, shard) => {
      entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.field - b.field));
      const head = new Bytes();
      head.varint(entries.length);
      for (const entry of entries) {
        const key = encoder.encode(entry.key);
        head.varint(key.length);
        head.raw(key);
        head.varint(entry.field);
        head.varint(entry.head.length + entry.data.length);
      }
      const parts = [head.bytes, ...entries.flatMap((entry) => [entry.head.bytes, entry.data])];
      this.write(shardPath(shard), Buffer.concat(parts));
    });

    for (let block = 0; block * ROW_BLOCK < this.rows.length; block++) {
      const keys = [...this.facets.keys()];
      const rows = this.rows.slice(block * ROW_BLOCK, (block + 1) * ROW_BLOCK).map((row): PageRow => [row.type, row.day, ...keys.map((key) => row.facets[key] ?? [])]);
      this.write(rowPath(block), JSON.stringify(rows));
    }
    for (let block = 0; block * DISPLAY_BLOCK < this.records.length; block++) {
      this.write(displayPath(block), JSON.stringify(this.records.slice(block * DISPLAY_BLOCK, (block + 1) * DISPLAY_BLOCK)));
    }
    let docNumberShards = 1;
    while (docNumberShards * DOC_NUMBERS_PER_SHARD < this.docNumbers.size) docNumberShards *= 2;
    const byShard: Array<Record<string, number[]>> = Array.from({ length: docNumberShards }, () => ({}));
    for (const [key, pages] of [...this.docNumbers].sort(([a], [b]) => (a < b ? -1 : 1))) byShard[shardOf(key, docNumberShards)]![key] = pages;
    byShard.forEach((entries, shard) => this.write(docNumberPath(shard), JSON.stringify(entries)));

    const build = this.hash.digest('hex').slice(0, 16);
    renameSync(this.building, join(this.outputPath, build));
    const manifest: Manifest = {
      version: FORMAT_VERSION,
      build,
      pages: this.records.length,
      shards,
      rowBlock: ROW_BLOCK,
      displayBlock: DISPLAY_BLOCK,
      textBlock: TEXT_BLOCK,
      docNumberShards,
      facets: Object.fromEntries([...this.facets].map(([key, values]) => [key, [...values.keys()]])),
    };
    writeFileSync(join(this.outputPath, MANIFEST_FILE), JSON.stringify(manifest));
    return { pages: this.records.length, passages: this.passages, grams, postingsBytes, shards, files: this.files, bytesWritten: this.bytesWritten };
  }
}

