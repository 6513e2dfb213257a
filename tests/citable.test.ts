/** Citable documents on the real seeds: anchors, cite labels, cross-references both ways, validity, stable URLs. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, ROOT, SEEDS, blocksOf, readContentDocuments, seedCorpus } from './support/corpus.ts';
import { ingestCorpus } from '../scripts/ingest/pipeline.ts';
import { readSeeds } from '../scripts/ingest/cli.ts';
import { documentMeta } from '../scripts/ingest/emit.ts';
import type { Reference } from '../src/schemas/reference.ts';

const corpus = seedCorpus();
const meta = (slug: string) => documentMeta(corpus.documents.find((d) => d.slug === slug)!);

describe('provisions', () => {
  it('gives the regulation’s 第九条 its own anchor and citation', () => {
    const reg = meta('jlsrmzfl-261');
    expect(reg.title).toBe('吉林省公安机关警务辅助人员管理办法');
    expect(reg.docNumber).toBe('吉林省人民政府令第261号');
    expect(reg.outline.find((o) => o.id === 'article-9')).toMatchObject({ label: '第九条', cite: '第九条' });
    expect(reg.outline.find((o) => o.id === 'article-9-item-3')).toMatchObject({ cite: '第九条第（三）项' });
  });
  it('keeps the order that promulgates it under its own slug', () => {
    expect(meta('jlsrmzfl-261-ling')).toMatchObject({ kind: '令', carries: ['jlsrmzfl-261'] });
  });
});

describe('validity', () => {
  it('shows the regulation in force from 2017-05-01 and the 003 measures valid until 2029-09-30', () => {
    expect(meta('jlsrmzfl-261').effective).toBe('2017-05-01');
    const measures = corpus.documents.find((d) => d.doc.title === '关于加强低收入人口动态监测做好分层分类社会救助工作具体帮扶措施')!;
    expect([documentMeta(measures).effective, documentMeta(measures).validUntil]).toEqual(['2024-09-30', '2029-09-30']);
  });
});

describe('cross-references', () => {
  it('links a notice to the plan it quotes, and the plan shows it as cited-by', () => {
    const notice = meta('jzbf-2017-7');
    expect(notice.citations.map((c) => c.target)).toContain('jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh');
    expect(meta('jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh').citedBy).toContainEqual({ document: 'jzbf-2017-7', anchor: 'p-293' });
  });
  it('gathers citations of documents outside the corpus under their 文号, with the places citing them', () => {
    const refs = JSON.parse(readFileSync(join(CONTENT, 'references.json'), 'utf8')) as Reference[];
    const jzbg = refs.find((r) => r.docNumber === '吉政办规〔2024〕2号')!;
    expect(jzbg.id).toBe('jzbg-2024-2');
    expect(jzbg.citedBy.map((p) => p.document)).toContain('jilinshi-renmin-zhengfu-gongbao-2024-11-12-gyyfgyjqdsrrkdtj');
    expect(refs.map((r) => r.docNumber).filter(Boolean)).toEqual(expect.arrayContaining(['国发〔2016〕36号', '中发〔2023〕30号', '吉政办规〔2024〕2号']));
    // A document's own joint number is not an outside reference.
    expect(refs.some((r) => r.docNumber?.startsWith('吉政干任'))).toBe(false);
  });
  it('marks each citation in the emitted text with its offsets', () => {
    const block = blocksOf(readContentDocuments().get('jzbf-2017-8')!).find((b) => b.id === 'p-825')!;
    if (block.type !== 'p') throw new Error('p-825 is not a paragraph');
    const { text } = block;
    const [[start, end, kind, id]] = block.refs!;
    expect([text.slice(start, end), kind, id]).toEqual(['《国务院关于加强困境儿童保障工作的意见》（国发〔2016〕36号', 'r', 'gf-2016-36']);
  });
});

describe('stable URLs when the corpus grows', () => {
  it('adding a seed renames or removes no existing document or anchor', () => {
    const grown = ingestCorpus([...readSeeds(SEEDS), ...readSeeds(join(ROOT, 'tests', 'fixtures', 'extra-seed'))]);
    const urls = (c: typeof corpus) => new Set(c.documents.flatMap((d) => [`${d.slug} ${d.doc.title}`, ...documentMeta(d).outline.map((o) => `${d.slug}#${o.id}`)]));
    const before = urls(corpus);
    const after = urls(grown);
    expect([...before].filter((u) => !after.has(u))).toEqual([]);
    // The new document is there, cites the 2017 notice, and the notice now lists it as citing.
    const added = grown.documents.find((d) => d.doc.docNumber === '长府发〔2030〕1号')!;
    expect(added.slug).toBe('cff-2030-1');
    expect(grown.documents.find((d) => d.slug === 'jzbf-2017-7')!.citedBy.map((p) => p.document)).toContain('cff-2030-1');
    expect(added.citations.map((c) => c.target)).toEqual(expect.arrayContaining(['jzbf-2017-7', 'jlsrmzfl-261']));
  });
});
