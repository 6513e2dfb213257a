// Browser test of the built site: home → issue → document, search, and no broken links or script errors.
// Needs a built site with its search index (`npm run build`); GAZETTE_OUT_DIR and BASE_PATH select
// another build, exactly as for `astro build`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions, serveDir } from '../support/browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = resolve(root, process.env.GAZETTE_OUT_DIR ?? 'dist');
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/');
const regulation = '吉林省公安机关警务辅助人员管理办法';

let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Browser;
/** Server origin, e.g. http://127.0.0.1:4321 (no base path). */
let origin: string;

/** Errors the site must never produce: console errors, uncaught exceptions, failed same-origin requests. */
const problems: string[] = [];

function assertBuilt(): void {
  for (const file of ['index.html', 'pagefind/pagefind.js', 'pagefind/search-catalog.json']) {
    if (!existsSync(resolve(outDir, file))) {
      throw new Error(`${resolve(outDir, file)} is missing: build the site first (npm run build).`);
    }
  }
}

async function openPage(width = 1024): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return page;
}

/** The page must not scroll sideways: wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  assertBuilt();
  server = await serveDir(outDir);
  origin = new URL(server.url).origin;
  browser = await chromium.launch(launchOptions);
});

afterEach(() => {
  const found = problems.splice(0);
  expect(found, 'console errors, page errors or failed requests').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('built site', () => {
  test('home → issue → document shows the document', async () => {
    const page = await openPage();
    await page.goto(`${origin}${basePath}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();

    await page.getByRole('link', { name: '2017年第8期' }).first().click();
    await page.waitForURL(/\/issues\/[^/]+\/2017\/8\/$/);
    expect(await page.locator('h1').textContent()).toContain('2017年第8期');
    expect(await page.locator('#toc-heading').textContent()).toBe('目录');

    // The 目录 may link the regulation itself or the order that carries it (then the regulation is listed under it).
    await page.getByRole('link', { name: regulation, exact: true }).last().click();
    await page.waitForURL(/\/documents\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(regulation);
    const body = await page.locator('.body').innerText();
    expect(body).toContain('第一条');
    expect(body).toContain('警务辅助人员');
    expect(await page.locator('.source-note').textContent()).toMatch(/seeds\/\S+, lines \d+/);

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page);
    await page.close();
  });

  test('searching 警务辅助人员 finds the regulation', async () => {
    const page = await openPage();
    await page.goto(`${origin}${basePath}`);
    await page.locator('#site-search').fill('警务辅助人员');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);

    const hit = page.locator('.search-hit__link', { hasText: regulation }).first();
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${basePath}documents/[^/]+/`));

    // Typing in the search page's own box searches too.
    const input = page.locator('#search-q');
    await input.fill('');
    await input.pressSequentially('警务辅助人员');
    await page.locator('.search-hit__link', { hasText: regulation }).first().waitFor({ timeout: 20_000 });

    await hit.click();
    await page.waitForURL(/\/documents\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(regulation);
    await page.close();
  });

  test('every internal link resolves', async () => {
    const seen = new Set<string>();
    const queue = [`${origin}${basePath}`];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (!response.ok) {
        broken.push(`${response.status} ${url}`);
        continue;
      }
      if (!response.headers.get('content-type')?.includes('text/html')) continue;
      const html = await response.text();
      for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"#?]*)/g)) {
        if (href === undefined || href === '') continue;
        const target = new URL(href.replaceAll('&amp;', '&'), url);
        if (target.origin === origin) queue.push(target.href);
      }
    }
    expect(broken).toEqual([]);
    expect(seen.size).toBeGreaterThan(3);
  });

  test('pages are narrow-screen safe and raise no script errors', async () => {
    const page = await openPage(360);
    for (const path of ['', 'publications/', 'documents/', 'search/?q=%E5%85%AC%E6%8A%A5']) {
      await page.goto(`${origin}${basePath}${path}`);
      await expectNoSidewaysScroll(page);
    }
    // Every document page, at phone width: tables must scroll inside their box.
    const links = await page.goto(`${origin}${basePath}documents/`).then(() =>
      page.locator('.doc-list__title').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href)),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      await page.goto(link);
      await expectNoSidewaysScroll(page);
    }
    await page.close();
  });
});
