// The search index of a large archive: Pagefind reads the site a batch at a time, and the index is
// cut into shards (one Pagefind bundle each, merged in the browser). The built site's own index is
// one shard; here a copy of it is indexed with tiny shards, and the search page must find exactly
// what it finds on the one-shard index.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import * as pagefind from 'pagefind';
import { buildSearchIndex, CATALOG_FILE, indexablePages, readPages } from '../../scripts/build-search-index.ts';
import type { Catalog } from '../../src/scripts/search-text.ts';
import { RecordPlaces } from '../../src/scripts/search-records.ts';
import { WorkerPool } from '../../scripts/search-index/pool.ts';
import { launchOptions, serveDir } from '../support/browser.ts';
import { DIST } from '../support/corpus.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/');
const readCatalog = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind', CATALOG_FILE), 'utf8')) as Catalog;

/**
 * Serves two sites and opens Chromium for the enclosing describe; `found(site, query)` gives the
 * result links the search page of site 0 or 1 shows for a query.
 */
function searchPagesOf(dirs: () => [string, string]): { found: (site: 0 | 1, query: string) => Promise<Array<string | null>> } {
  let browser: Browser;
  const servers: Array<Awaited<ReturnType<typeof serveDir>>> = [];
  beforeAll(async () => {
    for (const dir of dirs()) servers.push(await serveDir(dir));
    browser = await chromium.launch(launchOptions);
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });
  return {
    async found(site, query) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${servers[site]!.url}${base.slice(1)}search/?q=${encodeURIComponent(query)}`);
      await page.locator('#search-status[data-state="done"]').waitFor({ timeout: 20_000 });
      const links = await page.locator('.search-hit__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await page.close();
      expect(errors).toEqual([]);
      return links;
    },
  };
}

describe('the index workers', () => {
  it('fail with the task and the cause, and let the build stop', async () => {
    const pool = new WorkerPool(1);
    const missing = join(tmpdir(), 'gazette-no-such-page', 'index.html');
    try {
      await expect(pool.run([{ kind: 'read', pages: [{ file: missing, url: '/x/' }], out: join(tmpdir(), 'gazette-never.jsonl') }])).rejects.toThrow(
        new RegExp(`reading 1 page\\(s\\) from ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`),
      );
    } finally {
      pool.close();
    }
  }, 60_000);
});

/** Every file of a bundle with its bytes, by path. */
function bundleFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path).toString('base64'));
  }
  return files;
}

describe.skipIf(!existsSync(join(DIST, 'pagefind', CATALOG_FILE)))('the cache of Pagefind readings', () => {
  const work = mkdtempSync(join(tmpdir(), 'gazette-read-cache-'));
  const site = join(work, 'site');
  const cacheDir = join(work, 'cache');
  afterAll(async () => {
    await pagefind.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('reads only pages that changed, and builds the same bundle as without it', async () => {
    cpSync(DIST, site, { recursive: true });
    const cold = await buildSearchIndex(site, { cacheDir });
    expect(cold.read).toBe(cold.pages);
    const bundle = bundleFiles(join(site, 'pagefind'));

    const warm = await buildSearchIndex(site, { cacheDir });
    expect(warm.read).toBe(0);
    expect(bundleFiles(join(site, 'pagefind'))).toEqual(bundle);

    // One page changes (as when a new document cites it): it alone is read again.
    const page = join(site, 'documents', 'jzbf-2017-7', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/(<article data-pagefind-body[^>]*>)/, '$1<p>新增一段用于测试的文字。</p>'));
    const changed = await buildSearchIndex(site, { cacheDir });
    expect(changed.read).toBe(1);
    const uncached = join(work, 'uncached');
    cpSync(site, uncached, { recursive: true });
    await buildSearchIndex(uncached, {});
    expect(bundleFiles(join(site, 'pagefind'))).toEqual(bundleFiles(join(uncached, 'pagefind')));
    expect(bundleFiles(join(site, 'pagefind'))).not.toEqual(bundle);
    expect(readCatalog(site).pages.length).toBe(cold.pages);
  }, 180_000);
});

describe.skipIf(!existsSync(join(DIST, 'pagefind', CATALOG_FILE)))('a sharded index', () => {
  const copy = mkdtempSync(join(tmpdir(), 'gazette-shards-'));
  let catalog: Catalog;
  let shards: number;

  beforeAll(async () => {
    cpSync(DIST, copy, { recursive: true });
    // About 15 shards on the seeds, indexed by two workers side by side.
    ({ shards } = await buildSearchIndex(copy, { shardUnits: 12_000, workers: 2 }));
    catalog = readCatalog(copy);
  }, 180_000);
  afterAll(async () => {
    await pagefind.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('reads the same pages in batches as in one go', async () => {
    const pages = await indexablePages(DIST);
    const whole = await readPages(pages);
    const batched = [];
    for (let at = 0; at < pages.length; at += 4) batched.push(...(await readPages(pages.slice(at, at + 4))));
    expect(batched.length).toBe(readCatalog(DIST).pages.length);
    expect(batched).toEqual(whole);
  });

  it('describes the same pages, in the same order, whatever the shards and workers', () => {
    expect(catalog.pages).toEqual(readCatalog(DIST).pages);
    expect(catalog.include).toBe(readCatalog(DIST).include);
  });

  it('writes one bundle per shard, each record under its shard language, no page split between shards', () => {
    expect(shards).toBeGreaterThan(5);
    expect(catalog.shards).toHaveLength(shards);
    expect(new Set(catalog.shards.map((s) => s.language)).size).toBe(shards);
    const places = new RecordPlaces(catalog.shards, catalog.records);
    const shardOfPage = new Map<number, string>();
    for (const { path, language } of catalog.shards) {
      const dir = join(copy, 'pagefind', path);
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
      expect(Object.keys(entry.languages)).toEqual([language]);
      // Merged shards carry no runtime of their own: the browser loads the first shard's.
      if (path !== '') expect(readdirSync(dir).filter((name) => /\.(?:js|css|pagefind)$/.test(name))).toEqual([]);
      for (const name of readdirSync(join(dir, 'fragment'))) {
        const id = name.replace(/\.pf_fragment$/, '');
        expect(id.startsWith(`${language}_`), id).toBe(true);
        const [page] = places.get(id)!;
        expect(shardOfPage.get(page) ?? language, catalog.pages[page]!.path).toBe(language);
        shardOfPage.set(page, language);
      }
    }
    expect(shardOfPage.size).toBe(catalog.pages.length);
    const unsharded = readCatalog(DIST);
    expect(places.size).toBe(new RecordPlaces(unsharded.shards, unsharded.records).size);
  });

  describe('in the browser', () => {
    const { found } = searchPagesOf(() => [DIST, copy]);

    it.each(['环境', '空气质量', '吉政办发〔2017〕7号', 'PM2.5', '生态环境局 负责', '黑土地'])('%s: the same results, in the same order, as on one shard', async (query) => {
      const [one, many] = [await found(0, query), await found(1, query)];
      expect(one.length).toBeGreaterThan(0);
      expect(many).toEqual(one);
    });
  });
});

describe.skipIf(!existsSync(join(DIST, 'pagefind', CATALOG_FILE)))('shards kept from the last build', () => {
  const work = mkdtempSync(join(tmpdir(), 'gazette-kept-shards-'));
  const site = join(work, 'site');
  const fresh = join(work, 'fresh');
  const cacheDir = join(work, 'cache');
  const options = { shardUnits: 12_000, workers: 2, cacheDir };
  /** Each shard's bundle files with their bytes, by language. */
  const bundles = (): Map<string, Map<string, string>> => new Map(readCatalog(site).shards.map(({ path, language }) => [language, new Map([...bundleFiles(join(site, 'pagefind', path))].filter(([name]) => !/^shard-\d+\//.test(name) && name !== CATALOG_FILE))]));
  const shardOf = (url: string): string => {
    const catalog = readCatalog(site);
    let at = catalog.pages.findIndex((p) => `/${p.path}` === url);
    for (const shard of catalog.shards) {
      if (at < shard.pages) return shard.language;
      at -= shard.pages;
    }
    throw new Error(`${url} is in no shard`);
  };
  let first: Awaited<ReturnType<typeof buildSearchIndex>>;
  let before: Map<string, Map<string, string>>;
  const changedUrl = '/documents/jzbf-2017-7/';
  let removedUrl: string;

  beforeAll(async () => {
    cpSync(DIST, site, { recursive: true });
    first = await buildSearchIndex(site, options);
    before = bundles();
    // A page of a shard that keeps other pages, neither the first shard nor the changed page's.
    const catalog = readCatalog(site);
    const sizeOf = new Map(catalog.shards.map((s) => [s.language, s.pages]));
    removedUrl = `/${catalog.pages.find((p) => p.path.startsWith('documents/') && ![shardOf(changedUrl), 'und'].includes(shardOf(`/${p.path}`)) && sizeOf.get(shardOf(`/${p.path}`))! > 1)!.path}`;
  }, 180_000);
  afterAll(async () => {
    await pagefind.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('reuses every shard of an unchanged site, byte for byte, though the output directory was emptied', async () => {
    expect(first.shards).toBeGreaterThan(5);
    expect(first.reused).toBe(0);
    rmSync(join(site, 'pagefind'), { recursive: true });
    const again = await buildSearchIndex(site, options);
    expect(again).toMatchObject({ shards: first.shards, reused: first.shards, read: 0 });
    expect(bundles()).toEqual(before);
  }, 180_000);

  it('indexes again only the shards of a changed page and of a removed one, and the one new pages go into', async () => {
    const page = join(site, 'documents', 'jzbf-2017-7', 'index.html');
    const html = readFileSync(page, 'utf8');
    writeFileSync(page, html.replace(/(<article data-pagefind-body[^>]*>)/, '$1<p>新增一段用于测试的文字。</p>'));
    rmSync(join(site, removedUrl.slice(1)), { recursive: true });
    // A new document page, whose URL sorts among the others.
    cpSync(join(site, 'documents', 'jzbf-2017-7'), join(site, 'documents', 'jzbf-2017-7a'), { recursive: true });
    writeFileSync(join(site, 'documents', 'jzbf-2017-7a', 'index.html'), html.replace(/(<article data-pagefind-body[^>]*>)/, '$1<p>另一份新文件独有的文字：黑土地保护。</p>'));
    const changedShard = shardOf(changedUrl);
    const removedShard = shardOf(removedUrl);
    const lastShard = readCatalog(site).shards.at(-1)!.language;
    rmSync(join(site, 'pagefind'), { recursive: true });
    const next = await buildSearchIndex(site, options);
    expect(next.read).toBe(2);
    const after = bundles();
    const rebuilt = [...after.keys()].filter((language) => !before.has(language) || JSON.stringify([...before.get(language)!]) !== JSON.stringify([...after.get(language)!]));
    const expected = new Set([changedShard, removedShard, shardOf('/documents/jzbf-2017-7a/')]);
    expect(new Set(rebuilt)).toEqual(expected);
    expect(expected.has(lastShard) || !before.has(shardOf('/documents/jzbf-2017-7a/'))).toBe(true);
    expect(next.reused).toBe(next.shards - expected.size);
    expect(next.shards - expected.size).toBeGreaterThan(3);

    // The same pages, as a first build of this site describes them.
    cpSync(site, fresh, { recursive: true });
    rmSync(join(fresh, 'pagefind'), { recursive: true });
    await buildSearchIndex(fresh, {});
    const byPath = (c: Catalog) => [...c.pages].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath(readCatalog(site))).toEqual(byPath(readCatalog(fresh)));
    expect(readCatalog(site).include).toBe(readCatalog(fresh).include);
  }, 300_000);

  it('indexes every shard again when the corpus gains a character: each bundle lists the characters queries are split by', async () => {
    const copy = join(work, 'novel');
    cpSync(site, copy, { recursive: true });
    const page = join(copy, 'documents', 'jzbf-2017-7a', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/(<article data-pagefind-body[^>]*>)/, '$1<p>附件※一</p>'));
    // The site's cache as its last build left it; only the one page differs.
    cpSync(cacheDir, join(work, 'novel-cache'), { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    const kept = await buildSearchIndex(copy, { ...options, cacheDir: join(work, 'novel-cache') });
    expect(kept).toMatchObject({ reused: 0, discarded: expect.stringContaining('characters') });
    expect(readCatalog(copy).include).toContain('※');
  }, 300_000);

  describe('in the browser', () => {
    const { found } = searchPagesOf(() => [fresh, site]);

    it.each(['新增一段用于测试的文字', '黑土地', '环境', '吉政办发〔2017〕7号'])('%s: the same results, in the same order, as a first build of the changed site', async (query) => {
      const [one, kept] = [await found(0, query), await found(1, query)];
      expect(one.length).toBeGreaterThan(0);
      expect(kept).toEqual(one);
    });
  });
});
