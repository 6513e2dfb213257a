/**
 * Plans: every document whose 文种 makes it a plan or programme (规划, 纲要, 计划, 方案, 措施),
 * with its level and place, its period and stages, its top-level parts, and the other plans it names, placed above,
 * beside or below it (a city plan that follows 《吉林省生态环境保护"十四五"规划》 names an
 * upstream plan, in the corpus or not).
 */
import type { NamedPlan, Plan, PlanLevel } from '../../src/schemas/plan.ts';
import { PLAN_KINDS, PlanSchema } from '../../src/schemas/plan.ts';
import type { Government } from '../../src/schemas/department.ts';
import type { Publication } from '../../src/schemas/publication.ts';
import type { CorpusDoc } from './pipeline.ts';
import { textSlots } from './body-text.ts';
import { assignAnchors } from './anchors.ts';
import { periodOfTitle, stageOf } from './plan-periods.ts';

const PLAN_KIND_SET = new Set<string>(PLAN_KINDS);
export const isPlanKind = (kind: string): boolean => PLAN_KIND_SET.has(kind);

/** A title that names a plan: it ends in a plan 文种, optionally followed by one bracket ((2024—2035年), (试行)). */
const PLAN_TITLE = /(规划|纲要|计划|方案|措施)(?:[（(][^（()）]{1,20}[)）])?$/;
/** The plan inside a notice that issues it: 关于印发〈美丽吉林建设规划纲要(2024—2035年)〉的通知. */
const ISSUED_INSIDE = /印发[〈《<]([^〈〉《》<>]+)[〉》>]/;

const RANK: Record<PlanLevel, number> = { national: 0, province: 1, city: 2, county: 3 };
const NATIONAL = /^(?:中共中央|国务院|全国|国家|中国|中华人民共和国)/;

export interface Place {
  region: string;
  level: PlanLevel;
}

/** Level from how a place name ends: 省 → province, 市/州/盟 → city, 县/区/旗 → county. */
function levelOfName(name: string): PlanLevel | undefined {
  if (/(?:省|自治区)$/.test(name)) return 'province';
  if (/(?:市|州|盟)$/.test(name)) return 'city';
  if (/(?:县|区|旗)$/.test(name)) return 'county';
  return undefined;
}

/** The first place a text names: a government of the registry (longest first), else a name ending in 省/市/州/县/区. */
export function placeIn(text: string, governments: Government[]): Place | undefined {
  const known = [...governments].sort((a, b) => b.id.length - a.id.length).find((g) => text.includes(g.id));
  if (known && known.level !== 'national') return { region: known.id, level: known.level };
  const m = /^(?:中共)?(\p{Script=Han}{1,6}?(?:省|自治区|市|州|县))/u.exec(text);
  if (m) {
    const level = levelOfName(m[1]!);
    if (level) return { region: m[1]!, level };
  }
  return undefined;
}

/** The place a plan is for: its issuers, title, its carrier's, then the publication it appears in. */
function placeOfPlan(cd: CorpusDoc, carrier: CorpusDoc | undefined, publication: Publication | undefined, governments: Government[]): Place | undefined {
  const texts = [...cd.doc.issuers, cd.doc.title, ...(carrier ? [...carrier.doc.issuers, carrier.doc.title] : []), ...(publication ? [publication.name] : [])];
  for (const t of texts) {
    const p = placeIn(t, governments);
    if (p) return p;
  }
  return undefined;
}

/** Where a named plan sits: a place in its title, else its issuer's (the notice that issued it), else 国务院… before the quote. */
function placeOfNamed(title: string, outer: string | undefined, before: string, governments: Government[]): Partial<Place> {
  if (NATIONAL.test(title)) return { level: 'national' };
  if (/^全省/.test(title)) return {};
  const own = placeIn(title, governments);
  if (own) return own;
  if (outer) {
    if (NATIONAL.test(outer)) return { level: 'national' };
    const issuer = placeIn(outer, governments);
    if (issuer) return issuer;
  }
  if (/(?:国务院|中共中央|国家)[^，。；]{0,4}$/.test(before)) return { level: 'national' };
  return {};
}

export function relationOf(own: PlanLevel | undefined, named: PlanLevel | undefined): NamedPlan['relation'] {
  if (!own || !named) return 'other';
  return RANK[named] < RANK[own] ? 'upstream' : RANK[named] === RANK[own] ? 'peer' : 'downstream';
}

export interface PlansInput {
  documents: CorpusDoc[];
  publications: Publication[];
  governments: Government[];
}

export function extractPlans({ documents, publications, governments }: PlansInput): Plan[] {
  const bySlug = new Map(documents.map((d) => [d.slug, d]));
  const planDocs = documents.filter((d) => isPlanKind(d.doc.kind));
  const planIds = new Set(planDocs.map((d) => d.slug));
  // A citation of the notice that issues a plan names the plan.
  const planOf = (slug: string | undefined): string | undefined => {
    if (!slug) return undefined;
    if (planIds.has(slug)) return slug;
    return bySlug.get(slug)?.carries.find((s) => planIds.has(s));
  };
  const pubs = new Map(publications.map((p) => [p.id, p]));
  const plans: Plan[] = [];
  for (const cd of planDocs) {
    const carrier = cd.carriedBy ? bySlug.get(cd.carriedBy) : undefined;
    const place = placeOfPlan(cd, carrier, cd.publication ? pubs.get(cd.publication) : undefined, governments);
    const period = periodOfTitle(cd.doc.title);
    const slots = textSlots(cd.doc.body);
    const stages = slots.flatMap((s) => {
      const st = s.field === 'text' ? stageOf(s.text) : undefined;
      return st ? [{ ...st, anchor: s.anchor }] : [];
    });
    const names: NamedPlan[] = [];
    const seen = new Set<string>();
    for (const c of cd.citations) {
      if (!c.title) continue;
      const inner = ISSUED_INSIDE.exec(c.title)?.[1];
      const title = inner ?? c.title;
      if (!PLAN_TITLE.test(title) || seen.has(title)) continue;
      seen.add(title);
      const slot = slots.find((s) => s.anchor === c.anchor && s.field === c.field);
      const before = slot ? slot.text.slice(Math.max(0, c.start - 12), c.start) : '';
      const where = placeOfNamed(title, inner ? c.title : undefined, before, governments);
      const n: NamedPlan = { title, relation: relationOf(place?.level, where.level), anchor: c.anchor };
      if (where.level) n.level = where.level;
      if (where.region) n.region = where.region;
      const plan = planOf(c.target);
      if (plan) n.plan = plan;
      else if (c.reference) n.reference = c.reference;
      names.push(n);
    }
    const structure = [...assignAnchors(cd.doc.body).values()]
      .filter((a) => a.depth === 1 && a.node.title !== undefined)
      .map((a) => ({ anchor: a.id, label: a.node.label, title: a.node.title! }));
    const plan: Plan = { id: cd.slug, document: cd.slug, title: cd.doc.title, kind: cd.doc.kind, stages, structure, names, tables: [] };
    if (place) Object.assign(plan, place);
    if (carrier) plan.issuedBy = carrier.slug;
    const date = cd.doc.date ?? carrier?.doc.date;
    if (date) plan.date = date;
    if (period) {
      plan.period = period;
      plan.periodFrom = 'title';
    }
    plans.push(plan);
  }
  return plans.sort((a, b) => a.id.localeCompare(b.id));
}

/** Keys in the order the schema lists them (the period may be filled in later, from targets). */
export function planInSchemaOrder(p: Plan): Plan {
  const keys = Object.keys(PlanSchema.shape) as Array<keyof Plan>;
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])) as Plan;
}
