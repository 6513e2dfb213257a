import { describe, expect, it } from 'vitest';
import {
  continuesAcrossBreak,
  foldFullWidthDigits,
  joinLetterSpacedCjk,
  normaliseLines,
  removeOcrSpaces,
  stripGluedPageNumber,
  stripMarkdownBold,
  stripMarkdownHeading,
  stripMarkdownListMark,
  trimIndentAndTrailingSpace,
  unwrapSubscriptMarkup,
} from '../../scripts/ingest/normalise.ts';
import type { NormLine } from '../../scripts/ingest/types.ts';

const src = (...lines: string[]) => ({ file: 't.txt', encoding: 'utf-8' as const, lines });
const line = (text: string): NormLine => ({ text, span: { file: 't.txt', start: 1, end: 1 } });

describe('per-line rules', () => {
  it('folds full-width digits in numbers and dates', () => {
    expect(foldFullWidthDigits('吉政办发〔２０１６〕５６号')).toBe('吉政办发〔2016〕56号');
    expect(foldFullWidthDigits('２０１６年７月１５日')).toBe('2016年7月15日');
  });
  it('removes U+3000 indents and trailing (Markdown hard-break) spaces, keeps tabs', () => {
    expect(trimIndentAndTrailingSpace('\u3000\u3000为深入贯彻  ')).toBe('为深入贯彻');
    expect(trimIndentAndTrailingSpace('\t\t规划指标\t')).toBe('\t\t规划指标\t');
  });
  it('removes Markdown marks and keeps the heading level as a hint', () => {
    expect(stripMarkdownHeading('## 关于激发人才活力')).toEqual({ text: '关于激发人才活力', level: 2 });
    expect(stripMarkdownHeading('#没有空格')).toEqual({ text: '#没有空格' });
    expect(stripMarkdownBold('**2021**')).toBe('2021');
    expect(stripMarkdownListMark('- (一) 具有中华人民共和国国籍；')).toBe('(一) 具有中华人民共和国国籍；');
    expect(stripMarkdownListMark('——在水环境方面')).toBe('——在水环境方面');
  });
  it('unwraps subscript markup', () => {
    expect(unwrapSubscriptMarkup('细颗粒物(PM _{2.5})年均浓度')).toBe('细颗粒物(PM2.5)年均浓度');
    expect(unwrapSubscriptMarkup('（PM<sub>2.5</sub>）')).toBe('（PM2.5）');
    expect(unwrapSubscriptMarkup('(55μg/m ³)')).toBe('(55μg/m³)');
  });
  it('joins letter-spaced words but not names or phrases', () => {
    expect(joinLetterSpacedCjk('第一章 总 则')).toBe('第一章 总则');
    expect(joinLetterSpacedCjk('省 长 刘国中')).toBe('省长 刘国中');
    expect(joinLetterSpacedCjk('副主任:邹宗刚 姜春超')).toBe('副主任:邹宗刚 姜春超');
    expect(joinLetterSpacedCjk('第一章 把握环境形势 确立保护目标')).toBe('第一章 把握环境形势 确立保护目标');
  });
  it('removes OCR spaces inside running text only', () => {
    expect(removeOcrSpaces('由市生态环 境局牵头，各开发区 管委会参与。')).toBe('由市生态环境局牵头，各开发区管委会参与。');
    expect(removeOcrSpaces('已经 2017 年 2 月 17 日省政府第 1 次常务会议审议通过，')).toBe('已经2017年2月17日省政府第1次常务会议审议通过，');
    expect(removeOcrSpaces('第一条 为了规范公安机关 警务辅助人员管理，')).toBe('第一条 为了规范公安机关警务辅助人员管理，');
    expect(removeOcrSpaces('第四节 健全调度机制 严格考核评价')).toBe('第四节 健全调度机制 严格考核评价');
    expect(removeOcrSpaces('1\t达到省要求 达到省要求')).toBe('1\t达到省要求 达到省要求');
  });
  it('removes page numbers glued to a line end', () => {
    expect(stripGluedPageNumber('减少养殖业氨-40-')).toBe('减少养殖业氨');
    expect(stripGluedPageNumber('电话:0431-88906800')).toBe('电话:0431-88906800');
  });
  it('every per-line rule is idempotent on the seeds’ shapes', () => {
    const samples = ['第 8 期 (复总第 748 期)', '\u3000\u3000（一）以改善环境质量为核心，着力', '# 目录', 'PM _{2.5}', '总 则'];
    for (const rule of [foldFullWidthDigits, joinLetterSpacedCjk, removeOcrSpaces, stripMarkdownBold, stripMarkdownListMark, unwrapSubscriptMarkup, trimIndentAndTrailingSpace])
      for (const s of samples) expect(rule(rule(s))).toBe(rule(s));
  });
});

describe('normaliseLines', () => {
  it('drops blank and page-number lines and rejoins a sentence split by a page break', () => {
    const out = normaliseLines(src('环境保护工作取得明显成效，但与人民群众对良好生态环境预', '', '- 24 -', '', '期相比，还存在一定差距。'));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBe('环境保护工作取得明显成效，但与人民群众对良好生态环境预期相比，还存在一定差距。');
    expect(out[0]!.span).toEqual({ file: 't.txt', start: 1, end: 5 });
  });
  it('rejoins a sentence whose second half starts with a year', () => {
    const out = normaliseLines(src('坚持最严格的耕地保护制度，到', '', '2035年，全市耕地保有量不低于1354.66万亩。'));
    expect(out.map((l) => l.text)).toEqual(['坚持最严格的耕地保护制度，到2035年，全市耕地保有量不低于1354.66万亩。']);
  });
  it('rejoins an article split after its first words', () => {
    const out = normaliseLines(src('第二十一条 辅警使用单位应当定期', '', '组织辅警参加健康检查，并建立辅警健康档案。'));
    expect(out.map((l) => l.text)).toEqual(['第二十一条 辅警使用单位应当定期组织辅警参加健康检查，并建立辅警健康档案。']);
  });
  it('does not join a heading, a title or a finished sentence with what follows', () => {
    expect(continuesAcrossBreak(line('第一节 发展基础'), line('“十二五”时期，全省环保系统深入贯彻落实，'), true)).toBe(false);
    expect(continuesAcrossBreak(line('一、环境指标基本实现,环境质量持续改善'), line('截至2020年底,基本完成各项指标。'), true)).toBe(false);
    expect(continuesAcrossBreak(line('美丽江城建设规划(2024—2035年)'), line('为全面贯彻落实意见,结合实际。'), true)).toBe(false);
    expect(continuesAcrossBreak(line('坚持空间管控，构建立体监管格局。'), line('牢固树立大生态的理念，'), true)).toBe(false);
    expect(continuesAcrossBreak(line('吉林省人民政府办公厅发〔2016〕1056号'), line('各市（州）人民政府，省政府各厅委办：'), true)).toBe(false);
    expect(continuesAcrossBreak(line('加强煤烟型污染治理。全面启动燃煤'), line('（一）发电机组超低排放改造工程。'), true)).toBe(false);
  });
  it('keeps tab-separated rows as cells', () => {
    const out = normaliseLines(src('序号\t指 标\t2015 年', '1\t空气质量优良天数比例(%)\t73.7'));
    expect(out[0]!.cells).toEqual(['序号', '指标', '2015 年']);
  });
});
