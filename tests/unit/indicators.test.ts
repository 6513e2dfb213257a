/** The indicator readers on crafted input: names, values, table layouts, attributes, statements in text, periods, chart. */
import { describe, expect, it } from 'vitest';
import { IndicatorMatcher, foldName, nameParts, splitUnit } from '../../scripts/ingest/indicator-names.ts';
import { parseValue } from '../../scripts/ingest/indicator-values.ts';
import { readIndicatorTable, splitNames, tableLayout } from '../../scripts/ingest/indicator-tables.ts';
import { readStatements } from '../../scripts/ingest/indicator-prose.ts';
import { checkIndicatorRegistry } from '../../scripts/ingest/indicators.ts';
import { fiveYearPeriod, fiveYearPlan, periodOfTitle, stageOf, yearRange } from '../../scripts/ingest/plan-periods.ts';
import { placeIn, relationOf } from '../../scripts/ingest/plans.ts';
import { chartModel, niceStep } from '../../src/components/indicator/chart.ts';
import { convertUnit, periodLabel, valueText } from '../../src/lib/plan-format.ts';
import type { TableNode } from '../../scripts/ingest/types.ts';

const table = (rows: string[][], caption?: string): TableNode => ({ type: 'table', rows, span: { file: 'x.txt', start: 10, end: 10 + rows.length }, ...(caption ? { caption } : {}) });
const FIVE_13 = { label: '十三五', start: 2016, end: 2020 };
const FIVE_14 = { label: '十四五', start: 2021, end: 2025 };

describe('periods', () => {
  it('numbers five-year plans from 1953, the third from 1966', () => {
    expect([1, 2, 3, 13, 14, 15].map((n) => fiveYearPlan(n)!.start)).toEqual([1953, 1958, 1966, 2016, 2021, 2026]);
    expect(fiveYearPeriod('吉林省环境保护“十三五”规划')).toEqual(FIVE_13);
  });
  it('reads a year range from a title bracket and stages from a passage', () => {
    expect(periodOfTitle('美丽江城建设规划(2024—2035年)')).toEqual({ label: '2024—2035年', start: 2024, end: 2035 });
    expect(periodOfTitle('吉林省空气质量巩固提升行动方案')).toBeUndefined();
    expect(yearRange('2021~2025年')).toMatchObject({ start: 2021, end: 2025 });
    expect(stageOf('第二阶段（2028—2030 年）。提质加速')).toEqual({ label: '第二阶段', start: 2028, end: 2030 });
    expect(stageOf('第一阶段工作')).toBeUndefined();
    expect(periodLabel(FIVE_14)).toBe('十四五（2021—2025年）');
  });
});

describe('places and levels', () => {
  const governments = [
    { id: '吉林省', name: '吉林省人民政府', level: 'province' as const },
    { id: '吉林市', name: '吉林市人民政府', level: 'city' as const, parent: '吉林省' },
  ];
  it('prefers a registry place, else a name ending in 省/市/县', () => {
    expect(placeIn('中共吉林市委', governments)).toEqual({ region: '吉林市', level: 'city' });
    expect(placeIn('某某市节能减排“十五五”规划', governments)).toEqual({ region: '某某市', level: 'city' });
    expect(placeIn('加快构建产业发展新格局实施方案', governments)).toBeUndefined();
  });
  it('puts a named plan above, beside or below', () => {
    expect(relationOf('city', 'province')).toBe('upstream');
    expect(relationOf('province', 'province')).toBe('peer');
    expect(relationOf('province', 'city')).toBe('downstream');
    expect(relationOf('city', undefined)).toBe('other');
  });
});

