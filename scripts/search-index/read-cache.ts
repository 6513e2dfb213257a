/**
 * Pagefind's reading of a page (its fragment) kept across builds, keyed by the page's URL, its
 * HTML bytes and the Pagefind version: after an incremental build, the pages Astro reused are not
 * read again. One cache per output directory; after a build it holds that build's pages only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PagefindFragment } from '../build-search-index.ts';
import { installedVersion } from '../cache-setting.ts';

const PAGEFIND_VERSION = installedVersion('pagefind');

/** The cache key of a page: what Pagefind's reading of it depends on. */
export function readKey(url: string, html: Uint8Array, language: string): string {
  return createHash('sha256').update(`${PAGEFIND_VERSION}\0${language}\0${url}\0`).update(html).digest('hex');
}

export class ReadCache {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  async get(key: string): Promise<PagefindFragment> {
    return JSON.parse(await readFile(this.path(key), 'utf8')) as PagefindFragment;
  }

  async put(key: string, fragment: PagefindFragment): Promise<void> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    await writeFile(this.path(key), JSON.stringify(fragment));
  }

  /** Removes every entry but those of `keep` (the pages of the build just made). */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    if (!existsSync(this.dir)) return;
    // Only its own two-character directories: the kept shards (shard-store.ts) live beside them.
    for (const sub of (await readdir(this.dir)).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const name of await readdir(join(this.dir, sub))) {
        if (!keep.has(name.replace(/\.json$/, ''))) await rm(join(this.dir, sub, name), { force: true });
      }
    }
  }
}
