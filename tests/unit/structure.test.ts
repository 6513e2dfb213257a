import { describe, expect, it } from 'vitest';
import { buildBody, cleanTitle, issuersFromTitle, structureDocument } from '../../scripts/ingest/structure.ts';
import { assignAnchors } from '../../scripts/ingest/anchors.ts';
import { parseCnNumber } from '../../scripts/ingest/cn-numerals.ts';
import { normaliseDocNumber } from '../../scripts/ingest/doc-number.ts';
import { initials, publicationId, slugFromDocNumber, slugFromTitle } from '../../scripts/ingest/slug.ts';
import { normaliseLines } from '../../scripts/ingest/normalise.ts';
import type { BodyNode, SectionNode } from '../../scripts/ingest/types.ts';

const norm = (...lines: string[]) => normaliseLines({ file: 'x.txt', encoding: 'utf-8', lines });
/** Compact outline of a body: "id label" per section, indented by depth. */
function outline(body: BodyNode[]): string[] {
  const ids = assignAnchors(body);
  const out: string[] = [];
  const walk = (ns: BodyNode[]) =>
    ns.forEach((n) => {
      if (n.type !== 'section') return;
      out.push(`${'  '.repeat(ids.get(n)!.depth - 1)}${ids.get(n)!.id}`);
      walk(n.children);
    });
  walk(body);
  return out;
}

describe('numbers and document numbers', () => {
  it('reads Chinese numerals', () => {
    expect([parseCnNumber('一'), parseCnNumber('十'), parseCnNumber('十一'), parseCnNumber('三十三'), parseCnNumber('一百零五'), parseCnNumber('两千'), parseCnNumber('12')]).toEqual([1, 10, 11, 33, 105, 2000, 12]);
    expect(parseCnNumber('第一')).toBeUndefined();
  });
  it('normalises 文号 in any bracket form', () => {
    for (const s of ['吉政办发[2017]7号', '吉政办发〔2017〕7号', '吉政办发(2017)7号', '吉政办发（２０１７）７号', '吉政办发 〔 2017 〕 7 号', '吉政办发【2017】7号'])
      expect(normaliseDocNumber(s)).toBe('吉政办发〔2017〕7号');
    expect(normaliseDocNumber('吉政干任[2017]11-12号')).toBe('吉政干任〔2017〕11-12号');
    expect(normaliseDocNumber('没有文号')).toBeUndefined();
  });
  it('derives slugs from the 文号 or from publication, issue and title, never from a file name', () => {
    expect(slugFromDocNumber('吉政办发〔2017〕7号')).toBe('jzbf-2017-7');
    expect(slugFromDocNumber('吉政干任〔2017〕11-12号')).toBe('jzgr-2017-11-12');
    expect(slugFromDocNumber('吉林省人民政府令第261号')).toBe('jlsrmzfl-261');
    expect(slugFromTitle('吉林省环境保护“十三五”规划', { publication: 'jilinsheng-renmin-zhengfu-gongbao', year: 2017, issue: '8' })).toBe('jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh');
    expect(slugFromTitle('美丽江城建设规划', { date: '2024-12-03' })).toBe('mljcjsgh-2024');
    expect(initials('PM2.5治理')).toBe('pm25zl');
    expect(publicationId('吉林市人民政府公报', 'JILINSHI RENMIN ZHENGFU GONGBAO')).toBe('jilinshi-renmin-zhengfu-gongbao');
    expect(publicationId('长春市人民政府公报')).toBe('changchunshirenminzhengfugongbao');
  });
});

describe('titles and issuers', () => {
  it('joins title lines and drops break spaces, keeping the space between joint issuers', () => {
    expect(cleanTitle(['吉林省人民政府办公厅', '关于进一步加强县级政府生态建设', '和环境保护职能作用的意见'])).toBe('吉林省人民政府办公厅关于进一步加强县级政府生态建设和环境保护职能作用的意见');
    expect(cleanTitle(['吉林省人民政府办公厅关于 印发加快构建吉林产业发展新格局 实施方案的通知'])).toBe('吉林省人民政府办公厅关于印发加快构建吉林产业发展新格局实施方案的通知');
    expect(cleanTitle(['中共吉林市委 吉林市人民政府 关于印发《美丽江城建设规划 (2024—2035年)》的通知'])).toBe('中共吉林市委 吉林市人民政府关于印发《美丽江城建设规划(2024—2035年)》的通知');
    expect(cleanTitle(['砥砺奋进 建设形神兼备的新时代新江城'])).toBe('砥砺奋进 建设形神兼备的新时代新江城');
  });
  it('reads issuers before 关于 only when they are bodies', () => {
    expect(issuersFromTitle('中共吉林省委办公厅 吉林省人民政府办公厅关于激发人才活力的政策措施')).toEqual(['中共吉林省委办公厅', '吉林省人民政府办公厅']);
    expect(issuersFromTitle('关于印发《关于加强低收入人口动态监测的措施》的通知')).toEqual([]);
  });
});

