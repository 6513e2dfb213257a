/**
 * `npm run weight`: bytes a reader downloads before any interaction, for a sample of pages of
 * each type in dist/: the HTML, its stylesheets and its scripts (raw and gzip), and how many
 * JavaScript requests the page makes on load. Reads the built files; no server needed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

export interface Weight {
  type: string;
  page: string;
  html: [number, number];
  css: [number, number];
  js: [number, number];
  jsRequests: number;
}

const size = (buf: Buffer): [number, number] => [buf.length, gzipSync(buf, { level: 9 }).length];
const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];

/** Resolve a site URL from the page to a file in dist (base path stripped). */
function fileFor(dist: string, base: string, href: string): string | undefined {
  if (/^(https?:)?\/\//.test(href) || href.startsWith('data:')) return undefined;
  const path = href.split(/[?#]/)[0]!;
  const rel = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const file = join(dist, decodeURIComponent(rel));
  return existsSync(file) ? file : undefined;
}

export function measurePage(dist: string, base: string, type: string, page: string): Weight {
  const html = readFileSync(join(dist, page, 'index.html'));
  const text = html.toString('utf8');
  let css: [number, number] = [0, 0];
  let js: [number, number] = [0, 0];
  let jsRequests = 0;
  for (const m of text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    const file = href && fileFor(dist, base, href);
    if (file) css = add(css, size(readFileSync(file)));
  }
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>|<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g)) {
    const file = fileFor(dist, base, (m[1] ?? m[2])!);
    jsRequests++;
    if (file) js = add(js, size(readFileSync(file)));
  }
  return { type, page, html: size(html), css, js, jsRequests };
}

/** The shortest and the longest page of each type. */
export function samplePages(dist: string): Array<[string, string]> {
  const pagesIn = (dir: string): string[] => {
    const path = join(dist, dir);
    if (!existsSync(path)) return [];
    return readdirSync(path)
      .filter((f) => existsSync(join(path, f, 'index.html')))
      .map((f) => `${dir}/${f}`)
      .sort((a, b) => readFileSync(join(dist, a, 'index.html')).length - readFileSync(join(dist, b, 'index.html')).length);
  };
  const ends = (type: string, list: string[]): Array<[string, string]> => (list.length ? [[`${type} (shortest)`, list[0]!], [`${type} (longest)`, list[list.length - 1]!]] : []);
  return [
    ['home', ''],
    ...(existsSync(join(dist, 'issues')) ? ([['issue', 'issues/jilinsheng-renmin-zhengfu-gongbao/2017/8']] as Array<[string, string]>) : []),
    ...ends('document', pagesIn('documents')),
    ...ends('department', pagesIn('departments')),
    ...ends('plan', pagesIn('plans')),
    ...ends('indicator', pagesIn('indicators')),
    ['search', 'search'],
  ];
}

function main(): void {
  const dist = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');
  const base = (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`weight: ${dist} has no build; run npm run build first`);
    process.exit(2);
  }
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  console.log('page type                 HTML raw/gz     CSS raw/gz      JS raw/gz   JS req  total gz  page');
  for (const [type, page] of samplePages(dist)) {
    const w = measurePage(dist, base, type, page);
    const total = w.html[1] + w.css[1] + w.js[1];
    console.log(`${type.padEnd(24)} ${kb(w.html[0])}/${kb(w.html[1])} ${kb(w.css[0])}/${kb(w.css[1])} ${kb(w.js[0])}/${kb(w.js[1])} ${String(w.jsRequests).padStart(5)} ${kb(total)} KB  /${page}${page ? '/' : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
