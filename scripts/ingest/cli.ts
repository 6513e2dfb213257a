/**
 * `npm run ingest`: read seeds/, run the pipeline, write content/. The only module with I/O.
 *
 *   node scripts/ingest/cli.ts [--seeds DIR] [--out DIR] [--json [FILE]]
 *
 * Ingest runs on Node's own TypeScript support (type stripping; erasable syntax only), not tsx:
 * at 10,000 documents that starts ~0.4 s sooner and runs the pipeline ~0.2 s faster (no
 * esbuild-renamed closures).
 *
 * Exits non-zero (and writes nothing) when a source file cannot be read as text, so a
 * half-ingested corpus never reaches the site. Diagnostics print as `file:line rule message`.
 *
 * Each file's per-file stages are cached (scripts/ingest/ingest-cache.ts; GAZETTE_INGEST_CACHE=off
 * turns that off), and only files whose content changed are written, so an unchanged document
 * keeps its files (and their modification times) across runs.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { assembleCorpus, ingestCorpus, type Corpus } from './pipeline.ts';
import { cacheFromEnv, ingestFileCached, pruneCache } from './ingest-cache.ts';
import { renderDocumentFiles, renderJson } from './emit.ts';
import { validateCorpus } from './validate.ts';
import type { Registry } from './departments.ts';
import { DepartmentSchema, GovernmentSchema } from '../../src/schemas/department.ts';
import { IndicatorSchema, type Indicator } from '../../src/schemas/indicator.ts';
import { z } from 'astro/zod';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
}

/** Read every .txt file of a directory (sorted), as bytes. */
export function readSeeds(dir: string): Array<{ name: string; bytes: Uint8Array }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** The hand-kept registry under content/registry/, validated; undefined when the directory has none. */
export function readRegistry(contentDir: string): (Registry & { indicators?: Indicator[] }) | undefined {
  const dir = join(contentDir, 'registry');
  if (!existsSync(join(dir, 'departments.json'))) return undefined;
  const read = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const indicators = readIndicatorRegistry(contentDir);
  return { governments: z.array(GovernmentSchema).parse(read('governments.json')), departments: z.array(DepartmentSchema).parse(read('departments.json')), ...(indicators ? { indicators } : {}) };
}

