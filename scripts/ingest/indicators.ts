/**
 * The indicators stage: every plan's indicator tables and dated statements in its text →
 * observations (indicator, kind, year, value as written and parsed, unit, attribute, region),
 * each linked to its table row or passage. Names resolve against the hand-kept registry
 * (content/registry/indicators.json); a name it does not know is an `indicators/unmatched`
 * warning (one per name and document, with every line), never a guess.
 */
import { ObservationSchema, type Indicator, type Observation } from '../../src/schemas/indicator.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { BodyNode, Diagnostic, NormLine, SegmentedFile, SectionNode, TableNode } from './types.ts';
import type { CorpusDoc } from './pipeline.ts';
import { assignAnchors } from './anchors.ts';
import { stageOf } from './plan-periods.ts';
import { IndicatorMatcher, nameParts, foldName, registryKey } from './indicator-names.ts';
import { readIndicatorTable, type IndicatorRow } from './indicator-tables.ts';
import { readStatements, type ProseContext, type TimeContext } from './indicator-prose.ts';
import type { ParsedValue } from './indicator-values.ts';
import { TERMINAL_END } from './patterns.ts';

export interface IndicatorsInput {
  documents: CorpusDoc[];
  plans: Plan[];
  segmented: SegmentedFile[];
  /** The registry; without it nothing is matched and nothing reported. */
  indicators?: Indicator[];
  /** Places of the registry (吉林省, 吉林市), to tell a place from a name. */
  places: string[];
}

/** A footnote that says what bracketed values are: 注:()内为全省…细颗粒物(PM2.5)年均浓度值. */
const BRACKET_NOTE = /^注\s*[:：]?\s*[（(]\s*[)）]\s*内(?:为|是)(.+?)(?:值|数值|数据)?[。.]?$/;

/** A sentence that points to the table below: 吉林市"十三五"环境保护规划指标完成情况见专栏1。 */
const SEE_TABLE = /^(.{4,60}?)(?:详)?见(?:专栏|表)\s*\d*\s*[。.]?$/;

/** Source lines of every table row, per file: the normalised lines that carry cells. */
function rowLines(segmented: SegmentedFile[]): Map<string, NormLine[]> {
  return new Map(segmented.map((s) => [s.file, s.tableRows]));
}

/** The registry itself: ids unique, and no name or alias (folded) shared by two indicators. */
export function checkIndicatorRegistry(indicators: Indicator[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const ind of indicators) {
    if (ids.has(ind.id)) out.push({ file: 'registry/indicators.json', line: 1, rule: 'indicators/registry', message: `duplicate id ${ind.id}`, severity: 'error' });
    ids.add(ind.id);
    for (const n of new Set([ind.name, ...ind.aliases].map(registryKey))) {
      const other = keys.get(n);
      if (other && other !== ind.id) out.push({ file: 'registry/indicators.json', line: 1, rule: 'indicators/registry', message: `${n} names both ${other} and ${ind.id}`, severity: 'error' });
      keys.set(n, ind.id);
    }
  }
  return out;
}

