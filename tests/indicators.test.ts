/** Indicators on the real seeds: every row of every indicator table, the targets stated in text, the registry, the unmatched names. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedCorpus, CONTENT, ROOT } from './support/corpus.ts';
import { readIndicatorRegistry, readRegistry } from '../scripts/ingest/cli.ts';
import { ingestCorpus } from '../scripts/ingest/pipeline.ts';
import { checkIndicatorRegistry } from '../scripts/ingest/indicators.ts';
import type { Observation } from '../src/schemas/indicator.ts';

const corpus = seedCorpus();
const PROVINCE_13 = 'jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh';
const CITY_14 = 'jlssthjbhsswgh';
const AIR_2021 = 'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlskqzlggtsxdfa';
const WATER_2021 = 'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlsshjzlggtsxdfa';
const SOIL_2021 = 'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlstrhjzlggtsxdf';
const JIANGCHENG = 'jilinshi-renmin-zhengfu-gongbao-2024-11-12-mljcjsgh20242035';

const short = (o: Observation) => [o.indicator, o.kind, o.year, o.value, o.attribute ?? null];
const inTable = (plan: string, anchor: string) => corpus.observations.filter((o) => o.plan === plan && o.source.anchor === anchor);
/** Table rows as [row, indicator, values…] in row order. */
const byRow = (list: Observation[]) => {
  const rows = new Map<string, Array<string | number | null>>();
  for (const o of list) {
    const key = `${o.source.row}|${o.indicator}`;
    rows.set(key, [...(rows.get(key) ?? [o.source.row!, o.indicator, o.attribute ?? null]), `${o.kind} ${o.year} ${o.value}`]);
  }
  return [...rows.values()];
};

describe('the registry', () => {
  it('is valid and never gives one name to two indicators', () => {
    const indicators = readIndicatorRegistry(CONTENT)!;
    expect(indicators.length).toBe(82);
    expect(checkIndicatorRegistry(indicators)).toEqual([]);
    expect(indicators.find((i) => i.id === 'kqzlyltsbl')).toMatchObject({ name: '空气质量优良天数比例', unit: '%', category: '大气环境' });
    expect(indicators.find((i) => i.id === 'kqzlyltsbl')!.aliases).toEqual(expect.arrayContaining(['城市空气质量优良天数比例', '环境空气质量优良天数比例', '优良天数比率']));
  });
  it('is used: every indicator has at least one observation in the seeds', () => {
    const used = new Set(corpus.observations.map((o) => o.indicator));
    expect(readIndicatorRegistry(CONTENT)!.filter((i) => !used.has(i.id)).map((i) => i.id)).toEqual([]);
  });
});

describe('counts', () => {
  it('9 plans, 179 observations (90 from table rows, 89 from text) of 82 indicators', () => {
    expect(corpus.plans.length).toBe(9);
    expect(corpus.observations.length).toBe(179);
    expect(new Set(corpus.observations.map((o) => o.indicator)).size).toBe(82);
    expect(corpus.observations.filter((o) => o.source.row !== undefined).length).toBe(90);
  });
});

describe('unmatched names are reported, one diagnostic per name with file:line, never guessed', () => {
  it('lists exactly the names the registry leaves out', () => {
    expect(corpus.diagnostics.filter((d) => d.rule === 'indicators/unmatched').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      '000_5be1f3c0502ea770.txt:437 no registry entry for indicator 长春市、吉林市、四平市工业企业烟气排放达标率',
      '001_1b08dda726028e6f.txt:344 no registry entry for indicator 长春、吉林、四平、辽源等中部城市编码登记率',
      '001_1b08dda726028e6f.txt:344 no registry entry for indicator 其他城市',
      '003_ee4a455496cb4ad5.txt:146 no registry entry for indicator 新能源公交车',
      '003_ee4a455496cb4ad5.txt:332 no registry entry for indicator 农村生活垃圾收集率、无害化处理率',
    ]);
    expect(corpus.diagnostics.filter((d) => d.rule.startsWith('indicators/')).every((d) => d.severity === 'warning')).toBe(true);
  });
  it('reports every table name when the registry is empty, and matches nothing', () => {
    const registry = readRegistry(CONTENT)!;
    const bare = ingestCorpus([{ name: '000_5be1f3c0502ea770.txt', bytes: readFileSync(join(ROOT, 'seeds', '000_5be1f3c0502ea770.txt')) }], { ...registry, indicators: [] });
    expect(bare.observations).toEqual([]);
    const lines = bare.diagnostics.filter((d) => d.rule === 'indicators/unmatched').map((d) => d.line);
    for (let line = 368; line <= 379; line++) expect(lines).toContain(line);
  });
});