/** The hand-kept indicator registry (content/registry/indicators.json), validated; undefined when there is none. */
export function readIndicatorRegistry(contentDir: string): Indicator[] | undefined {
  const path = join(contentDir, 'registry', 'indicators.json');
  return existsSync(path) ? z.array(IndicatorSchema).parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

/** The directories of per-document files, each file named by its document's slug. */
export const DOCUMENT_FILE_DIRS = ['documents', 'bodies', 'tasks'] as const;

/** The files ingest writes, keyed by path relative to the content directory. */
export function renderCorpus(corpus: Corpus): Map<string, string> {
  return new Map(renderFiles(corpus));
}

/**
 * The files ingest writes, one at a time (path relative to the content directory, text), so the
 * writer can put each on disk while the next is rendered: at 10,000 documents all of them together
 * are ~450 MB of strings.
 */
export function* renderFiles(corpus: Corpus): Generator<[string, string]> {
  yield ['publications.json', renderJson(corpus.publications, 1)];
  yield ['issues.json', renderJson(corpus.issues, 1)];
  yield ['references.json', renderJson(corpus.references, 1)];
  yield ['plans.json', renderJson(corpus.plans, 1)];
  yield ['observations.json', renderJson(corpus.observations, 1)];
  yield ['build-report.json', renderJson(buildReport(corpus))];
  // Each document's tasks file holds its own tasks (one record per task, not per department).
  const assignments = Map.groupBy(corpus.assignments, (a) => a.document);
  for (const d of [...corpus.documents].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const { entry, body, tasks } = renderDocumentFiles(d, assignments.get(d.slug));
    yield [`documents/${d.slug}.json`, entry];
    yield [`bodies/${d.slug}.json`, body];
    if (tasks !== undefined) yield [`tasks/${d.slug}.json`, tasks];
  }
}

/** What the build made of the sources and every problem it saw: served as /build-report.json. */
export function buildReport(corpus: Corpus): { files: Corpus['files']; counts: Record<string, number>; diagnostics: Corpus['diagnostics'] } {
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
  for (const d of corpus.diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  return { files: corpus.files, counts, diagnostics: corpus.diagnostics };
}

/**
 * Write the generated files, each only if its content changed, and remove the documents, bodies
 * and tasks no longer generated: Astro's content layer then sees unchanged entries untouched. Generated
 * files only: hand-kept registries elsewhere in content/ are left alone. Each file is written as
 * it is rendered, so they are never all in memory at once.
 */
export function writeContent(outDir: string, files: Iterable<[string, string]>): { written: number; removed: number } {
  // What is on disk already, from the listings: a file not there is written without first trying
  // to read it (a first ingest at 100× otherwise failed thousands of reads, each a thrown error).
  const present = new Set<string>();
  for (const dir of DOCUMENT_FILE_DIRS) {
    mkdirSync(join(outDir, dir), { recursive: true });
    for (const name of readdirSync(join(outDir, dir))) present.add(`${dir}/${name}`);
  }
  for (const name of readdirSync(outDir)) present.add(name);
  const generated = new Set<string>();
  let written = 0;
  for (const [path, text] of files) {
    generated.add(path);
    if (present.has(path) && sameContent(join(outDir, path), text)) continue;
    writeFileSync(join(outDir, path), text);
    written++;
  }
  let removed = 0;
  for (const path of present) {
    if (generated.has(path) || !DOCUMENT_FILE_DIRS.some((dir) => path.startsWith(`${dir}/`))) continue;
    rmSync(join(outDir, path), { recursive: true, force: true });
    removed++;
  }
  return { written, removed };
}

/** Does the file at `path` hold exactly `text` (UTF-8)? The byte length is compared first. */
function sameContent(path: string, text: string): boolean {
  let old: Buffer;
  try {
    old = readFileSync(path);
  } catch {
    return false;
  }
  return old.length === Buffer.byteLength(text) && old.equals(Buffer.from(text));
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const seedsDir = resolve(opt('--seeds', process.env.GAZETTE_SEEDS_DIR ?? 'seeds'));
  const outDir = resolve(opt('--out', process.env.GAZETTE_CONTENT_DIR ?? 'content'));
  if (!existsSync(seedsDir)) {
    console.error(`ingest: no seeds directory at ${seedsDir}`);
    process.exit(2);
  }
  // --json [FILE]: print the parsed tree (segmented file, structured documents) of one file or of seeds/.
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0) {
    const one = args[jsonAt + 1] && !args[jsonAt + 1]!.startsWith('--') ? resolve(args[jsonAt + 1]!) : undefined;
    const sources = one ? [{ name: basename(one), bytes: readFileSync(one) }] : readSeeds(seedsDir);
    const parsed = ingestCorpus(sources, readRegistry(outDir));
    console.log(JSON.stringify({ segmented: parsed.segmented, documents: parsed.documents, diagnostics: parsed.diagnostics }, null, 2));
    return;
  }
  const started = performance.now();
  const cache = cacheFromEnv();
  const sources = readSeeds(seedsDir);
  let fromCache = 0;
  const results = sources.map((file) => {
    const { result, cached } = ingestFileCached(file, cache);
    if (cached) fromCache++;
    return result;
  });
  const perFileDone = performance.now();
  const corpus = assembleCorpus(results, readRegistry(outDir));
  corpus.diagnostics.push(...validateCorpus(corpus));
  const corpusDone = performance.now();
  const counts = new Map<string, number>();
  for (const d of corpus.diagnostics) {
    console.log(`${d.file}:${d.line} ${d.severity} ${d.rule} ${d.message}`);
    counts.set(d.severity, (counts.get(d.severity) ?? 0) + 1);
  }
  const errors = counts.get('error') ?? 0;
  console.log(`ingest: ${corpus.documents.length} documents, ${corpus.issues.length} issues, ${corpus.publications.length} publications, ${corpus.plans.length} plans, ${corpus.observations.length} observations; diagnostics: ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}`);
  if (errors > 0) {
    console.error(`ingest: ${errors} error(s); content/ left unchanged`);
    process.exit(1);
  }
  const { written, removed } = writeContent(outDir, renderFiles(corpus));
  if (cache) pruneCache(cache);
  const s = (from: number, to: number): string => `${((to - from) / 1000).toFixed(1)} s`;
  console.log(`ingest: per-file stages ${cache ? `read from the cache for ${fromCache} of ${sources.length} files (${cache.dir})` : 'run for every file (cache off)'}; wrote ${written} changed files, removed ${removed}`);
  console.log(`ingest: ${s(started, performance.now())} (read and per-file stages ${s(started, perFileDone)}, corpus stages and validation ${s(perFileDone, corpusDone)}, render and write ${s(corpusDone, performance.now())})`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
