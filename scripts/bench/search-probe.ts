/**
 * `tsx scripts/bench/search-probe.ts OUT_DIR`: what search costs a reader of a built site, on the
 * real search page in headless Chromium (served compressed, as the preview server serves it).
 *
 *   - first query: bytes transferred by a freshly opened search page (empty cache) for one query,
 *     until its results show: everything but the HTML and the site stylesheet (Pagefind's runtime
 *     and WebAssembly, every shard's metadata, the catalog, index chunks, the passages shown);
 *   - later queries: milliseconds from Enter to the results shown, on a page that has searched
 *     before (the runtime, metadata and catalog loaded; each query still fetches its own chunks).
 *
 * The queries are words and names every synthesised corpus holds (they are in the seeds, of
 * several frequencies). Prints `first-kb-median N first-kb-max N query-ms-median N query-ms-p95 N`.
 */
import { chromium, type Page } from 'playwright-core';
import { launchOptions, serveDir } from '../../tests/support/browser.ts';
import { quantile } from '../eval-search/metrics.ts';
import { meter } from '../eval-search/bytes.ts';

export const PROBE_QUERIES = ['空气质量', '生态环境', '细颗粒物', '黑土地', '优良天数', '困境儿童', '新能源', '水污染防治', '秸秆', '土壤污染', '监测', '吉政办发'];

async function search(page: Page, q: string): Promise<number> {
  const input = page.locator('#search-q');
  await input.fill(q);
  const started = performance.now();
  await input.press('Enter');
  await page.waitForFunction(
    (query) => document.querySelector<HTMLElement>('#search-status')?.dataset.state === 'done' && new URL(location.href).searchParams.get('q') === query,
    q,
    { timeout: 120_000, polling: 5 },
  );
  return performance.now() - started;
}

export async function probeSearch(outDir: string, base = '/'): Promise<{ firstKB: number[]; queryMs: number[] }> {
  const server = await serveDir(outDir);
  const browser = await chromium.launch(launchOptions);
  const origin = server.url;
  const searchPage = `${origin}${base.slice(1)}search/`;
  try {
    const firstKB: number[] = [];
    for (const q of PROBE_QUERIES.slice(0, 5)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Counted as the search evaluation counts (scripts/eval-search/bytes.ts), from the loaded page on.
      const m = meter(page, origin);
      await page.goto(searchPage);
      await m.settle();
      m.reset();
      await search(page, q);
      await m.settle();
      firstKB.push((await m.bytes()) / 1024);
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(searchPage);
    await search(page, '规划'); // loads the runtime, metadata and catalog
    const queryMs: number[] = [];
    for (const q of PROBE_QUERIES) queryMs.push(await search(page, q));
    await context.close();
    return { firstKB, queryMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && process.argv[1].endsWith('search-probe.ts')) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: search-probe.ts OUT_DIR');
  const { firstKB, queryMs } = await probeSearch(outDir, (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/'));
  console.log(`first-kb ${firstKB.map((kb) => kb.toFixed(0)).join(' ')}`);
  console.log(`query-ms ${queryMs.map((ms) => ms.toFixed(0)).join(' ')}`);
  console.log(`first-kb-median ${quantile(firstKB, 0.5).toFixed(0)} first-kb-max ${Math.max(...firstKB).toFixed(0)} query-ms-median ${quantile(queryMs, 0.5).toFixed(0)} query-ms-p95 ${quantile(queryMs, 0.95).toFixed(0)}`);
}
