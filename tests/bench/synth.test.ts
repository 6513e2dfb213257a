/**
 * Corpus synthesis for `npm run bench`: a 2× corpus is a valid input whose second copy has its
 * own 文号, dates, issue and cumulative numbers and slugs, with paragraphs reordered, and ingests
 * without duplicate slugs. (No timings here: the benchmark measures, the tests only check.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyPlace, shuffleParagraphs, synthesizeCopy, synthesizeCorpus } from '../../scripts/bench/synth.ts';
import { ingestCorpus } from '../../scripts/ingest/pipeline.ts';
import { validateCorpus } from '../../scripts/ingest/validate.ts';
import { readRegistry } from '../../scripts/ingest/cli.ts';

const root = join(import.meta.dirname, '../..');
const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(root, 'seeds', name), 'utf8') }));

function ingest(texts: Array<{ name: string; text: string }>) {
  const corpus = ingestCorpus(texts.map((s) => ({ name: s.name, bytes: new TextEncoder().encode(s.text) })), readRegistry(join(root, 'content')));
  corpus.diagnostics.push(...validateCorpus(corpus));
  return corpus;
}

describe('bench corpus synthesis', () => {
  const single = ingest(seeds);
  const double = ingest(synthesizeCorpus(seeds, 2));
  const isCopy = (file: string): boolean => file.includes('__c0001');

  it('copy 0 is the seeds unchanged', () => {
    expect(synthesizeCorpus(seeds, 1)).toEqual(seeds);
  });

  it('a 2× corpus ingests to twice the documents and issues, without errors or duplicate slugs', () => {
    expect(double.documents.length).toBe(2 * single.documents.length);
    expect(double.issues.length).toBe(2 * single.issues.length);
    expect(double.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(double.diagnostics.filter((d) => d.rule === 'ingest/duplicate-slug')).toEqual([]);
    expect(new Set(double.documents.map((d) => d.slug)).size).toBe(double.documents.length);
  });

  it('the copy has its own 文号, dates, issue and cumulative numbers', () => {
    const original = double.documents.filter((d) => !isCopy(d.doc.span.file));
    const copy = double.documents.filter((d) => isCopy(d.doc.span.file));
    expect(copy.length).toBe(original.length);
    const numbers = (docs: typeof copy) => docs.map((d) => d.doc.docNumber).filter(Boolean);
    expect(numbers(copy).length).toBeGreaterThanOrEqual(numbers(original).length);
    for (const n of numbers(copy)) expect(numbers(original)).not.toContain(n);
    const dates = (docs: typeof copy) => new Set(docs.map((d) => d.doc.date).filter(Boolean));
    expect(dates(copy).size).toBe(dates(original).size);
    for (const d of dates(copy)) expect(dates(original).has(d)).toBe(false);
    const issues = double.issues;
    const keys = issues.map((i) => `${i.publication}/${i.year}/${i.issue}`);
    expect(new Set(keys).size).toBe(issues.length);
    const cumulative = issues.map((i) => i.cumulative?.number).filter((c) => c !== undefined);
    expect(cumulative.length).toBe(issues.length);
    expect(new Set(cumulative).size).toBe(cumulative.length);
  });

  it('every copy of a larger corpus keeps distinct slugs (first two years of copies)', () => {
    const corpus = ingest(synthesizeCorpus(seeds.filter((s) => s.name.startsWith('004') || s.name.startsWith('000')), 26));
    expect(corpus.diagnostics.filter((d) => d.rule === 'ingest/duplicate-slug')).toEqual([]);
    expect(corpus.documents.length).toBe(26 * 7);
  });

  it('copies are placed in time: years back and a slot within the year', () => {
    expect(copyPlace(1)).toEqual({ years: 1, slot: 0 });
    expect(copyPlace(12)).toEqual({ years: 1, slot: 11 });
    expect(copyPlace(13)).toEqual({ years: 2, slot: 0 });
  });

  it('paragraphs are reordered inside a run, headings stay in place, nothing is lost', () => {
    const lines = ['一、总体要求', ...Array.from({ length: 8 }, (_, i) => `这是第${i}段正文，内容足够长以便被视为一个普通的段落。`), '二、主要任务', '最后一段正文也足够长，可以被看作普通段落的内容。'];
    let seed = 1;
    const out = shuffleParagraphs(lines, () => ((seed = (seed * 16807) % 2147483647) / 2147483647));
    expect(out[0]).toBe('一、总体要求');
    expect(out[9]).toBe('二、主要任务');
    expect([...out].sort()).toEqual([...lines].sort());
    expect(out).not.toEqual(lines);
  });

  it('a copy keeps every seed line’s text apart from the rewritten numbers (same multiset of Han characters)', () => {
    for (const s of seeds) {
      const han = (t: string) => [...t.replace(/[^\p{Script=Han}]/gu, '')].sort().join('');
      const copy = synthesizeCopy(s, 1).text.replace(/吉综发〔\d+〕\d+号/, '');
      expect(han(copy)).toBe(han(s.text));
    }
  });
});