export function extractObservations(input: IndicatorsInput, diagnostics: Diagnostic[]): Observation[] {
  if (!input.indicators) return [];
  diagnostics.push(...checkIndicatorRegistry(input.indicators));
  const matcher = new IndicatorMatcher(input.indicators, input.places);
  const bySlug = new Map(input.documents.map((d) => [d.slug, d]));
  const cellLines = rowLines(input.segmented);
  const out: Observation[] = [];
  for (const plan of input.plans) {
    const cd = bySlug.get(plan.document)!;
    const file = cd.doc.span.file;
    const now = plan.date ? Number(plan.date.slice(0, 4)) : plan.period?.start;
    const unmatched = new Map<string, number[]>();
    const ids = new Map<string, number>();
    const anchors = assignAnchors(cd.doc.body);

    const add = (o: Omit<Observation, 'id' | 'plan' | 'document' | 'region'> & { region?: string }): void => {
      const key = `${plan.id}--${o.source.anchor}${o.source.row !== undefined ? `-r${o.source.row}` : ''}`;
      const n = (ids.get(key) ?? 0) + 1;
      ids.set(key, n);
      const region = o.region ?? plan.region;
      out.push(inSchemaOrder({ id: `${key}--${n}`, plan: plan.id, document: plan.document, ...o, ...(region ? { region } : {}) }));
    };
    const resolve = (written: string, line: number): { indicator: Indicator; unit?: string; region?: string } | undefined => {
      const parts = nameParts(written, matcher.places);
      const indicator = matcher.match(parts.key);
      if (!indicator) {
        unmatched.set(parts.written, [...(unmatched.get(parts.written) ?? []), line]);
        return undefined;
      }
      const region = parts.region && matcher.places.includes(parts.region) ? parts.region : undefined;
      return { indicator, ...(parts.unit ? { unit: parts.unit } : {}), ...(region ? { region } : {}) };
    };
    const valueFields = (v: ParsedValue): Pick<Observation, 'value' | 'number' | 'upper' | 'comparator'> => ({
      value: v.value,
      ...(v.number !== undefined ? { number: v.number } : {}),
      ...(v.upper !== undefined ? { upper: v.upper } : {}),
      ...(v.comparator ? { comparator: v.comparator } : {}),
    });

    const readTable = (table: TableNode, boxTitle: string | undefined, footnote: string | undefined): void => {
      const read = readIndicatorTable(table, { ...(plan.period ? { plan: plan.period } : {}), ...(now !== undefined ? { now } : {}), ...(boxTitle ? { boxTitle } : {}) });
      if (!read) return;
      const anchor = `t-${table.span.start}`;
      const lines = (cellLines.get(file) ?? []).filter((l) => l.span.start >= table.span.start && l.span.end <= table.span.end);
      const lineOf = (row: number): number => lines[row]?.span.start ?? table.span.start;
      const bracketName = footnote ? BRACKET_NOTE.exec(foldName(footnote))?.[1] : undefined;
      plan.tables.push({ anchor, rows: new Set(read.rows.map((r) => r.row)).size, ...(read.layout.caption ? { caption: read.layout.caption } : {}), ...(read.layout.period ? { period: read.layout.period.label } : {}) });
      for (const row of read.rows) {
        const line = lineOf(row.row);
        const quote = table.rows[row.row]!.map((c) => c.trim()).filter(Boolean).join(' | ');
        const own = resolve(row.name, line);
        for (const { column, value } of row.values) {
          // A bracketed value is what the table's footnote says it is (()内为…年均浓度值), not the row's indicator.
          const target = value.bracketed && bracketName ? resolve(bracketName, line) : value.bracketed ? undefined : own;
          if (!target) continue;
          add({
            indicator: target.indicator.id,
            name: value.bracketed && bracketName ? bracketName : row.name.replace(/\s+/g, ''),
            kind: column.kind,
            year: column.year,
            ...(column.period ? { period: column.period } : {}),
            ...valueFields(value),
            strive: false,
            ...unitOf(value, target === own ? row : undefined, target.unit),
            ...(row.attribute && target === own ? { attribute: row.attribute, attributeFrom: row.attributeFrom! } : {}),
            ...(target.region ? { region: target.region } : {}),
            ...(value.note ? { note: value.note } : value.bracketed && footnote ? { note: footnote } : {}),
            source: { anchor, row: row.row, line, quote },
          });
        }
      }
    };

    // The plan's part of every passage's context, made once (readText runs for every passage).
    const planContext: ProseContext = now !== undefined ? { now } : {};
    const readText = (text: string, anchor: string, line: number, passage: TimeContext | undefined): void => {
      for (const s of readStatements(text, passage ? { ...planContext, passage } : planContext)) {
        const target = resolve(s.name, line);
        if (!target) continue;
        add({
          indicator: target.indicator.id,
          name: s.name.replace(/\s+/g, ''),
          kind: s.time.kind,
          year: s.time.year,
          ...(s.time.period ? { period: s.time.period } : {}),
          ...valueFields(s.value),
          strive: s.strive,
          ...unitOf(s.value, undefined, target.unit),
          ...(target.region ? { region: target.region } : {}),
          ...(s.value.note ? { note: s.value.note } : {}),
          source: { anchor, line, quote: s.quote },
        });
      }
    };

    // Goals sections date their statements with the plan's period; a stage dates its passage and
    // the passages that continue it (a paragraph broken off mid-sentence).
    const goalTime: TimeContext | undefined = plan.period ? { year: plan.period.end, kind: 'target', period: plan.period.label } : undefined;
    const walk = (nodes: BodyNode[], inGoals: boolean, boxTitle: string | undefined): void => {
      let carried: TimeContext | undefined;
      let previousOpen = false;
      nodes.forEach((n, i) => {
        if (n.type === 'table') {
          const next = nodes[i + 1];
          const footnote = next?.type === 'paragraph' && /^注/.test(next.text) ? next.text : undefined;
          // No caption printed: a sentence just above that points to it names it (…指标完成情况见专栏1。).
          const prev = nodes[i - 1];
          const pointer = prev?.type === 'paragraph' ? SEE_TABLE.exec(prev.text)?.[1] : undefined;
          readTable(n, boxTitle ?? pointer, footnote);
          previousOpen = false;
          return;
        }
        const text = n.type === 'paragraph' ? n.text : n.text;
        const stage = text ? stageOf(text) : undefined;
        if (stage) carried = { year: stage.end, kind: 'target', period: stage.label };
        else if (!previousOpen) carried = undefined;
        const passage = carried ?? (inGoals ? goalTime : undefined);
        if (n.type === 'paragraph') {
          if (n.variant !== 'contents') readText(n.text, `p-${n.span.start}`, n.span.start, passage);
          previousOpen = !TERMINAL_END.test(n.text.trim());
        } else {
          const section = n as SectionNode;
          // The nearest heading decides: 第一章 …确立保护目标 > 第一节 发展基础 is not a goals section.
          const goals = section.title !== undefined ? /目标/.test(section.title) : inGoals;
          if (section.text) readText(section.text, anchors.get(section)!.id, section.span.start, carried ?? (goals ? goalTime : undefined));
          walk(section.children, goals, section.kind === 'box' ? section.title ?? boxTitle : boxTitle);
          previousOpen = false;
        }
      });
    };
    walk(cd.doc.body, false, undefined);

    for (const [name, lines] of unmatched)
      diagnostics.push({ file, line: lines[0]!, rule: 'indicators/unmatched', message: `no registry entry for indicator ${name}${lines.length > 1 ? ` (also lines ${lines.slice(1).join(', ')})` : ''}`, severity: 'warning' });
  }
  // A plan without a period in its title spans the years of its targets (grouped once: a filter
  // over every observation per plan grew with the square of the corpus).
  const targetYears = new Map<string, number[]>();
  for (const o of out) {
    if (o.kind !== 'target') continue;
    const years = targetYears.get(o.plan);
    if (years) years.push(o.year);
    else targetYears.set(o.plan, [o.year]);
  }
  for (const plan of input.plans) {
    if (plan.period) continue;
    const years = targetYears.get(plan.id) ?? [];
    if (!years.length) continue;
    const [start, end] = [Math.min(...years), Math.max(...years)];
    plan.period = { label: start === end ? `${start}年` : `${start}—${end}年`, start, end };
    plan.periodFrom = 'targets';
  }
  return out;
}

/** Keys in the order the schema lists them, so the emitted JSON reads the same way for every record. */
let observationKeys: Array<keyof Observation> | undefined;
function inSchemaOrder(o: Observation): Observation {
  const keys = (observationKeys ??= Object.keys(ObservationSchema.shape) as Array<keyof Observation>);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out as Observation;
}

/** The unit of a value: printed with it, else the row's unit column, else the name's bracket, else none. */
function unitOf(value: ParsedValue, row: IndicatorRow | undefined, nameUnit: string | undefined): { unit?: string } {
  const unit = value.unit ?? row?.unit ?? nameUnit;
  return unit ? { unit } : {};
}
