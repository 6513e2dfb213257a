/**
 * Targets and outcomes stated in running text: 到2021年底，…优良天数比率力争达到90%以上;
 * 细颗粒物（PM2.5）浓度控制在32微克/立方米以下; 截至2020年底，…达到81.4%.
 *
 * A statement is one clause of the form <name><verb><value>, the value a number with its unit
 * and comparator (以上, 以下, 以内, 左右, 不低于 …), and nothing after it. It counts only when
 * it is dated: by a time phrase earlier in the paragraph (到/截至/— 2021年(底), “十二五”期间), or
 * by the passage it stands in (a stage 第一阶段(2024—2027年), a goals section with the plan's
 * period). 到 → target; 截至 → actual; a bare year or period → actual when it is before the
 * plan was issued, else target. Clauses comparing with a base year (较2015年提高…) are changes,
 * not levels, and are left alone.
 */
import type { ObservationKind } from '../../src/schemas/indicator.ts';
import { FIVE_YEAR, fiveYearPeriod } from './plan-periods.ts';
import { parseValue, type ParsedValue } from './indicator-values.ts';

export interface TimeContext {
  year: number;
  kind: ObservationKind;
  period?: string;
}

export interface ProseContext {
  /** The year the plan was issued (or its period's first year): dates before it are outcomes. */
  now?: number;
  /** Time of the passage when no phrase gives one: a stage, or a goals section. */
  passage?: TimeContext;
}

export interface Statement {
  name: string;
  value: ParsedValue;
  /** 力争. */
  strive: boolean;
  time: TimeContext;
  /** The clause, as written. */
  quote: string;
}

const Y = '((?:19|20)\\d{2})\\s*年(?:\\s*\\d{1,2}\\s*月)?(?:底|末)?(?:前)?';
const ACTUAL_AT = new RegExp(`^(?:截至|截止到?)\\s*${Y}`);
const TARGET_AT = new RegExp(`^(?:力争)?(?:到|至|在)\\s*${Y}`);
const BARE_AT = new RegExp(`^${Y}`);
const PERIOD_AT = new RegExp(`^["“]?${FIVE_YEAR.source}["”]?(?:期间|末|时期)`);

const VERBS = ['稳定达到', '达到', '保持在', '稳定在', '控制在', '维持在', '提高到', '提高至', '提升到', '提升至', '下降到', '下降至', '降低到', '降低至', '降至', '减少到', '减少至', '不低于', '不少于', '不高于', '不超过', '为'];
const ADVERBS = '(?:力争|均|都|稳定|持续|分阶段|平均|全部|要|已|已经|基本|总体|累计|应|需)*';
const STATEMENT = new RegExp(`^(.+?)(${ADVERBS})(${VERBS.join('|')})\\s*((?:[≥≤]\\s*)?\\d+(?:\\.\\d+)?\\s*[^\\d\\s以左]*?\\s*(?:以上|以下|以内|左右)?)$`);
const LEADING = /^(?:其中|同时|并且|并|且|使|将|确保|实现|力争|全面|进一步)+/;

/** A bare year or period: an outcome when it lies before `now`, else a target. */
function bareTime(year: number, now: number | undefined, period?: string): TimeContext {
  return { year, kind: now !== undefined && year < now ? 'actual' : 'target', ...(period ? { period } : {}) };
}

/** The time phrase a clause opens with; `lasting` for 到/截至, which date the rest of the passage. */
function timeAt(clause: string, now: number | undefined): { time?: TimeContext; lasting?: boolean; rest: string } {
  let m = ACTUAL_AT.exec(clause);
  if (m) return { time: { year: Number(m[1]), kind: 'actual' }, lasting: true, rest: clause.slice(m[0].length) };
  m = TARGET_AT.exec(clause);
  if (m) return { time: { year: Number(m[1]), kind: 'target' }, lasting: true, rest: clause.slice(m[0].length) };
  m = BARE_AT.exec(clause);
  if (m) return { time: bareTime(Number(m[1]), now), rest: clause.slice(m[0].length) };
  m = PERIOD_AT.exec(clause);
  if (m) {
    const p = fiveYearPeriod(m[0])!;
    return { time: bareTime(p.end, now, p.label), rest: clause.slice(m[0].length) };
  }
  return { rest: clause };
}

