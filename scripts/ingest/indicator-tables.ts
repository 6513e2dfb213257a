/**
 * Indicator tables → rows of (name, unit, values by column, attribute), by rules that read the
 * header, never row or column numbers:
 *
 * - The header row is the first row with a name column (指标, 指标名称, 规划指标, 名称, 项目) and at
 *   least one value column; rows above it are a caption printed inside the table (专栏2 …).
 * - A value column is a year (2015年), a period (“十三五”) or says what it holds (基期值, 目标值,
 *   完成值). Its kind: 基期/基准/现状 → baseline, 目标 → target, 完成/实际 → actual; a period column
 *   → the period's target for its last year; a bare year before the table's period → baseline,
 *   within it → target, unless the table reviews a period that ended before the plan's own (or
 *   another column already holds that year's target): then → actual.
 * - Columns left of the name without a header hold categories or numbers (merged cells spread
 *   over lines); they are not read as indicators.
 * - A cell naming several indicators, each with its unit bracket (化学需氧量(万吨/年) 氨氮(万吨/年) …),
 *   is split; a value cell with as many space-separated values (numbers, or one phrase repeated) is
 *   split alike, else its value holds for each.
 * - 属性 (约束性/预期性): printed on the row; or spread over rows one character each (预 / 期), joined;
 *   rows without one take the nearest printed in the column (a merged cell prints its text on one
 *   of the rows it spans), marked as read from a span.
 */
import type { TableNode } from './types.ts';
import type { ObservationKind } from '../../src/schemas/indicator.ts';
import type { Period } from '../../src/schemas/plan.ts';
import { fiveYearPeriod } from './plan-periods.ts';
import { foldName, isUnit, foldUnit } from './indicator-names.ts';
import { parseValue, type ParsedValue } from './indicator-values.ts';

export type Attribute = '约束性' | '预期性';

export interface ValueColumn {
  index: number;
  header: string;
  kind: ObservationKind;
  year: number;
  /** The period the column's value belongs to, when the header or table names one. */
  period?: string;
}

export interface TableLayout {
  headerRow: number;
  nameCol: number;
  unitCol?: number;
  attrCol?: number;
  values: ValueColumn[];
  /** The caption: printed above the table, the 专栏 title, or rows above the header. */
  caption?: string;
  /** The period the table's targets are for. */
  period?: Period;
}

export interface IndicatorRow {
  /** Index in table.rows. */
  row: number;
  /** Name as written in the cell (one of several when the cell names several). */
  name: string;
  /** From the unit column, if the table has one. */
  unit?: string;
  values: Array<{ column: ValueColumn; value: ParsedValue }>;
  attribute?: Attribute;
  attributeFrom?: 'row' | 'span';
}

export interface TableContext {
  /** The plan's own period. */
  plan?: Period;
  /** The year the plan was issued. */
  now?: number;
  /** Title of the 专栏 box the table sits in. */
  boxTitle?: string;
}

const NAME_HEADER = /^(?:主要)?(?:规划)?指标(?:名称)?$|^名称$|^(?:指标)?项目$/;
const YEAR = /((?:19|20)\d{2})\s*年?/;
const BASELINE_WORD = /基期|基准|基数|现状/;
const TARGET_WORD = /目标|规划值/;
const ACTUAL_WORD = /完成|实际|实现/;

