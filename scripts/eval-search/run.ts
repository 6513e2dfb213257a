// npm run eval:search — how well search finds "every page containing the words, and only those".
//
// Builds the site if there is none (or with --rebuild), copies it to a temporary directory, adds
// an index built with Pagefind's defaults beside ours, draws a query set from the corpus
// (scripts/eval-search/queries.ts), and runs every query through the real Pagefind runtime in
// headless Chromium: our search (src/scripts/search-engine.ts on our index), and Pagefind's
// defaults as a site would use them (the query as typed, and the query "quoted"). Prints recall,
// precision, zero-hit queries and latency per category and overall, the 文号 forms test, and the
// bytes the first query fetches on the search page. Exits non-zero when a target is missed.
//
// Options: --rebuild (build the site first), --json <file> (write every run), --verbose (list misses),
// --no-bytes (skip the first-query bytes), --keep (keep the temporary site).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { chromium, type Browser } from 'playwright-core';
import { launchOptions, serveDir } from '../../tests/support/browser.ts';
import { buildDefaultIndex, CATALOG_FILE, decodePagefindFile, type PagefindFragment } from '../build-search-index.ts';
import { flattenBlocks, type BodyBlock } from '../../src/schemas/document.ts';
import { writeBrowserModules } from './browser-modules.ts';
import { groundTruth, groundTruthText, score, type Run, type Scores } from './metrics.ts';
import { buildQuerySet, CATEGORY_LABELS, docNumberForms, type Category, type EvalPage, type Query } from './queries.ts';
import { measureFirstQueryBytes, type BytesReport } from './bytes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Targets from the issue. */
const TARGET = { recall: 0.99, precision: 0.98, zeroHits: 0 };

interface EngineRun {
  found: string[];
  ms: number;
}

/** Authors the gazettes' 目录 name (卷首语, 高层观点). */
function readAuthors(contentDir: string): string[] {
  const issues = JSON.parse(readFileSync(join(contentDir, 'issues.json'), 'utf8')) as Array<{ toc: Array<{ author?: string }> }>;
  return [...new Set(issues.flatMap((issue) => issue.toc.flatMap((entry) => (entry.author ? [entry.author] : []))))];
}

function readTables(contentDir: string): string[][][] {
  const dir = join(contentDir, 'bodies');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) => flattenBlocks(JSON.parse(readFileSync(join(dir, file), 'utf8')) as BodyBlock[]))
    .flatMap((block) => (block.type === 'table' ? [block.rows] : []));
}

async function readFragments(bundle: string): Promise<PagefindFragment[]> {
  const dir = join(bundle, 'fragment');
  const names = readdirSync(dir).sort();
  return Promise.all(names.map(async (name) => JSON.parse(decodePagefindFile(await readFile(join(dir, name)))) as PagefindFragment));
}

/** Our search, as the search page runs it (the engine module, on our index). */
async function runOurs(browser: Browser, origin: string, queries: string[]): Promise<{ load: number; runs: EngineRun[]; tops: string[] }> {
  const page = await browser.newPage();
  await page.goto(`${origin}search/`);
  const result = await page.evaluate(async ({ queries, engineUrl }) => {
    const { SearchEngine } = await import(engineUrl);
    const started = performance.now();
    const engine = await SearchEngine.load('/pagefind/');
    const load = performance.now() - started;
    const runs: Array<{ found: string[]; ms: number }> = [];
    const tops: string[] = [];
    for (const q of queries) {
      const t = performance.now();
      const outcome = await engine.search(q);
      runs.push({ found: outcome.hits.map((hit: { page: { path: string } }) => hit.page.path), ms: performance.now() - t });
      tops.push(outcome.hits[0]?.page.path ?? '');
    }
    return { load, runs, tops };
  }, { queries, engineUrl: '/_eval/search-engine.js' });
  await page.close();
  return result;
}

