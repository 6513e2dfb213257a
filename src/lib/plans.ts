// Plans, the indicator registry and every observation, loaded once per build; a dangling id fails it.
import { getCollection, type CollectionEntry } from 'astro:content';

export type PlanEntry = CollectionEntry<'plans'>;
export type IndicatorEntry = CollectionEntry<'indicators'>;
export type ObservationEntry = CollectionEntry<'observations'>;
export type ObservationKind = ObservationEntry['data']['kind'];
export type PlanLevel = NonNullable<PlanEntry['data']['level']>;

export const KIND_LABEL: Record<ObservationKind, string> = { baseline: '基期', target: '目标', actual: '实际' };
export const KINDS: ObservationKind[] = ['baseline', 'target', 'actual'];
export const LEVEL_LABEL: Record<PlanLevel, string> = { national: '国家', province: '省级', city: '市级', county: '县级' };
export const LEVELS: PlanLevel[] = ['national', 'province', 'city', 'county'];
export const RELATION_LABEL = { upstream: '上级', peer: '同级', downstream: '下级', other: '其他' } as const;

export interface PlansData {
  /** By period (first year), then level, then title. */
  plans: PlanEntry[];
  /** In registry order. */
  indicators: IndicatorEntry[];
  observations: ObservationEntry[];
  plan(id: string): PlanEntry;
  indicator(id: string): IndicatorEntry;
  /** Observations of one indicator: by year, then region, then kind. */
  ofIndicator(id: string): ObservationEntry[];
  /** Observations stated in one plan, in reading order. */
  inPlan(id: string): ObservationEntry[];
  /** Plans of the corpus that name this one. */
  namedBy(id: string): PlanEntry[];
  /** Categories in registry order. */
  categories: string[];
}

let loaded: Promise<PlansData> | undefined;

export function loadPlans(): Promise<PlansData> {
  loaded ??= (async () => {
    const [plans, indicators, observations, documents] = await Promise.all([getCollection('plans'), getCollection('indicators'), getCollection('observations'), getCollection('documents')]);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const docIds = new Set(documents.map((d) => d.id));
    const problems: string[] = [];
    for (const p of plans) {
      for (const ref of [p.data.document, p.data.issuedBy]) if (ref && !docIds.has(ref.id)) problems.push(`plan ${p.id}: missing document ${ref.id}`);
      for (const n of p.data.names) if (n.plan && !planById.has(n.plan.id)) problems.push(`plan ${p.id}: names missing plan ${n.plan.id}`);
    }
    for (const o of observations) {
      if (!indicatorById.has(o.data.indicator.id)) problems.push(`observation ${o.id}: missing indicator ${o.data.indicator.id}`);
      if (!planById.has(o.data.plan.id)) problems.push(`observation ${o.id}: missing plan ${o.data.plan.id}`);
      if (!docIds.has(o.data.document.id)) problems.push(`observation ${o.id}: missing document ${o.data.document.id}`);
    }
    if (problems.length) throw new Error(`Plans and indicators have ${problems.length} dangling reference(s):\n  ${problems.join('\n  ')}`);

    const kindOrder = (k: ObservationKind) => KINDS.indexOf(k);
    const byYear = (a: ObservationEntry, b: ObservationEntry) =>
      a.data.year - b.data.year || (a.data.region ?? '').localeCompare(b.data.region ?? '', 'zh-CN') || kindOrder(a.data.kind) - kindOrder(b.data.kind) || a.id.localeCompare(b.id);
    const sortedPlans = [...plans].sort(
      (a, b) =>
        (a.data.period?.start ?? Number(a.data.date?.slice(0, 4) ?? 9999)) - (b.data.period?.start ?? Number(b.data.date?.slice(0, 4) ?? 9999)) ||
        LEVELS.indexOf(a.data.level ?? 'county') - LEVELS.indexOf(b.data.level ?? 'county') ||
        a.data.title.localeCompare(b.data.title, 'zh-CN'),
    );
    return {
      plans: sortedPlans,
      indicators,
      observations,
      plan: (id) => planById.get(id)!,
      indicator: (id) => indicatorById.get(id)!,
      ofIndicator: (id) => observations.filter((o) => o.data.indicator.id === id).sort(byYear),
      inPlan: (id) => observations.filter((o) => o.data.plan.id === id).sort((a, b) => a.data.source.line - b.data.source.line || (a.data.source.row ?? 0) - (b.data.source.row ?? 0) || a.id.localeCompare(b.id)),
      namedBy: (id) => sortedPlans.filter((p) => p.data.names.some((n) => n.plan?.id === id)),
      categories: [...new Set(indicators.map((i) => i.data.category))],
    };
  })();
  return loaded;
}

/** 十三五（2016—2020年）, 2024—2035年, 2021年. */
export function periodLabel(period: { label: string; start: number; end: number }): string {
  const years = period.start === period.end ? `${period.start}年` : `${period.start}—${period.end}年`;
  return period.label === years ? years : `${period.label}（${years}）`;
}

/** Where an observation came from, for a link text: 表格第3行 or 段落. */
export function sourceLabel(source: ObservationEntry['data']['source']): string {
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
