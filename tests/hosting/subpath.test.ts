/**
 * Hosting under a sub-path on a real static server: the site is built again with BASE_PATH=/atlas/
 * and SITE_URL set (reusing the ingested content/), served by nginx at /atlas/ with nothing at the
 * root, link-checked over HTTP, and browsed: home → issue → document, and a search.
 */
import { readFileSync, rmSync } from 'node:fs';
import { testBuildDir } from '../support/corpus.ts';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';
import { checkLinks } from '../../scripts/check-links.ts';
import type { DatasetIndex } from '../../src/lib/open-data.ts';

const BASE = '/atlas/';
const SITE = 'https://atlas.example.org';
const regulation = '吉林省公安机关警务辅助人员管理办法';

const outDir = testBuildDir('gazette-atlas-');
let nginx: NginxServer;
let browser: Browser;
let root: string;
const problems: string[] = [];

beforeAll(async () => {
  buildSite({ outDir, base: BASE, site: SITE });
  nginx = await startNginx([{ prefix: BASE, dir: outDir }]);
  root = `${nginx.origin}${BASE}`;
  browser = await chromium.launch(launchOptions);
});

afterEach(() => {
  expect(problems.splice(0), 'console errors, page errors or failed requests').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.url().startsWith(nginx.origin) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return page;
}

describe(`site built with BASE_PATH=${BASE}, served by nginx`, () => {
  test('every link, asset and anchor resolves (link check over HTTP)', async () => {
    // Over HTTP from nginx; the build directory only names the entry points (every HTML file).
    const report = await checkLinks({ url: root, dir: outDir, site: SITE });
    console.log(`check-links ${BASE} (nginx): ${report.pages} pages, ${report.links} links, ${report.anchors} anchors checked`);
    expect(report.problems).toEqual([]);
    const pages = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8').match(/<loc>/g)!.length;
    expect(report.pages).toBeGreaterThan(pages); // the sitemap's pages, plus 404.html and noindex pages
    expect(report.anchors).toBeGreaterThan(0);
  });

  test('home → issue → document', async () => {
    const page = await openPage();
    await page.goto(root);
    await page.locator('main a[href*="/issues/"]').first().click();
    await page.waitForURL(new RegExp(`^${nginx.origin}${BASE}issues/[^/]+/\\d{4}/[\\d-]+/$`));
    expect(await page.locator('h1').textContent()).toMatch(/\d{4}年第[\d-]+期/);

    await page.locator('main a[href*="/documents/"]').first().click();
    await page.waitForURL(new RegExp(`^${nginx.origin}${BASE}documents/[^/]+/$`));
    expect((await page.locator('h1').textContent())?.trim()).not.toBe('');
    expect((await page.locator('.body').innerText()).length).toBeGreaterThan(0);
    // The page names its published address, under the sub-path.
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(`${SITE}${new URL(page.url()).pathname}`);
    await page.close();
  });

  test('search finds a document and links into the sub-path', async () => {
    const page = await openPage();
    await page.goto(root);
    await page.locator('#site-search').fill('警务辅助人员');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(new RegExp(`^${nginx.origin}${BASE}search/\\?q=`));
    const hit = page.locator('.search-hit__link', { hasText: regulation }).first();
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${BASE}documents/[^/]+/`));
    await hit.click();
    await page.waitForURL(new RegExp(`${BASE}documents/[^/]+/`));
    expect((await page.locator('h1').textContent())?.trim()).toBe(regulation);
    await page.close();
  });

  test('a missing page gets the 404 page, whose links work from any depth', async () => {
    const response = await fetch(`${root}no/such/page/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('未找到页面');
    expect(html).toContain('<meta name="robots" content="noindex">');
    const hrefs = [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, 'links on the 404 page must be absolute paths under the base').toMatch(/^(\/atlas\/|#)/);
  });

  test('no server rewrites needed: a directory without its slash redirects, nothing is served at the root', async () => {
    const response = await fetch(`${root}documents`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${BASE}documents/`);
    expect((await fetch(`${nginx.origin}/`)).status).toBe(404);
    expect((await fetch(`${nginx.origin}/documents/`)).status).toBe(404);
  });

  test('feeds, sitemap, robots.txt and open data name the published address', async () => {
    const feed = await (await fetch(`${root}feeds/documents.xml`)).text();
    expect(feed).toContain(`<link rel="self" href="${SITE}${BASE}feeds/documents.xml"`);
    expect(feed).toMatch(new RegExp(`<id>${SITE}${BASE}documents/[^<]+/</id>`));
    const robots = await (await fetch(`${root}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
    const sitemap = await (await fetch(`${root}sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${SITE}${BASE}sitemap-0.xml</loc>`);
    // The open data's index and its parts, through the server: every URL in them is the deployed one.
    const index = (await (await fetch(`${root}data/documents.json`)).json()) as DatasetIndex;
    expect(index.parts.length).toBeGreaterThan(0);
    for (const part of index.parts) {
      expect(part.json.startsWith(`${SITE}${BASE}data/documents/`), part.json).toBe(true);
      const documents = (await (await fetch(`${root}${part.json.slice(`${SITE}${BASE}`.length)}`)).json()) as Array<{ url: string }>;
      expect(documents).toHaveLength(part.records);
      for (const { url } of documents) expect(url.startsWith(`${SITE}${BASE}documents/`), url).toBe(true);
    }
  });
});
