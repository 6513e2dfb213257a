/**
 * What crawlers and feed readers see in the root build (dist/): canonical URLs and Open Graph on
 * every page, a sitemap listing exactly the pages, robots.txt pointing at it, and Atom feeds of
 * the dated documents, newest first, site-wide and per publication.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT, ROOT } from '../support/corpus.ts';
import type { DocumentRecord } from '../../src/lib/open-data.ts';
import { pathUnder, readDataset } from '../support/open-data.ts';

const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');
const SITE = new URL(process.env.SITE_URL || 'https://gazette-atlas.example').origin;
const BASE = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
/** Published address of a path under the base, percent-encoded as a browser (and the sitemap) writes it. */
const published = (path: string) => new URL(`${BASE}${path}`, SITE).href;

const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'url', 'sitemap', 'link', 'author', 'category'].includes(name) });

const fileOf = (page: string) => (page === '' || page.endsWith('/') ? `${page}index.html` : page);
/** Pages that ask not to be indexed (the 404 page, redirect stubs) have no address of their own to claim. */
const noindex = (page: string) => /<meta name="robots" content="[^"]*noindex/.test(read(fileOf(page)).split('</head>')[0]!);

/** Every HTML page as its path under the base: '', 'documents/', 'documents/x/', '404.html' … */
function htmlPages(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlPages(path);
    if (!name.endsWith('.html')) return [];
    return [relative(DIST, path).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')];
  });
}

const attr = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((match) => match[1]!.replaceAll('&amp;', '&'));

interface AtomEntry {
  id: string;
  title: { '#text': string };
  updated: string;
  link: Array<{ '@href': string }>;
}
function feedEntries(path: string): AtomEntry[] {
  const text = read(path);
  expect(XMLValidator.validate(text), `${path} is not well-formed XML`).toBe(true);
  const feed = xml.parse(text).feed as { entry?: AtomEntry[]; '@xmlns': string };
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  return feed.entry ?? [];
}

let records: DocumentRecord[];
let issueDates: Map<string, string | undefined>;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
  records = readDataset<DocumentRecord>(DIST, 'documents', pathUnder(`${SITE}${BASE}`)).records;
  const issues = JSON.parse(readFileSync(join(CONTENT, 'issues.json'), 'utf8')) as Array<{ id: string; date?: string }>;
  issueDates = new Map(issues.map((issue) => [issue.id, issue.date]));
});

describe('canonical URLs and Open Graph', () => {
  test('every page names its published address once, as canonical and og:url', () => {
    const pages = htmlPages().filter((page) => !noindex(page));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = read(fileOf(page));
      const head = html.slice(0, html.indexOf('</head>'));
      expect(attr(head, /<link rel="canonical" href="([^"]+)"/g), page).toEqual([published(page)]);
      expect(attr(head, /<meta property="og:url" content="([^"]+)"/g), page).toEqual([published(page)]);
      expect(attr(head, /<meta property="og:title" content="([^"]+)"/g), page).toHaveLength(1);
      expect(attr(head, /<meta property="og:type" content="([^"]+)"/g), page).toEqual([
        /^documents\/[^/]+\/$/.test(page) ? 'article' : 'website',
      ]);
      expect(attr(head, /<meta property="og:locale" content="([^"]+)"/g)).toEqual(['zh_CN']);
      // The site feed is offered everywhere, and points at a file that exists.
      const feeds = attr(head, /<link rel="alternate" type="application\/atom\+xml"[^>]* href="([^"]+)"/g);
      expect(feeds[0]).toBe(`${BASE}feeds/documents.xml`);
      for (const feed of feeds) expect(existsSync(join(DIST, feed.slice(BASE.length))), feed).toBe(true);
    }
  });

  test('the 404 page claims no address and asks not to be indexed', () => {
    const html = read('404.html');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  test('publication and issue pages offer their publication’s feed', () => {
    const publications = readdirSync(join(DIST, 'publications'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(publications.length).toBeGreaterThan(0);
    for (const { name } of publications) {
      expect(read(`publications/${name}/index.html`)).toContain(`href="${BASE}feeds/publications/${name}.xml"`);
    }
  });
});

describe('sitemap and robots.txt', () => {
  test('the sitemap lists exactly the indexable pages, at their published addresses', () => {
    const index = read('sitemap-index.xml');
    expect(read('sitemap.xml')).toBe(index);
    expect(XMLValidator.validate(index)).toBe(true);
    const children = (xml.parse(index).sitemapindex.sitemap as Array<{ loc: string }>).map((entry) => entry.loc);
    const locs = children.flatMap((child) => {
      expect(child.startsWith(published(''))).toBe(true);
      const text = read(child.slice(published('').length));
      expect(XMLValidator.validate(text)).toBe(true);
      return (xml.parse(text).urlset.url as Array<{ loc: string }>).map((entry) => entry.loc);
    });
    const expected = htmlPages()
      .filter((page) => !noindex(page))
      .map(published);
    expect(noindex('404.html')).toBe(true);
    expect([...locs].sort()).toEqual([...expected].sort());
  });

  test('robots.txt allows crawling and points at the sitemap', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(published('sitemap-index.xml'));
  });
});

describe('Atom feeds', () => {
  /** Documents a feed can list: those with a date of their own or their issue's. */
  const dated = (): DocumentRecord[] => records.filter((record) => record.date ?? (record.issue && issueDates.get(record.issue)));
  const dateOf = (record: DocumentRecord) => record.date ?? issueDates.get(record.issue ?? '')!;

  test('the site feed lists every dated document once, newest first, linking to its page', () => {
    const entries = feedEntries('feeds/documents.xml');
    const bySlug = new Map(records.map((record) => [record.url, record]));
    expect(entries.map((entry) => entry.id).sort()).toEqual(dated().map((record) => record.url).sort());
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) {
      const record = bySlug.get(entry.id)!;
      expect(entry.title['#text']).toBe(record.title);
      expect(entry.link[0]!['@href']).toBe(record.url);
      expect(entry.updated).toBe(`${dateOf(record)}T00:00:00+08:00`);
    }
    const updated = entries.map((entry) => entry.updated);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  test('each publication has a feed of its own dated documents, in the site feed’s order', () => {
    const all = feedEntries('feeds/documents.xml').map((entry) => entry.id);
    const publications = JSON.parse(readFileSync(join(CONTENT, 'publications.json'), 'utf8')) as Array<{ id: string }>;
    let listed = 0;
    for (const { id } of publications) {
      const entries = feedEntries(`feeds/publications/${id}.xml`).map((entry) => entry.id);
      const expected = dated()
        .filter((record) => record.publication === id)
        .map((record) => record.url);
      expect([...entries].sort()).toEqual([...expected].sort());
      expect(entries).toEqual(all.filter((url) => expected.includes(url)));
      listed += entries.length;
    }
    expect(listed).toBe(dated().filter((record) => record.publication !== null).length);
  });
});