describe('names', () => {
  it('folds spaces, bracket widths, numerals and subscripts', () => {
    expect(foldName('细颗粒物 (PM _{2.5}) 年均浓度 （微克/立方米）')).toBe('细颗粒物(PM2.5)年均浓度(微克/立方米)');
    expect(foldName('重点流域水质达到或好于Ⅲ类水体比例')).toBe('重点流域水质达到或好于III类水体比例');
  });
  it('splits a unit bracket, never another bracket', () => {
    expect(splitUnit('化学需氧量(万吨/年)')).toEqual({ name: '化学需氧量', unit: '万吨/年' });
    expect(splitUnit('生态环境状况指数(EI)')).toEqual({ name: '生态环境状况指数(EI)' });
    expect(splitUnit('室内γ辐射剂量范围(纳戈瑞/小时)')).toEqual({ name: '室内γ辐射剂量范围', unit: '纳戈瑞/小时' });
  });
  it('sets a place and a trailing 达到 apart, but not a list of places', () => {
    expect(nameParts('全省受污染耕地安全利用率达到(%)', ['吉林省'])).toMatchObject({ key: '受污染耕地安全利用率', unit: '%', region: '全省' });
    expect(nameParts('吉林市环境空气质量优良天数比例', ['吉林市'])).toMatchObject({ key: '环境空气质量优良天数比例', region: '吉林市' });
    expect(nameParts('长春市、吉林市工业企业烟气排放达标率', ['长春市', '吉林市']).key).toBe('长春市、吉林市工业企业烟气排放达标率');
  });
  it('matches only the registry name or an alias, folded', () => {
    const m = new IndicatorMatcher([{ id: 'a', name: '空气质量优良天数比例', unit: '%', category: 'x', aliases: ['优良天数比率', '城市空气质量优良天数比例（%）'] }]);
    expect(m.match('城市空气质量优良天数比例')?.id).toBe('a');
    expect(m.match('优良天数比率')?.id).toBe('a');
    expect(m.match('优良天数')).toBeUndefined();
  });
  it('refuses a registry where one name means two indicators', () => {
    const diags = checkIndicatorRegistry([
      { id: 'a', name: '森林覆盖率', category: 'x', aliases: [] },
      { id: 'b', name: '林木覆盖率', category: 'x', aliases: ['森林覆盖率（%）'] },
    ]);
    expect(diags.map((d) => [d.severity, d.message])).toEqual([['error', '森林覆盖率 names both a and b']]);
  });
});

describe('values', () => {
  it('parses comparators, units, ranges, notes and bracketed values, keeping the written form', () => {
    expect(parseValue('≥80')).toEqual({ value: '≥80', number: 80, comparator: '≥' });
    expect(parseValue('≤ 7')).toEqual({ value: '≤7', number: 7, comparator: '≤' });
    expect(parseValue('90% 以上')).toEqual({ value: '90%以上', number: 90, comparator: '≥', unit: '%' });
    expect(parseValue('1.2%以内')).toMatchObject({ number: 1.2, comparator: '≤' });
    expect(parseValue('1%左右')).toMatchObject({ number: 1, comparator: '≈' });
    expect(parseValue('不低于1354.66万亩')).toMatchObject({ number: 1354.66, comparator: '≥', unit: '万亩' });
    expect(parseValue('43.6-89.9')).toEqual({ value: '43.6-89.9', number: 43.6, upper: 89.9 });
    expect(parseValue('100(扣除本底值和汛期影响)')).toEqual({ value: '100(扣除本底值和汛期影响)', number: 100, note: '扣除本底值和汛期影响' });
    expect(parseValue('(55μg/m³)')).toEqual({ value: '(55μg/m³)', number: 55, unit: '微克/立方米', bracketed: true });
    expect(parseValue('基本消除')).toEqual({ value: '基本消除' });
    expect(parseValue('—')).toBeUndefined();
    expect(parseValue('')).toBeUndefined();
  });
});

