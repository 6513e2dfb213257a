/** Property tests: every per-line rule is idempotent and never changes the sequence of ideographs. */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { LINE_RULES, normaliseLineText } from '../../scripts/ingest/normalise.ts';

const pieces = ['吉', '林', '省', '生', '态', '环', '境', '局', '，', '。', '、', '：', ' ', '  ', '\u3000', '\t', '#', '**', '- ', '1', '２', '0', '年', '(', ')', '（', '）', '_{2.5}', '<sub>', '</sub>', 'PM', '第', '条', '一', '-', '³', 'm', '[', ']', '{', '}', '<', '>'];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
const ideographs = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');

describe('normalisation rules (property-based)', () => {
  for (const rule of LINE_RULES) {
    it(`${rule.name} is idempotent`, () => {
      fc.assert(fc.property(line, (s) => rule(rule(s)) === rule(s)));
    });
    it(`${rule.name} never changes the ideographs`, () => {
      fc.assert(fc.property(line, (s) => ideographs(rule(s)) === ideographs(s)));
    });
  }
  it('the whole chain, run to its fixpoint, is idempotent and keeps the ideographs', () => {
    fc.assert(fc.property(line, (s) => normaliseLineText(normaliseLineText(s)) === normaliseLineText(s) && ideographs(normaliseLineText(s)) === ideographs(s)), { numRuns: 2000 });
  });
});