describe('the province’s 十三五 table (000): all 12 rows, 2015 and 2020, attributes', () => {
  const rows = byRow(inTable(PROVINCE_13, 't-365'));
  it('reads every row', () => {
    expect(rows).toEqual([
      [1, 'kqzlyltsbl', '约束性', 'baseline 2015 73.7', 'target 2020 ≥80'],
      [2, 'xklwpm25njnd', null, 'baseline 2015 (55μg/m³)'],
      [2, 'xklwpm25njndxjbl', '约束性', 'target 2020 ≥20'],
      [3, 'zdlyszddhhylstbl', '约束性', 'baseline 2015 60.8', 'target 2020 64'],
      [4, 'zdlylyljwdbdlszdmsl', '预期性', 'baseline 2015 12', 'target 2020 基本消除'],
      [5, 'csjcqhcstbl', '预期性', 'target 2020 基本消除'],
      [6, 'jzsyyssydszdbl', '约束性', 'baseline 2015 100', 'target 2020 100'],
      [7, 'swrgdaqlyl', '约束性', 'target 2020 90'],
      [8, 'wrdkaqlyl', '约束性', 'target 2020 ≥90'],
      [9, 'hxxylpfzl', '约束性', 'baseline 2015 72.8', 'target 2020 达到国家要求'],
      [10, 'adpfzl', '约束性', 'baseline 2015 5.19', 'target 2020 达到国家要求'],
      [11, 'eyhlpfzl', '约束性', 'baseline 2015 36.48', 'target 2020 达到国家要求'],
      [12, 'dyhwpfzl', '约束性', 'baseline 2015 53.39', 'target 2020 达到国家要求'],
    ]);
  });
  it('gives the bracketed 2015 value to the indicator the footnote names, in its own unit', () => {
    const pm = inTable(PROVINCE_13, 't-365').find((o) => o.indicator === 'xklwpm25njnd')!;
    expect(pm).toMatchObject({ number: 55, unit: '微克/立方米', kind: 'baseline', region: '吉林省', note: '注:()内为全省市(州)政府所在地城市细颗粒物(PM2.5)年均浓度值。' });
  });
  it('links each value to the table and its row, with the row’s source line', () => {
    const first = inTable(PROVINCE_13, 't-365')[0]!;
    expect(first.source).toMatchObject({ anchor: 't-365', row: 1, line: 368 });
    expect(first).toMatchObject({ number: 73.7, region: '吉林省', document: PROVINCE_13, plan: PROVINCE_13 });
  });
});

describe('Jilin City’s 专栏1 (002): 十三五 targets and 2020 actuals, merged cells, several indicators in one cell', () => {
  const list = inTable(CITY_14, 't-90');
  it('reads every row of the 23, the four pollutants of one cell apart', () => {
    const rows = byRow(list);
    expect(new Set(rows.map((r) => r[0])).size).toBe(23);
    expect(rows.length).toBe(26);
    expect(rows.filter((r) => r[0] === 13).map((r) => r[1])).toEqual(['hxxylpfzl', 'adpfzl', 'eyhlpfzl', 'dyhwpfzl']);
    expect(rows.find((r) => r[1] === 'adpfzl')).toEqual([13, 'adpfzl', '约束性', 'target 2020 达到省要求', 'actual 2020 超额完成省下达的减排量目标']);
  });
  it('pins the values', () => {
    const get = (indicator: string) => list.filter((o) => o.indicator === indicator).map(short);
    expect(get('xklwpm25njnd')).toEqual([['xklwpm25njnd', 'target', 2020, '≤47', '约束性'], ['xklwpm25njnd', 'actual', 2020, '41', '约束性']]);
    expect(get('kqzlyltsbl')).toEqual([['kqzlyltsbl', 'target', 2020, '≥80', '约束性'], ['kqzlyltsbl', 'actual', 2020, '81.4', '约束性']]);
    expect(get('zwrts')).toEqual([['zwrts', 'target', 2020, '≤7', '预期性'], ['zwrts', 'actual', 2020, '14', '预期性']]);
    expect(get('slfgl')).toEqual([['slfgl', 'target', 2020, '≥57', '预期性'], ['slfgl', 'actual', 2020, '55.6', '预期性']]);
    expect(get('slxjl')).toEqual([['slxjl', 'target', 2020, '18400', '预期性'], ['slxjl', 'actual', 2020, '19100', '预期性']]);
    expect(get('gygtfwlyczl')).toEqual([['gygtfwlyczl', 'target', 2020, '≥70', '约束性'], ['gygtfwlyczl', 'actual', 2020, '93.88(尾矿除外)', '约束性']]);
    expect(list.find((o) => o.indicator === 'swldfsjll' && o.kind === 'target')).toMatchObject({ number: 43.6, upper: 89.9, unit: '纳戈瑞/小时', attribute: '预期性', attributeFrom: 'row' });
    expect(list.find((o) => o.indicator === 'jzsyyssydszdbl' && o.kind === 'target')).toMatchObject({ number: 100, note: '扣除本底值和汛期影响' });
  });
  it('marks each value as the 十三五 period’s, read in the 十四五 plan', () => {
    expect(new Set(list.map((o) => o.period))).toEqual(new Set(['十三五']));
    expect(corpus.plans.find((p) => p.id === CITY_14)!.tables[0]).toEqual({ anchor: 't-90', caption: '吉林市"十三五"环境保护规划指标完成情况', rows: 23, period: '十三五' });
  });
  it('tells printed attributes from those read off a cell spanning rows', () => {
    expect(list.filter((o) => o.attributeFrom === 'row').map((o) => o.source.row)).toEqual(expect.arrayContaining([3, 9, 13, 17, 22, 23]));
    expect(list.find((o) => o.source.row === 1)).toMatchObject({ attribute: '约束性', attributeFrom: 'span' });
  });
});

