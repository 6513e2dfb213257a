/**
 * Ingest cache: each source file's per-file results (`FileResult`: decode → normalise → segment →
 * structure, ids, validity) stored in V8's serialization format, keyed by a hash of the pipeline
 * itself, the file's name and its bytes (and Node's version, which fixes the format). Re-ingesting
 * a corpus in which one file was added or changed redoes the per-file stages for that file only;
 * the stages that read across documents (slugs, cross-references, responsibilities, plans,
 * indicators) always run over everything, so the output is the same as without the cache
 * (tests/ingest-cache.test.ts).
 *
 * Where: `GAZETTE_INGEST_CACHE` names the directory (`off`, `0`, `false` or empty turns the cache
 * off); by default `node_modules/.cache/gazette-ingest` of this project. Entries are written to a
 * temporary name and renamed, so concurrent ingests sharing the directory never read half an entry;
 * an unreadable entry is a miss. The least recently used entries go once the directory holds more
 * than MAX_CACHE_BYTES.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ingestFile, type FileResult, type SourceFile } from './pipeline.ts';
import type { StageTimes } from './stage-times.ts';
import { cacheDirFromSetting, codeVersion, installedVersion } from '../cache-setting.ts';

export interface IngestCache {
  dir: string;
  /** Hash of everything besides the file that decides its per-file results (see pipelineVersion). */
  version: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * An entry's file name ends so. V8's format, not JSON: at 10,005 documents (537 MB as JSON) reading
 * every entry back took 3.1 s against 4.6 s to compute them, and 1.2 s this way; writing them
 * costs about the same either way.
 */
export const ENTRY_EXTENSION = '.v8';
/** Above this the least recently used entries are removed (the 10,005-document bench corpus takes 215 MB). */
export const MAX_CACHE_BYTES = 1024 ** 3;

/** The cache the environment asks for: GAZETTE_INGEST_CACHE, else node_modules/.cache/gazette-ingest; undefined when turned off. */
export function cacheFromEnv(env: NodeJS.ProcessEnv = process.env): IngestCache | undefined {
  const dir = cacheDirFromSetting(env.GAZETTE_INGEST_CACHE, join(ROOT, 'node_modules/.cache/gazette-ingest'));
  return dir === undefined ? undefined : { dir, version: pipelineVersion() };
}

let version: string | undefined;

/**
 * What the per-file results depend on besides the file: the source of every pipeline module
 * (scripts/ingest/*.ts: any change to the code gives new keys), the version of pinyin-pro (slugs)
 * and of Node (its TextDecoder reads GB18030).
 */
export function pipelineVersion(): string {
  if (version) return version;
  const dir = import.meta.dirname;
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(dir, f));
  return (version = codeVersion(modules, `pinyin-pro ${installedVersion('pinyin-pro')}\0node ${process.version}`));
}

/** The key of one source file: pipeline version, name (spans and diagnostics carry it) and bytes. */
export function cacheKey(cache: IngestCache, file: SourceFile): string {
  return createHash('sha256').update(`${cache.version}\0${file.name}\0`).update(file.bytes).digest('hex');
}

/** The per-file results of `file`: from the cache when an entry is there, else computed and stored. */
export function ingestFileCached(file: SourceFile, cache: IngestCache | undefined, times?: StageTimes): { result: FileResult; cached: boolean } {
  if (!cache) return { result: ingestFile(file, times), cached: false };
  const path = join(cache.dir, `${cacheKey(cache, file)}${ENTRY_EXTENSION}`);
  const stored = readEntry(path, file.name);
  if (stored) {
    touch(path);
    return { result: stored, cached: true };
  }
  const result = ingestFile(file, times);
  writeEntry(cache.dir, path, result);
  return { result, cached: false };
}

function readEntry(path: string, name: string): FileResult | undefined {
  try {
    const entry = deserialize(readFileSync(path)) as FileResult;
    return entry.file === name && Array.isArray(entry.documents) ? entry : undefined;
  } catch {
    return undefined; // absent or unreadable: computed again
  }
}

function writeEntry(dir: string, path: string, result: FileResult): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, serialize(result));
    renameSync(temp, path);
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

/** Mark an entry used, for the least-recently-used pruning. */
function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Removed meanwhile by another ingest's pruning: still read.
  }
}

/** Remove the least recently used entries while the directory holds more than `limit` bytes. */
export function pruneCache(cache: IngestCache, limit = MAX_CACHE_BYTES): void {
  let entries: Array<{ path: string; size: number; used: number }>;
  try {
    entries = readdirSync(cache.dir)
      // Every entry, of this format or an earlier one (.json), but not another ingest's unfinished one.
      .filter((f) => !f.endsWith('.tmp'))
      .map((f) => {
        const st = statSync(join(cache.dir, f));
        return { path: join(cache.dir, f), size: st.size, used: st.mtimeMs };
      });
  } catch {
    return;
  }
  let total = entries.reduce((n, e) => n + e.size, 0);
  for (const e of entries.sort((a, b) => a.used - b.used)) {
    if (total <= limit) break;
    rmSync(e.path, { force: true });
    total -= e.size;
  }
}
