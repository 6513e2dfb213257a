// The search index: how a page's text becomes passages (scripts/build-search-index.ts), and the
// built index in the output directory (npm run build) agreeing with its catalog.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePagefindFile, indexablePages, indexShard, LANGUAGE, PAGEFIND_LANGUAGE, PASSAGE_MAX, PASSAGE_OVERLAP, PASSAGE_TARGET, pageText, passageBounds, passageHtml, readPages, recordUrls, type PagefindFragment } from '../../scripts/build-search-index.ts';
import { RecordPlaces } from '../../src/scripts/search-records.ts';
import { BLOCK_SEPARATOR, type Catalog } from '../../src/scripts/search-text.ts';
import { DIST } from '../support/corpus.ts';

const SEP = BLOCK_SEPARATOR;

/** A default-index fragment: chunks joined by spaces, and for a zh page words inside them by U+200B. */
function fragment(content: string, anchors: PagefindFragment['anchors'] = []): PagefindFragment {
  return { url: '/documents/x/', content, meta: { title: 'x' }, filters: {}, anchors };
}

describe('a page as passages', () => {
  it('reads words, turns the full stops Pagefind adds after blocks into separators, and places anchors', () => {
    const f = fragment('总\u200B则\u200B. \u200B第一条\u200B为了\u200B规范\u200B。\u200BPM2.5\u200B浓度\u200B. ', [
      { element: 'section', id: 'chapter-1', text: '', location: 0 },
      { element: 'div', id: 'article-1', text: '', location: 3 },
    ]);
    const text = pageText(f, SEP);
    expect(text.units.join('')).toBe(`总则${SEP}第一条为了规范。PM2.5浓度`);
    expect(text.anchors).toEqual([
      { id: 'chapter-1', offset: 0, label: '总则' },
      { id: 'article-1', offset: 3, label: '第一条' },
    ]);
  });

  it('reads a page Pagefind did not cut into words the same: the stop it adds ends a chunk', () => {
    const anchors = [
      { element: 'section', id: 'chapter-1', text: '', location: 0 },
      { element: 'div', id: 'article-1', text: '', location: 1 },
    ];
    const unsegmented = pageText(fragment('总则. 第一条为了规范。PM2.5浓度. ', anchors), SEP);
    expect(unsegmented.units.join('')).toBe(`总则${SEP}第一条为了规范。PM2.5浓度`);
    expect(unsegmented.anchors).toEqual([
      { id: 'chapter-1', offset: 0, label: '总则' },
      { id: 'article-1', offset: 3, label: '第一条' },
    ]);
    // A stop after a non-word character is the text's own, in either reading.
    expect(pageText(fragment('见附件）. 下文'), SEP).units.join('')).toBe('见附件）.下文');
  });

  it('counts a character outside the BMP as one unit when placing anchors', () => {
    const anchors = [{ element: 'p', id: 'p-2', text: '', location: 1 }];
    const text = pageText(fragment('𠀀𡈽村. 第二段', anchors), SEP);
    expect(text.units).toEqual(['𠀀', '𡈽', '村', SEP, '第', '二', '段']);
    expect(text.anchors[0]!.offset).toBe(4);
  });

  it('names provisions, not paragraphs, tables or table rows', () => {
    const anchors = ['part-1', 'p-12', 't-90', 't-90-r3'].map((id, location) => ({ element: 'div', id, text: '', location }));
    const text = pageText(fragment('一、\u200B总则\u200B. \u200B甲\u200B乙\u200B丙', anchors), SEP);
    expect(text.anchors.map((a) => a.label)).toEqual(['一、总则', undefined, undefined, undefined]);
  });

  it('unifies 文号 brackets across Pagefind words', () => {
    const text = pageText(fragment('（\u200B吉市政办函\u200B[\u200B2020\u200B]\u200B34\u200B号\u200B）'), SEP);
    expect(text.units.join('')).toBe('（吉市政办函〔2020〕34号）');
  });

  it('cuts at block starts, covers every character, and overlaps only cuts inside a block', () => {
    const paragraph = (n: number) => '字'.repeat(n);
    // A short block, one that ends past PASSAGE_TARGET, a block longer than PASSAGE_MAX.
    const [a, b, c] = [PASSAGE_TARGET - 100, 400, 2 * PASSAGE_MAX];
    const units = Array.from(`${paragraph(a)}${SEP}${paragraph(b)}${SEP}${paragraph(c)}。${paragraph(10)}`);
    const anchors = [
      { id: 'p-1', offset: 0 },
      { id: 'p-2', offset: a + 1 },
      { id: 'p-3', offset: a + b + 2 },
    ];
    const bounds = passageBounds({ units, anchors }, SEP);
    // Every character is in some passage.
    const covered = new Set(bounds.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i)));
    units.forEach((unit, i) => unit === SEP || expect(covered.has(i), `unit ${i}`).toBe(true));
    for (const [start, end] of bounds) expect(end - start).toBeLessThanOrEqual(PASSAGE_MAX + PASSAGE_OVERLAP);
    // The first cut is at the block start after PASSAGE_TARGET characters.
    expect(bounds[0]).toEqual([0, a + b + 1]);
    expect(bounds[1]![0]).toBe(a + b + 2);
    // The long block is cut inside, with overlap.
    expect(bounds[1]![1] - bounds[1]![0]).toBe(PASSAGE_MAX + PASSAGE_OVERLAP);
    expect(bounds[2]![0]).toBe(a + b + 2 + PASSAGE_MAX);
    expect(PASSAGE_TARGET).toBeLessThan(PASSAGE_MAX);
  });

  it('writes one word per character, anchors as empty inline elements, the filters as data', () => {
    const text = { units: Array.from('一、总则<甲>'), anchors: [{ id: 'part-1', offset: 0, label: '一、总则' }] };
    const html = passageHtml(text, [0, 7], { kind: ['通知'] });
    expect(html).toContain('<data value="通知" data-pagefind-filter="kind[value]"></data>');
    expect(html).toContain('<span id="part-1" data-pagefind-title="一、总则"></span> 一 、 总 则 &lt; 甲 &gt;');
  });

  it('repeats the provision a passage starts in', () => {
    const text = { units: Array.from('一、总则正文正文'), anchors: [{ id: 'part-1', offset: 0, label: '一、总则' }, { id: 'p-9', offset: 4 }] };
    expect(passageHtml(text, [6, 8], {})).toContain('<span id="part-1" data-pagefind-title="一、总则"></span> <span id="p-9"></span> 正 文');
  });
});

