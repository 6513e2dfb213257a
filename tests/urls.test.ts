/**
 * Stable URLs and anchors are a contract. The golden list pins every page URL of the build
 * and every provision anchor on every document page; a change here breaks links people
 * have already sent. Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, DIST } from './support/corpus.ts';

const GOLDEN = join(ROOT, 'tests', 'golden', 'urls.txt');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** `/documents/jzl-261/` plus one `/documents/jzl-261/#article-9` line per provision anchor. */
function urlList(): string[] {
  const lines: string[] = [];
  for (const file of htmlFiles(DIST)) {
    const rel = relative(DIST, file).split(sep).join('/');
    const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    lines.push(url);
    if (!url.startsWith('/documents/') || url === '/documents/') continue;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<[a-z0-9]+ id="([^"]+)"[^>]*data-lines=/g)) if (!/^(p|t)-\d+(-r\d+)?$/.test(m[1]!)) lines.push(`${url}#${m[1]}`);
  }
  return lines.sort();
}

describe('URL and anchor contract', () => {
  it('matches the golden list', () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
    const actual = urlList();
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${actual.join('\n')}\n`);
    const golden = readFileSync(GOLDEN, 'utf8').trim().split('\n');
    expect(actual.filter((u) => !golden.includes(u)), 'new URLs: regenerate the golden list with UPDATE_GOLDEN=1').toEqual([]);
    expect(golden.filter((u) => !actual.includes(u)), 'URLs that disappeared: links people sent would break').toEqual([]);
  });
  it('keeps anchors unique on every page', () => {
    for (const file of htmlFiles(DIST)) {
      const ids = [...readFileSync(file, 'utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), file).toEqual([]);
    }
  });
});
