/**
 * Property tests for the shortcuts ingest takes for speed: each quick test in front of a pattern
 * (a first character, a character the pattern needs, a tail of the text) gives the same answer
 * as the pattern alone, on generated lines mixing the characters the patterns look for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOC_NUMBER_LINE, MARKERS, isDocNumberLine, markerOf, type MarkerName } from '../../scripts/ingest/patterns.ts';
import { foldFullWidthDigits, joinLetterSpacedCjk, removeOcrSpaces, stripGluedPageNumber, stripMarkdownBold, stripMarkdownListMark, trimIndentAndTrailingSpace, unwrapMarkdownLink, unwrapSubscriptMarkup } from '../../scripts/ingest/normalise.ts';
import { foldName, foldNameRules } from '../../scripts/ingest/indicator-names.ts';
import { parseClause } from '../../scripts/ingest/responsibilities.ts';
import { findCitations } from '../../scripts/ingest/citations.ts';

const pieces = [
  '吉', '林', '省', '政', '办', '发', '号', '號', '第', '条', '章', '一', '二', '十', '、', '，', '。', '：', ' ', '  ', '\u3000', '\u00a0', '\t',
  '1', '2', '7', '２０', '2017', '〔', '〕', '[', ']', '(', ')', '（', '）', '《', '》', '专栏', '芒栏', '𠀀', '#', '**', '- ', '* ', '+ ', '-', '-40-', '-7-',
  '_{2.5}', '<sub>', '</sub>', '<sup>', 'PM', 'pm_{2.5}', '³', 'm', '](http://a.b)', 'Ⅲ', '“', '牵头', '负责', '按职责分工负责', '参与', '配合', '省厅', '市局', '各县(市)区政府',
];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
const runs = { numRuns: 3000 };

/** markerOf without the first-character test. */
function markerOfSlow(text: string): MarkerName | undefined {
  for (const name of Object.keys(MARKERS) as MarkerName[]) if (MARKERS[name].test(text)) return name;
  return undefined;
}

const HAN = String.raw`\p{Script=Han}`;
const CJK_CLASS = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]`;

/** The per-line rules as they were before their quick tests. */
const slow: Record<string, (s: string) => string> = {
  foldFullWidthDigits: (s) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  trimIndentAndTrailingSpace: (s) => s.replace(/^[ \u3000\u00a0]+/, '').replace(/[ \u3000\u00a0]+$/, ''),
  stripGluedPageNumber: (s) => s.replace(/(?<=[\p{Script=Han}，,、])-\d{1,4}-$/u, ''),
  stripMarkdownBold: (s) => s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1'),
  stripMarkdownListMark: (s) => s.replace(/^(?:[-*+][ \u3000]+)+(?=\S)/, ''),
  unwrapMarkdownLink: (s) => s.replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, text: string, url: string) => (text === url ? text : `${text} ${url}`)),
  unwrapSubscriptMarkup: (s) =>
    s
      .replace(/\s*_\{([^{}]{1,8})\}/g, '$1')
      .replace(/<sub>([^<]{1,8})<\/sub>/g, '$1')
      .replace(/<sup>([^<]{1,8})<\/sup>/g, '$1')
      .replace(/([A-Za-z]) +([²³])/g, '$1$2'),
  joinLetterSpacedCjk: (s) => (s.includes(' ') ? s.replace(new RegExp(`(?<!${HAN})${HAN}(?: ${HAN})+(?!${HAN})`, 'gu'), (m) => m.replace(/ /g, '')) : s),
  removeOcrSpaces: (s) => {
    if (s.includes('\t') || !s.includes(' ')) return s;
    const lead = /^(第[一二三四五六七八九十百千零〇两\d]+[条章节编條節編])[ \u3000]+/.exec(s);
    const head = lead ? lead[0] : '';
    let body = s.slice(head.length).replace(new RegExp(`(\\d) +(?=${HAN})`, 'gu'), '$1').replace(new RegExp(`(${HAN}) +(?=\\d)`, 'gu'), '$1');
    if (/[，。；！？,;!?]/.test(body)) body = body.replace(new RegExp(`(${CJK_CLASS}) +(?=${CJK_CLASS})`, 'gu'), '$1');
    return head + body;
  },
};
const fast: Record<string, (s: string) => string> = { foldFullWidthDigits, trimIndentAndTrailingSpace, stripGluedPageNumber, stripMarkdownBold, stripMarkdownListMark, unwrapMarkdownLink, unwrapSubscriptMarkup, joinLetterSpacedCjk, removeOcrSpaces };

describe('quick tests in front of patterns (property-based)', () => {
  it('markerOf answers as all nine patterns do', () => {
    fc.assert(fc.property(line, (s) => markerOf(s) === markerOfSlow(s)), runs);
  });
  it('isDocNumberLine answers as DOC_NUMBER_LINE does', () => {
    fc.assert(fc.property(line, (s) => isDocNumberLine(s) === DOC_NUMBER_LINE.test(s)), runs);
    expect(isDocNumberLine('吉政办发〔2017〕7号')).toBe(true);
  });
  for (const name of Object.keys(slow)) {
    it(`${name} gives what its patterns alone give`, () => {
      fc.assert(fc.property(line, (s) => fast[name]!(s) === slow[name]!(s)), runs);
    });
  }
  it('foldName gives what its replacements alone give', () => {
    fc.assert(fc.property(line, (s) => foldName(s) === foldNameRules(s)), runs);
  });
  it('parseClause reads a role word from the tail as the anchored patterns did', () => {
    expect(parseClause('省生态环境厅牵头负责，省公安厅、省林草局参与').actors.map((a) => `${a.name}:${a.role}`)).toEqual(['省生态环境厅:lead', '省公安厅:participant', '省林草局:participant']);
    expect(parseClause('市发改委、各县(市)区政府按职责分工负责').actors.map((a) => `${a.name}:${a.role}`)).toEqual(['市发改委:responsible', '各县（市）区政府:responsible']);
  });
  it('findCitations finds nothing in a text without 号, 號 or 《', () => {
    fc.assert(fc.property(line, (s) => (/[号號《]/.test(s) ? true : findCitations(s).length === 0)), runs);
  });
});
