import { z } from 'astro/zod';

export const PLAN_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** A span of years: a five-year period (十四五 → 2021–2025), a plan's own range (2024—2035年) or a stage of it. */
export const PeriodSchema = z.object({
  /** As named: 十四五, 2024—2035年, 第一阶段. */
  label: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Period = z.output<typeof PeriodSchema>;

/** Another plan named in this one's text (《吉林省生态环境保护"十四五"规划》). */
export const NamedPlanSchema = z.object({
  /** Title as quoted. */
  title: z.string(),
  /** Its level, when its title or issuer says (吉林省… → province). */
  level: z.enum(PLAN_LEVELS).optional(),
  /** Its place, when its title or issuer names one. */
  region: z.string().optional(),
  /** upstream: a plan one or more levels above this one, which it follows; peer: same level; other: level unknown or below. */
  relation: z.enum(['upstream', 'peer', 'downstream', 'other']),
  /** Plan id, when the named plan is in the corpus. */
  plan: z.string().optional(),
  /** Id on /references/, when it is not. */
  reference: z.string().optional(),
  /** Where this plan names it. */
  anchor: z.string(),
});
export type NamedPlan = z.output<typeof NamedPlanSchema>;

/** A table of indicators in the plan, as read. */
export const IndicatorTableSchema = z.object({
  anchor: z.string(),
  /** Caption as printed (or read from the caption row), if any. */
  caption: z.string().optional(),
  /** Rows holding indicators. */
  rows: z.number().int().min(0),
  /** The period the table's target column is for (十三五 in a 十四五 plan's review table). */
  period: z.string().optional(),
});

/** A plan or programme (规划, 实施方案, 行动方案, 政策措施 …). Generated into content/plans.json. */
export const PlanSchema = z.object({
  /** URL id: the slug of the plan's document. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The plan's document (slug). */
  document: z.string(),
  /** The notice that issues it (印发…的通知), when there is one. */
  issuedBy: z.string().optional(),
  title: z.string().min(1),
  /** 文种: 规划, 方案, 措施 … */
  kind: z.string(),
  /** From the place it is for; absent when neither its text nor its publication names a place. */
  level: z.enum(PLAN_LEVELS).optional(),
  /** The place it is for (吉林省, 吉林市). */
  region: z.string().optional(),
  /** Date of the plan or of the notice issuing it. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Years it covers, from its title (十三五, 2024—2035年) or, failing that, from the years of its targets. */
  period: PeriodSchema.optional(),
  /** Where the period was read. */
  periodFrom: z.enum(['title', 'targets']).optional(),
  /** 第一阶段(2024—2027年) …, each with the anchor of the passage that defines it. */
  stages: z.array(PeriodSchema.extend({ anchor: z.string() })),
  /** Its top-level parts (章 or 一、…), each with its anchor on the document page. */
  structure: z.array(z.object({ anchor: z.string(), label: z.string(), title: z.string() })),
  /** Plans it names, in order of first mention. */
  names: z.array(NamedPlanSchema),
  /** Its indicator tables. */
  tables: z.array(IndicatorTableSchema),
});
export type Plan = z.output<typeof PlanSchema>;

/** Document kinds (文种) that make a document a plan. */
export const PLAN_KINDS = ['规划', '纲要', '计划', '方案', '实施方案', '行动方案', '措施', '政策措施'] as const;
