/**
 * `tsx scripts/bench/search-bench.ts [--dir DIST] [--queries 50] [--first 10] [--json FILE]`
 *
 * The search page of a built site (default GAZETTE_OUT_DIR, else dist/) in headless Chromium,
 * served by Astro's preview server (which gzips on the fly, as a static host would):
 *   - first search: a freshly opened search page in a fresh browser context (empty cache); the
 *     query is typed and submitted; counted until the results with their excerpts are shown and
 *     the network is quiet: every request but the HTML document, the site's stylesheet and icon
 *     (so the page's search script, the index's manifest, postings, page rows, display records,
 *     passages, or whatever else the search loads), as transfer sizes (compressed, headers
 *     included, as Chromium reports them) and as a count of requests;
 *   - later queries: in one page, after a first query, each query submitted and timed in the page
 *     until its results with excerpts are shown (median, p95).
 * Queries come from the evaluation's query set (scripts/eval-search/queries.ts), drawn from the
 * site's own pages, evenly spaced over the categories. Prints figures; asserts nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Request } from 'playwright-core';
import { launchOptions, serveDir } from '../../tests/support/browser.ts';
import { buildQuerySet, type Query } from '../eval-search/queries.ts';
import { extractPage, htmlFiles, pagePath } from '../search-index/extract.ts';
import { SEPARATOR } from '../../src/scripts/search-text.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
};

/** Evenly spaced queries, `count` in all, spread over the categories. */
export function pickQueries(queries: Query[], count: number): Query[] {
  const byCategory = new Map<string, Query[]>();
  for (const query of queries) byCategory.set(query.category, [...(byCategory.get(query.category) ?? []), query]);
  const per = Math.max(1, Math.ceil(count / byCategory.size));
  const out = [...byCategory.values()].flatMap((list) => Array.from({ length: Math.min(per, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(per, list.length))]!));
  return out.slice(0, count);
}

/** The evaluation's query set, drawn from the built pages' indexed text (no tables: no indicator queries). */
function querySet(dist: string): Query[] {
  const pages = htmlFiles(dist, new Set(['_astro', 'pagefind', 'search-index']))
    .map((file) => extractPage(readFileSync(join(dist, file), 'utf8'), pagePath(file)))
    .filter((page) => page !== undefined)
    .map((page) => ({ path: page.path, text: page.units.map((unit) => (unit === SEPARATOR ? ' ' : unit)).join(''), docNumber: page.meta.docNumber }));
  return buildQuerySet(pages, [], [], []);
}

function counted(request: Request, origin: string): boolean {
  const url = request.url();
  if (!url.startsWith(origin) || request.resourceType() === 'document') return false;
  return !/\/_astro\/[^/]+\.css$|favicon/.test(url);
}

interface First {
  q: string;
  bytes: number;
  requests: number;
  ms: number;
  largest: Array<{ url: string; bytes: number }>;
}

async function firstSearch(browser: Browser, origin: string, q: string): Promise<First> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Array<Promise<{ url: string; bytes: number }>> = [];
  let last = Date.now();
  context.on('request', () => (last = Date.now()));
  context.on('requestfinished', (request) => {
    last = Date.now();
    if (counted(request, origin)) sizes.push(request.sizes().then((s) => ({ url: request.url().slice(origin.length), bytes: s.responseBodySize + s.responseHeadersSize })));
  });
  const settle = async () => {
    while (Date.now() - last < 400) await page.waitForTimeout(50);
  };
  await page.goto(`${origin}search/`);
  await settle();
  sizes.length = 0;
  const input = page.locator('#search-q');
  await input.focus();
  await input.fill(q);
  const started = Date.now();
  await input.press('Enter');
  await page.locator('#search-status[data-state="done"]').waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  await settle();
  const all = await Promise.all(sizes);
  await context.close();
  return { q, bytes: all.reduce((a, b) => a + b.bytes, 0), requests: all.length, ms, largest: all.sort((a, b) => b.bytes - a.bytes).slice(0, 3) };
}

/** Submits a query in the page and resolves when its results are shown (plain JS: it runs in the page as written). */
const TIMED_SUBMIT = `async (q) => {
  const input = document.getElementById('search-q');
  const form = document.getElementById('search-form');
  const status = document.getElementById('search-status');
  input.value = q;
  const started = performance.now();
  form.requestSubmit();
  await new Promise((done) => {
    const finished = () => status.dataset.state === 'done' || status.dataset.state === 'error';
    if (finished()) return done();
    const observer = new MutationObserver(() => {
      if (finished()) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
  });
  return { ms: performance.now() - started, hits: status.textContent || '' };
}`;

async function laterQueries(browser: Browser, origin: string, queries: string[]): Promise<Array<{ q: string; ms: number; hits: string }>> {
  const page = await browser.newPage();
  await page.goto(`${origin}search/?q=${encodeURIComponent(queries[0]!)}`);
  await page.locator('#search-status[data-state="done"]').waitFor({ timeout: 120_000 });
  const out: Array<{ q: string; ms: number; hits: string }> = [];
  for (const q of queries) {
    const result = (await page.evaluate(`(${TIMED_SUBMIT})(${JSON.stringify(q)})`)) as { ms: number; hits: string };
    out.push({ q, ...result });
  }
  await page.close();
  return out;
}

async function main(): Promise<void> {
  const dist = resolve(arg('--dir') ?? process.env.GAZETTE_OUT_DIR ?? 'dist');
  const count = Number(arg('--queries') ?? 50);
  const firstCount = Number(arg('--first') ?? 10);
  const started = performance.now();
  const queries = pickQueries(querySet(dist), count);
  console.log(`search bench: ${dist}; ${queries.length} queries drawn in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const server = await serveDir(dist);
  const browser = await chromium.launch(launchOptions);
  try {
    const firsts: First[] = [];
    for (const { q } of pickQueries(queries, firstCount)) firsts.push(await firstSearch(browser, server.url, q));
    const later = await laterQueries(browser, server.url, queries.map((query) => query.q));
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`\nfirst search (fresh context; transfer sizes as Chromium reports them, compressed, with headers; everything but the HTML, stylesheet and icon):`);
    for (const f of firsts) console.log(`  ${f.q.padEnd(24)} ${kb(f.bytes).padStart(10)} ${String(f.requests).padStart(4)} requests ${String(f.ms).padStart(6)} ms  largest: ${f.largest.map((l) => `${l.url.replace(/\?.*$/, '')} ${kb(l.bytes)}`).join(', ')}`);
    const bytes = firsts.map((f) => f.bytes);
    const requests = firsts.map((f) => f.requests);
    console.log(`  median ${kb(quantile(bytes, 0.5))}, max ${kb(Math.max(...bytes))}; requests median ${quantile(requests, 0.5)}, max ${Math.max(...requests)}; shown after median ${quantile(firsts.map((f) => f.ms), 0.5)} ms`);
    const ms = later.map((r) => r.ms);
    console.log(`\nlater queries (${later.length}, one page, submit → results with excerpts shown): median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
    const slow = [...later].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`  slowest: ${slow.map((r) => `${r.q} ${r.ms.toFixed(0)} ms`).join(', ')}`);
    const json = arg('--json');
    if (json) writeFileSync(json, JSON.stringify({ dist, firsts, later }, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
