import { describe, expect, it } from 'vitest';
import { findCitations, issuerCode } from '../../scripts/ingest/citations.ts';
import { numbersCovered, referenceId } from '../../scripts/ingest/cross-references.ts';
import { addYearsInclusive, readValidity } from '../../scripts/ingest/validity.ts';
import { assignAnchors } from '../../scripts/ingest/anchors.ts';
import { buildBody } from '../../scripts/ingest/structure.ts';
import { normaliseLines } from '../../scripts/ingest/normalise.ts';

const span = { file: 'x.txt', start: 1, end: 1 };
const cited = (text: string) => findCitations(text).map((c) => ({ ...c, quoted: text.slice(c.start, c.end) }));

describe('findCitations', () => {
  it('finds 文号 in any bracket form, normalised, and pairs a 《title》 with the number after it', () => {
    expect(cited('为贯彻落实《国务院关于加强困境儿童保障工作的意见》（国发〔2016〕36号）精神')).toEqual([
      { start: 5, end: 37, docNumber: '国发〔2016〕36号', title: '国务院关于加强困境儿童保障工作的意见', quoted: '《国务院关于加强困境儿童保障工作的意见》（国发〔2016〕36号' },
    ]);
    expect(cited('见吉政办发[2017]7号和吉政办发（2017）8号').map((c) => c.docNumber)).toEqual(['吉政办发〔2017〕7号', '吉政办发〔2017〕8号']);
  });
  it('reads a number broken over lines', () => {
    expect(cited('（吉政办发\n〔2017〕\n7号）')[0]!.docNumber).toBe('吉政办发〔2017〕7号');
  });
  it('cuts prose off the issuer code', () => {
    expect(issuerCode('按照吉政办发')).toBe('吉政办发');
    expect(issuerCode('国发')).toBe('国发');
    expect(cited('根据吉政办规〔2024〕2号部署')[0]!.quoted).toBe('吉政办规〔2024〕2号');
  });
  it('keeps a title without a number as a title citation', () => {
    expect(cited('落实《重点流域“十三五”水污染防治规划》。')).toMatchObject([{ title: '重点流域“十三五”水污染防治规划' }]);
  });
});

describe('references', () => {
  it('expands joint numbers and gives stable ids', () => {
    expect(numbersCovered('吉政干任〔2017〕11-12号')).toEqual(['吉政干任〔2017〕11-12号', '吉政干任〔2017〕11号', '吉政干任〔2017〕12号']);
    expect(referenceId({ docNumber: '国发〔2016〕36号' })).toBe('gf-2016-36');
    expect(referenceId({ title: '环境空气质量标准' })).toBe('t-hjkqzlbz');
  });
});

describe('validity', () => {
  it('reads 自…起施行 and 有效期至', () => {
    const v = readValidity([{ text: '各县结合实际制定办法。本通知自2024年9月30日起施行, 有效期至2029年9月30日。', span }]);
    expect([v.effective, v.validUntil]).toEqual(['2024-09-30', '2029-09-30']);
    expect(v.evidence[0]!.text).toBe('本通知自2024年9月30日起施行, 有效期至2029年9月30日。');
  });
  it('counts 有效期N年 from the effective date, and 自印发之日起 from the signature', () => {
    const v = readValidity([{ text: '本办法自印发之日起施行，有效期5年。', span }], '2020-03-01');
    expect([v.effective, v.validUntil]).toEqual(['2020-03-01', '2025-02-28']);
    expect(addYearsInclusive('2024-01-01', 2)).toBe('2025-12-31');
  });
  it('finds nothing in a text that states nothing', () => {
    expect(readValidity([{ text: '2017年2月17日省政府常务会议审议通过。', span }])).toEqual({ evidence: [] });
  });
});

describe('citation labels of provisions', () => {
  it('names provisions as Chinese citations do', () => {
    const body = buildBody(normaliseLines({ file: 'x.txt', encoding: 'utf-8', lines: ['第二章 岗位职责', '第九条 辅警不得从事下列工作：', '（三）案件调查取证；', '第三节 其他', '专栏2 重大工程', '1. 工程。'] }), 'x.txt');
    const cites = [...assignAnchors(body).values()].map((a) => [a.id, a.cite]);
    expect(cites).toEqual([
      ['chapter-2', '第二章'],
      ['article-9', '第九条'],
      ['article-9-item-3', '第九条第（三）项'],
      ['chapter-2-section-3', '第二章第三节'],
      ['box-2', '专栏2'],
      ['box-2-point-1', '专栏2第1点'],
    ]);
  });
});
