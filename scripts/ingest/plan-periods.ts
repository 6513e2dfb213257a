/**
 * Plan periods: five-year plan names (十三五 → 2016–2020), year ranges written into titles
 * ((2024—2035年), 2020-2025年) and stages (第一阶段(2024—2027年)).
 */
import type { Period } from '../../src/schemas/plan.ts';
import { parseCnNumber } from './cn-numerals.ts';

/** 十三五, “十四五”, "十五五": the Nth five-year plan. */
export const FIVE_YEAR = /十([一二三四五六七八九])五/;

/**
 * Years of the Nth five-year plan: the first ran 1953–1957, the second 1958–1962; after the
 * 1963–1965 adjustment the third began in 1966, and every later one follows on (十三五 =
 * 2016–2020, 十四五 = 2021–2025).
 */
export function fiveYearPlan(n: number): { start: number; end: number } | undefined {
  if (n < 1 || n > 99) return undefined;
  const start = n === 1 ? 1953 : n === 2 ? 1958 : 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

/** The five-year period named in a text (十三五), if any. */
export function fiveYearPeriod(text: string): Period | undefined {
  const m = FIVE_YEAR.exec(text);
  if (!m) return undefined;
  const n = 10 + parseCnNumber(m[1]!)!;
  const years = fiveYearPlan(n);
  return years ? { label: `十${m[1]}五`, ...years } : undefined;
}

const DASH = '[—–\\-－~～至到]+';
/** A year range: 2024—2035年, 2021~2025年, 2020-2025年, 2028—2030 年. */
export const YEAR_RANGE = new RegExp(`((?:19|20)\\d{2})\\s*(?:年\\s*)?${DASH}\\s*((?:19|20)\\d{2})\\s*年?`);

export function yearRange(text: string): Period | undefined {
  const m = YEAR_RANGE.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start) return undefined;
  return { label: `${start}—${end}年`, start, end };
}

/** A plan's period from its title: a five-year period, else a year range in brackets. */
export function periodOfTitle(title: string): Period | undefined {
  const five = fiveYearPeriod(title);
  if (five) return five;
  const bracket = /[（(]([^（）()]*)[)）]\s*$/.exec(title);
  return bracket ? yearRange(bracket[1]!) : undefined;
}

/** 第一阶段(2024—2027年) at the start of a passage. */
const STAGE = new RegExp(`^第([一二三四五六七八九十]+)阶段\\s*[（(]\\s*((?:19|20)\\d{2})\\s*(?:年\\s*)?${DASH}\\s*((?:19|20)\\d{2})\\s*年?\\s*[)）]`);

export function stageOf(text: string): Period | undefined {
  const m = STAGE.exec(text);
  if (!m) return undefined;
  return { label: `第${m[1]}阶段`, start: Number(m[2]), end: Number(m[3]) };
}