describe('indicator tables', () => {
  it('reads 序号/指标/2015年/2020年/属性 in the plan’s own period: 2015 baseline, 2020 target', () => {
    const t = table([
      ['序号', '指 标', '2015 年', '2020 年', '属性'],
      ['1', '空气质量优良天数比例(%)', '73.7', '≥80', '约束性'],
      ['2', '地块安全利用率(%)', '—', '≥90', '预期性'],
    ], '“十三五”时期环境保护主要指标');
    const r = readIndicatorTable(t, { plan: FIVE_13, now: 2017 })!;
    expect(r.layout.values.map((c) => [c.header, c.kind, c.year])).toEqual([['2015年', 'baseline', 2015], ['2020年', 'target', 2020]]);
    expect(r.rows.map((row) => [row.name, row.values.map((v) => v.value.value), row.attribute, row.attributeFrom])).toEqual([
      ['空气质量优良天数比例(%)', ['73.7', '≥80'], '约束性', 'row'],
      ['地块安全利用率(%)', ['≥90'], '预期性', 'row'],
    ]);
  });
  it('reads a table reviewing an earlier period: the period column is its target, the year column the outcome', () => {
    const t = table([
      ['', '', '规划指标', '"十三五"', '属性', '2020年', ''],
      ['', '大气', '细颗粒物 (PM2.5) 年均浓度 (微克/立方米)', '≤47', '约束性', '41', ''],
    ]);
    const layout = tableLayout(t, { plan: FIVE_14 })!;
    expect(layout.values.map((c) => [c.kind, c.year, c.period])).toEqual([['target', 2020, '十三五'], ['actual', 2020, '十三五']]);
  });
  it('takes the caption from rows above the header, OCR noise before 专栏 dropped', () => {
    const t = table([
      ['', 'Ę', '芒栏 2 "十四五"时期生态环境保', '护主要指标', ''],
      ['', '', '规划指标', '2025年', '指标属性'],
      ['', '1', '空气质量优良天数比例(%)', '≥90', '约束性'],
    ]);
    const layout = tableLayout(t, { plan: FIVE_14 })!;
    expect(layout).toMatchObject({ headerRow: 1, caption: '"十四五"时期生态环境保护主要指标', period: FIVE_14 });
    expect(layout.values).toEqual([{ index: 3, header: '2025年', kind: 'target', year: 2025, period: '十四五' }]);
  });
  it('reads other columns: 单位, 基期值 and 目标值', () => {
    const t = table([
      ['序号', '指标名称', '单位', '2025年基期值', '2030年目标值', '指标属性'],
      ['3', 'PM2.5平均浓度', '微克/立方米', '35', '≤30', '约束性'],
    ]);
    const r = readIndicatorTable(t, { plan: { label: '十五五', start: 2026, end: 2030 } })!;
    expect(r.rows[0]).toMatchObject({ name: 'PM2.5平均浓度', unit: '微克/立方米' });
    expect(r.rows[0]!.values.map((v) => [v.column.kind, v.column.year, v.value.number])).toEqual([['baseline', 2025, 35], ['target', 2030, 30]]);
  });
  it('is not an indicator table without a name and a value column', () => {
    expect(tableLayout(table([['姓名', '职务'], ['张三', '主任']]), {})).toBeUndefined();
  });
  it('joins attribute characters spread over rows and gives rows without one the nearest printed', () => {
    const t = table([
      ['指标', '2020年', '属性'],
      ['a', '1', ''],
      ['b', '2', '约束性'],
      ['c', '3', ''],
      ['d', '4', ''],
      ['e', '5', ''],
      ['f', '6', '预'],
      ['g', '7', '期'],
    ]);
    const r = readIndicatorTable(t, { plan: FIVE_13 })!;
    expect(r.rows.map((row) => `${row.name}:${row.attribute}:${row.attributeFrom}`)).toEqual([
      'a:约束性:span', 'b:约束性:row', 'c:约束性:span', 'd:约束性:span', 'e:预期性:span', 'f:预期性:row', 'g:预期性:row',
    ]);
  });
  it('splits a cell naming several indicators, and their values when there are as many', () => {
    expect(splitNames('化学需氧量(万吨/年) 氨氮(万吨/年)')).toEqual(['化学需氧量(万吨/年)', '氨氮(万吨/年)']);
    expect(splitNames('细颗粒物 (PM2.5) 年均浓度 (微克/立方米)')).toEqual(['细颗粒物 (PM2.5) 年均浓度 (微克/立方米)']);
    const t = table([
      ['指标', '"十三五"', '2020年'],
      ['化学需氧量(万吨/年) 氨氮(万吨/年)', '达到省要求 达到省要求', '超额完成省下达 的减排量目标'],
    ]);
    const r = readIndicatorTable(t, { plan: FIVE_14 })!;
    expect(r.rows.map((row) => [row.name, row.values.map((v) => v.value.value)])).toEqual([
      ['化学需氧量(万吨/年)', ['达到省要求', '超额完成省下达的减排量目标']],
      ['氨氮(万吨/年)', ['达到省要求', '超额完成省下达的减排量目标']],
    ]);
  });
});

