/**
 * Values as written → number, comparator and unit: ≥80, ≤ 7, 73.7, 43.6-89.9,
 * 100(扣除本底值和汛期影响), (55μg/m³), 90%以上, 1%左右, 基本消除. The written form is always kept.
 */
import { foldName, foldUnit, isUnit } from './indicator-names.ts';

export type Comparator = '≥' | '≤' | '>' | '<' | '≈';

export interface ParsedValue {
  /** As written, spaces dropped. */
  value: string;
  number?: number;
  upper?: number;
  comparator?: Comparator;
  unit?: string;
  /** A bracket after the value that qualifies it: 扣除本底值和汛期影响, 尾矿除外. */
  note?: string;
  /** The whole value stood in brackets ((55μg/m³)): a table footnote says what such values are. */
  bracketed?: boolean;
}

const SYMBOL: Record<string, Comparator> = { '≥': '≥', '≧': '≥', '≤': '≤', '≦': '≤', '>': '>', '＞': '>', '<': '<', '＜': '<' };
/** Words after a number: 以上 → ≥, 以下/以内 → ≤, 左右 → ≈. */
export const SUFFIX_WORD: Record<string, Comparator> = { 以上: '≥', 及以上: '≥', 以下: '≤', 及以下: '≤', 以内: '≤', 左右: '≈' };
/** Words before a number: 不低于 → ≥, 不高于/不超过 → ≤. */
export const PREFIX_WORD: Record<string, Comparator> = { 不低于: '≥', 不少于: '≥', 高于: '>', 超过: '>', 大于: '>', 不高于: '≤', 不超过: '≤', 不大于: '≤', 低于: '<', 小于: '<' };

const NUM = '(\\d+(?:\\.\\d+)?)';
const EMPTY = /^(?:[—–\-－/／]+|无|暂无)?$/;
// Built once: parseValue runs for every table cell and every statement.
const BRACKETED = new RegExp(`^\\(${NUM}([^()]*)\\)$`);
const RANGE = new RegExp(`^${NUM}[-—–~～至]${NUM}(.*)$`);
const PREFIX_WORDS = Object.keys(PREFIX_WORD).join('|');
const SUFFIX_WORDS = Object.keys(SUFFIX_WORD).sort((a, b) => b.length - a.length).join('|');
const COMPARED = new RegExp(`^(?:([≥≧≤≦>＞<＜])|(${PREFIX_WORDS}))?${NUM}(.*?)(${SUFFIX_WORDS})?$`);

/** Parse one table cell or one value phrase; undefined for an empty cell or a dash. */
export function parseValue(text: string): ParsedValue | undefined {
  const value = foldName(text);
  if (EMPTY.test(value)) return undefined;
  const out: ParsedValue = { value };
  // (55μg/m³): a bracketed value with its own unit.
  const bracket = BRACKETED.exec(value);
  if (bracket && (bracket[2] === '' || isUnit(bracket[2]!))) {
    out.number = Number(bracket[1]);
    if (bracket[2]) out.unit = foldUnit(bracket[2]);
    out.bracketed = true;
    return out;
  }
  // A trailing bracket that is not a unit qualifies the value.
  let rest = value;
  const note = /^(.+?)\(([^()]+)\)$/.exec(rest);
  if (note && !isUnit(note[2]!)) {
    rest = note[1]!;
    out.note = note[2]!;
  }
  const range = RANGE.exec(rest);
  if (range && (range[3] === '' || isUnit(range[3]!))) {
    out.number = Number(range[1]);
    out.upper = Number(range[2]);
    if (range[3]) out.unit = foldUnit(range[3]);
    return out;
  }
  const m = COMPARED.exec(rest);
  if (m && (m[4] === '' || isUnit(m[4]!))) {
    out.number = Number(m[3]);
    const comparator = m[1] ? SYMBOL[m[1]] : m[2] ? PREFIX_WORD[m[2]] : m[5] ? SUFFIX_WORD[m[5]] : undefined;
    if (comparator) out.comparator = comparator;
    if (m[4]) out.unit = foldUnit(m[4]);
    return out;
  }
  return out;
}