const fold = (s: string | undefined): string => foldName(s ?? '').replace(/"/g, '');
const hanOnly = (s: string): string => s.replace(/[^\p{Script=Han}]/gu, '');

function isValueHeader(h: string): boolean {
  return YEAR.test(h) || fiveYearPeriod(h) !== undefined || BASELINE_WORD.test(h) || TARGET_WORD.test(h) || ACTUAL_WORD.test(h);
}

/** Caption from rows above the header: the text after 专栏N (OCR noise before it dropped). */
function captionFromRows(rows: string[][]): string | undefined {
  const text = rows.map((r) => r.map((c) => foldName(c)).join('')).join('');
  if (!text) return undefined;
  const box = /(?:专栏|芒栏|專欄)\d*(.+)$/.exec(text);
  return (box ? box[1]! : text).trim() || undefined;
}

export function tableLayout(table: TableNode, ctx: TableContext): TableLayout | undefined {
  const headerRow = table.rows.findIndex((r) => r.some((c) => NAME_HEADER.test(fold(c))) && r.some((c) => isValueHeader(fold(c))));
  if (headerRow < 0) return undefined;
  const header = table.rows[headerRow]!.map(fold);
  const nameCol = header.findIndex((c) => NAME_HEADER.test(c));
  const caption = table.caption ?? ctx.boxTitle ?? captionFromRows(table.rows.slice(0, headerRow));
  const layout: TableLayout = { headerRow, nameCol, values: [] };
  if (caption) layout.caption = caption;
  const headerPeriod = header.map((h) => fiveYearPeriod(h)).find(Boolean);
  const period = fiveYearPeriod(caption ?? '') ?? headerPeriod ?? ctx.plan;
  if (period) layout.period = period;
  // A table about a period that ended before the plan began reviews it: its years are outcomes.
  const review = period !== undefined && ctx.plan !== undefined && period.end < ctx.plan.start;
  const explicitTargetYears = new Set<number>();
  const pending: Array<{ index: number; header: string; year: number }> = [];
  header.forEach((h, index) => {
    if (index === nameCol || !h) return;
    if (/^单位$/.test(h)) layout.unitCol = index;
    else if (/属性|性质/.test(h)) layout.attrCol = index;
    else if (/序号|编号/.test(h)) return;
    else if (index > nameCol || isValueHeader(h)) {
      const ownPeriod = fiveYearPeriod(h);
      const year = YEAR.exec(h) ? Number(YEAR.exec(h)![1]) : undefined;
      const label = period?.label;
      if (BASELINE_WORD.test(h)) layout.values.push({ index, header: h, kind: 'baseline', year: year ?? (period ? period.start - 1 : NaN) });
      else if (ACTUAL_WORD.test(h)) layout.values.push({ index, header: h, kind: 'actual', year: year ?? period?.end ?? NaN, ...(label ? { period: label } : {}) });
      else if (TARGET_WORD.test(h) || ownPeriod) {
        const p = ownPeriod ?? period;
        const y = year ?? p?.end ?? NaN;
        explicitTargetYears.add(y);
        layout.values.push({ index, header: h, kind: 'target', year: y, ...(p ? { period: p.label } : {}) });
      } else if (year !== undefined) pending.push({ index, header: h, year });
    }
  });
  for (const { index, header: h, year } of pending) {
    let kind: ObservationKind;
    if (period && year < period.start) kind = 'baseline';
    else if (period) kind = review || explicitTargetYears.has(year) ? 'actual' : 'target';
    else kind = ctx.now !== undefined && year < ctx.now ? 'baseline' : 'target';
    const col: ValueColumn = { index, header: h, kind, year };
    if (period && kind !== 'baseline') col.period = period.label;
    layout.values.push(col);
  }
  layout.values = layout.values.filter((v) => Number.isFinite(v.year)).sort((a, b) => a.index - b.index);
  return layout.values.length ? layout : undefined;
}

/** 约束性 / 预期性 from a cell, or the fragment of one (预, 期, ". 预 . 期 . 性"). */
function attributeOf(cell: string): { whole?: Attribute; fragment?: string } {
  const h = hanOnly(cell);
  if (!h) return {};
  if (/^约束性?$/.test(h)) return { whole: '约束性' };
  if (/^预期性?$/.test(h)) return { whole: '预期性' };
  if ('约束性'.startsWith(h) || '预期性'.startsWith(h) || '束性'.startsWith(h) || '期性'.startsWith(h)) return { fragment: h };
  return {};
}

/** Attribute of each data row: printed, joined from fragments, or the nearest printed (ties: the one above). */
function attributes(table: TableNode, layout: TableLayout, dataRows: number[]): Map<number, { attribute: Attribute; from: 'row' | 'span' }> {
  const out = new Map<number, { attribute: Attribute; from: 'row' | 'span' }>();
  if (layout.attrCol === undefined) return out;
  const col = layout.attrCol;
  const cells = dataRows.map((r) => attributeOf(table.rows[r]![col] ?? ''));
  for (let i = 0; i < dataRows.length; i++) {
    const c = cells[i]!;
    if (c.whole) out.set(dataRows[i]!, { attribute: c.whole, from: 'row' });
    else if (c.fragment) {
      // Join fragments on consecutive rows while they spell the start of an attribute word.
      let text = c.fragment;
      let j = i;
      while (j + 1 < dataRows.length && cells[j + 1]!.fragment && ['约束性', '预期性'].some((w) => w.startsWith(text + cells[j + 1]!.fragment))) text += cells[++j]!.fragment;
      const word = (['约束性', '预期性'] as const).find((w) => w.startsWith(text) && text.length >= 2);
      if (word) for (let k = i; k <= j; k++) out.set(dataRows[k]!, { attribute: word, from: 'row' });
      i = j;
    }
  }
  const marked = dataRows.map((r, i) => ({ r, i })).filter(({ r }) => out.has(r));
  if (!marked.length) return out;
  dataRows.forEach((r, i) => {
    if (out.has(r)) return;
    let best = marked[0]!;
    for (const m of marked) if (Math.abs(m.i - i) < Math.abs(best.i - i)) best = m;
    out.set(r, { attribute: out.get(best.r)!.attribute, from: 'span' });
  });
  return out;
}

/** Several indicators in one cell, each ending in its unit bracket: split at the spaces between them. */
export function splitNames(cell: string): string[] {
  const parts = cell.trim().split(/(?<=\))\s+(?=\S)/);
  if (parts.length < 2) return [cell.trim()];
  const unitBracket = (p: string) => {
    const m = /[（(]([^（）()]+)[)）]$/.exec(p.trim());
    return m !== null && isUnit(m[1]!);
  };
  return parts.every(unitBracket) ? parts.map((p) => p.trim()) : [cell.trim()];
}