/** Names before one verb: 受污染耕地安全利用率、污染地块安全利用率均达到… names two. */
function namesOf(raw: string, adverbs: string): string[] {
  const name = raw
    .replace(LEADING, '')
    .replace(/[（(](?:包括|含|不含|其中)[^（）()]*[)）]/g, '')
    .trim();
  if (!name || !/\p{Script=Han}/u.test(name) || [...name].length > 40) return [];
  return /均|都/.test(adverbs) && name.includes('、') ? name.split('、').filter(Boolean) : [name];
}

/** Every statement and every time phrase that opens a passage holds a digit (the value, the year). */
const DIGIT = /\d/;

/** Does this clause read as a whole statement? The digit test first: it turns most clauses away at once. */
const isStatement = (s: string): boolean => DIGIT.test(s) && STATEMENT.test(s);

/** Split after each sentence stop, the stop kept with its sentence (as split(/(?<=[。！？!?])/), without the lookbehind). */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  // By code unit: text[i] would make a new one-character string for every ideograph.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x21 /* ! */ || c === 0x3f /* ? */) {
      out.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length || out.length === 0) out.push(text.slice(from));
  return out;
}

/**
 * Clauses of a sentence: split at ，；：, and at 、 where the words before it already make a
 * whole statement (…比重提高到15%以上、煤电占比降低到33.4%以下 is two).
 */
function clausesOf(sentence: string): string[] {
  const out: string[] = [];
  for (const clause of sentence.split(/[，；,;：:。！？!?]/)) {
    let acc: string | undefined;
    for (const part of clause.split('、')) {
      if (acc === undefined) acc = part;
      else if (isStatement(acc)) {
        out.push(acc);
        acc = part;
      } else acc += `、${part}`;
    }
    if (acc !== undefined) out.push(acc);
  }
  return out;
}

/** Every dated statement of a value in one passage of text. */
export function readStatements(text: string, ctx: ProseContext): Statement[] {
  const out: Statement[] = [];
  // 到/截至 date the rest of the passage; a bare year or period dates the rest of its sentence.
  let lasting: TimeContext | undefined = ctx.passage;
  // No digit, no value and no dated phrase: nothing to read (most passages of a plan).
  if (!DIGIT.test(text)) return out;
  for (const sentence of sentencesOf(text.replace(/\s+/g, ''))) {
    // A sentence without a digit states no value and sets no lasting date (到/截至 need a year); a
    // period phrase (十三五期间) it opens with dates only its own sentence.
    if (!DIGIT.test(sentence)) continue;
    let local: TimeContext | undefined;
    for (const rawClause of clausesOf(sentence)) {
      const clause = rawClause.replace(/^[—-]+/, '');
      if (!clause) continue;
      const at = timeAt(clause, ctx.now);
      if (at.time && !/^以来/.test(at.rest)) {
        if (at.lasting) {
          lasting = at.time;
          local = undefined;
        } else local = at.time;
      }
      const time = local ?? lasting;
      const rest = at.rest.replace(/^以来/, '');
      if (!time || !rest || /较|比上年|同比/.test(rest)) continue;
      const m = DIGIT.test(rest) ? STATEMENT.exec(rest) : null;
      if (!m) continue;
      const value = parseValue(m[4]!);
      if (!value || value.number === undefined) continue;
      const strive = /力争/.test(clause);
      for (const name of namesOf(m[1]!, m[2]!)) out.push({ name, value, strive, time, quote: clause });
    }
  }
  return out;
}
