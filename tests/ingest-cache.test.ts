/**
 * The ingest cache (scripts/ingest/ingest-cache.ts) and incremental writes: a run from cached
 * per-file results gives byte-identical output to an uncached run; a changed seed, a renamed seed
 * or a changed pipeline misses; an unreadable entry is recomputed; the command writes only the
 * files whose content changed and removes documents no longer generated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleCorpus, ingestCorpus, type SourceFile } from '../scripts/ingest/pipeline.ts';
import { cacheKey, ENTRY_EXTENSION, ingestFileCached, pipelineVersion, type IngestCache } from '../scripts/ingest/ingest-cache.ts';
import { serialize } from 'node:v8';
import { DOCUMENT_FILE_DIRS, readRegistry, readSeeds, renderCorpus } from '../scripts/ingest/cli.ts';
import { synthesizeCorpus } from '../scripts/bench/synth.ts';
import { CONTENT, ROOT, SEEDS } from './support/corpus.ts';

const registry = readRegistry(CONTENT);
const seeds = readSeeds(SEEDS);

/** Render a corpus assembled from (possibly cached) per-file results; how many came from the cache. */
function renderCached(sources: SourceFile[], cache: IngestCache): { files: Map<string, string>; hits: number } {
  let hits = 0;
  const results = sources.map((f) => {
    const { result, cached } = ingestFileCached(f, cache);
    if (cached) hits++;
    return result;
  });
  return { files: renderCorpus(assembleCorpus(results, registry)), hits };
}

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const freshCache = (): IngestCache => ({ dir: tempDir('gazette-ingest-cache-'), version: pipelineVersion() });

describe('ingest cache', () => {
  const uncached = renderCorpus(ingestCorpus(seeds, registry));

  it('gives byte-identical output from a cold and from a warm cache', () => {
    const cache = freshCache();
    const cold = renderCached(seeds, cache);
    expect(cold.hits).toBe(0);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith(ENTRY_EXTENSION))).toHaveLength(seeds.length);
    const warm = renderCached(seeds, cache);
    expect(warm.hits).toBe(seeds.length);
    expect([...warm.files.keys()]).toEqual([...uncached.keys()]);
    for (const [path, text] of uncached) expect(warm.files.get(path), path).toBe(text);
    expect(cold.files).toEqual(uncached);
  });

  it('misses for a changed seed only, and the output follows the change', () => {
    const cache = freshCache();
    renderCached(seeds, cache);
    const [first, ...rest] = seeds;
    // Another copy of the first seed (synth.ts: new 文号, dates, issue) under the same name.
    const text = synthesizeCorpus([{ name: first!.name, text: Buffer.from(first!.bytes).toString('utf8') }], 2)[1]!.text;
    const changed = [{ name: first!.name, bytes: new TextEncoder().encode(text) }, ...rest];
    expect(cacheKey(cache, changed[0]!)).not.toBe(cacheKey(cache, first!));
    const again = renderCached(changed, cache);
    expect(again.hits).toBe(seeds.length - 1);
    expect(again.files).toEqual(renderCorpus(ingestCorpus(changed, registry)));
    expect(again.files).not.toEqual(uncached);
  });

  it('keys on the file name and the pipeline version as well as the bytes', () => {
    const cache = freshCache();
    const file = seeds[4]!;
    expect(cacheKey(cache, { name: 'other.txt', bytes: file.bytes })).not.toBe(cacheKey(cache, file));
    expect(cacheKey({ ...cache, version: 'another pipeline' }, file)).not.toBe(cacheKey(cache, file));
  });

  it('recomputes an unreadable entry', () => {
    const cache = freshCache();
    const file = seeds[4]!;
    ingestFileCached(file, cache);
    writeFileSync(join(cache.dir, `${cacheKey(cache, file)}${ENTRY_EXTENSION}`), serialize({ file: file.name, documents: [] }).subarray(0, 12));
    const again = ingestFileCached(file, cache);
    expect(again.cached).toBe(false);
    expect(ingestFileCached(file, cache).cached).toBe(true);
  });
});

describe('ingest command writes only what changed', () => {
  const run = (seedsDir: string, out: string, cache: string) =>
    spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--seeds', seedsDir, '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GAZETTE_INGEST_CACHE: cache } });

  it('leaves unchanged files untouched, writes new ones and removes stale ones', () => {
    const dir = tempDir('gazette-incremental-');
    const seedsDir = join(dir, 'seeds');
    const out = join(dir, 'content');
    const cache = join(dir, 'cache');
    cpSync(SEEDS, seedsDir, { recursive: true });
    cpSync(join(CONTENT, 'registry'), join(out, 'registry'), { recursive: true });
    rmSync(join(seedsDir, '004_f7ab706c9a2973ea.txt'));

    const first = run(seedsDir, out, cache);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('read from the cache for 0 of 4 files');
    const generated = (): string[] => DOCUMENT_FILE_DIRS.flatMap((d) => readdirSync(join(out, d)).map((f) => `${d}/${f}`));
    const mtimes = new Map(generated().map((f) => [f, statSync(join(out, f)).mtimeMs]));

    // Same seeds again: everything from the cache, nothing written.
    const second = run(seedsDir, out, cache);
    expect(second.stdout).toContain('read from the cache for 4 of 4 files');
    expect(second.stdout).toContain('wrote 0 changed files, removed 0');
    for (const [f, t] of mtimes) expect(statSync(join(out, f)).mtimeMs, f).toBe(t);

    // One new file: only it goes through the per-file stages; its document and the changed
    // collections are written, every other document stays as it was.
    cpSync(join(SEEDS, '004_f7ab706c9a2973ea.txt'), join(seedsDir, '004_f7ab706c9a2973ea.txt'));
    const third = run(seedsDir, out, cache);
    expect(third.stdout).toContain('read from the cache for 4 of 5 files');
    for (const [f, t] of mtimes) expect(statSync(join(out, f)).mtimeMs, f).toBe(t);
    // The whole content is what a plain ingest of the seeds writes.
    expect(generated().sort()).toEqual(DOCUMENT_FILE_DIRS.flatMap((d) => readdirSync(join(CONTENT, d)).map((f) => `${d}/${f}`)).sort());
    for (const f of [...readdirSync(CONTENT).filter((f) => f.endsWith('.json')), ...generated()]) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(CONTENT, f), 'utf8'));

    // A file removed: its document's entry, body and tasks go.
    rmSync(join(seedsDir, '004_f7ab706c9a2973ea.txt'));
    const fourth = run(seedsDir, out, cache);
    expect(fourth.stdout).toContain('removed 3');
    for (const dir of DOCUMENT_FILE_DIRS) expect(generated()).not.toContain(`${dir}/jzbf-2016-56.json`);
  });
});
