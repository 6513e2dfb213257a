/**
 * `npm run bench [-- --sizes 1,10,100,435] [--keep] [--json FILE] [--no-floor] [--no-rebuild] [--max-rss-mb 12000] [--dir TMP]`
 *
 * For each size N: synthesise N copies of seeds/ (scripts/bench/synth.ts) into a temporary
 * directory, then run, each as a child process with its seconds and peak RSS measured
 * (scripts/bench/measure.ts): ingest, `astro build`, the Pagefind index; the same three again after
 * adding one more gazette issue to the built archive (the rebuild, reusing the caches); then `astro build` of a
 * throwaway project with as many plain Markdown pages (the same text) and one minimal layout, the
 * floor our build is compared with. Nothing is written to the project's content/ or dist/ (the
 * Astro cache of each size goes to its temporary directory). Prints one table; `--json` also
 * writes the figures. Temporary directories are removed unless `--keep`. A stage whose process
 * tree passes `--max-rss-mb` (default 12,000) is stopped and reported; the size's other stages are skipped.
 *
 * The default sizes end at the archive the issue sets (10,000 documents): the seeds make 23
 * documents, so 435× is 10,005 (the issue's "700×" counts documents differently); the whole run
 * takes about half an hour on two cores.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { synthesizeCopy, synthesizeCorpus, type SeedText } from './synth.ts';
import { measure, type Measured } from './measure.ts';
import { formatTable, type BenchRow } from './table.ts';
import { quantile } from '../eval-search/metrics.ts';
import { probeSearch } from './search-probe.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Bytes of every file under `dir`, recursively. */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(suffix)).length;
}

/**
 * The largest file of a built site, or of its HTML pages (`.html`): the heaviest page is what it
 * costs a reader; the heaviest file is what a static host's per-file limit must take.
 */
function largestFile(dir: string, suffix = ''): { path: string; kB: number } {
  let largest = { path: '', kB: 0 };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(suffix)) continue;
    const kB = statSync(join(e.parentPath, e.name)).size / 1024;
    if (kB > largest.kB) largest = { path: join(e.parentPath, e.name).slice(dir.length + 1), kB };
  }
  return largest;
}

/**
 * The V8 options a package.json script sets (`NODE_OPTIONS=… cmd`), so the bench runs each stage as
 * `npm run` does: `build:astro` limits Astro's heap (V8 otherwise grows it towards its own default,
 * ~4 GB here, before collecting, and the build's RSS with it); `ingest` enlarges the young
 * generation (a corpus is ~1 GB of objects that all survive, and a small nursery copies them more
 * often).
 */
function nodeOptionsOf(script: string): string {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return /NODE_OPTIONS=(\S+)/.exec(scripts[script] ?? '')?.[1] ?? '';
}
const ASTRO_NODE_OPTIONS = nodeOptionsOf('build:astro');
const INGEST_NODE_OPTIONS = nodeOptionsOf('ingest');