describe.skipIf(!existsSync(join(DIST, 'index.html')))('Pagefind reading the built pages', () => {
  it('gives the same text, anchors, facets and meta read unsegmented as read as Chinese', async () => {
    const pages = (await indexablePages(DIST)).filter((page) => /^\/(?:documents|issues)\//.test(page.url));
    expect(pages.length).toBeGreaterThan(20);
    const [read, chinese] = [await readPages(pages), await readPages(pages, LANGUAGE)];
    expect(read.map((f) => f.url)).toEqual(chinese.map((f) => f.url));
    expect(read.some((f) => f.content.includes('\u200B'))).toBe(false);
    expect(chinese.some((f) => f.content.includes('\u200B'))).toBe(true);
    read.forEach((f, i) => {
      const other = chinese[i]!;
      expect(pageText(f, SEP), f.url).toEqual(pageText(other, SEP));
      expect([f.meta, f.filters], f.url).toEqual([other.meta, other.filters]);
    });
  }, 120_000);

  it('indexes passages into the same words and positions as Chinese would', async () => {
    const pages = (await indexablePages(DIST)).filter((page) => page.url.startsWith('/documents/')).slice(0, 8);
    const lines: string[] = [];
    for (const fragment of await readPages(pages)) {
      const text = pageText(fragment, SEP);
      passageBounds(text, SEP).forEach((range, i) => lines.push(`${JSON.stringify({ url: `${fragment.url}#passage-${i}`, content: passageHtml(text, range, fragment.filters) })}\n`));
    }
    const scratch = mkdtempSync(join(tmpdir(), 'gazette-index-language-'));
    const passages = join(scratch, 'passages.jsonl');
    writeFileSync(passages, lines.join(''));
    const includeCharacters = '〔〕，。、（）《》：；%.';
    /** Every index chunk of a bundle, decoded, in name order. */
    const chunks = async (language: string) => {
      const outputPath = join(scratch, language);
      await indexShard({ language, includeCharacters, passages, outputPath });
      const dir = join(outputPath, 'index');
      return readdirSync(dir).sort().map((name) => decodePagefindFile(readFileSync(join(dir, name))));
    };
    try {
      const [ours, chinese] = [await chunks(PAGEFIND_LANGUAGE), await chunks(LANGUAGE)];
      expect(lines.length).toBeGreaterThan(8);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(chinese);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!existsSync(join(DIST, 'pagefind', 'search-catalog.json')))('the built index', () => {
  const bundle = join(DIST, 'pagefind');
  const catalog = JSON.parse(readFileSync(join(bundle, 'search-catalog.json'), 'utf8')) as Catalog;
  const fragments = readdirSync(join(bundle, 'fragment'));

  it('places every Pagefind record at the page and passage its fragment is, and gives every page a record', async () => {
    const places = new RecordPlaces(catalog.shards, catalog.records);
    const pages = new Set<number>();
    let records = 0;
    for (const shard of catalog.shards) {
      for (const [id, url] of Object.entries(await recordUrls(join(bundle, shard.path)))) {
        const [page, passage] = places.get(id)!;
        expect(url, id).toBe(`/${catalog.pages[page]!.path}#passage-${passage}`);
        pages.add(page);
        records++;
      }
    }
    expect(records).toBe(places.size);
    expect(pages.size).toBe(catalog.pages.length);
    expect(catalog.pages.some((page) => page.path === 'documents/jzbf-2017-7/' && page.docNumber === '吉政办发〔2017〕7号')).toBe(true);
  });

  it('gives every document page its facets', () => {
    for (const page of catalog.pages.filter((p) => p.type === 'document')) {
      expect(page.filters.publication?.length, page.path).toBe(1);
      expect(page.filters.kind, page.path).toEqual([page.kind]);
    }
  });

  it('stores one character per word, and Pagefind knows every non-alphanumeric one', () => {
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { include_characters: string[] };
    for (const char of catalog.include) expect(entry.include_characters).toContain(char);
    expect(catalog.include).not.toContain(catalog.separator);
    const sample = JSON.parse(decodePagefindFile(readFileSync(join(bundle, 'fragment', fragments[0]!)))) as PagefindFragment;
    for (const word of sample.content.replace(/\u200B/g, '').split(' ')) expect(Array.from(word)).toHaveLength(1);
  });
});
