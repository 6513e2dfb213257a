/**
 * `npm run check:fidelity`: every sentence of every seed (after the documented normalisations,
 * whitespace ignored) must appear in the built HTML of the page it belongs to — its document's
 * page, or its issue's page for front matter. 目录 entries are checked by their title (leaders
 * and page numbers are shown in their own columns). Prints coverage per seed and every missing
 * sentence as file:line; exits non-zero below 100%.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeSource } from './ingest/decode.ts';
import { normaliseLines } from './ingest/normalise.ts';

export interface SeedFidelity {
  file: string;
  sentences: number;
  found: number;
  missing: Array<{ line: number; sentence: string; page: string }>;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The visible text of an HTML page, whitespace removed: scripts, styles and tags dropped, entities decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (NAMED[e.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, '');
}

/** Sentences of a line, each with its closing punctuation. */
export function sentences(text: string): string[] {
  return (text.match(/[^。；！？]+[。；！？]?/g) ?? []).map((s) => s.replace(/\s+/g, '')).filter((s) => s.length > 0);
}

interface Page {
  path: string;
  start: number;
  end: number;
}

export function checkFidelity(seedsDir: string, contentDir: string, distDir: string): SeedFidelity[] {
  const issues = JSON.parse(readFileSync(join(contentDir, 'issues.json'), 'utf8')) as Array<{ id: string; source: { file: string }; toc: Array<{ title: string; source: { start: number; end: number } }> }>;
  const docs: Array<Page & { file: string }> = readdirSync(join(contentDir, 'documents')).map((f) => {
    const { source } = JSON.parse(readFileSync(join(contentDir, 'documents', f), 'utf8')) as { source: { file: string; start: number; end: number } };
    return { ...source, path: join(distDir, 'documents', f.replace(/\.json$/, ''), 'index.html') };
  });
  const texts = new Map<string, string>();
  const textOf = (path: string) => {
    if (!texts.has(path)) texts.set(path, existsSync(path) ? pageText(readFileSync(path, 'utf8')) : '');
    return texts.get(path)!;
  };
  const results: SeedFidelity[] = [];
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const decoded = decodeSource(file, readFileSync(join(seedsDir, file)));
    if (!decoded.ok) continue;
    const issue = issues.find((i) => i.source.file === file);
    const issuePage = issue ? join(distDir, 'issues', ...issue.id.split('/'), 'index.html') : undefined;
    const result: SeedFidelity = { file, sentences: 0, found: 0, missing: [] };
    for (const line of normaliseLines(decoded.source)) {
      const doc = docs.find((d) => d.file === file && d.start <= line.span.start && line.span.start <= d.end);
      const toc = issue?.toc.find((t) => t.source.start <= line.span.start && line.span.start <= t.source.end);
      const page = doc?.path ?? issuePage;
      const wanted = toc ? [toc.title.replace(/\s+/g, '')] : sentences(line.text);
      for (const sentence of wanted) {
        result.sentences++;
        if (page && textOf(page).includes(sentence)) result.found++;
        else result.missing.push({ line: line.span.start, sentence, page: page ?? '(no page)' });
      }
    }
    results.push(result);
  }
  return results;
}

function main(): void {
  const dist = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`check:fidelity: ${dist} has no build; run npm run build first`);
    process.exit(2);
  }
  const results = checkFidelity(resolve(process.env.GAZETTE_SEEDS_DIR ?? 'seeds'), resolve(process.env.GAZETTE_CONTENT_DIR ?? 'content'), dist);
  let missing = 0;
  for (const r of results) {
    console.log(`${r.file}: ${((100 * r.found) / Math.max(1, r.sentences)).toFixed(2)}% (${r.found}/${r.sentences} sentences)`);
    for (const m of r.missing) console.log(`  ${r.file}:${m.line} missing on ${m.page}: ${m.sentence.slice(0, 40)}`);
    missing += r.missing.length;
  }
  if (missing > 0) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