/** Environment for a child: this project's Node 22 first, no BASE_URL (Astro would take it). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // NO_COLOR: logs are read (pages reused by the rebuild), and Astro colours them when it detects CI.
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, NO_COLOR: '1', ...extra };
  delete env.BASE_URL;
  delete env.BASE_PATH;
  delete env.NODE_ENV;
  return env;
}

/** A throwaway Astro project: `pages` Markdown pages holding `text` in equal parts, one layout. */
export function writeFloorProject(dir: string, pages: number, text: string, outDir: string): void {
  mkdirSync(join(dir, 'src/layouts'), { recursive: true });
  mkdirSync(join(dir, 'src/pages/p'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(dir, '.cache'))} };\n`);
  writeFileSync(
    join(dir, 'src/layouts/Base.astro'),
    `---\nconst { frontmatter } = Astro.props;\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{frontmatter.title}</title></head><body><main><h1>{frontmatter.title}</h1><slot /></main></body></html>\n`,
  );
  const paragraphs = text.split(/\n+/).map((l) => l.trim()).filter((l) => l !== '' && !/^[#>*|\-+=`<{]/.test(l)).map((l) => l.replace(/[<>{}\\`*_[\]]/g, ' '));
  const per = Math.max(1, Math.ceil(paragraphs.length / pages));
  for (let i = 0; i < pages; i++) {
    const body = paragraphs.slice(i * per, (i + 1) * per);
    writeFileSync(join(dir, 'src/pages/p', `${i}.md`), `---\nlayout: ../../layouts/Base.astro\ntitle: "Page ${i}"\n---\n\n${body.map((p, j) => (j % 12 === 0 ? `## ${p.slice(0, 20)}\n\n${p}` : p)).join('\n\n')}\n`);
  }
}

class Stopped extends Error {}

/** Size directories whose log must outlive the run (a stage failed). */
const keepLogs = new Set<string>();

async function runSize(n: number, seeds: SeedText[], base: string, floor: boolean, rebuild: boolean, limitMB: number, rows: BenchRow[]): Promise<void> {
  const dir = join(base, `x${n}`);
  const seedsDir = join(dir, 'seeds');
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'dist');
  const cacheDir = join(dir, 'astro-cache');
  const log = join(dir, 'log.txt');
  mkdirSync(seedsDir, { recursive: true });
  mkdirSync(contentDir, { recursive: true });
  cpSync(join(ROOT, 'content/registry'), join(contentDir, 'registry'), { recursive: true });
  const corpus = synthesizeCorpus(seeds, n);
  let sourceBytes = 0;
  for (const s of corpus) {
    writeFileSync(join(seedsDir, s.name), s.text);
    sourceBytes += Buffer.byteLength(s.text);
  }
  // Each size gets its own ingest cache and search-index cache: the synthesised corpora repeat from run to run and from
  // size to size, so a shared cache would make the first ingest warm. The rebuild reuses it.
  const env = childEnv({ GAZETTE_SEEDS_DIR: seedsDir, GAZETTE_CONTENT_DIR: contentDir, GAZETTE_OUT_DIR: outDir, GAZETTE_CACHE_DIR: cacheDir, GAZETTE_INGEST_CACHE: join(dir, 'ingest-cache'), GAZETTE_SEARCH_CACHE: join(dir, 'search-cache') });
  // Astro runs as `npm run build:astro` runs it, with its heap limit (the floor too).
  const astroEnv = { ...env, NODE_OPTIONS: ASTRO_NODE_OPTIONS };
  const step = async (label: string, cmd: string, args: string[], cwd = ROOT, e = env): Promise<Measured> => {
    process.stderr.write(`bench ${n}×: ${label}… `);
    const m = await measure(cmd, args, { cwd, env: e, logFile: log, limitMB });
    process.stderr.write(`${m.seconds.toFixed(1)} s, ${m.peakRssMB.toFixed(0)} MB${m.aborted ? ` (${m.aborted})` : m.code ? ` (exit ${m.code})` : ''}\n`);
    if (m.aborted) throw new Stopped(`${label} ${m.aborted}`);
    if (m.code !== 0) {
      // Recorded in the table (a build that runs out of heap is a result too); the log is kept.
      keepLogs.add(dir);
      const why = /FATAL ERROR: .*/.exec(m.tail)?.[0] ?? m.tail.trim().split('\n').at(-1);
      throw new Stopped(`${label} failed after ${m.seconds.toFixed(0)} s at ${m.peakRssMB.toFixed(0)} MB (exit ${m.code}: ${why}); log ${log}`);
    }
    return m;
  };
  const ingestEnv = { ...env, NODE_OPTIONS: INGEST_NODE_OPTIONS };
  const ingestArgs = ['scripts/ingest/cli.ts', '--seeds', seedsDir, '--out', contentDir];
  const ingest = await step('ingest', join(BIN, 'node'), ingestArgs, ROOT, ingestEnv);
  const pipeline = await step('pipeline (in-process)', join(BIN, 'node'), ['scripts/bench/pipeline-time.ts', seedsDir, contentDir], ROOT, ingestEnv);
  const pipelineMs = Number(/pipeline-ms (\d+(?:\.\d+)?)/.exec(pipeline.tail)?.[1] ?? NaN);
  const duplicateSlugs = (readFileSync(log, 'utf8').match(/ingest\/duplicate-slug/g) ?? []).length;
  const row: BenchRow = {
    size: n,
    sourceMB: sourceBytes / 1e6,
    documents: countFiles(join(contentDir, 'documents'), '.json'),
    pages: 0,
    ingest: { seconds: ingest.seconds, peakRssMB: ingest.peakRssMB },
    pipelineSeconds: pipelineMs / 1000,
    distMB: 0,
    indexMB: 0,
    duplicateSlugs,
  };
  rows.push(row);
  try {
    const build = await step('astro build', join(BIN, 'astro'), ['build'], ROOT, astroEnv);
    row.build = { seconds: build.seconds, peakRssMB: build.peakRssMB };
    row.pages = countFiles(outDir, '.html');
    row.largestPage = largestFile(outDir, '.html');
    // The redirect pages are /wh/<number>/; /wh/ itself and its year pages (/wh/by-year/<year>/) are Astro's.
    row.redirects = countFiles(join(outDir, 'wh'), '.html') - countFiles(join(outDir, 'wh', 'by-year'), '.html') - (existsSync(join(outDir, 'wh', 'index.html')) ? 1 : 0);
    try {
      const search = await step('search index', join(BIN, 'tsx'), ['scripts/build-search-index.ts']);
      row.search = { seconds: search.seconds, peakRssMB: search.peakRssMB };
      process.stderr.write(`bench ${n}×: search page in Chromium… `);
      row.probe = await probeSearch(outDir);
      process.stderr.write(`first query ${quantile(row.probe.firstKB, 0.5).toFixed(0)} KB, later queries ${quantile(row.probe.queryMs, 0.5).toFixed(0)} ms (medians)\n`);
    } catch (e) {
      // The rebuild is still measured when the index stops.
      if (!(e instanceof Stopped)) throw e;
      row.note = e.message;
    }
    if (rebuild) {
      // Issue 10, part 3: one more gazette issue (copy n of the first seed that is an issue) added
      // to the built archive, then ingest, build and index again with the caches of the first run.
      const issueSeed = seeds.find((s) => /年第\S+期/.test(s.text.slice(0, 2000))) ?? seeds[0]!;
      const added = synthesizeCopy(issueSeed, n);
      writeFileSync(join(seedsDir, added.name), added.text);
      const logStart = statSync(log).size;
      const ri = await step('rebuild: ingest', join(BIN, 'node'), ingestArgs, ROOT, ingestEnv);
      const rb = await step('rebuild: astro build', join(BIN, 'astro'), ['build'], ROOT, astroEnv);
      const buildLog = readFileSync(log, 'utf8').slice(logStart);
      const rs = row.search ? await step('rebuild: search index', join(BIN, 'tsx'), ['scripts/build-search-index.ts']) : { seconds: NaN, peakRssMB: NaN };
      row.rebuild = {
        ingest: { seconds: ri.seconds, peakRssMB: ri.peakRssMB },
        build: { seconds: rb.seconds, peakRssMB: rb.peakRssMB },
        search: { seconds: rs.seconds, peakRssMB: rs.peakRssMB },
        reused: (buildLog.match(/ \((?:cached|restored)\)/g) ?? []).length,
        rendered: (buildLog.match(/ \(\+\d/g) ?? []).length,
      };
    }
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    row.note = e.message;
  }
  row.distMB = dirBytes(outDir) / 1e6;
  row.indexMB = dirBytes(join(outDir, 'pagefind')) / 1e6;
  if (existsSync(outDir)) row.largestFile = largestFile(outDir);
  if (floor && row.pages > 0) {
    const floorDir = join(dir, 'floor');
    const floorOut = join(floorDir, 'dist');
    // The floor renders as many pages as Astro rendered for us: the /wh/ redirect files are
    // written after our build without Astro, so counting them would flatter the ratio.
    writeFloorProject(floorDir, row.pages - (row.redirects ?? 0), corpus.map((s) => s.text).join('\n'), floorOut);
    try {
      const f = await step('floor: astro build of plain Markdown', join(BIN, 'astro'), ['build'], floorDir, childEnv({ NODE_OPTIONS: ASTRO_NODE_OPTIONS }));
      row.floor = { seconds: f.seconds, peakRssMB: f.peakRssMB, pages: countFiles(floorOut, '.html') };
    } catch (e) {
      if (!(e instanceof Stopped)) throw e;
      row.note = [row.note, `floor ${e.message}`].filter(Boolean).join('; ');
    }
  }
}

async function main(): Promise<void> {
  const sizes = (arg('--sizes') ?? '1,10,100,435').split(',').map(Number).filter((n) => n > 0);
  const keep = process.argv.includes('--keep');
  const json = arg('--json');
  const floor = !process.argv.includes('--no-floor');
  const rebuild = !process.argv.includes('--no-rebuild');
  // A stage whose process tree goes over this is stopped (and reported), not left to take the machine.
  const limitMB = Number(arg('--max-rss-mb') ?? 12_000);
  const seeds = readdirSync(join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(ROOT, 'seeds', name), 'utf8') }));
  const base = mkdtempSync(join(arg('--dir') ?? tmpdir(), 'gazette-bench-'));
  process.stderr.write(`bench: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; working in ${base}\n`);
  const rows: BenchRow[] = [];
  const loads: number[] = [];
  try {
    for (const n of sizes) {
      try {
        await runSize(n, seeds, base, floor, rebuild, limitMB, rows);
      } catch (e) {
        // Ingest itself stopped or failed: no row to show, the next size still runs.
        if (!(e instanceof Stopped)) throw e;
        console.log(`${n}×: ${e.message}`);
      }
      loads.push(loadavg()[0]!);
      if (!keep) {
        const dir = join(base, `x${n}`);
        // Only the log of a failed stage is kept.
        if (keepLogs.has(dir)) {
          for (const e of readdirSync(dir)) if (e !== 'log.txt') rmSync(join(dir, e), { recursive: true, force: true });
        } else rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (rows.length) console.log(formatTable(rows));
    console.log(`load average (1 min) after each size: ${loads.map((l) => l.toFixed(2)).join(', ')}; ${cpus().length} cores`);
    if (json) writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, loads, rows }, null, 2));
    if (keep) console.log(`kept ${base}`);
    else if (keepLogs.size) console.log(`kept the logs of failed stages: ${[...keepLogs].map((d) => join(d, 'log.txt')).join(', ')}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
