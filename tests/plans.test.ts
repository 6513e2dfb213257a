/** Plans on the real seeds (level, place, period, stages, the plans they name) and the built plan and indicator pages. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, seedCorpus } from './support/corpus.ts';

const corpus = seedCorpus();
const plan = (id: string) => corpus.plans.find((p) => p.id === id)!;
const PROVINCE_13 = 'jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh';
const CITY_14 = 'jlssthjbhsswgh';
const JIANGCHENG = 'jilinshi-renmin-zhengfu-gongbao-2024-11-12-mljcjsgh20242035';

describe('plans', () => {
  it('finds every plan or programme of the corpus, with kind, level, place and period', () => {
    expect(corpus.plans.map((p) => [p.title, p.kind, p.level ?? null, p.region ?? null, p.period?.label ?? null, p.periodFrom ?? null])).toEqual([
      ['吉林省环境保护“十三五”规划', '规划', 'province', '吉林省', '十三五', 'title'],
      ['加快构建吉林产业发展新格局实施方案', '方案', 'province', '吉林省', null, null],
      ['吉林省空气质量巩固提升行动方案', '方案', 'province', '吉林省', '2021年', 'targets'],
      ['吉林省水环境质量巩固提升行动方案', '方案', 'province', '吉林省', null, null],
      ['吉林省土壤环境质量巩固提升行动方案', '方案', 'province', '吉林省', '2021年', 'targets'],
      ['中共吉林省委办公厅 吉林省人民政府办公厅关于激发人才活力支持人才服务乡村振兴的政策措施', '政策措施', 'province', '吉林省', null, null],
      ['关于加强低收入人口动态监测做好分层分类社会救助工作具体帮扶措施', '措施', 'city', '吉林市', null, null],
      ['美丽江城建设规划(2024—2035年)', '规划', 'city', '吉林市', '2024—2035年', 'title'],
      ['吉林市生态环境保护"十四五"规划', '规划', 'city', '吉林市', '十四五', 'title'],
    ]);
    expect(plan(PROVINCE_13)).toMatchObject({ issuedBy: 'jzbf-2017-7', date: '2017-01-20', period: { start: 2016, end: 2020 } });
    expect(plan(CITY_14).period).toEqual({ label: '十四五', start: 2021, end: 2025 });
  });
  it('reads 美丽江城’s three stages with their years and passages', () => {
    expect(plan(JIANGCHENG).stages).toEqual([
      { label: '第一阶段', start: 2024, end: 2027, anchor: 'p-86' },
      { label: '第二阶段', start: 2028, end: 2030, anchor: 'p-90' },
      { label: '第三阶段', start: 2031, end: 2035, anchor: 'p-92' },
    ]);
  });
  it('keeps each plan’s top-level parts with their anchors', () => {
    expect(plan(PROVINCE_13).structure.map((s) => s.anchor)).toEqual(['chapter-1', 'chapter-2', 'chapter-3', 'chapter-4', 'chapter-5', 'chapter-6']);
    expect(plan(JIANGCHENG).structure[0]).toEqual({ anchor: 'part-1', label: '一、', title: '建设目标' });
  });
  it('places the plans each names above it, in the corpus or not', () => {
    const upstream = (id: string) => plan(id).names.filter((n) => n.relation === 'upstream').map((n) => [n.title, n.level, n.reference ?? n.plan]);
    expect(upstream(CITY_14)).toEqual([['吉林省生态环境保护"十四五"规划', 'province', 't-jlssthjbhsswgh']]);
    expect(upstream(JIANGCHENG)).toEqual([['美丽吉林建设规划纲要(2024—2035年)', 'province', 'jf-2024-9']]);
    expect(upstream(PROVINCE_13)).toEqual([
      ['“十三五”生态环境保护规划', 'national', 't-sswsthjbhgh'],
      ['水质较好湖泊生态环境保护总体规划（2013—2020年）', 'national', 't-szjhhbsthjbhztgh20132020'],
    ]);
    expect(plan(CITY_14).names.find((n) => n.title === '吉林市国民经济和社会发展第十四个五年规划纲要')).toMatchObject({ relation: 'peer', level: 'city' });
  });
  it('lists the indicator tables it read', () => {
    expect(plan(PROVINCE_13).tables).toEqual([{ anchor: 't-365', caption: '“十三五”时期环境保护主要指标', rows: 12, period: '十三五' }]);
    expect(plan(CITY_14).tables.map((t) => [t.anchor, t.rows])).toEqual([['t-90', 23], ['t-253', 18]]);
  });
});

describe('built pages', () => {
  const page = (path: string): string => {
    const file = join(DIST, path, 'index.html');
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
    return readFileSync(file, 'utf8');
  };
  const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const idsOn = (path: string) => new Set([...page(path).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));

  it('has a page for every plan and every registry indicator, and 规划 and 指标 in the nav', () => {
    expect(readdirSync(join(DIST, 'plans')).filter((f) => f !== 'index.html').sort()).toEqual(corpus.plans.map((p) => p.id).sort());
    expect(readdirSync(join(DIST, 'indicators')).filter((f) => f !== 'index.html').length).toBe(82);
    const home = page('');
    expect(home).toMatch(/<a href="\/plans\/"[^>]*>规划<\/a>/);
    expect(home).toMatch(/<a href="\/indicators\/"[^>]*>指标<\/a>/);
  });

  it('/plans/: a timeline with a title and description, the list, and the cascade province → city', () => {
    const html = main(page('plans'));
    expect(html).toContain('<title id="timeline-title">规划期时间线</title>');
    expect(html).toMatch(/<desc id="timeline-desc"[^>]*>[^<]*美丽江城建设规划\(2024—2035年\)：2024—2035年，分第一阶段（2024—2027年）、第二阶段（2028—2030年）、第三阶段（2031—2035年）/);
    for (const p of corpus.plans) expect(html).toContain(`href="/plans/${p.id}/"`);
    expect(html).toContain('href="/references/#t-jlssthjbhsswgh"');
    expect(html.indexOf('《吉林省生态环境保护&quot;十四五&quot;规划》')).toBeLessThan(html.indexOf(`href="/plans/${CITY_14}/"`, html.indexOf('id="cascade"')));
    expect(html).not.toContain('<script');
  });

  it('a plan page: indicator tables linked to indicators and rows, stages, outline, departments, citing documents', () => {
    const html = main(page(`plans/${CITY_14}`));
    expect(html).toContain('href="/indicators/kqzlyltsbl/"');
    expect(html).toContain(`href="/documents/${CITY_14}/#t-90"`);
    expect(html).toContain(`href="/documents/${CITY_14}/#t-253"`);
    expect(html).toContain('吉林市&quot;十三五&quot;环境保护规划指标完成情况');
    expect(html).toMatch(/href="\/departments\/[a-z0-9-]+\/"/);
    expect(html).toContain(`href="/documents/${CITY_14}/#chapter-1"`);
    const jc = main(page(`plans/${JIANGCHENG}`));
    expect(jc).toContain(`href="/documents/${JIANGCHENG}/#p-86"`);
    expect(jc).toContain('href="/documents/jilinshi-renmin-zhengfu-gongbao-2024-11-12-zgjlswjlsrmzfgyy/"');
    expect(jc).toContain('href="/references/#jf-2024-9"');
  });

  it('the 空气质量优良天数比例 page: every value with its source, a chart with title, description and data table', () => {
    const html = main(page('indicators/kqzlyltsbl'));
    for (const v of ['73.7%', '≥80%', '81.4%', '≥90%', '90%以上']) expect(html).toContain(v);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-kqzlyltsbl-title chart-kqzlyltsbl-desc"/);
    expect(html).toContain('<title id="chart-kqzlyltsbl-title">空气质量优良天数比例（%）历年数值</title>');
    expect(html).toMatch(/<desc id="chart-kqzlyltsbl-desc"[^>]*>7 个数值，2015—2027年，吉林省、吉林市。/);
    expect(html).toMatch(/<summary[^>]*>图中数值<\/summary>/);
    expect(html).not.toContain('<script');
    // Every source link points at an element that exists on the document page.
    const links = [...html.matchAll(/href="\/documents\/([^/]+)\/#([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(links.length).toBe(8);
    for (const [doc, anchor] of links) expect(idsOn(`documents/${doc}`).has(anchor), `${doc}#${anchor}`).toBe(true);
  });

  it('/indicators/: every indicator under its category', () => {
    const html = main(page('indicators'));
    expect((html.match(/href="\/indicators\/[a-z0-9-]+\/"/g) ?? []).length).toBe(82);
    for (const c of ['大气环境', '水环境', '土壤环境', '生态', '能源与气候']) expect(html).toContain(`>${c}</h2>`);
  });
});
