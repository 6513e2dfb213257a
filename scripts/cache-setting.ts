/**
 * What the build's caches (ingest, search index) share: how their directories are set, and the
 * versions of the packages their keys depend on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A cache directory as its environment variable sets it (GAZETTE_INGEST_CACHE,
 * GAZETTE_SEARCH_CACHE): unset → the default; empty, 0, off or false → no cache; else that
 * directory. One rule, so every cache of the build is turned off the same way.
 */
export function cacheDirFromSetting(setting: string | undefined, fallback: string): string | undefined {
  if (setting === undefined) return resolve(fallback);
  if (['', '0', 'off', 'false'].includes(setting.trim().toLowerCase())) return undefined;
  return resolve(setting);
}

/** The installed version of a package of the project (node_modules/<name>/package.json). */
export function installedVersion(name: string): string {
  const path = join(import.meta.dirname, '..', 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/**
 * A cache's version: a hash of the source files whose code decides what it holds (by name and
 * bytes) and of whatever else it depends on (package versions, settings): any change gives new
 * keys, so a cache never serves what other code made.
 */
export function codeVersion(files: readonly string[], extra: string): string {
  const hash = createHash('sha256');
  // By path within the project, so that every checkout of the same code gives the same version.
  for (const file of files) hash.update(`${relative(join(import.meta.dirname, '..'), file)}\0`).update(readFileSync(file)).update('\0');
  return hash.update(extra).digest('hex');
}
