/**
 * normalise: decoded lines → logical lines with source artefacts removed.
 *
 * Guarantees to later stages:
 * - no blank lines; every NormLine has non-empty text and the span of all source
 *   lines it came from (a rejoined paragraph spans the page break between its halves);
 * - no leading/trailing spaces or U+3000 indents; no Markdown heading/bold/list marks
 *   (a heading mark survives only as the `mdHeading` hint);
 * - digits are half-width; subscript markup (PM _{2.5}, PM<sub>2.5</sub>) is plain text;
 * - no page-number lines (- 24 -);
 * - spaces an OCR or PDF extraction put inside running Chinese text are gone, spaces
 *   that separate phrases in headings and names are kept;
 * - tab-separated lines carry their `cells`.
 * No rule changes a character of wording: each only removes or folds an artefact.
 */
import type { DecodedSource, NormLine } from './types.ts';
import { DATE_LINE, isDocNumberLine, PAGE_NUMBER_LINE, SENTENCE_PUNCT, TERMINAL_END, TITLE_END, markerOf } from './patterns.ts';

// ---------- per-line rules (string → string), each pure and idempotent ----------

/** Full-width digits ０-９ → 0-9. */
const FULLWIDTH_DIGIT = /[０-９]/;
const FULLWIDTH_DIGITS = /[０-９]/g;
export function foldFullWidthDigits(s: string): string {
  return FULLWIDTH_DIGIT.test(s) ? s.replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : s;
}

