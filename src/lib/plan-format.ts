// Display and unit helpers for plans and indicators; pure, so tests can import them.

/** 十三五（2016—2020年）, 2024—2035年, 2021年. */
export function periodLabel(period: { label: string; start: number; end: number }): string {
  const years = period.start === period.end ? `${period.start}年` : `${period.start}—${period.end}年`;
  return period.label === years ? years : `${period.label}（${years}）`;
}

/** The anchor of an observation's source on its document page: the table row (t-365-r3) or the passage. */
export function sourceFragment(source: { anchor: string; row?: number | undefined }): string {
  return source.row !== undefined ? `${source.anchor}-r${source.row}` : source.anchor;
}

/** Where an observation came from, for a link text: 表格第3行 or 段落. */
export function sourceLabel(source: { anchor: string; row?: number | undefined; line: number }): string {
  return source.row !== undefined ? `表格第${source.row}行` : source.anchor.startsWith('p-') ? `第${source.line}行段落` : `第${source.line}行条目`;
}

const SCALE: Record<string, number> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** A number in one unit expressed in another of the same measure (1.87 亿立方米 → 18700 万立方米); undefined if they differ in kind. */
export function convertUnit(value: number, from: string | undefined, to: string | undefined): number | undefined {
  if ((from ?? '') === (to ?? '')) return value;
  if (!from || !to) return from === undefined || to === undefined ? value : undefined;
  const split = (u: string): [number, string] => (SCALE[u[0]!] && u.length > 1 ? [SCALE[u[0]!]!, u.slice(1)] : [1, u]);
  const [fs, fb] = split(from);
  const [ts, tb] = split(to);
  return fb === tb ? (value * fs) / ts : undefined;
}

/** A value for display: as written, with the unit added when the written value is a bare number (≥80 → ≥80%). */
export function valueText(o: { value: string; unit?: string | undefined }): string {
  if (!o.unit || !/^[≥≤<>]?\d+(?:\.\d+)?(?:[-—~]\d+(?:\.\d+)?)?$/.test(o.value)) return o.value;
  return o.unit === '%' ? `${o.value}%` : `${o.value} ${o.unit}`;
}
