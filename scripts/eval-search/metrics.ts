// Ground truth and scores for the search evaluation.
//
// Ground truth of a query: the pages whose indexed text (what Pagefind extracts from the page:
// data-pagefind-body without data-pagefind-ignore) contains it, whitespace ignored. Text and query
// are compared the way the search promises to compare them: case-insensitive, full-width letters
// and digits as ASCII, and a 文号 in any bracket form (吉政办发[2017]7号 = 吉政办发〔2017〕7号).
import { docNumberOfQuery, queryUnits } from '../../src/scripts/search-text.ts';
import type { Category } from './queries.ts';

export function groundTruthText(text: string): string {
  return queryUnits(text).join('');
}

export function groundTruthKey(query: string): string {
  return queryUnits(docNumberOfQuery(query) ?? query).join('');
}

export function groundTruth(pages: Array<{ path: string; gt: string }>, query: string): Set<string> {
  const key = groundTruthKey(query);
  return new Set(pages.filter((page) => page.gt.includes(key)).map((page) => page.path));
}

export interface Run {
  category: Category;
  q: string;
  expected: Set<string>;
  found: string[];
  ms: number;
}

export interface Scores {
  queries: number;
  /** Mean over queries of |found ∩ expected| / |expected|. */
  recall: number;
  /** Mean over queries that found something of |found ∩ expected| / |found|. */
  precision: number;
  /** Pooled over all queries: Σ|found ∩ expected| / Σ|expected| and / Σ|found|. */
  microRecall: number;
  microPrecision: number;
  /** Queries that occur in the corpus but found nothing. */
  zeroHits: number;
  /** Queries whose result set is exactly the ground truth. */
  exact: number;
  medianMs: number;
  p95Ms: number;
}

/** The value at quantile q of a list (0.5: the median, by the lower middle); 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function score(runs: Run[]): Scores {
  let recallSum = 0;
  let precisionSum = 0;
  let precisionCount = 0;
  let tp = 0;
  let expectedTotal = 0;
  let foundTotal = 0;
  let zeroHits = 0;
  let exact = 0;
  for (const run of runs) {
    const found = new Set(run.found);
    const hits = [...found].filter((path) => run.expected.has(path)).length;
    tp += hits;
    expectedTotal += run.expected.size;
    foundTotal += found.size;
    recallSum += run.expected.size === 0 ? 1 : hits / run.expected.size;
    if (found.size > 0) {
      precisionSum += hits / found.size;
      precisionCount++;
    }
    if (found.size === 0 && run.expected.size > 0) zeroHits++;
    if (hits === found.size && hits === run.expected.size) exact++;
  }
  const ms = runs.map((run) => run.ms);
  return {
    queries: runs.length,
    recall: runs.length ? recallSum / runs.length : 1,
    precision: precisionCount ? precisionSum / precisionCount : 1,
    microRecall: expectedTotal ? tp / expectedTotal : 1,
    microPrecision: foundTotal ? tp / foundTotal : 1,
    zeroHits,
    exact,
    medianMs: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
  };
}
