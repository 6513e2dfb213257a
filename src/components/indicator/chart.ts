// Geometry of an indicator's chart, computed at build time: axes, one mark per distinct value,
// and lines joining each region's measured values (baselines and actuals) and its targets.

export type Kind = 'baseline' | 'target' | 'actual';

export interface ChartInput {
  year: number;
  /** Already in the chart's unit. */
  value: number;
  upper?: number;
  kind: Kind;
  region: string;
  comparator?: string;
  /** Text for the mark's tooltip and the data table. */
  label: string;
}

export interface ChartMark extends ChartInput {
  series: number;
  cx: number;
  cy: number;
  /** Top of a range (43.6-89.9). */
  cyUpper?: number;
  /** SVG path of the mark's symbol, centred on (cx, cy). */
  d: string;
}

export interface ChartModel {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ year: number; x: number }>;
  yTicks: Array<{ value: number; y: number; text: string }>;
  marks: ChartMark[];
  lines: Array<{ series: number; kind: 'measured' | 'target'; d: string }>;
  regions: string[];
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { left: 56, right: 20, top: 30, bottom: 36 };

/** A step of 1, 2 or 5 × 10ⁿ that cuts `range` into about `count` parts. */
export function niceStep(range: number, count = 5): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Symbol of a mark: baseline ■ square, target ▲ (≥) / ▼ (≤) / ◆ triangle or diamond, actual ● circle. */
export function symbol(kind: Kind, comparator: string | undefined, cx: number, cy: number): string {
  const r = 5.5;
  if (kind === 'actual') return `M${round(cx - r)} ${round(cy)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  if (kind === 'baseline') return `M${round(cx - r)} ${round(cy - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
  const s = r + 1.5;
  if (comparator === '≥' || comparator === '>') return `M${round(cx)} ${round(cy - s)}L${round(cx + s)} ${round(cy + s * 0.8)}L${round(cx - s)} ${round(cy + s * 0.8)}Z`;
  if (comparator === '≤' || comparator === '<') return `M${round(cx)} ${round(cy + s)}L${round(cx + s)} ${round(cy - s * 0.8)}L${round(cx - s)} ${round(cy - s * 0.8)}Z`;
  return `M${round(cx)} ${round(cy - s)}L${round(cx + s)} ${round(cy)}L${round(cx)} ${round(cy + s)}L${round(cx - s)} ${round(cy)}Z`;
}

export function chartModel(input: ChartInput[]): ChartModel | undefined {
  // One mark per distinct statement: a value stated in a table and again in the text is drawn once.
  const seen = new Set<string>();
  const points = input.filter((p) => {
    const key = `${p.region}|${p.kind}|${p.year}|${p.value}|${p.upper ?? ''}|${p.comparator ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!points.length) return undefined;
  const regions = [...new Set(points.map((p) => p.region))];
  const years = points.map((p) => p.year);
  let [x0, x1] = [Math.min(...years), Math.max(...years)];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  const top = Math.max(...points.map((p) => p.upper ?? p.value));
  const low = Math.min(...points.map((p) => p.value));
  const step = niceStep(Math.max(top, 0) - Math.min(low, 0));
  const y0 = Math.min(0, Math.floor(low / step) * step);
  const y1 = Math.max(step, Math.ceil((top * 1.05) / step) * step);
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const pad = 0.5;
  const x = (year: number) => plot.left + ((year - (x0 - pad)) / (x1 - x0 + 2 * pad)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - ((v - y0) / (y1 - y0)) * (plot.bottom - plot.top);
  const yearStep = Math.max(1, Math.ceil((x1 - x0 + 1) / 12));
  const xTicks: ChartModel['xTicks'] = [];
  for (let year = x0; year <= x1; year += yearStep) xTicks.push({ year, x: round(x(year)) });
  const yTicks: ChartModel['yTicks'] = [];
  for (let v = y0; v <= y1 + step / 1000; v += step) yTicks.push({ value: v, y: round(y(v)), text: String(Number(v.toPrecision(6))) });
  // Marks of one year are spread a little so that a target and an actual of equal value both show.
  const crowd = new Map<string, number>();
  const marks = points.map((p): ChartMark => {
    const series = regions.indexOf(p.region);
    const slot = `${p.year}|${Math.round(y(p.value))}`;
    const n = crowd.get(slot) ?? 0;
    crowd.set(slot, n + 1);
    const cx = round(x(p.year) + (n === 0 ? 0 : (n % 2 ? 1 : -1) * Math.ceil(n / 2) * 9));
    const cy = round(y(p.value));
    const mark: ChartMark = { ...p, series, cx, cy, d: symbol(p.kind, p.comparator, cx, cy) };
    if (p.upper !== undefined) mark.cyUpper = round(y(p.upper));
    return mark;
  });
  const lines: ChartModel['lines'] = [];
  regions.forEach((_, series) => {
    for (const kind of ['measured', 'target'] as const) {
      const own = marks.filter((m) => m.series === series && (kind === 'target' ? m.kind === 'target' : m.kind !== 'target') && m.upper === undefined).sort((a, b) => a.year - b.year);
      // One value per year on a line: the latest stated.
      const byYear = new Map(own.map((m) => [m.year, m]));
      const pts = [...byYear.values()];
      if (pts.length > 1) lines.push({ series, kind, d: pts.map((m, i) => `${i ? 'L' : 'M'}${round(x(m.year))} ${m.cy}`).join('') });
    }
  });
  return { width: WIDTH, height: HEIGHT, plot, xTicks, yTicks, marks, lines, regions };
}
