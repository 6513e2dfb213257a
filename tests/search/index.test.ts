// The search index: how a page's text becomes passages (scripts/search-index/writer.ts), that the
// index finds exactly the pages containing a query (the browser engine, src/scripts/search-engine.ts,
// run here on an index written to a temporary directory), and the built index of the site.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractPage, htmlFiles, pagePath } from '../../scripts/search-index/extract.ts';
import { IndexWriter, PASSAGE_MAX, PASSAGE_OVERLAP, PASSAGE_TARGET, passageBounds, passageRecord } from '../../scripts/search-index/writer.ts';
import { SearchEngine } from '../../src/scripts/search-engine.ts';
import { gramOffsets, INDEX_DIR, MANIFEST_FILE, MAX_GRAM, type Manifest, type PageRecord, type PageRow } from '../../src/scripts/search-index-format.ts';
import { queryUnits, SEPARATOR, textUnits } from '../../src/scripts/search-text.ts';
import { DIST } from '../support/corpus.ts';

const SEP = SEPARATOR;

describe('a page as passages', () => {
  it('cuts at block starts, covers every character, and overlaps only cuts inside a block', () => {
    const paragraph = (n: number) => '字'.repeat(n);
    const units = Array.from(`${paragraph(500)}${SEP}${paragraph(400)}${SEP}${paragraph(3000)}。${paragraph(10)}`);
    const anchors = [
      { id: 'p-1', offset: 0 },
      { id: 'p-2', offset: 501 },
      { id: 'p-3', offset: 902 },
    ];
    const bounds = passageBounds({ units, anchors });
    const covered = new Set(bounds.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i)));
    units.forEach((unit, i) => unit === SEP || expect(covered.has(i), `unit ${i}`).toBe(true));
    for (const [start, end] of bounds) expect(end - start).toBeLessThanOrEqual(PASSAGE_MAX + PASSAGE_OVERLAP);
    expect(bounds[0]).toEqual([0, 901]);
    expect(bounds[1]![0]).toBe(902);
    expect(bounds[1]![1] - bounds[1]![0]).toBe(PASSAGE_MAX + PASSAGE_OVERLAP);
    expect(bounds[2]![0]).toBe(902 + PASSAGE_MAX);
    expect(PASSAGE_TARGET).toBeLessThan(PASSAGE_MAX);
  });

  it('repeats the provision a passage starts in, and keeps the anchors inside it', () => {
    const text = { units: Array.from('一、总则正文正文二、目标'), anchors: [{ id: 'part-1', offset: 0, label: '一、总则' }, { id: 'p-9', offset: 4 }, { id: 'part-2', offset: 8, label: '二、目标' }] };
    expect(passageRecord(text, [6, 12])).toEqual({ text: '正文二、目标', start: 6, anchors: [[0, 'part-1', '一、总则'], [0, 'p-9'], [2, 'part-2', '二、目标']] });
  });

  it('looks a long term up as trigrams that cover every unit', () => {
    for (let length = 1; length <= 40; length++) {
      const offsets = gramOffsets(length);
      const covered = new Set(offsets.flatMap((at) => Array.from({ length: Math.min(MAX_GRAM, length) }, (_, i) => at + i)));
      expect(covered.size, `length ${length}`).toBe(length);
      expect(Math.max(...offsets) + Math.min(MAX_GRAM, length)).toBe(length);
    }
  });
});