describe('Jilin City’s 专栏2 (002): 18 rows of 2025 targets, 约束性 spanning rows', () => {
  const list = inTable(CITY_14, 't-253');
  it('reads all 18', () => {
    expect(list.length).toBe(18);
    expect(list.every((o) => o.kind === 'target' && o.year === 2025 && o.period === '十四五' && o.attribute === '约束性')).toBe(true);
    expect(list.map((o) => [o.indicator, o.value])).toEqual([
      ['xklwpm25njnd', '≤30'],
      ['kqzlyltsbl', '≥90'],
      ['zwrts', '≤5'],
      ['dbsgkdmylstbl', '≥89.5'],
      ['dbsllstbl', '0'],
      ['dxsgkdwlsbl', '33.3'],
      ['ncshwszll', '25'],
      ['swrgdaqlyl', '≥95'],
      ['zdjsydaqly', '有效保障'],
      ['dyhwzdgcjpl', '8040'],
      ['hfxyjwzdgcjpl', '5500'],
      ['hxxylzdgcjpl', '10306'],
      ['adzdgcjpl', '305'],
      ['slfgl', '56'],
      ['sthjzkzsei', '达到省里要求'],
      ['stbhhxmjzgtmjbl', '不降低'],
      ['dwdqsczzeyhtpfjdbl', '完成省下达指标'],
      ['dwdqsczznyxhjdl', '完成省下达目标'],
    ]);
  });
  it('pins PM2.5: ≤30 μg/m³ 约束性 for 2025, printed on its row', () => {
    expect(list[0]).toMatchObject({ number: 30, comparator: '≤', unit: '微克/立方米', attribute: '约束性', attributeFrom: 'row', source: { anchor: 't-253', row: 2, line: 255 } });
  });
  it('reads the caption from the garbled first row', () => {
    expect(corpus.plans.find((p) => p.id === CITY_14)!.tables[1]).toMatchObject({ anchor: 't-253', caption: '"十四五"时期生态环境保护主要指标', rows: 18 });
  });
});