describe('body tree', () => {
  it('nests 章 > 节 > 条 > 项 > 目 and restarts items in each article', () => {
    const body = buildBody(norm('第一章 总则', '第一节 一般规定', '第一条 为了规范管理，制定本办法。', '第二条 下列人员适用本办法：', '（一）在职人员；', '（二）退休人员：', '1. 按月领取的；', '第二节 特别规定', '第三条 另有规定的，从其规定。', '第二章 附则', '第四条 本办法自公布之日起施行。'), 'x.txt');
    expect(outline(body)).toEqual([
      'chapter-1',
      '  chapter-1-section-1',
      '    article-1',
      '    article-2',
      '      article-2-item-1',
      '      article-2-item-2',
      '        article-2-item-2-point-1',
      '  chapter-1-section-2',
      '    article-3',
      'chapter-2',
      '  article-4',
    ]);
  });
  it('keeps a 专栏 box around its own list and closes it at the next outer number', () => {
    const body = buildBody(norm('一、总体要求', '正文。', '（一）构建格局', '正文，正文。', '专栏 2 重大工程', '1. 产业结构优化工程。重点实施项目。', '2. 能源结构优化工程。重点实施项目。', '二、城市焕新', '（一）实施城市更新工程'), 'x.txt');
    expect(outline(body)).toEqual(['part-1', '  part-1-item-1', '    box-2', '      box-2-point-1', '      box-2-point-2', 'part-2', '  part-2-item-1']);
  });
  it('tells a numbered heading from a numbered paragraph', () => {
    const [h, p] = buildBody(norm('一、环境指标基本实现,环境质量持续改善', '二、强化保障。各地要落实责任。'), 'x.txt') as SectionNode[];
    expect([h!.title, h!.text]).toEqual(['环境指标基本实现,环境质量持续改善', undefined]);
    expect([p!.title, p!.text]).toEqual([undefined, '强化保障。各地要落实责任。']);
  });
  it('makes tables from tab-separated rows, keeping ragged rows, with the title line above as caption and a 注 line as note', () => {
    const [t, n] = buildBody(norm('主要指标', '序号\t指标\t2020年', '1\t森林覆盖率(%)\t≥57\t预期性', '注:()内为浓度值。'), 'x.txt');
    expect(t).toMatchObject({ type: 'table', caption: '主要指标', rows: [['序号', '指标', '2020年'], ['1', '森林覆盖率(%)', '≥57', '预期性']], span: { start: 1, end: 3 } });
    expect(n).toMatchObject({ type: 'paragraph', variant: 'note' });
  });
});

describe('document head and closing', () => {
  it('reads title, 文号, addressees, signature and date; the rest is body', () => {
    const lines = norm('吉林省人民政府办公厅', '关于加强某项工作的通知', '吉政办发〔2099〕3号', '各市（州）人民政府，各县（市）人民政府：', '现将有关事项通知如下。', '吉林省人民政府办公厅', '2099年1月2日', '（此件公开发布）');
    const { doc } = structureDocument({ lines, titleLines: 2 }, 'x.txt');
    expect(doc).toMatchObject({ title: '吉林省人民政府办公厅关于加强某项工作的通知', kind: '通知', docNumber: '吉政办发〔2099〕3号', recipients: '各市（州）人民政府，各县（市）人民政府', date: '2099-01-02', issuers: ['吉林省人民政府办公厅'] });
    expect(doc.head.map((h) => h.role)).toEqual(['title', 'title', 'docNumber', 'recipients', 'signature', 'date', 'note']);
    expect(doc.body).toHaveLength(1);
  });
  it('reads an order: issuer, number, signatory and date', () => {
    const lines = norm('吉林省人民政府令', '第 261 号', '《某办法》已经省政府常务会议审议通过，现予公布。', '省 长 刘国中', '2017 年 3 月 2 日');
    const { doc } = structureDocument({ lines, titleLines: 0 }, 'x.txt');
    expect(doc).toMatchObject({ title: '吉林省人民政府令第261号', kind: '令', docNumber: '吉林省人民政府令第261号', issuers: ['吉林省人民政府'], date: '2017-03-02' });
    expect(doc.head.find((h) => h.role === 'signature')!.text).toBe('省长 刘国中');
  });
});