export function readIndicatorTable(table: TableNode, ctx: TableContext): { layout: TableLayout; rows: IndicatorRow[] } | undefined {
  const layout = tableLayout(table, ctx);
  if (!layout) return undefined;
  const dataRows = table.rows.map((_, i) => i).filter((i) => i > layout.headerRow && (table.rows[i]![layout.nameCol] ?? '').trim() !== '');
  const attrs = attributes(table, layout, dataRows);
  const rows: IndicatorRow[] = [];
  for (const r of dataRows) {
    const cells = table.rows[r]!;
    const names = splitNames(cells[layout.nameCol]!);
    names.forEach((name, n) => {
      const values: IndicatorRow['values'] = [];
      for (const column of layout.values) {
        const cell = (cells[column.index] ?? '').trim();
        const tokens = cell.split(/\s+/);
        // One value per name only when the pieces are values themselves (numbers, or one phrase
        // repeated), not one phrase wrapped over lines (超额完成省下达 的减排量目标).
        const list = names.length > 1 && tokens.length === names.length && (tokens.every((t) => parseValue(t)?.number !== undefined) || new Set(tokens).size === 1);
        const own = list ? tokens[n]! : cell;
        const value = parseValue(own);
        if (value) values.push({ column, value });
      }
      const row: IndicatorRow = { row: r, name, values };
      const unit = layout.unitCol !== undefined ? fold(cells[layout.unitCol]) : '';
      if (unit && isUnit(unit)) row.unit = foldUnit(unit);
      const a = attrs.get(r);
      if (a) {
        row.attribute = a.attribute;
        row.attributeFrom = a.from;
      }
      rows.push(row);
    });
  }
  return { layout, rows };
}
