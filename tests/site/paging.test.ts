/**
 * Lists cut by year (src/lib/paging.ts): the seeds built with GAZETTE_LIST_LIMIT=5 cut every
 * long list, and the year pages together must hold exactly what the uncut page in dist/ holds,
 * every link resolving. The default build (dist/) is under the limit and stays uncut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, testBuildDir } from '../support/corpus.ts';
import { buildSite } from '../support/build.ts';
import { checkLinks } from '../../scripts/check-links.ts';
import { groupByYear, listLimit, previewLimit, withNeighbours } from '../../src/lib/paging.ts';

const LIMIT = 5;
const work = testBuildDir('gazette-paging-');
const CUT = join(work, 'dist');

beforeAll(() => buildSite({ outDir: CUT, env: { GAZETTE_LIST_LIMIT: String(LIMIT) }, searchIndex: false }), 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const html = (dir: string, path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');
const all = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1]!);
/** One entry per task on a department page: the provision's link and the task's text. */
const tasks = (page: string): string[] => all(page, /<li>\s*<span class="role[^"]*"[^>]*>[^<]*<\/span>\s*<a href="([^"]+)"/g);
const taskTexts = (page: string): string[] => all(page, /<span class="dept-task"[^>]*>([^<]*)<\/span>/g);
/** Links of a page's year table or year index, in order. */
const yearLinks = (page: string, prefix: string): string[] => all(page, new RegExp(`href="(${prefix}(?:\\d{4}|undated)/)"`, 'g'));
const docLinks = (page: string): string[] => all(page, /<a class="doc-list__title" href="([^"]+)"/g);
/** The rows of a page's observation tables (header rows left out: they carry no id). */
const obsRows = (page: string): string[] => all(page, /<table class="obs-table"[^>]*>([\s\S]*?)<\/table>/g).flatMap((t) => all(t, /(<tr id="obs-[\s\S]*?<\/tr>)/g));

/** Links of the citing places an external reference's entry or page lists. */
const placeLinks = (html: string): string[] => all(all(html, /<ul class="references__places">([\s\S]*?)<\/ul>/g).join(''), /href="([^"]+)"/g);

/** The department with the most tasks in the uncut build (the seeds give it dozens). */
function busiestDepartment(): string {
  const ids = readdirSync(join(DIST, 'departments'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return ids.map((id) => ({ id, n: tasks(html(DIST, `departments/${id}`)).length })).sort((a, b) => b.n - a.n)[0]!.id;
}

describe('lists cut by year', () => {
  it('a department page counts its tasks by year, and its year pages account for every task of the uncut page once', () => {
    const id = busiestDepartment();
    const full = html(DIST, `departments/${id}`);
    expect(tasks(full).length).toBeGreaterThan(LIMIT);
    const summary = html(CUT, `departments/${id}`);
    expect(tasks(summary)).toEqual([]);
    const years = yearLinks(summary, `/departments/${id}/`);
    expect(years.length).toBeGreaterThan(0);
    // A year within the limit lists its tasks; a longer one counts them per document (four role columns).
    const listed: string[] = [];
    const counted = new Map<string, number>();
    for (const page of years.map((href) => html(CUT, href))) {
      const rows = [...page.matchAll(/<tr data-document="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
      if (rows.length === 0) {
        expect(tasks(page).length).toBeLessThanOrEqual(LIMIT);
        expect(taskTexts(page).every((text) => taskTexts(full).includes(text))).toBe(true);
        listed.push(...tasks(page));
        continue;
      }
      expect(tasks(page)).toEqual([]);
      for (const [, slug, cells] of rows) counted.set(slug!, all(cells!, /<td[^>]*>(\d+)<\/td>/g).reduce((n, c) => n + Number(c), 0));
    }
    const perDocument = Map.groupBy(tasks(full), (href) => href.split('/')[2]!);
    for (const [slug, list] of perDocument) {
      const inList = listed.filter((href) => href.split('/')[2] === slug);
      expect(inList.length + (counted.get(slug) ?? 0), slug).toBe(list.length);
    }
    expect([...counted.keys()].every((slug) => perDocument.has(slug))).toBe(true);
    expect(listed.sort()).toEqual(tasks(full).filter((href) => !counted.has(href.split('/')[2]!)).sort());
  });

  it('the documents list shows the latest documents and the year pages hold every document once', () => {
    const full = docLinks(html(DIST, 'documents'));
    expect(full.length).toBeGreaterThan(LIMIT);
    const cut = html(CUT, 'documents');
    expect(docLinks(cut)).toEqual(full.slice(0, LIMIT));
    const years = yearLinks(html(CUT, 'years'), '/years/');
    expect(yearLinks(cut, '/years/')).toEqual(years);
    const listed = years.flatMap((href) => docLinks(html(CUT, href)));
    expect(listed.sort()).toEqual([...full].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('the home page links the year pages instead of listing every document', () => {
    const home = html(CUT, '');
    expect(yearLinks(home, '/years/').length).toBeGreaterThan(0);
    expect(home).not.toContain('id="standalone-heading"');
    expect(docLinks(home).length).toBeLessThan(docLinks(html(DIST, '')).length);
  });

  it("an indicator's year pages hold every row of its uncut table once", () => {
    const ids = readdirSync(join(DIST, 'indicators'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const cut = ids.filter((id) => obsRows(html(DIST, `indicators/${id}`)).length > LIMIT);
    expect(cut.length).toBeGreaterThan(0);
    for (const id of cut) {
      const summary = html(CUT, `indicators/${id}`);
      expect(obsRows(summary)).toEqual([]);
      const rows = yearLinks(summary, `/indicators/${id}/`).flatMap((href) => obsRows(html(CUT, href)));
      expect(rows.sort()).toEqual(obsRows(html(DIST, `indicators/${id}`)).sort());
    }
  });

  it('the references list shows the first citing place of each reference and links a page with all of them', () => {
    // With a limit of 5 the list shows previewLimit(5) = 1 place per reference.
    const entries = (page: string): Map<string, string[]> => new Map(page.split('<li id="').slice(1).map((part) => [part.slice(0, part.indexOf('"')), placeLinks(part)]));
    const full = entries(html(DIST, 'references'));
    const cut = html(CUT, 'references');
    const shown = entries(cut);
    expect([...shown.keys()]).toEqual([...full.keys()]);
    const long = [...full].filter(([, places]) => places.length > 1);
    expect(long.length).toBeGreaterThan(0);
    for (const [id, places] of full) {
      expect(shown.get(id), id).toEqual(places.slice(0, 1));
      expect(cut.includes(`href="/references/${id}/"`), id).toBe(places.length > 1);
    }
    for (const [id, places] of long) {
      const page = html(CUT, `references/${id}`);
      // Within the limit the page lists every place by year; past it, it links one page per year.
      const years = yearLinks(page, `/references/${id}/`);
      const listed = years.length ? years.flatMap((href) => placeLinks(html(CUT, href))) : placeLinks(page);
      expect(listed.sort(), id).toEqual([...places].sort());
      expect(years.length > 0, id).toBe(places.length > LIMIT);
    }
  });

  it('a feed holds the newest dated documents only: with a limit of 5, the first 5 entries of the whole feed', () => {
    const ids = (dir: string, file: string): string[] => all(readFileSync(join(dir, 'feeds', file), 'utf8'), /<entry>\s*<id>([^<]+)<\/id>/g);
    for (const file of ['documents.xml', ...readdirSync(join(DIST, 'feeds', 'publications')).map((f) => `publications/${f}`)]) {
      const whole = ids(DIST, file);
      expect(whole.length, file).toBeGreaterThan(0);
      expect(ids(CUT, file), file).toEqual(whole.slice(0, LIMIT));
    }
    expect(ids(DIST, 'documents.xml').length).toBeGreaterThan(LIMIT);
  });

  it('/wh/ lists the years of the known document numbers, and the year pages hold every number of the uncut list once', () => {
    const numbers = (page: string): string[] => all(all(page, /<ul class="wh-list">([\s\S]*?)<\/ul>/g).join(''), /href="([^"]+)"/g);
    const whole = numbers(html(DIST, 'wh'));
    expect(whole.length).toBeGreaterThan(LIMIT);
    const cut = html(CUT, 'wh');
    expect(numbers(cut)).toEqual([]);
    const years = yearLinks(cut, '/wh/by-year/');
    expect(years.length).toBeGreaterThan(1);
    const listed = years.flatMap((href) => numbers(html(CUT, href)));
    expect(listed.sort()).toEqual([...whole].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('every link of the cut build resolves', async () => {
    const report = await checkLinks({ dir: CUT, base: '/' });
    expect(report.problems).toEqual([]);
  }, 120_000);

  it('under the limit nothing is cut: no year pages for departments or indicators, no page of citing places', () => {
    for (const section of ['departments', 'indicators', 'references'])
      for (const e of readdirSync(join(DIST, section), { withFileTypes: true }).filter((x) => x.isDirectory()))
        expect(readdirSync(join(DIST, section, e.name)).filter((f) => f !== 'index.html')).toEqual([]);
    expect(existsSync(join(DIST, 'years', '2017', 'index.html'))).toBe(true);
    expect(existsSync(join(DIST, 'wh', 'by-year'))).toBe(false);
  });
});

describe('paging rules', () => {
  it('GAZETTE_LIST_LIMIT: unset means 400; anything but a whole number ≥ 1 is refused', () => {
    expect(listLimit(undefined)).toBe(400);
    expect(listLimit('')).toBe(400);
    expect(listLimit('12')).toBe(12);
    for (const bad of ['0', '-3', '2.5', 'many']) expect(() => listLimit(bad)).toThrow(/GAZETTE_LIST_LIMIT/);
  });
  it('previewLimit: 5 of a nested list at the default limit, never fewer than 1', () => {
    expect(previewLimit(400)).toBe(5);
    expect(previewLimit(5)).toBe(1);
  });
  it('groupByYear: newest year first, undated last, each group in the given order', () => {
    const items = [{ y: 2017, n: 1 }, { y: undefined, n: 2 }, { y: 2021, n: 3 }, { y: 2017, n: 4 }];
    expect(groupByYear(items, (i) => i.y).map((g) => [g.key, g.items.map((i) => i.n)])).toEqual([['2021', [3]], ['2017', [1, 4]], ['undated', [2]]]);
  });
  it('withNeighbours: each year page knows the newer and the older year beside it', () => {
    const groups = groupByYear([2021, 2017, undefined, 2019], (y) => y);
    expect(withNeighbours(groups).map(({ year, newer, older }) => [year.key, newer, older])).toEqual([
      ['2021', undefined, '2019'],
      ['2019', '2021', '2017'],
      ['2017', '2019', 'undated'],
      ['undated', '2017', undefined],
    ]);
  });
});
