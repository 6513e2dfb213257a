/**
 * Effective date and validity stated in a document's text:
 * 自2017年5月1日起施行 / 自印发之日起实施 / 有效期至2029年9月30日 / 有效期5年.
 */
import { isoDate } from './segment.ts';
import { parseCnNumber } from './cn-numerals.ts';
import type { Span } from './types.ts';

export interface Validity {
  /** ISO date from which the document applies. */
  effective?: string;
  /** ISO date after which it no longer applies (inclusive last day). */
  validUntil?: string;
  /** The sentences these were read from, with their source lines. */
  evidence: Array<{ text: string; span: Span }>;
}

const EFFECTIVE_ON = /自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起\s*(?:施行|实施|执行|生效)/;
const EFFECTIVE_FROM_ISSUE = /自\s*(?:印发|发布|公布)之日起\s*(?:施行|实施|执行|生效)/;
const VALID_UNTIL = /有效期\s*至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const VALID_YEARS = /有效期\s*(?:为)?\s*(\d+|[一二三四五六七八九十]+)\s*年/;

/** The sentence around a match, for evidence shown to readers. */
function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index) + 1, 0);
  const endStop = text.indexOf('。', index);
  return text.slice(start, endStop < 0 ? text.length : endStop + 1).trim();
}

/** Last day of a validity of `years` years starting on `iso`. */
export function addYearsInclusive(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Read validity from texts in reading order; `signed` is the document's own date (for 自印发之日起). */
export function readValidity(texts: ReadonlyArray<{ text: string; span: Span }>, signed?: string): Validity {
  const v: Validity = { evidence: [] };
  for (const { text, span } of texts) {
    const on = EFFECTIVE_ON.exec(text);
    const fromIssue = on ? null : EFFECTIVE_FROM_ISSUE.exec(text);
    const until = VALID_UNTIL.exec(text);
    const years = until ? null : VALID_YEARS.exec(text);
    if (on && !v.effective) v.effective = isoDate(on[1]!, on[2]!, on[3]!);
    if (fromIssue && !v.effective && signed) v.effective = signed;
    if (until && !v.validUntil) v.validUntil = isoDate(until[1]!, until[2]!, until[3]!);
    const start = v.effective ?? signed;
    if (years && !v.validUntil && start) v.validUntil = addYearsInclusive(start, parseCnNumber(years[1]!) ?? 0);
    const hit = on ?? fromIssue ?? until ?? years;
    if (hit) v.evidence.push({ text: sentenceAt(text, hit.index), span });
  }
  return v;
}