describe('targets stated in text', () => {
  const prose = (plan: string) => corpus.observations.filter((o) => o.plan === plan && o.source.row === undefined);
  it('the 2021 air action plan (001)', () => {
    expect(prose(AIR_2021).map((o) => [o.indicator, o.kind, o.year, o.value, o.number, o.comparator ?? null, o.strive, o.source.anchor])).toEqual([
      ['kqzlyltsbl', 'target', 2021, '90%以上', 90, '≥', true, 'p-290'],
      ['xklwpm25njnd', 'target', 2021, '32微克/立方米以下', 32, '≤', false, 'p-290'],
      ['zwrtsbl', 'target', 2021, '1%左右', 1, '≈', false, 'p-290'],
    ]);
  });
  it('the 2021 soil action plan (001), and none in the water plan, whose goals are words', () => {
    expect(prose(SOIL_2021).map((o) => [o.indicator, o.year, o.value])).toEqual([
      ['swrgdaqlyl', 2021, '90%以上'],
      ['wrdkaqlyl', 2021, '90%以上'],
      ['cqfwzyhlyl', 2021, '80%以上'],
    ]);
    expect(prose(WATER_2021)).toEqual([]);
  });
  it('美丽江城’s first stage (003): 2027 targets', () => {
    expect(prose(JIANGCHENG).filter((o) => o.period === '第一阶段').map((o) => [o.indicator, o.year, o.value, o.source.anchor])).toEqual([
      ['kqzlyltsbl', 2027, '90%以上', 'p-86'],
      ['xklwpm25njnd', 2027, '30微克/立方米以下', 'p-86'],
      ['zwrtsbl', 2027, '1.2%以内', 'p-86'],
      ['dbsgkdmylstbl', 2027, '94.7%', 'p-86'],
      ['swrgdaqlyl', 2027, '95%以上', 'p-86'],
      ['dxhtqbhmj', 2027, '437万亩', 'p-86'],
      ['slfgl', 2027, '53%', 'p-86'],
    ]);
    expect(prose(JIANGCHENG).filter((o) => o.year === 2035).map((o) => [o.indicator, o.value])).toEqual(
      expect.arrayContaining([['xklwpm25njnd', '28微克/立方米以下'], ['gdbyl', '1354.66万亩']]),
    );
  });
  it('Jilin City’s 十三五 outcomes (002): 截至2020年底 … 达到81.4%', () => {
    expect(prose(CITY_14).filter((o) => o.source.anchor === 'p-86').map((o) => [o.indicator, o.kind, o.year, o.value])).toEqual([
      ['kqzlyltsbl', 'actual', 2020, '81.4%'],
      ['xklwpm25njnd', 'actual', 2020, '41微克/立方米'],
      ['zwrts', 'actual', 2020, '14天'],
      ['dbsgkdmylstbl', 'actual', 2020, '90.9%'],
      ['dbsgskdmylstbl', 'actual', 2020, '83.3%'],
      ['jzsyyssydszdbl', 'actual', 2020, '100%'],
      ['wrdkaqlyl', 'actual', 2020, '100%'],
      ['swrgdaqlyl', 'actual', 2020, '99.89%'],
    ]);
  });
  it('the province’s 十二五 outcomes and 2020 goals in text (000)', () => {
    expect(prose(PROVINCE_13).filter((o) => o.kind === 'actual').map((o) => [o.indicator, o.year, o.value, o.period ?? null])).toEqual([
      ['cswscll', 2015, '88%', null],
      ['csshljwhhcll', 2015, '80%', '十二五'],
    ]);
    expect(prose(PROVINCE_13).find((o) => o.indicator === 'slfgl')).toMatchObject({ kind: 'target', year: 2020, value: '45%', region: '吉林省' });
  });
});

describe('空气质量优良天数比例 across plans and regions', () => {
  const list = corpus.observations.filter((o) => o.indicator === 'kqzlyltsbl');
  const has = (m: Partial<Observation>) => expect(list.some((o) => Object.entries(m).every(([k, v]) => (o as Record<string, unknown>)[k] === v)), JSON.stringify(m)).toBe(true);
  it('brings together the province’s 十三五 target, Jilin City’s 2020 actual and 十四五 target, the 2021 action plan and 美丽江城 stage 1', () => {
    has({ plan: PROVINCE_13, kind: 'target', year: 2020, number: 80, comparator: '≥', region: '吉林省', period: '十三五' });
    has({ plan: CITY_14, kind: 'actual', year: 2020, number: 81.4, region: '吉林市' });
    has({ plan: CITY_14, kind: 'target', year: 2025, number: 90, comparator: '≥', region: '吉林市' });
    has({ plan: AIR_2021, kind: 'target', year: 2021, number: 90, region: '吉林省', strive: true });
    has({ plan: JIANGCHENG, kind: 'target', year: 2027, number: 90, region: '吉林市', period: '第一阶段' });
    expect(list.length).toBe(8);
  });
});

describe('another gazette’s indicator table (tests/fixtures/general/plan-indicator-table.txt)', () => {
  const c = ingestCorpus([{ name: 'plan-indicator-table.txt', bytes: readFileSync(join(ROOT, 'tests', 'fixtures', 'general', 'plan-indicator-table.txt')) }], readRegistry(CONTENT));
  it('reads 指标名称/单位/基期值/目标值/指标属性 without being told its columns', () => {
    expect(c.plans.map((p) => [p.id, p.level, p.region, p.period])).toEqual([['mmsjnjpswwgh', 'city', '某某市', { label: '十五五', start: 2026, end: 2030 }]]);
    expect(c.observations.map((o) => [o.indicator, o.kind, o.year, o.value, o.unit, o.attribute, o.source.row, o.source.line])).toEqual([
      ['dwdqsczznyxhjdl', 'target', 2030, '13.5', '%', '约束性', 1, 10],
      ['hxxylzdgcjpl', 'target', 2030, '0.8', '万吨', '约束性', 2, 11],
      ['xklwpm25njnd', 'baseline', 2025, '35', '微克/立方米', '约束性', 3, 12],
      ['xklwpm25njnd', 'target', 2030, '≤30', '微克/立方米', '约束性', 3, 12],
    ]);
    expect(c.diagnostics).toEqual([]);
  });
});
