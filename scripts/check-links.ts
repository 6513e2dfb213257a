// Link check of a built site with linkinator: crawls from the home page, every page in the sitemap,
// every HTML file of the build directory, 404.html and robots.txt, and checks every link, asset and
// #fragment (the id must exist on the target page). Absolute links to the site's own published origin
// (SITE_URL: canonical URLs, og:url, feeds, JSON-LD) are checked against the local copy. Fails on
// anything broken and on any absolute link to localhost.
//
//   tsx scripts/check-links.ts [dir] [--base /atlas/] [--site https://example.org]   # serve dir and check
//   tsx scripts/check-links.ts --url http://127.0.0.1:8080/atlas/ [dir] [--site …]    # check a running server
//
// dir defaults to GAZETTE_OUT_DIR or dist, --base to BASE_PATH or /, --site to SITE_URL or the
// placeholder astro.config.mjs uses.
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';

export const DEFAULT_SITE = 'https://gazette-atlas.example';

export interface LinkCheckOptions {
  /**
   * A built site on disk: served under `base` on a loopback port for the check, unless `url` is
   * given; either way every HTML file in it is an entry point, so pages no link reaches are checked.
   */
  dir?: string;
  /** The site's base URL on a running server, e.g. http://127.0.0.1:8080/atlas/. */
  url?: string;
  /** BASE_PATH the site was built with (dir mode only; a URL carries its own). */
  base?: string;
  /** SITE_URL the site was built with: absolute links to it are checked against the local copy. */
  site?: string;
}

export interface LinkCheckReport {
  /** Where the check ran, e.g. http://127.0.0.1:41234/atlas/. */
  root: string;
  /** HTML pages crawled. */
  pages: number;
  /** Distinct URLs checked (pages, assets, feeds, data files; fragments not counted). */
  links: number;
  /** Distinct page#fragment targets checked against the target page's ids. */
  anchors: number;
  /** One line per problem; empty when the site passed. */
  problems: string[];
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;
const normaliseBase = (base: string): string => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * The plainest static host: `dir` mounted at `base`, a directory answers with its index.html,
 * everything else (including anything outside `base`) is 404. No rewrites, like any static host.
 */
async function serveStatic(dir: string, base: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`No built site in ${root}: run npm run build first.`);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const inside = path.startsWith(base) ? path.slice(base.length) : undefined;
    let file = inside === undefined ? undefined : resolve(root, inside);
    if (file !== undefined && file !== root && !file.startsWith(root + sep)) file = undefined;
    if (file !== undefined && existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (file === undefined || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** Every HTML file of a build as a URL under `root` (directory indexes as the directory). */
function htmlFileUrls(dir: string, root: string): string[] {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
      const path = join(current, entry.name);
      if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : walk(path);
      return entry.name.endsWith('.html') ? [relative(dir, path).split(sep).join('/')] : [];
    });
  return walk(resolve(dir)).map((file) => new URL(encodeURI(file.replace(/(^|\/)index\.html$/, '$1')), root).href);
}

/** Runs the check over HTTP: against `url`, or against `dir` served under `base` for the duration. */
export async function checkLinks(options: LinkCheckOptions): Promise<LinkCheckReport> {
  const server = options.url === undefined ? await serveStatic(options.dir ?? 'dist', normaliseBase(options.base ?? '/')) : undefined;
  const root = options.url ?? server!.url;
  const origin = new URL(root).origin;
  const site = new URL(options.site ?? DEFAULT_SITE).origin;
  const siteOrigin = new RegExp(`^${escapeRegExp(site)}(?=/|$)`);

  const checker = new LinkChecker();
  const pages = new Set<string>();
  checker.on('pagestart', (url: string | URL) => pages.add(String(url)));
  const localhostLinks: string[] = [];
  // linkinator reports only broken fragments; its skip hook sees every one it validates, so count them there.
  const anchors = new Set<string>();
  const sitemapProblems: string[] = [];
  try {
    const toLocal = (url: string) => url.replace(siteOrigin, origin);
    const result = await checker.check({
      // The home page; every page the sitemap lists (and, from a directory, every HTML file), so a
      // page no link reaches is still checked; and the 404 page, robots.txt and the sitemap itself.
      path: [
        ...new Set([
          root,
          ...(await sitemapPages(`${root}sitemap.xml`, toLocal, sitemapProblems)),
          ...(options.dir !== undefined || server ? htmlFileUrls(options.dir ?? 'dist', root) : []),
          `${root}404.html`,
          `${root}robots.txt`,
          `${root}sitemap.xml`,
        ]),
      ],
      recurse: true,
      checkFragments: true,
      fragmentsToSkip: async (fragment: string, url: string) => {
        anchors.add(`${url.replace(/#.*$/, '')}#${fragment}`);
        return false;
      },
      concurrency: 16,
      timeout: 10_000,
      // Absolute links to the published origin are links into this very build.
      urlRewriteExpressions: [{ pattern: siteOrigin, replacement: origin }],
      linksToSkip: async (link: string) => {
        const url = new URL(link);
        if (url.origin === origin || url.origin === site) return false;
        if (LOOPBACK.test(url.hostname)) {
          localhostLinks.push(link);
          return true;
        }
        // Nothing outside the site is fetched: the check must not depend on the network.
        return true;
      },
    });
    const report = summarise(result.links, pages, anchors, localhostLinks, root);
    return { ...report, problems: [...sitemapProblems, ...report.problems] };
  } finally {
    await server?.close();
  }
}

/** Page URLs of a sitemap or sitemap index (followed), mapped to the local copy; failures go to `problems`. */
async function sitemapPages(url: string, toLocal: (url: string) => string, problems: string[]): Promise<string[]> {
  const response = await fetch(url);
  if (!response.ok) {
    problems.push(`broken: ${url} (HTTP ${response.status}) in a sitemap`);
    return [];
  }
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => toLocal(match[1]!.replaceAll('&amp;', '&')));
  if (!/<sitemapindex\b/.test(xml)) return locs;
  return (await Promise.all(locs.map((loc) => sitemapPages(loc, toLocal, problems)))).flat();
}