describe('statements in text', () => {
  const read = (text: string, now = 2021, passage?: Parameters<typeof readStatements>[1]['passage']) =>
    readStatements(text, { now, ...(passage ? { passage } : {}) }).map((s) => [s.name, s.value.value, s.time.kind, s.time.year, s.strive]);
  it('dates targets by 到…年 and outcomes by 截至…年, through the passage', () => {
    expect(read('到 2021 年底，全省优良天数比率力争达到 90% 以上；细颗粒物（PM<sub>2.5</sub>）浓度控制在 32 微克/立方米以下。')).toEqual([
      ['全省优良天数比率', '90%以上', 'target', 2021, true],
      ['细颗粒物（PM<sub>2.5</sub>）浓度', '32微克/立方米以下', 'target', 2021, false],
    ]);
    expect(read('截至 2020 年底，基本完成各项指标。优良天数比例达到 81.4%，较 2015年提高 12.9个百分点；重污染天数为 14 天。', 2021)).toEqual([
      ['优良天数比例', '81.4%', 'actual', 2020, false],
      ['重污染天数', '14天', 'actual', 2020, false],
    ]);
  });
  it('dates a bare year or period only to the end of its sentence, and never by 以来', () => {
    expect(read('2015年全省城市污水处理率达到88%。秸秆综合利用率达到86.7%。', 2017)).toEqual([['全省城市污水处理率', '88%', 'actual', 2015, false]]);
    expect(read('2016年以来，秸秆综合利用率达到86.7%。')).toEqual([]);
    expect(read('“十二五”期间建成处理场25座，生活垃圾无害化处理率已达到80%。', 2017)).toEqual([['生活垃圾无害化处理率', '80%', 'actual', 2015, false]]);
  });
  it('takes the passage’s time when no phrase gives one (a stage)', () => {
    expect(read('空气质量平稳提升,空气优良天数比例达到90%以上,森林覆盖率达到53%。', 2024, { year: 2027, kind: 'target', period: '第一阶段' })).toEqual([
      ['空气优良天数比例', '90%以上', 'target', 2027, false],
      ['森林覆盖率', '53%', 'target', 2027, false],
    ]);
    expect(read('空气优良天数比例达到90%以上。')).toEqual([]);
  });
  it('splits names sharing one value with 均, and two statements joined by 、', () => {
    expect(read('2021年，受污染耕地安全利用率、污染地块安全利用率均达到90%以上。', 2021)).toEqual([
      ['受污染耕地安全利用率', '90%以上', 'target', 2021, false],
      ['污染地块安全利用率', '90%以上', 'target', 2021, false],
    ]);
    expect(read('到 2025 年, 非化石能源占能源消费总量比重提高到 15%以上、煤电占比降低 到 33.4%以下,建设公路 4687 公里')).toEqual([
      ['非化石能源占能源消费总量比重', '15%以上', 'target', 2025, false],
      ['煤电占比', '33.4%以下', 'target', 2025, false],
    ]);
  });
  it('leaves changes against a base year alone', () => {
    expect(read('到2020年，PM2.5年均浓度较2015年下降20%以上。', 2017)).toEqual([]);
  });
});

describe('chart and units', () => {
  it('steps axes by 1, 2 or 5 × 10ⁿ', () => {
    expect([niceStep(100), niceStep(47), niceStep(8040), niceStep(0)]).toEqual([20, 10, 2000, 1]);
  });
  it('draws one mark per distinct statement and joins each region’s values', () => {
    const m = chartModel([
      { year: 2020, value: 81.4, kind: 'actual', region: '吉林市', label: 'a' },
      { year: 2020, value: 81.4, kind: 'actual', region: '吉林市', label: 'b' },
      { year: 2025, value: 90, kind: 'target', region: '吉林市', comparator: '≥', label: 'c' },
      { year: 2020, value: 80, kind: 'target', region: '吉林市', comparator: '≥', label: 'd' },
      { year: 2015, value: 73.7, kind: 'baseline', region: '吉林省', label: 'e' },
    ])!;
    expect(m.marks.map((x) => x.label)).toEqual(['a', 'c', 'd', 'e']);
    expect(m.regions).toEqual(['吉林市', '吉林省']);
    expect(m.lines.map((l) => [l.series, l.kind])).toEqual([[0, 'target']]);
    expect(m.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(chartModel([])).toBeUndefined();
  });
  it('converts between units of one measure only', () => {
    expect(convertUnit(1.87, '亿立方米', '万立方米')).toBeCloseTo(18700);
    expect(convertUnit(0.8, '万吨', '吨')).toBe(8000);
    expect(convertUnit(5, '天', '%')).toBeUndefined();
    expect(valueText({ value: '≥80', unit: '%' })).toBe('≥80%');
    expect(valueText({ value: '32微克/立方米以下', unit: '微克/立方米' })).toBe('32微克/立方米以下');
    expect(valueText({ value: '≤47', unit: '微克/立方米' })).toBe('≤47 微克/立方米');
  });
});
