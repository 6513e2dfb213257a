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
    // Grouped once per build: pages ask per plan and per indicator, and filtering every
    // observation on each page made the build grow with the square of the corpus.
    const group = <K>(list: ObservationEntry[], key: (o: ObservationEntry) => K) => {
      const map = new Map<K, ObservationEntry[]>();
      for (const o of list) {
        const k = key(o);
        const bucket = map.get(k);
        if (bucket) bucket.push(o);
        else map.set(k, [o]);
      }
      return map;
    };
    const byIndicator = group(observations, (o) => o.data.indicator.id);
    for (const list of byIndicator.values()) list.sort(byYear);
    const byPlan = group(observations, (o) => o.data.plan.id);
    for (const list of byPlan.values()) list.sort((a, b) => a.data.source.line - b.data.source.line || (a.data.source.row ?? 0) - (b.data.source.row ?? 0) || a.id.localeCompare(b.id));
    const naming = new Map<string, PlanEntry[]>();
    for (const p of sortedPlans)
      for (const id of new Set(p.data.names.flatMap((n) => (n.plan ? [n.plan.id] : [])))) {
        const bucket = naming.get(id);
        if (bucket) bucket.push(p);
        else naming.set(id, [p]);
      }
    return {
      plans: sortedPlans,
      indicators,
      observations,
      plan: (id) => planById.get(id)!,
      indicator: (id) => indicatorById.get(id)!,
      ofIndicator: (id) => byIndicator.get(id) ?? [],
      inPlan: (id) => byPlan.get(id) ?? [],
      namedBy: (id) => naming.get(id) ?? [],
      categories: [...new Set(indicators.map((i) => i.data.category))],
    };
  })();
  return loaded;
}

export { convertUnit, periodLabel, sourceFragment, sourceLabel, valueText } from './plan-format.ts';
