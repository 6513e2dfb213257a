import { z } from 'astro/zod';

/**
 * A measured quantity plans set targets for (空气质量优良天数比例). Hand-kept in
 * content/registry/indicators.json, never written by ingest: the registry decides which names
 * as written mean the same indicator; ingest never guesses.
 */
export const IndicatorSchema = z.object({
  /** URL id: pinyin initials of the canonical name (kqzlyltsbl). Fixed once published. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Canonical name. */
  name: z.string().min(1),
  /** Canonical unit (%, 微克/立方米, 天); absent for qualitative indicators (基本消除, 有效保障). */
  unit: z.string().optional(),
  /** Group on /indicators/ (大气环境, 水环境 …). */
  category: z.string().min(1),
  /**
   * Every name the sources use for it, as written (spaces removed; unit in brackets left off,
   * since ingest reads it separately): 城市空气质量优良天数比例, 空气质量优良天数比例, 优良天数比率.
   */
  aliases: z.array(z.string().min(1)),
  /** Why names were merged or kept apart, what the scope of the measure is. */
  note: z.string().optional(),
});
export type Indicator = z.output<typeof IndicatorSchema>;

export const OBSERVATION_KINDS = ['baseline', 'target', 'actual'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** ≥ for 以上/不低于/≥, ≤ for 以下/以内/不超过/≤, ≈ for 左右. */
export const COMPARATORS = ['≥', '≤', '>', '<', '≈'] as const;

export const ATTRIBUTES = ['约束性', '预期性'] as const;

/** Where a value was read: a table row (the table's anchor and the row's index in it) or a passage of text. */
export const ObservationSourceSchema = z.object({
  /** Anchor on the document page: t-365 for a table, p-290 or part-1-item-2 for text. */
  anchor: z.string(),
  /** Index of the row in the table's rows (0 is the first row printed, usually the header). */
  row: z.number().int().min(0).optional(),
  /** Source line of the row or passage. */
  line: z.number().int().min(1),
  /** The clause the value was read from (text), or the row's cells joined (table). */
  quote: z.string(),
});
export type ObservationSource = z.output<typeof ObservationSourceSchema>;

/** One stated value of one indicator: a baseline, target or actual, in one plan, for one year. Generated into content/observations.json. */
export const ObservationSchema = z.object({
  /** Stable id: plan, anchor, row and position. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Indicator id in the registry. */
  indicator: z.string(),
  /** The name as the source writes it (spaces folded; unit bracket kept). */
  name: z.string(),
  /** Plan (id) whose text states the value. */
  plan: z.string(),
  /** Document slug the plan is published as. */
  document: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  year: z.number().int(),
  /** The period or stage the value belongs to, when the source names one (十三五, 第一阶段). */
  period: z.string().optional(),
  /** The value as written (≥80, 基本消除, 43.6-89.9). */
  value: z.string(),
  /** Parsed number, when the value is numeric; the lower bound of a range. */
  number: z.number().optional(),
  /** Upper bound of a range (43.6-89.9 → 89.9). */
  upper: z.number().optional(),
  comparator: z.enum(COMPARATORS).optional(),
  /** 力争: a target to strive for. */
  strive: z.boolean(),
  /** Unit as stated for this value (the row's or the number's), if any. */
  unit: z.string().optional(),
  /** 约束性/预期性, when the table gives one. */
  attribute: z.enum(ATTRIBUTES).optional(),
  /** row: printed on the row; span: read from a cell spanning several rows (the nearest attribute printed in the column). */
  attributeFrom: z.enum(['row', 'span']).optional(),
  /** Where the value applies (吉林省, 吉林市): the plan's place, or a place the name starts with. */
  region: z.string().optional(),
  /** Qualifications printed with the value ((扣除本底值和汛期影响)) or the table's footnote. */
  note: z.string().optional(),
  source: ObservationSourceSchema,
});
export type Observation = z.output<typeof ObservationSchema>;
