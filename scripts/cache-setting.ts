/**
 * A cache directory as its environment variable sets it (GAZETTE_INGEST_CACHE,
 * GAZETTE_SEARCH_CACHE): unset → the default; empty, 0, off or false → no cache; else that
 * directory. One rule, so every cache of the build is turned off the same way.
 */
import { resolve } from 'node:path';

export function cacheDirFromSetting(setting: string | undefined, fallback: string): string | undefined {
  if (setting === undefined) return resolve(fallback);
  if (['', '0', 'off', 'false'].includes(setting.trim().toLowerCase())) return undefined;
  return resolve(setting);
}
