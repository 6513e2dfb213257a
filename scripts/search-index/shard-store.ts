/**
 * The search index's shards kept between builds (beside the read cache, in its directory): the
 * manifest of the last build's layout (scripts/search-index/shard-layout.ts) and a copy of each
 * shard's bundle, since Astro empties the output directory before every build. Files are
 * hard-linked where the file system allows (Pagefind never rewrites a file in place), else copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import pMap from 'p-map';
import type { ShardManifest } from './shard-layout.ts';
import { codeVersion, installedVersion } from '../cache-setting.ts';

/** The files the passages and bundles depend on besides the pages: the index's own code. */
const CODE = ['../build-search-index.ts', '../../src/scripts/search-text.ts', './shard-layout.ts'];

/**
 * What every kept bundle depends on besides its pages: the code that writes passages and shards,
 * Pagefind's version, and the settings given to it.
 */
export function indexVersion(settings: Record<string, string | number | undefined>): string {
  return codeVersion(
    CODE.map((file) => join(import.meta.dirname, file)),
    `pagefind ${installedVersion('pagefind')}\0${JSON.stringify(settings)}`,
  );
}

export class ShardStore {
  constructor(private readonly dir: string) {}

  private get manifestPath(): string {
    return join(this.dir, 'shards.json');
  }

  private bundleDir(id: number): string {
    return join(this.dir, 'shards', String(id));
  }

  /** The last build's manifest; undefined when there is none or it cannot be read. */
  manifest(): ShardManifest | undefined {
    try {
      return JSON.parse(readFileSync(this.manifestPath, 'utf8')) as ShardManifest;
    } catch {
      return undefined;
    }
  }

  hasBundle(id: number): boolean {
    return existsSync(join(this.bundleDir(id), 'pagefind-entry.json'));
  }

  /** Forget the last build's layout, before its bundles are replaced: a build stopped half-way then leaves none. */
  async forget(): Promise<void> {
    await rm(this.manifestPath, { force: true });
  }

  /** Keep the bundle written at `from` (its files, without `skip`ped ones) as shard `id`'s. */
  async save(id: number, from: string, skip: (path: string) => boolean): Promise<void> {
    const to = this.bundleDir(id);
    await rm(to, { recursive: true, force: true });
    await linkTree(from, to, skip);
  }

  /** Put shard `id`'s kept bundle at `to`. */
  async restore(id: number, to: string): Promise<void> {
    await linkTree(this.bundleDir(id), to, () => false);
  }

  /** Record the new layout, and drop the bundles of shards it no longer has. */
  async write(manifest: ShardManifest): Promise<void> {
    const ids = new Set(manifest.shards.map((s) => String(s.id)));
    if (existsSync(join(this.dir, 'shards'))) {
      for (const name of await readdir(join(this.dir, 'shards'))) if (!ids.has(name)) await rm(join(this.dir, 'shards', name), { recursive: true, force: true });
    }
    const temporary = `${this.manifestPath}.tmp`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(temporary, JSON.stringify(manifest));
    await rename(temporary, this.manifestPath);
  }
}

/** Every file under `from` (but those `skip` names, by path relative to `from`) linked or copied to the same place under `to`. */
async function linkTree(from: string, to: string, skip: (path: string) => boolean): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)))
    .filter((path) => !skip(path));
  for (const dir of new Set(files.map((path) => dirname(join(to, path))))) await mkdir(dir, { recursive: true });
  // A shard at 10,005 documents is ~2,500 files: many at a time, as the index reads its files.
  await pMap(files, (path) => link(join(from, path), join(to, path)).catch(() => copyFile(join(from, path), join(to, path))), { concurrency: 32 });
}
