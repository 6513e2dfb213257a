/** The benchmark table (Markdown, so it can go into README as printed). */
import { quantile } from '../eval-search/metrics.ts';

export interface StageFigures {
  seconds: number;
  peakRssMB: number;
}

export interface BenchRow {
  size: number;
  sourceMB: number;
  documents: number;
  /** HTML files in dist/, and how many of them are /wh/ redirects written without Astro. */
  pages: number;
  redirects?: number;
  ingest: StageFigures;
  /** The pipeline alone, in process (no start-up, no writes). */
  pipelineSeconds: number;
  build?: StageFigures;
  search?: StageFigures;
  /** The search page in Chromium (scripts/bench/search-probe.ts): KB the first query fetches, ms of later queries. */
  probe?: { firstKB: number[]; queryMs: number[] };
  distMB: number;
  /** The largest HTML page and its size. */
  largestPage?: { path: string; kB: number };
  /** The largest file of the built site (search index and data files included). */
  largestFile?: { path: string; kB: number };
  indexMB: number;
  duplicateSlugs: number;
  floor?: StageFigures & { pages: number };
  /** After adding one issue to the built archive: each stage again, and document pages reused vs rendered. */
  rebuild?: { ingest: StageFigures; build: StageFigures; search: StageFigures; reused: number; rendered: number };
  /** Why the row is incomplete (a stage stopped at the memory limit). */
  note?: string;
}


const s = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export function formatTable(rows: BenchRow[]): string {
  const head = [
    'size', 'source MB', 'documents', 'pages (/wh/ redirects)',
    'ingest s', 'ingest MB/s', 'pipeline MB/s', 'build s', 'index s', 'total s',
    'ingest RSS MB', 'build RSS MB', 'index RSS MB',
    'dist MB', 'index MB', 'ms/document', 'floor build s (pages)', 'build / floor',
    'first search KB (median, max)', 'query ms (median, p95)', 'largest page KB', 'largest file MB',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const notes: string[] = [];
  for (const r of rows) {
    const total = r.ingest.seconds + (r.build?.seconds ?? NaN) + (r.search?.seconds ?? NaN);
    const or = (x: number | undefined, f: (x: number) => string): string => (x === undefined || Number.isNaN(x) ? '–' : f(x));
    lines.push(
      `| ${[
        `${r.size}×`, r.sourceMB.toFixed(1), r.documents, r.pages ? `${r.pages} (${r.redirects ?? 0})` : '–',
        s(r.ingest.seconds), (r.sourceMB / r.ingest.seconds).toFixed(1), (r.sourceMB / r.pipelineSeconds).toFixed(1),
        or(r.build?.seconds, s), or(r.search?.seconds, s), or(total, s),
        r.ingest.peakRssMB.toFixed(0), or(r.build?.peakRssMB, (x) => x.toFixed(0)), or(r.search?.peakRssMB, (x) => x.toFixed(0)),
        r.distMB ? mb(r.distMB) : '–', r.indexMB ? mb(r.indexMB) : '–', or((total * 1000) / r.documents, (x) => x.toFixed(0)),
        r.floor ? `${s(r.floor.seconds)} (${r.floor.pages})` : '–',
        r.floor && r.build ? `${(r.build.seconds / r.floor.seconds).toFixed(2)}×` : '–',
        r.probe ? `${quantile(r.probe.firstKB, 0.5).toFixed(0)}, ${Math.max(...r.probe.firstKB).toFixed(0)}` : '–',
        r.probe ? `${quantile(r.probe.queryMs, 0.5).toFixed(0)}, ${quantile(r.probe.queryMs, 0.95).toFixed(0)}` : '–',
        r.largestPage ? `${r.largestPage.kB.toFixed(0)} (${r.largestPage.path})` : '–',
        r.largestFile ? `${mb(r.largestFile.kB / 1024)} (${r.largestFile.path})` : '–',
      ].join(' | ')} |`,
    );
    if (r.note) notes.push(`${r.size}×: ${r.note}`);
  }
  const rebuilt = rows.filter((r) => r.rebuild);
  if (rebuilt.length) {
    lines.push('', '| size | rebuild after adding one issue: ingest s | build s (pages reused / rendered) | index s | total s | full build total s |', '|---|---|---|---|---|---|');
    for (const r of rebuilt) {
      const b = r.rebuild!;
      const full = r.ingest.seconds + (r.build?.seconds ?? NaN) + (r.search?.seconds ?? NaN);
      lines.push(`| ${r.size}× | ${s(b.ingest.seconds)} | ${s(b.build.seconds)} (${b.reused} / ${b.rendered}) | ${s(b.search.seconds)} | ${s(b.ingest.seconds + b.build.seconds + b.search.seconds)} | ${s(full)} |`);
    }
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}
