// What the first query costs a reader: bytes transferred (compressed, headers included) for one
// query on a freshly opened search page, in a fresh browser context (empty cache).
//
// Counted: every request the page makes except the HTML document itself and the site's
// stylesheet and icon, which every page loads anyway; so the search page's own script, Pagefind's
// runtime and WebAssembly, the index metadata, index chunks, catalog and the passages shown.
// Ours is measured on the real search page (type, Enter, wait for the results with their
// excerpts); the default on Pagefind's default UI over the default index.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import type { Query } from './queries.ts';
import { quantile } from './metrics.ts';

export interface BytesReport {
  samples: number;
  ours: { median: number; max: number; maxQuery: string; beforeFocus: number; medianMs: number; perQuery: Array<{ q: string; bytes: number; ms: number }> };
  default: { median: number; max: number; medianMs: number; perQuery: Array<{ q: string; bytes: number; ms: number }> };
}

const DEFAULT_UI_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>default</title>
<link rel="stylesheet" href="/pagefind-default/pagefind-ui.css">
<script src="/pagefind-default/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.ui = new PagefindUI({ element: '#search', bundlePath: '/pagefind-default/', showSubResults: true, showImages: false });</script>
</body></html>`;

function counted(request: Request, origin: string): boolean {
  const url = request.url();
  if (!url.startsWith(origin)) return false;
  if (request.resourceType() === 'document') return false;
  return !/\/_astro\/[^/]+\.css$|favicon/.test(url);
}

/** Collects transfer sizes of counted requests; `bytes()` waits for them to finish. */
export function meter(page: Page, origin: string) {
  const sizes: Array<Promise<number>> = [];
  const urls: string[] = [];
  let last = Date.now();
  page.context().on('requestfinished', (request) => {
    if (!counted(request, origin)) return;
    last = Date.now();
    urls.push(request.url());
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  page.context().on('request', () => (last = Date.now()));
  return {
    urls,
    reset() {
      sizes.length = 0;
      urls.length = 0;
    },
    /** Waits until no request has started or finished for `quietMs`. */
    async settle(quietMs = 400) {
      while (Date.now() - last < quietMs) await page.waitForTimeout(50);
    },
    async bytes() {
      return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    },
  };
}

const median = (values: number[]): number => quantile(values, 0.5);

/** Picks a few queries of every category (deterministically: evenly spaced). */
function pick(queries: Query[], perCategory: number): Query[] {
  const byCategory = new Map<string, Query[]>();
  for (const query of queries) byCategory.set(query.category, [...(byCategory.get(query.category) ?? []), query]);
  return [...byCategory.values()].flatMap((list) => Array.from({ length: Math.min(perCategory, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(perCategory, list.length))]!));
}

export async function measureFirstQueryBytes(browser: Browser, origin: string, site: string, queries: Query[], perCategory = 4): Promise<BytesReport> {
  await writeFile(join(site, '_eval', 'default-ui.html'), DEFAULT_UI_PAGE);
  const sample = pick(queries, perCategory);
  const ours: BytesReport['ours']['perQuery'] = [];
  const defaults: BytesReport['default']['perQuery'] = [];
  let beforeFocus = 0;

  for (const { q } of sample) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const m = meter(page, origin);
    await page.goto(`${origin}search/`);
    await m.settle();
    // Nothing of the search may load before the reader focuses the box.
    beforeFocus += m.urls.filter((url) => /\/pagefind\//.test(url)).length;
    const input = page.locator('#search-q');
    await input.focus();
    await input.fill(q);
    const started = Date.now();
    await input.press('Enter');
    await page.locator('#search-status[data-state="done"]').waitFor({ timeout: 30_000 });
    const ms = Date.now() - started;
    await m.settle();
    ours.push({ q, bytes: await m.bytes(), ms });
    await context.close();
  }

  for (const { q } of sample) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const m = meter(page, origin);
    await page.goto(`${origin}_eval/default-ui.html`);
    const started = Date.now();
    await page.locator('.pagefind-ui__search-input').fill(q);
    await page.locator('.pagefind-ui__result, .pagefind-ui__message:has-text("No results")').first().waitFor({ timeout: 30_000 });
    const ms = Date.now() - started;
    await m.settle(800);
    defaults.push({ q, bytes: await m.bytes(), ms });
    await context.close();
  }

  const max = ours.reduce((a, b) => (b.bytes > a.bytes ? b : a), { q: '', bytes: 0 });
  return {
    samples: sample.length,
    ours: { median: median(ours.map((r) => r.bytes)), max: max.bytes, maxQuery: max.q, beforeFocus, medianMs: median(ours.map((r) => r.ms)), perQuery: ours },
    default: { median: median(defaults.map((r) => r.bytes)), max: Math.max(...defaults.map((r) => r.bytes)), medianMs: median(defaults.map((r) => r.ms)), perQuery: defaults },
  };
}
