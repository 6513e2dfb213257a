/**
 * Zero broken links: the link checker (scripts/check-links.ts, linkinator) over the root build in
 * dist/, and over small hand-made sites that break each rule once, so a checker that passes
 * everything cannot pass this file. The sub-path build is checked through nginx in tests/hosting/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { ROOT } from '../support/corpus.ts';

const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');
const temps: string[] = [];

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway site from { 'path/index.html': html }. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-links-fixture-'));
  temps.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
const sitemap = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>';
const basics = { '404.html': page('未找到'), 'robots.txt': 'User-agent: *\n', 'sitemap.xml': sitemap };

describe('link check', () => {
  test('the root build in dist/ has no broken link, asset or anchor', async () => {
    const report = await checkLinks({ dir: DIST, base: '/', site: process.env.SITE_URL });
    console.log(`check-links / (dist): ${report.pages} pages, ${report.links} links, ${report.anchors} anchors checked`);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(10);
    expect(report.anchors).toBeGreaterThan(0);
  });

  test('a sound fixture passes, with its pages, links and anchors counted', async () => {
    const dir = site({
      ...basics,
      'index.html': page(
        '<a id="top" href="/a/#x">a</a> <a href="#top">top</a> <img src="/i.svg" alt="">',
        '<link rel="stylesheet" href="/s.css">',
      ),
      'a/index.html': page('<h2 id="x">x</h2><a href="/">home</a>'),
      's.css': 'body{}',
      'i.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const report = await checkLinks({ dir });
    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(3); // index, a/, 404.html
    expect(report.anchors).toBe(2); // /a/#x and /#top
  });

  test('fails on a missing page, a missing asset, a missing #fragment and a link to localhost', async () => {
    const dir = site({
      ...basics,
      'index.html': page(
        '<a href="/gone/">gone</a> <img src="/missing.png" alt=""> <a href="/a/#nowhere">a</a> <a href="http://localhost:4321/documents/">dev</a> <a href="http://127.0.0.1:8080/x">x</a>',
      ),
      'a/index.html': page('<h2 id="here">here</h2>'),
    });
    const report = await checkLinks({ dir });
    const text = report.problems.join('\n');
    expect(text).toMatch(/broken: \S+\/gone\/ \(HTTP 404\)/);
    expect(text).toMatch(/broken: \S+\/missing\.png \(HTTP 404\)/);
    expect(text).toMatch(/\/a\/#nowhere/);
    expect(text).toContain('absolute link to localhost: http://localhost:4321/documents/');
    expect(text).toContain('absolute link to localhost: http://127.0.0.1:8080/x');
  });

  test('links to the published origin (SITE_URL) are checked against the build', async () => {
    const dir = site({
      ...basics,
      'index.html': page('<a href="https://pub.example.org/a/">ok</a> <a href="https://pub.example.org/b/">missing</a>', '<link rel="canonical" href="https://pub.example.org/">'),
      'a/index.html': page('a'),
    });
    const report = await checkLinks({ dir, site: 'https://pub.example.org' });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/broken: \S+\/b\/ \(HTTP 404\)/);
  });

  test('a build that assumes the root fails when served under a sub-path', async () => {
    const dir = site({ ...basics, 'index.html': page('<a href="/a/">a</a>'), 'a/index.html': page('a') });
    const atRoot = await checkLinks({ dir });
    expect(atRoot.problems).toEqual([]);
    const underPath = await checkLinks({ dir, base: '/atlas/' });
    expect(underPath.problems.join('\n')).toMatch(/broken: http:\/\/127\.0\.0\.1:\d+\/a\/ \(HTTP 404\)/);
  });
});