/** Serves files of `root` to the engine's fetch (Node has no file: fetch). */
function serveFiles(root: string): typeof fetch {
  return (async (input: string | URL | Request) => {
    const path = String(input).replace(/^memory:\/\//, '').replace(/\?.*$/, '');
    const file = join(root, decodeURIComponent(path));
    return existsSync(file) ? new Response(readFileSync(file)) : new Response('', { status: 404 });
  }) as typeof fetch;
}

const html = (title: string, body: string, extra = '') => `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><nav>站点导航</nav><article data-pagefind-body><h1>${title}</h1>${extra}${body}</article></body></html>`;

describe('the index finds exactly the pages that contain a query', () => {
  const realFetch = globalThis.fetch;
  const dirs: string[] = [];
  beforeEach(() => {
    dirs.length = 0;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function engineFor(pages: Array<{ path: string; html: string }>): Promise<SearchEngine> {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-test-'));
    dirs.push(dir);
    const writer = new IndexWriter(join(dir, INDEX_DIR));
    for (const page of pages) {
      const extracted = extractPage(page.html, page.path);
      if (extracted) writer.addPage(extracted);
    }
    writer.finish();
    globalThis.fetch = serveFiles(dir);
    return SearchEngine.load(`memory:///${INDEX_DIR}/`);
  }

  it('matches terms of every length, never across blocks, ranks a title match first and a 文号 first of all', async () => {
    const engine = await engineFor([
      { path: 'documents/a/', html: html('关于黑土地保护的通知', '<p>加强黑土地保护。</p><p id="article-2">第二条 PM2.5浓度下降。</p>', '<p>吉政办发〔2017〕7号</p><span hidden><data value="吉政办发〔2017〕7号" data-pagefind-meta="docNumber[value]"></data><data value="通知" data-pagefind-filter="kind[value]"></data></span>') },
      { path: 'documents/b/', html: html('土地规划', '<p>黑土</p><p>地力提升。黑土地，土地力</p>', '<span hidden><data value="规划" data-pagefind-filter="kind[value]"></data></span>') },
      { path: 'documents/c/', html: html('其他文件', '<p>依据吉政办发[2017]7号文件，保护黑土地。</p>', '<span hidden><data value="通知" data-pagefind-filter="kind[value]"></data></span>') },
      { path: 'about/', html: '<html><body><p>黑土地</p></body></html>' },
    ]);
    const found = async (q: string, filters = {}) => engine.paths((await engine.search(q, filters)).hits);
    expect(await found('黑')).toEqual(['documents/a/', 'documents/b/', 'documents/c/']);
    expect(await found('黑土地')).toEqual(['documents/a/', 'documents/b/', 'documents/c/']);
    // b has 黑土 and 地力 in two blocks, then both trigrams of 黑土地力 but apart: 黑土地力 is nowhere.
    expect(await found('黑土地力')).toEqual([]);
    expect(await found('土地力')).toEqual(['documents/b/']);
    expect(await found('加强黑土地保护')).toEqual(['documents/a/']);
    expect(await found('pm2.5')).toEqual(['documents/a/']);
    expect(await found('ＰＭ２.５浓度')).toEqual(['documents/a/']);
    expect(await found('黑土地 通知')).toEqual(['documents/a/']);
    // The document whose 文号 it is first, then the page that cites it.
    expect(await found('吉政办发2017 7号')).toEqual(['documents/a/', 'documents/c/']);
    expect(await found('吉政办发[2017]7号')).toEqual(['documents/a/', 'documents/c/']);
    expect(await found('黑土地', { kind: ['通知'] })).toEqual(['documents/a/', 'documents/c/']);
    const outcome = await engine.search('黑土地', { kind: ['通知'] });
    expect(outcome.facets.find((f) => f.key === 'kind')!.values).toEqual([
      { value: '通知', count: 2, selected: true },
      { value: '规划', count: 1, selected: false },
    ]);
    expect(await found('站点导航')).toEqual([]);
  });

  it('shows the matching passage with its provision', async () => {
    const engine = await engineFor([{ path: 'documents/a/', html: html('办法', `<p id="p-1">${'前言'.repeat(400)}</p><div id="article-9"><p>第九条 为了规范管理，制定本办法。</p></div>`) }]);
    const outcome = await engine.search('规范管理');
    await engine.describe(outcome.hits);
    const details = await engine.details(outcome.hits[0]!, outcome.query.terms);
    expect(details.places).toHaveLength(1);
    expect(details.places[0]!.anchor).toBe('article-9');
    expect(details.places[0]!.label).toBe('第九条');
    expect(details.places[0]!.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['规范管理']);
  });

  it('agrees with a plain substring search on random pages and queries (property)', async () => {
    // A small alphabet, so that the grams of a query are on many pages without the query being there.
    const alphabet = ['黑', '土', '地', '。', 'a', 'B', '2', '〔'];
    const text = (min: number, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((chars) => chars.join(''));
    const page = fc.array(text(1, 30), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 6 }), fc.array(text(1, 9), { minLength: 1, maxLength: 12 }), async (pages, queries) => {
        const sites = pages.map((blocks, i) => ({ path: `documents/p${i}/`, blocks, html: html(`标题${i}`, blocks.map((b) => `<p>${b}</p>`).join('')) }));
        const engine = await engineFor(sites);
        // The text as indexed (blocks run together unless one ends in a word character, as Pagefind reads them).
        const texts = sites.map((site) => extractPage(site.html, site.path)!.units.map((unit) => unit.toLowerCase()).join(''));
        // Queries of random units, and pieces of the pages' own text.
        const pieces = sites.flatMap((site) => site.blocks.map((block) => block.slice(1, 6)));
        for (const q of [...queries, ...pieces].filter((q) => q !== '')) {
          const needle = queryUnits(q).join('');
          const expected = sites.filter((_, i) => texts[i]!.includes(needle)).map((site) => site.path);
          const found = await engine.paths((await engine.search(`"${q}"`)).hits);
          expect(found.sort(), q).toEqual(expected.sort());
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe.skipIf(!existsSync(join(DIST, INDEX_DIR, MANIFEST_FILE)))('the built index', () => {
  const bundle = join(DIST, INDEX_DIR);
  let manifest: Manifest;
  let records: PageRecord[];
  let rows: PageRow[];
  const read = <T,>(path: string) => JSON.parse(gunzipSync(readFileSync(join(bundle, manifest.build, path))).toString('utf8')) as T;
  const blocks = (dir: string) =>
    readdirSync(join(bundle, manifest.build, dir))
      .map((name) => Number(name.replace('.bin', '')))
      .sort((a, b) => a - b);
  beforeAll(() => {
    manifest = JSON.parse(readFileSync(join(bundle, MANIFEST_FILE), 'utf8')) as Manifest;
    records = blocks('d').flatMap((block) => read<PageRecord[]>(`d/${block}.bin`));
    rows = blocks('r').flatMap((block) => read<PageRow[]>(`r/${block}.bin`));
  });

  it('has one page for every page of the site with a search body, in path order', () => {
    const bodies = htmlFiles(DIST, new Set([INDEX_DIR, '_astro'])).filter((file) => readFileSync(join(DIST, file), 'utf8').includes('data-pagefind-body'));
    expect(records.map((r) => r.path)).toEqual(bodies.map(pagePath));
    expect(manifest.pages).toBe(records.length);
    expect(rows).toHaveLength(records.length);
    expect(records.some((page) => page.path === 'documents/jzbf-2017-7/' && page.docNumber === '吉政办发〔2017〕7号')).toBe(true);
  });

  it('gives every document page its facets and every page its passages', () => {
    const keys = Object.keys(manifest.facets);
    records.forEach((record, i) => {
      expect(record.passages[0]).toBe(0);
      if (record.type !== 'document') return;
      const facet = (key: string) => (rows[i]![2 + keys.indexOf(key)] as number[]).map((id) => manifest.facets[key]![id]);
      expect(facet('publication'), record.path).toHaveLength(1);
      expect(facet('kind'), record.path).toEqual([record.kind]);
    });
  });

  it('keeps each passage as the page reads', () => {
    const page = records.findIndex((r) => r.path === 'documents/jzbf-2017-7/');
    const extracted = extractPage(readFileSync(join(DIST, 'documents/jzbf-2017-7/index.html'), 'utf8'), 'documents/jzbf-2017-7/')!;
    const passage = read<{ text: string; start: number }>(`x/${Math.floor(page / manifest.textBlock)}/${page}-0.bin`);
    expect(passage.start).toBe(0);
    expect(extracted.units.join('').startsWith(passage.text)).toBe(true);
    expect(textUnits(passage.text).join('')).toContain('吉政办发〔2017〕7号');
  });
});
