/**
 * Bad input, each case with its defined outcome. Unreadable files stop ingest (non-zero exit,
 * nothing written: see tests/cli.test.ts); everything else completes, and the problem is a
 * diagnostic naming file and line, listed in content/build-report.json and on the console.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus } from '../scripts/ingest/pipeline.ts';
import { buildReport, renderCorpus } from '../scripts/ingest/cli.ts';
import { documentMeta } from '../scripts/ingest/emit.ts';
import { SEEDS } from './support/corpus.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const seed004 = readFileSync(join(SEEDS, '004_f7ab706c9a2973ea.txt'));
const rules = (c: ReturnType<typeof ingestCorpus>) => c.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}`);

describe('unreadable files are refused by name', () => {
  it('an empty file and a binary file are errors; the other files are still read', () => {
    const c = ingestCorpus([{ name: 'empty.txt', bytes: new Uint8Array() }, { name: 'image.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) }, { name: 'ok.txt', bytes: seed004 }]);
    expect(rules(c)).toEqual(['empty.txt:1 error decode/empty', 'image.txt:1 error decode/binary']);
    expect(buildReport(c).files.filter((f) => f.refused).map((f) => f.file)).toEqual(['empty.txt', 'image.txt']);
  });
});

describe('encodings and line ends', () => {
  it('reads a GB18030 copy of a seed exactly as the UTF-8 seed', () => {
    const original = renderCorpus(ingestCorpus([{ name: 'x.txt', bytes: seed004 }]));
    const gb = ingestCorpus([{ name: 'x.txt', bytes: iconv.encode(seed004.toString('utf8').replace(/^\uFEFF/, ''), 'gb18030') }]);
    expect(gb.files[0]!.encoding).toBe('gb18030');
    const copy = renderCorpus(gb);
    expect(copy.get('documents/jzbf-2016-56.json')).toBe(original.get('documents/jzbf-2016-56.json'));
  });
  it('reads CRLF line ends as LF', () => {
    const crlf = ingestCorpus([{ name: 'x.txt', bytes: utf8(seed004.toString('utf8').replace(/\n/g, '\r\n')) }]);
    expect(renderCorpus(crlf).get('documents/jzbf-2016-56.json')).toBe(renderCorpus(ingestCorpus([{ name: 'x.txt', bytes: seed004 }])).get('documents/jzbf-2016-56.json'));
  });
  it('handles a 1 MB line as one paragraph, whole', () => {
    const long = '环境保护工作取得成效，'.repeat(100_000);
    const c = ingestCorpus([{ name: 'long.txt', bytes: utf8(`某某市人民政府关于长文本的通知\n某政发〔2030〕1号\n\n${long}\n`) }]);
    const body = c.documents[0]!.doc.body;
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ type: 'paragraph', text: long });
  });
});

describe('damaged or odd content completes with a diagnostic', () => {
  it('a file truncated mid-sentence is flagged at its last line', () => {
    const c = ingestCorpus([{ name: 'cut.txt', bytes: utf8('某某市人民政府关于某事的通知\n某政发〔2030〕2号\n\n一、总体要求\n\n各地要切实加强组织领导，确保各项任务落到实') }]);
    expect(rules(c)).toEqual(['cut.txt:6 warning ingest/truncated']);
    expect(c.documents).toHaveLength(1);
  });
  it('two files with the same 文号: the earlier keeps the plain slug, the other is renamed and both places are named', () => {
    const doc = (date: string) => utf8(`某某市人民政府关于某事的通知\n某政发〔2030〕3号\n\n各县（市）区人民政府：\n\n现就有关事项通知如下。\n\n某某市人民政府\n${date}\n`);
    const c = ingestCorpus([{ name: 'b.txt', bytes: doc('2030年5月2日') }, { name: 'a.txt', bytes: doc('2030年5月1日') }]);
    const slugs = c.documents.map((d) => [d.doc.span.file, d.slug]);
    expect(slugs).toContainEqual(['a.txt', 'mzf-2030-3']);
    expect(slugs.find(([f]) => f === 'b.txt')![1]).toMatch(/^mzf-2030-3-[0-9a-f]{6}$/);
    expect(c.diagnostics).toMatchObject([{ file: 'b.txt', line: 1, rule: 'ingest/duplicate-slug', message: expect.stringContaining('a.txt:1') }]);
  });
  it('three identical copies still get three distinct slugs', () => {
    const doc = utf8('某某市人民政府关于某事的通知\n某政发〔2030〕4号\n\n现就有关事项通知如下。\n\n某某市人民政府\n2030年5月1日\n');
    const c = ingestCorpus([{ name: 'a.txt', bytes: doc }, { name: 'b.txt', bytes: doc }, { name: 'c.txt', bytes: doc }]);
    expect(new Set(c.documents.map((d) => d.slug)).size).toBe(3);
  });
  it('a file with only a 目录 is an issue with no documents; its entries are listed as not in the source', () => {
    const c = ingestCorpus([{ name: 'toc.txt', bytes: utf8('某某市人民政府公报\n2030年第4期\n\n目录\n\n市政府文件\n某某市人民政府关于某事的通知……（1）\n') }]);
    expect(c.issues[0]!.toc).toMatchObject([{ section: '市政府文件', page: '1' }]);
    expect(c.issues[0]!.toc[0]!.document).toBeUndefined();
    expect(c.documents).toEqual([]);
    expect(rules(c)).toEqual(['toc.txt:4 warning segment/no-documents']);
  });
  it('headings out of order are kept where they are, with unique anchors, and reported', () => {
    const c = ingestCorpus([{ name: 'order.txt', bytes: utf8('某某市物业管理办法\n\n第一条 为了规范物业管理，制定本办法。\n\n第三条 本办法由市住建局负责解释。\n\n第二条 本办法适用于本市。\n') }]);
    expect(rules(c)).toEqual(['order.txt:7 warning structure/out-of-order']);
    expect(documentMeta(c.documents[0]!).outline.map((o) => o.id)).toEqual(['article-1', 'article-3', 'article-2']);
  });
  it('text with no recognisable structure is still a page, every line a paragraph, titled by its first words', () => {
    const lines = ['今天天气很好，我们去公园散步。', '公园里有很多人在锻炼身体。', '大家都很开心。'];
    const c = ingestCorpus([{ name: 'prose.txt', bytes: utf8(lines.join('\n')) }]);
    expect(c.documents).toHaveLength(1);
    expect(c.documents[0]!.doc.title).toBe(lines[0]);
    expect(c.documents[0]!.doc.body.map((n) => n.type === 'paragraph' && n.text)).toEqual(lines);
    expect(rules(c)).toEqual(['prose.txt:1 warning structure/no-title']);
  });
});
