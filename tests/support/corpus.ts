/** Helpers shared by tests: run the real pipeline on the real seeds, read emitted content. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestCorpus, type Corpus } from '../../scripts/ingest/pipeline.ts';
import { readRegistry, readSeeds } from '../../scripts/ingest/cli.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');
export const CONTENT = join(ROOT, 'content');
/** The build under test: GAZETTE_OUT_DIR (relative to the project, or absolute), else dist/. */
export const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');

let cached: Corpus | undefined;
export function seedCorpus(): Corpus {
  cached ??= ingestCorpus(readSeeds(SEEDS), readRegistry(CONTENT));
  return cached;
}

/** Every string a generated MDX file carries: frontmatter head lines and body props. */
export function textsOfMdx(mdx: string): string[] {
  const out: string[] = [];
  const head = /^head: (.*)$/m.exec(mdx);
  if (head) for (const h of JSON.parse(head[1]!) as Array<{ text: string }>) out.push(h.text);
  for (const m of mdx.matchAll(/ (?:text|title|label|caption)=\{("(?:[^"\\]|\\.)*")\}/g)) out.push(JSON.parse(m[1]!) as string);
  for (const m of mdx.matchAll(/ rows=\{(\[.*\])\} \/>$/gm)) for (const row of JSON.parse(m[1]!) as string[][]) out.push(row.join(''));
  return out;
}

export function readContentDocuments(dir = CONTENT): Map<string, string> {
  const docs = new Map<string, string>();
  for (const f of readdirSync(join(dir, 'documents')).sort()) docs.set(f, readFileSync(join(dir, 'documents', f), 'utf8'));
  return docs;
}