/** Pagefind's defaults: its own index, its own query handling; `quoted` wraps the query in "…". */
async function runDefault(browser: Browser, origin: string, queries: string[], quoted: boolean): Promise<{ load: number; runs: EngineRun[]; tops: string[] }> {
  const page = await browser.newPage();
  await page.goto(`${origin}search/`);
  const result = await page.evaluate(
    async ({ queries, quoted, runtime }) => {
      const pf = await import(runtime);
      const started = performance.now();
      await pf.options({ basePath: '/pagefind-default/' });
      await pf.init();
      const load = performance.now() - started;
      const runs: Array<{ found: string[]; ms: number }> = [];
      const tops: string[] = [];
      for (const q of queries) {
        const t = performance.now();
        const response = await pf.search(quoted ? `"${q}"` : q);
        const ms = performance.now() - t;
        const urls: string[] = await Promise.all(response.results.map((r: { data: () => Promise<{ url: string }> }) => r.data().then((d) => d.url)));
        const found = urls.map((url) => url.replace(/^\/+/, '').replace(/#.*$/, ''));
        runs.push({ found, ms });
        tops.push(found[0] ?? '');
      }
      return { load, runs, tops };
    },
    { queries, quoted, runtime: '/pagefind-default/pagefind.js' },
  );
  await page.close();
  return result;
}

const fmt = (x: number) => x.toFixed(3);
const ms = (x: number) => `${x.toFixed(1)}`;

function table(rows: Array<[string, number, Scores, Scores, Scores]>): string {
  const head = `${'category'.padEnd(22)} ${'n'.padStart(4)} │ ${'ours: R'.padStart(7)} ${'P'.padStart(5)} ${'0-hit'.padStart(5)} ${'p50ms'.padStart(6)} │ ${'default: R'.padStart(10)} ${'P'.padStart(5)} ${'0-hit'.padStart(5)} ${'p50ms'.padStart(6)} │ ${'"quoted": R'.padStart(11)} ${'P'.padStart(5)} ${'0-hit'.padStart(5)}`;
  const lines = [head, '─'.repeat(head.length)];
  for (const [label, n, ours, plain, quoted] of rows) {
    lines.push(
      `${label.padEnd(22)} ${String(n).padStart(4)} │ ${fmt(ours.recall).padStart(7)} ${fmt(ours.precision).padStart(5)} ${String(ours.zeroHits).padStart(5)} ${ms(ours.medianMs).padStart(6)} │ ${fmt(plain.recall).padStart(10)} ${fmt(plain.precision).padStart(5)} ${String(plain.zeroHits).padStart(5)} ${ms(plain.medianMs).padStart(6)} │ ${fmt(quoted.recall).padStart(11)} ${fmt(quoted.precision).padStart(5)} ${String(quoted.zeroHits).padStart(5)}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const outDir = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');
  const contentDir = resolve(process.env.GAZETTE_CONTENT_DIR ?? 'content');
  if (flag('--rebuild') || !existsSync(join(outDir, 'pagefind', CATALOG_FILE))) {
    console.log('eval: building the site (npm run build)…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  } else {
    console.log(`eval: reusing the built site in ${outDir} (--rebuild to build it again)`);
  }

  const work = await mkdtemp(join(tmpdir(), 'gazette-eval-'));
  const site = join(work, 'site');
  try {
    await cp(outDir, site, { recursive: true });
    await rm(join(site, 'pagefind-default'), { recursive: true, force: true });
    // Pagefind's defaults: the whole site through addDirectory, as the project indexed it before.
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await buildDefaultIndex(site, join(site, 'pagefind-default'));
    await pagefind.close();
    await writeBrowserModules(join(ROOT, 'src', 'scripts'), join(site, '_eval'));

    const fragments = await readFragments(join(site, 'pagefind-default'));
    const pages: EvalPage[] = fragments.map((f) => ({ path: f.url.replace(/^\/+/, ''), text: f.content.replace(/\u200B/g, ''), docNumber: f.meta.docNumber }));
    const gtPages = pages.map((page) => ({ path: page.path, gt: groundTruthText(page.text) }));
    const issuers = [...new Set(fragments.flatMap((f) => f.filters.issuer ?? []))];
    const queries: Query[] = buildQuerySet(pages, readTables(contentDir), issuers, readAuthors(contentDir));
    const forms = pages
      .filter((page) => page.docNumber?.includes('〔'))
      .flatMap((page) => docNumberForms(page.docNumber!).map((q) => ({ q, expect: page.path })));

    const server = await serveDir(site);
    const browser = await chromium.launch(launchOptions);
    let bytes: BytesReport | undefined;
    try {
      const texts = queries.map((query) => query.q);
      const formTexts = forms.map((form) => form.q);
      const ours = await runOurs(browser, server.url, [...texts, ...formTexts]);
      const plain = await runDefault(browser, server.url, [...texts, ...formTexts], false);
      const quoted = await runDefault(browser, server.url, [...texts, ...formTexts], true);
      if (!flag('--no-bytes')) bytes = await measureFirstQueryBytes(browser, server.url, site, queries);

      const toRuns = (engine: { runs: EngineRun[] }): Run[] =>
        queries.map((query, i) => ({ ...query, expected: groundTruth(gtPages, query.q), found: engine.runs[i]!.found, ms: engine.runs[i]!.ms }));
      const runs = { ours: toRuns(ours), plain: toRuns(plain), quoted: toRuns(quoted) };
      const categories = Object.keys(CATEGORY_LABELS) as Category[];
      const rows: Array<[string, number, Scores, Scores, Scores]> = categories
        .map((category): [string, number, Scores, Scores, Scores] => {
          const pick = (list: Run[]) => score(list.filter((run) => run.category === category));
          return [CATEGORY_LABELS[category], runs.ours.filter((r) => r.category === category).length, pick(runs.ours), pick(runs.plain), pick(runs.quoted)];
        })
        .filter(([, n]) => n > 0);
      const overall = { ours: score(runs.ours), plain: score(runs.plain), quoted: score(runs.quoted) };
      rows.push(['overall', queries.length, overall.ours, overall.plain, overall.quoted]);

      console.log(`\nSearch evaluation: ${queries.length} queries drawn from ${pages.length} indexed pages; ground truth = pages whose indexed text contains the query`);
      console.log('(whitespace ignored; case, full-width digits and 文号 brackets folded). R = mean recall, P = mean precision, 0-hit = queries that occur but found nothing.\n');
      console.log(table(rows));
      console.log(
        `\npooled over all queries: ours R ${fmt(overall.ours.microRecall)} P ${fmt(overall.ours.microPrecision)} · default R ${fmt(overall.plain.microRecall)} P ${fmt(overall.plain.microPrecision)} · "quoted" R ${fmt(overall.quoted.microRecall)} P ${fmt(overall.quoted.microPrecision)}`,
      );
      console.log(`exact result sets: ours ${overall.ours.exact}/${queries.length} · default ${overall.plain.exact} · "quoted" ${overall.quoted.exact}`);
      console.log(
        `latency per query (ms, warm, median / p95): ours ${ms(overall.ours.medianMs)} / ${ms(overall.ours.p95Ms)} · default ${ms(overall.plain.medianMs)} / ${ms(overall.plain.p95Ms)} · "quoted" ${ms(overall.quoted.medianMs)} / ${ms(overall.quoted.p95Ms)}`,
      );
      console.log(`loading before the first query (ms): ours ${ms(ours.load)} · default ${ms(plain.load)}`);

      const first = (tops: string[]) => forms.filter((form, i) => tops[queries.length + i] === form.expect).length;
      const formsFirst = { ours: first(ours.tops), plain: first(plain.tops), quoted: first(quoted.tops) };
      const documents = new Set(forms.map((form) => form.expect)).size;
      console.log(
        `\n文号 forms (${forms.length} = ${documents} documents × 〔〕 [] () （） 【】 ［］ space, none, full-width digits) with that document first: ours ${formsFirst.ours}/${forms.length} · default ${formsFirst.plain} · "quoted" ${formsFirst.quoted}`,
      );

      if (bytes) {
        console.log(`\nFirst query, bytes transferred (compressed, with headers) by a freshly opened search page until its results show: everything but the HTML and the site stylesheet (${bytes.samples} queries, each in a fresh browser context):`);
        console.log(`  ours:    median ${(bytes.ours.median / 1024).toFixed(1)} KB, max ${(bytes.ours.max / 1024).toFixed(1)} KB (${bytes.ours.maxQuery}); before focus: ${bytes.ours.beforeFocus} search request(s); results with excerpts shown after ${bytes.ours.medianMs} ms (median)`);
        console.log(`  default: median ${(bytes.default.median / 1024).toFixed(1)} KB, max ${(bytes.default.max / 1024).toFixed(1)} KB (Pagefind's default UI on its default index); first result shown after ${bytes.default.medianMs} ms (median)`);
      }

      if (flag('--verbose')) {
        for (const run of runs.ours) {
          const found = new Set(run.found);
          const missed = [...run.expected].filter((p) => !found.has(p));
          const extra = [...found].filter((p) => !run.expected.has(p));
          if (missed.length || extra.length) console.log(`ours ${run.category} ${run.q}: missed ${missed.join(' ')} extra ${extra.join(' ')}`);
        }
      }
      const jsonPath = option('--json');
      if (jsonPath) {
        const serialise = (list: Run[]) => list.map((run) => ({ ...run, expected: [...run.expected] }));
        await writeFile(resolve(jsonPath), JSON.stringify({ queries: queries.length, overall, rows, forms: formsFirst, bytes, runs: { ours: serialise(runs.ours), plain: serialise(runs.plain), quoted: serialise(runs.quoted) } }, null, 1));
        console.log(`\nwrote ${resolve(jsonPath)}`);
      }

      const failures: string[] = [];
      if (queries.length < 200) failures.push(`only ${queries.length} queries`);
      if (overall.ours.recall < TARGET.recall) failures.push(`recall ${fmt(overall.ours.recall)} < ${TARGET.recall}`);
      if (overall.ours.precision < TARGET.precision) failures.push(`precision ${fmt(overall.ours.precision)} < ${TARGET.precision}`);
      if (overall.ours.zeroHits > TARGET.zeroHits) failures.push(`${overall.ours.zeroHits} zero-hit queries`);
      if (formsFirst.ours < forms.length) failures.push(`${forms.length - formsFirst.ours} 文号 forms without their document first`);
      if (bytes && bytes.ours.max > 180 * 1024) failures.push(`first query fetched ${(bytes.ours.max / 1024).toFixed(1)} KB > 180 KB`);
      if (bytes && bytes.ours.beforeFocus > 0) failures.push('search requests before the search box was focused');
      console.log(failures.length ? `\nTARGETS MISSED: ${failures.join('; ')}` : '\nAll targets met: recall ≥ 0.99 and precision ≥ 0.98, no zero-hit query, every 文号 form first, first query ≤ 180 KB.');
      return failures.length ? 1 : 0;
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    if (!flag('--keep')) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
