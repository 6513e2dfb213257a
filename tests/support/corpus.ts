/** Helpers shared by tests: run the real pipeline on the real seeds, read emitted content. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestCorpus, type Corpus } from '../../scripts/ingest/pipeline.ts';
import { readRegistry, readSeeds } from '../../scripts/ingest/cli.ts';
import { flattenBlocks, type BodyBlock, type DocumentData } from '../../src/schemas/document.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'seeds');
export const CONTENT = join(ROOT, 'content');
/** The build under test: GAZETTE_OUT_DIR (relative to the project, or absolute), else dist/. */
export const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');

/**
 * A fresh directory for a test's own build, inside the project (.cache/, ignored by git). Astro
 * puts a build's server chunks in <outDir>/.prerender when outDir is inside the working
 * directory, but in a shared <cwd>/.astro/ when it is not, so two test files building into
 * /tmp at the same time would overwrite each other's chunks.
 */
export function testBuildDir(prefix: string): string {
  const parent = join(ROOT, '.cache', 'test-builds');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}

let cached: Corpus | undefined;
export function seedCorpus(): Corpus {
  cached ??= ingestCorpus(readSeeds(SEEDS), readRegistry(CONTENT));
  return cached;
}

/** A document's entry and its body, as ingest wrote them. */
export type EmittedDocument = DocumentData & { body: BodyBlock[] };

/** Every source string a generated document carries: head lines and the body's texts. */
export function textsOfDocument(document: EmittedDocument): string[] {
  return [
    ...document.head.map((h) => h.text),
    ...blocksOf(document).flatMap((block) =>
      block.type === 'p' ? [block.text] : block.type === 'table' ? [...(block.caption !== undefined ? [block.caption] : []), ...block.rows.map((row) => row.join(''))] : [block.label, block.title ?? block.text ?? ''],
    ),
  ];
}

/** Every block of a body, depth first. */
export const blocksOf = (document: EmittedDocument): BodyBlock[] => flattenBlocks(document.body);

/** The emitted documents (content/documents/<slug>.json with content/bodies/<slug>.json), by slug. */
export function readContentDocuments(dir = CONTENT): Map<string, EmittedDocument> {
  const docs = new Map<string, EmittedDocument>();
  for (const f of readdirSync(join(dir, 'documents')).sort()) {
    const entry = JSON.parse(readFileSync(join(dir, 'documents', f), 'utf8')) as DocumentData;
    docs.set(f.replace(/\.json$/, ''), { ...entry, body: JSON.parse(readFileSync(join(dir, 'bodies', f), 'utf8')) as BodyBlock[] });
  }
  return docs;
}
