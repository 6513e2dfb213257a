// Reads an open dataset of a built site the way a program would: its index data/<name>.json, then
// every part it lists (each URL taken relative to the site's base, so any SITE_URL works).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetIndex } from '../../src/lib/open-data.ts';

export interface ReadDataset<R> {
  index: DatasetIndex;
  /** Each part as listed, with its records. */
  parts: Array<{ part: DatasetIndex['parts'][number]; file: string; records: R[] }>;
  /** Every part's records, in the order of the parts. */
  records: R[];
}

/** `fileOf` turns a URL of the index into a path under `dist` (data/<name>/<year>.json). */
export function readDataset<R>(dist: string, name: string, fileOf: (url: string) => string): ReadDataset<R> {
  const index = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8')) as DatasetIndex;
  const parts = index.parts.map((part) => {
    const file = fileOf(part.json);
    return { part, file, records: JSON.parse(readFileSync(join(dist, file), 'utf8')) as R[] };
  });
  return { index, parts, records: parts.flatMap((p) => p.records) };
}

/** The path under the site's root of an absolute URL the build wrote (SITE_URL + base + path). */
export const pathUnder = (siteBase: string) => (url: string): string => {
  if (!url.startsWith(siteBase)) throw new Error(`${url} is not under ${siteBase}`);
  return url.slice(siteBase.length);
};