/** Leading indents (spaces, U+3000, NBSP) and trailing spaces (incl. Markdown's hard-break double space). Tabs are kept: they delimit table cells. */
const isPad = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;
export function trimIndentAndTrailingSpace(s: string): string {
  // Most lines have neither: look at the two ends before running the regexes.
  if (s === '' || (!isPad(s.charCodeAt(0)) && !isPad(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(/^[ \u3000\u00a0]+/, '').replace(/[ \u3000\u00a0]+$/, '');
}

/** Markdown heading mark `## ` → removed; returns the level as a hint. */
export function stripMarkdownHeading(s: string): { text: string; level?: number } {
  const m = s.charCodeAt(0) === 0x23 /* # */ ? /^(#{1,6})[ \u3000]+(?=\S)/.exec(s) : null;
  return m ? { text: s.slice(m[0].length), level: m[1]!.length } : { text: s };
}

/** Markdown bold `**2021**` → 2021 (only paired marks). */
export function stripMarkdownBold(s: string): string {
  if (!s.includes('**')) return s;
  return s.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1');
}

/** Markdown list mark at line start (`- (一) …`, `- 主任:于亮`) → removed. */
export function stripMarkdownListMark(s: string): string {
  const c = s.charCodeAt(0);
  if (c !== 0x2d /* - */ && c !== 0x2a /* * */ && c !== 0x2b /* + */) return s;
  return s.replace(/^(?:[-*+][ \u3000]+)+(?=\S)/, '');
}

/** Markdown link `[text](url)` → `text（url）`? No: keep the visible text and the address, as the source shows both. */
export function unwrapMarkdownLink(s: string): string {
  if (!s.includes('](')) return s;
  return s.replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, text: string, url: string) => (text === url ? text : `${text} ${url}`));
}

/** Subscript/superscript markup → plain characters: `PM _{2.5}`, `PM<sub>2.5</sub>` → PM2.5; `m ³` → m³. */
export function unwrapSubscriptMarkup(s: string): string {
  // Each pattern needs one of these: skip the four regexes on the (usual) line that has none.
  if (!s.includes('_{') && !s.includes('<su') && !(s.includes(' ') && (s.includes('²') || s.includes('³')))) return s;
  return s
    .replace(/\s*_\{([^{}]{1,8})\}/g, '$1')
    .replace(/<sub>([^<]{1,8})<\/sub>/g, '$1')
    .replace(/<sup>([^<]{1,8})<\/sup>/g, '$1')
    .replace(/([A-Za-z]) +([²³])/g, '$1$2');
}

const HAN = String.raw`\p{Script=Han}`;
/** Letter-spaced words: runs of single ideographs separated by one space (总 则, 省 长, 目 录) → joined. */
const LETTER_SPACED = new RegExp(`(?<!${HAN})${HAN}(?: ${HAN})+(?!${HAN})`, 'gu');
const HAN_CHAR = new RegExp(`^${HAN}$`, 'u');
/** A code unit that may belong to an ideograph: one, or half of a surrogate pair (astral ideographs). */
const mayBeHan = (c: string | undefined): boolean => c !== undefined && (/[\ud800-\udfff]/.test(c) || HAN_CHAR.test(c));
const mayBeOther = (c: string | undefined): boolean => c === undefined || /[\ud800-\udfff]/.test(c) || !HAN_CHAR.test(c);
export function joinLetterSpacedCjk(s: string): string {
  // A run starts at a space with an ideograph on each side and none before the first: look at the
  // spaces only (OCR spaces inside words, 绿 美江城, fail this at once) before running the pattern over the line.
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
    if (mayBeHan(s[i - 1]) && mayBeHan(s[i + 1]) && mayBeOther(s[i - 2])) return s.replace(LETTER_SPACED, (m) => m.replace(/ /g, ''));
  }
  return s;
}

/** Provision number at line start whose following space is a real separator (第一条 为了…). */
const LEADING_NUMBER = /^(第[一二三四五六七八九十百千零〇两\d]+[条章节编條節編])[ \u3000]+/;
/** Ideographs and CJK punctuation: the characters between which running text never has spaces. */
const CJK_CLASS = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]`;

/**
 * OCR/PDF spaces inside running text (市生态环 境局, 2017 年 2 月): removed between two CJK
 * characters and between a digit and an ideograph. Applied only to prose lines (lines with
 * sentence punctuation) and to digit–ideograph pairs anywhere; spaces in headings and
 * name lists (第一章 把握环境形势 确立保护目标, 邹宗刚 姜春超) separate phrases and stay.
 */
const DIGIT_SPACE_HAN = new RegExp(`(\\d) +(?=${HAN})`, 'gu');
const HAN_SPACE_DIGIT = new RegExp(`(${HAN}) +(?=\\d)`, 'gu');
const CJK_SPACE_CJK = new RegExp(`(${CJK_CLASS}) +(?=${CJK_CLASS})`, 'gu');
const DIGIT_THEN_SPACE = /\d /;
const SPACE_THEN_DIGIT = / \d/;

export function removeOcrSpaces(s: string): string {
  if (s.includes('\t') || !s.includes(' ')) return s; // table rows: spaces inside cells may separate values
  const lead = LEADING_NUMBER.exec(s);
  const head = lead ? lead[0] : '';
  let body = s.slice(head.length);
  // Each pattern needs a digit beside a space: look for that pair before running it over a long line.
  if (DIGIT_THEN_SPACE.test(body)) body = body.replace(DIGIT_SPACE_HAN, '$1');
  if (SPACE_THEN_DIGIT.test(body)) body = body.replace(HAN_SPACE_DIGIT, '$1');
  if (SENTENCE_PUNCT.test(body)) {
    body = body.replace(CJK_SPACE_CJK, '$1');
  }
  return head + body;
}

/** A page number glued to the end of a line by PDF extraction (…减少养殖业氨-40-). */
export function stripGluedPageNumber(s: string): string {
  if (!s.endsWith('-')) return s;
  return s.replace(/(?<=[\p{Script=Han}，,、])-\d{1,4}-$/u, '');
}

/**
 * The rules repeated until nothing changes. The digits are folded once before them: none of these
 * brings a full-width digit back (each only deletes characters or folds them), so folding again in
 * every round only scanned each line once more.
 */
const REPEATED_RULES: ReadonlyArray<(s: string) => string> = [
  trimIndentAndTrailingSpace, // first, so marks at the start of an indented line are seen (and the chain is idempotent)
  stripGluedPageNumber,
  stripMarkdownBold,
  stripMarkdownListMark,
  unwrapMarkdownLink,
  unwrapSubscriptMarkup,
  joinLetterSpacedCjk,
  removeOcrSpaces,
  trimIndentAndTrailingSpace,
];

/** The per-line rules in the order they run. */
export const LINE_RULES: ReadonlyArray<(s: string) => string> = [foldFullWidthDigits, ...REPEATED_RULES];

/**
 * All per-line rules, repeated until nothing changes: a rule can expose an artefact another
 * rule removes (<sub>- </sub>…), and every rule only deletes or folds, so this ends.
 */
export function normaliseLineText(s: string): string {
  return repeatRules(foldFullWidthDigits(s));
}

/** REPEATED_RULES over a line whose digits are already folded. */
function repeatRules(s: string): string {
  let text = s;
  for (let round = 0; round < 8; round++) {
    let next = text;
    for (const rule of REPEATED_RULES) next = rule(next);
    if (next === text) break;
    text = next;
  }
  return text;
}

// ---------- multi-line rules ----------

/**
 * Is this a line that reads as running prose (so a missing final stop means it continues)?
 * A numbered line with commas only is a heading (一、环境指标基本实现,环境质量持续改善);
 * it is prose once it has a full stop or runs long.
 */
function isProse(text: string): boolean {
  if (/^第[一二三四五六七八九十百千零〇两\d]+[条條]\s/.test(text)) return true;
  if (markerOf(text) !== undefined) return /[。；！？;!?]/.test(text) || text.length > 40;
  return SENTENCE_PUNCT.test(text);
}

/** A line that can only be the start of something new: a heading, 文号, date, table row, or one opening with Latin text or a symbol. */
function startsNewUnit(line: NormLine): boolean {
  return Boolean(line.cells) || markerOf(line.text) !== undefined || isDocNumberLine(line.text) || DATE_LINE.test(line.text) || !/^[\p{Script=Han}\d“"《（(]/u.test(line.text);
}

/**
 * Decide whether `b` continues `a` across a page break (`gap` = a blank or page-number
 * line lay between them). Joins when `a` is running text without a final stop, or a long
 * unnumbered line without punctuation that cannot be a title, and `b` starts no new unit.
 */
export function continuesAcrossBreak(a: NormLine, b: NormLine, gap: boolean): boolean {
  if (!gap || a.cells || startsNewUnit(b)) return false;
  // A 文号 or date line is complete however long it is (吉政办发〔2016〕1056号 + 主送 must stay apart).
  if (isDocNumberLine(a.text) || DATE_LINE.test(a.text)) return false;
  if (TERMINAL_END.test(a.text)) return false;
  if (isProse(a.text)) return true;
  // An unnumbered line without punctuation: a heading or title, unless it is long,
  // has no phrase-separating space, is not a title, and the next line is prose.
  return markerOf(a.text) === undefined && a.text.length >= 15 && !/\s/.test(a.text) && !TITLE_END.test(a.text) && isProse(b.text);
}

/** Run every rule: per-line rules, drop blank and page-number lines, rejoin page-break splits. */
export function normaliseLines(src: DecodedSource): NormLine[] {
  const out: NormLine[] = [];
  let gap = false;
  src.lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const trimmed = trimIndentAndTrailingSpace(foldFullWidthDigits(raw));
    if (PAGE_NUMBER_LINE.test(trimmed)) {
      gap = true; // checked before the Markdown list rule would read "- 24 -" as a list item
      return;
    }
    const md = stripMarkdownHeading(trimmed);
    const text = repeatRules(md.text); // folded above
    if (text.trim() === '') {
      // Blank, or tabs only (trim drops tabs too).
      gap = true;
      return;
    }
    const line: NormLine = { text, span: { file: src.file, start: lineNo, end: lineNo } };
    if (md.level !== undefined) line.mdHeading = md.level;
    if (text.includes('\t')) line.cells = text.split('\t').map((c) => c.trim());
    const prev = out[out.length - 1];
    if (prev && continuesAcrossBreak(prev, line, gap)) {
      prev.text = removeOcrSpaces(prev.text + line.text);
      prev.span = { ...prev.span, end: lineNo };
    } else {
      out.push(line);
    }
    gap = false;
  });
  return out;
}
