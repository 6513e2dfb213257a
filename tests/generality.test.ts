/**
 * Inputs that differ from the seeds the way real gazettes do (tests/fixtures/general/), each
 * with its expected outcome: pages, metadata, structure, diagnostics. They stay out of seeds/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus, type Corpus } from '../scripts/ingest/pipeline.ts';
import { documentMeta } from '../scripts/ingest/emit.ts';
import { ROOT } from './support/corpus.ts';
import type { BodyNode } from '../scripts/ingest/types.ts';

const ingest = (name: string): Corpus => ingestCorpus([{ name, bytes: readFileSync(join(ROOT, 'tests', 'fixtures', 'general', name)) }]);
const summary = (c: Corpus) => c.documents.map((d) => ({ slug: d.slug, title: d.doc.title, kind: d.doc.kind, docNumber: d.doc.docNumber, date: d.doc.date, carriedBy: d.carriedBy }));
const ids = (c: Corpus, slug: string) => documentMeta(c.documents.find((d) => d.slug === slug)!).outline.map((o) => o.id);
const kinds = (body: BodyNode[]): string[] => body.flatMap((n) => (n.type === 'section' ? [n.kind, ...kinds(n.children).map((k) => `${n.kind}>${k}`)] : [n.type]));

describe('a gazette issue with another masthead and 目录 layout', () => {
  const c = ingest('issue-other-masthead.txt');
  it('reads 2030年 第3期（总第300期） and a 目录 with 【】 sections and leader-only page numbers', () => {
    expect(c.issues[0]).toMatchObject({ id: 'changchunshirenminzhengfugongbao/2030/3', year: 2030, issue: '3', cumulative: { label: '总', number: 300 }, date: '2030-03-01' });
    expect(c.issues[0]!.toc.map((t) => [t.section, t.page, t.document])).toEqual([
      ['市政府令', '3', 'ccsrmzfl-18'],
      ['市政府文件', '8', 'cff-2030-3'],
      ['人事任免', '12', 'cfr-2030-2'],
    ]);
    expect(c.issues[0]!.unplaced).toEqual([]);
  });
  it('splits order, regulation and two notices', () => {
    expect(summary(c).map((d) => [d.slug, d.kind, d.docNumber, d.date])).toEqual([
      ['ccsrmzfl-18-ling', '令', '长春市人民政府令第18号', '2030-02-20'],
      ['ccsrmzfl-18', '办法', '长春市人民政府令第18号', '2030-02-20'],
      ['cff-2030-3', '通知', '长府发〔2030〕3号', '2030-02-25'],
      ['cfr-2030-2', '通知', '长府任〔2030〕2号', '2030-02-26'],
    ]);
    expect(c.diagnostics).toEqual([]);
  });
});

describe('a regulation with 节 inside 章 and 款/项/目 inside 条', () => {
  const c = ingest('regulation-sections.txt');
  it('nests sections, articles, items and points, keeping 款 as paragraphs of their article', () => {
    expect(ids(c, 'mmsdqwrfztl')).toEqual(['chapter-1', 'chapter-1-section-1', 'article-1', 'article-2', 'chapter-1-section-2', 'article-3', 'article-3-item-1', 'article-3-item-2', 'article-3-item-2-point-1', 'article-3-item-2-point-2', 'chapter-2', 'article-4']);
    const section1 = (c.documents[0]!.doc.body[1] as Extract<BodyNode, { type: 'section' }>).children[0]!;
    expect(kinds([section1])).toEqual(['section', 'section>article', 'section>article', 'section>article>paragraph', 'section>article>paragraph']);
    expect(documentMeta(c.documents[0]!).outline.find((o) => o.id === 'article-3-item-2-point-1')!.cite).toBe('第三条第（二）项第1目');
  });
  it('reads the effective date and keeps the adoption note as text', () => {
    expect(c.documents[0]!.validity.effective).toBe('2030-03-01');
    expect(c.documents[0]!.doc.body[0]).toMatchObject({ type: 'paragraph', text: '（2030年1月1日某某省第十四届人民代表大会常务委员会第五次会议通过）' });
  });
});

describe('a plan whose indicator table has other columns', () => {
  const c = ingest('plan-indicator-table.txt');
  it('keeps the 专栏 box with its captioned table of six columns', () => {
    const part1 = c.documents[0]!.doc.body[0] as Extract<BodyNode, { type: 'section' }>;
    const box = part1.children.find((n) => n.type === 'section' && n.kind === 'box') as Extract<BodyNode, { type: 'section' }>;
    expect(box.title).toBe('“十五五”节能减排主要指标');
    const table = box.children[0] as Extract<BodyNode, { type: 'table' }>;
    expect(table.rows[0]).toEqual(['序号', '指标名称', '单位', '2025年基期值', '2030年目标值', '指标属性']);
    expect(table.rows).toHaveLength(4);
  });
});

describe('a notice with several attachments', () => {
  const c = ingest('notice-attachments.txt');
  it('makes each 附件 its own document, carried by the notice, with its label', () => {
    expect(summary(c).map((d) => [d.title, d.carriedBy ?? null])).toEqual([
      ['某某市人民政府办公室关于印发某某市河湖长制工作考核办法和工作规则的通知', null],
      ['某某市河湖长制工作考核办法', 'mzbf-2030-12'],
      ['某某市河湖长制工作规则', 'mzbf-2030-12'],
    ]);
    expect(c.documents[1]!.doc.head[0]).toMatchObject({ role: 'label', text: '附件1' });
    // The notice keeps its signature and date: the label no longer hangs at its end.
    expect(c.documents[0]!.doc.date).toBe('2030-05-06');
    expect(c.documents[0]!.doc.body.every((n) => n.type === 'paragraph')).toBe(true);
  });
  it('counts 有效期5年 from 自印发之日起', () => {
    expect([c.documents[1]!.validity.effective, c.documents[1]!.validity.validUntil]).toEqual(['2030-05-06', '2035-05-05']);
  });
});

describe('half-width punctuation throughout', () => {
  const c = ingest('halfwidth-punctuation.txt');
  it('reads the number in (), the addressees ending in :, and the parts', () => {
    expect(summary(c)[0]).toMatchObject({ docNumber: '某政办明电〔2030〕8号', date: '2030-10-08' });
    expect(c.documents[0]!.doc.recipients).toBe('各市(州)人民政府,省政府各厅委办');
    expect(ids(c, c.documents[0]!.slug)).toEqual(['part-1', 'part-2']);
  });
});

describe('traditional characters', () => {
  const c = ingest('traditional.txt');
  it('reads 辦發…號, 關於, 實施意見 and the issuer without converting the text', () => {
    expect(summary(c)[0]).toMatchObject({ title: '某某省人民政府辦公廳關於加強環境保護工作的實施意見', kind: '实施意见', docNumber: '某政辦發〔2030〕9號', date: '2030-07-01' });
    expect(c.documents[0]!.doc.issuers).toEqual(['某某省人民政府辦公廳']);
    expect(ids(c, c.documents[0]!.slug)).toEqual(['part-1', 'part-2', 'part-2-item-1', 'part-2-item-2']);
    expect(c.diagnostics).toEqual([]);
  });
});

describe('a city gazette with a 部门文件 section', () => {
  const c = ingest('city-department-section.txt');
  it('links both sections’ entries, and the department’s notice has the department as issuer', () => {
    expect(c.issues[0]!.toc.map((t) => [t.section, t.document])).toEqual([
      ['市政府文件', 'mzf-2030-6'],
      ['部门文件', 'mshf-2030-15'],
    ]);
    expect(c.documents.find((d) => d.slug === 'mshf-2030-15')!.doc.issuers).toEqual(['某某市生态环境局']);
    expect(c.documents.find((d) => d.doc.title === '某某市空气质量持续改善行动方案')!.carriedBy).toBe('mzf-2030-6');
  });
});