function summarise(
  results: LinkResult[],
  pages: Set<string>,
  anchors: Set<string>,
  localhostLinks: string[],
  root: string,
): LinkCheckReport {
  const checked = results.filter((result) => result.state !== LinkState.SKIPPED);
  const links = new Set(checked.map((result) => result.url.replace(/#.*$/, '')));
  const problems = [
    ...checked
      .filter((result) => result.state === LinkState.BROKEN)
      .map((result) => `broken: ${result.url} (HTTP ${result.status ?? '—'}) on ${result.parent ?? '(entry point)'}${detail(result)}`),
    ...[...new Set(localhostLinks)].map((link) => `absolute link to localhost: ${link}`),
  ];
  return { root, pages: pages.size, links: links.size, anchors: anchors.size, problems };
}

function detail(result: LinkResult): string {
  const first = result.failureDetails?.[0];
  return first instanceof Error ? ` — ${first.message}` : '';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, base: { type: 'string' }, site: { type: 'string' } },
  });
  const report = await checkLinks({
    url: values.url,
    dir: positionals[0] ?? (values.url === undefined ? (process.env.GAZETTE_OUT_DIR ?? 'dist') : undefined),
    base: values.base ?? process.env.BASE_PATH ?? '/',
    site: values.site ?? process.env.SITE_URL ?? DEFAULT_SITE,
  });
  for (const problem of report.problems) console.error(problem);
  console.log(
    `check-links ${report.root}: ${report.pages} pages, ${report.links} links, ${report.anchors} anchors checked; ${report.problems.length} problem(s)`,
  );
  if (report.problems.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
