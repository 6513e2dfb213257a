import { describe, expect, it } from 'vitest';
import { parseTocEntry, readMasthead, segmentFile } from '../../scripts/ingest/segment.ts';
import { normaliseLines } from '../../scripts/ingest/normalise.ts';

const norm = (...lines: string[]) => normaliseLines({ file: 'x.txt', encoding: 'utf-8', lines });

describe('目录 entries', () => {
  it('reads page references in the layouts seen in gazettes', () => {
    expect(parseTocEntry('一以贯之抓好项目建设 发挥有效投资关键作用… (1)')).toEqual({ title: '一以贯之抓好项目建设 发挥有效投资关键作用', page: '1' });
    expect(parseTocEntry('把安全生产工作牢牢抓在手上 持之以恒推动安全发展 …… 刘国中(4)')).toMatchObject({ page: '4', author: '刘国中' });
    expect(parseTocEntry('吉林省人民政府办公厅关于印发加快构建吉林产业发展新格局实施方案的通知(吉政办发〔2021〕6号).....( 11 )')).toMatchObject({ page: '11', docNumber: '吉政办发〔2021〕6号', title: '吉林省人民政府办公厅关于印发加快构建吉林产业发展新格局实施方案的通知' });
    expect(parseTocEntry('砥砺奋进 建设形神兼备的新时代新江城.....1')).toMatchObject({ page: '1' });
    expect(parseTocEntry('政务要闻…………… (封底)')).toMatchObject({ title: '政务要闻', page: '封底' });
    expect(parseTocEntry('吉林省公安机关警务辅助人员管理办法(吉政令第261号) …… (11)')).toMatchObject({ docNumber: '吉政令第261号', page: '11' });
    expect(parseTocEntry('没有页码的一行')).toBeUndefined();
  });
});

describe('masthead', () => {
  it('reads publication, year, double issue, cumulative number, frequency and date', () => {
    expect(readMasthead(norm('某某市人民政府公报', '(月刊)', '2024年第11-12期', '(总第262期)', '2025年1月15日出版'))).toEqual({ publicationName: '某某市人民政府公报', year: 2024, issue: '11-12', cumulative: { label: '总', number: 262 }, frequency: '月刊', date: '2025-01-15' });
    expect(readMasthead(norm('关于某事的通知', '2024年1月1日'))).toBeUndefined();
  });
});

describe('segmentFile on a crafted issue', () => {
  const lines = norm(
    '某某省人民政府公报', '(半月刊)', '2030年第3期', '(复总第900期)', '2030年2月15日出版',
    '目录', '卷首语', '春风又绿 江南岸…… (1)', '省政府文件', '某某省人民政府关于做好春耕工作的通知(某政发[2030]1号)…… (3)',
    '编辑出版:某某省人民政府公报室',
    '某某省人民政府关于做好春耕工作的通知', '某政发〔2030〕1号', '各市（州）人民政府，省政府各厅委办：', '现将有关事项通知如下。', '某某省人民政府', '2030年2月1日',
    '某某省人民政府办公厅关于表彰先进的决定', '某政办发〔2030〕2号', '各市（州）人民政府：', '决定表彰。', '某某省人民政府办公厅', '2030年2月2日',
  );
  const { segmented, diagnostics } = segmentFile('x.txt', lines);
  it('is an issue with its front matter', () => {
    expect(segmented.kind).toBe('issue');
    expect(segmented.issue).toMatchObject({ year: 2030, issue: '3', cumulative: { label: '复总', number: 900 } });
    expect(segmented.editorial.map((l) => l.text)).toEqual(['编辑出版:某某省人民政府公报室']);
    expect(diagnostics).toEqual([]);
  });
  it('splits the body at document heads, including one the 目录 does not list', () => {
    expect(segmented.blocks.map((b) => b.lines[0]!.text)).toEqual(['某某省人民政府关于做好春耕工作的通知', '某某省人民政府办公厅关于表彰先进的决定']);
    expect(segmented.toc.map((t) => [t.section, t.page, t.block])).toEqual([['卷首语', '1', undefined], ['省政府文件', '3', 0]]);
  });
});
