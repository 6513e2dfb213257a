/** Departments on the real seeds: every clause parsed, counts pinned, exact assignments. */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from './support/corpus.ts';
import { textSlots } from '../scripts/ingest/body-text.ts';
import { findClauses, parentheticals } from '../scripts/ingest/responsibilities.ts';

const corpus = seedCorpus();
const inFile = (prefix: string) => corpus.documents.filter((d) => d.doc.span.file.startsWith(prefix));

describe('responsibility clauses in the seeds', () => {
  it('parses at least 240 clauses from 001 and 002, and every parenthetical naming a role is parsed', () => {
    const docs = [...inFile('001'), ...inFile('002')];
    let clauses = 0;
    const notParsed: string[] = [];
    for (const d of docs)
      for (const slot of textSlots(d.doc.body)) {
        const found = findClauses(slot.text);
        clauses += found.length;
        for (const c of found) if (c.unparsed.length) notParsed.push(`${d.doc.span.file}:${slot.span.start} ${c.unparsed.join(' / ')}`);
        for (const p of parentheticals(slot.text))
          if (/(负责|牵头|参与|配合)/.test(p.inner) && !found.some((c) => c.start === p.start)) notParsed.push(`${d.doc.span.file}:${slot.span.start} not a clause: ${p.inner}`);
      }
    expect(clauses).toBeGreaterThanOrEqual(240);
    expect(notParsed).toEqual([]);
  });
  it('matches every named body to the registry (no unmatched names)', () => {
    expect(corpus.diagnostics.filter((d) => d.rule.startsWith('departments/'))).toEqual([]);
    expect(corpus.assignments.filter((a) => !a.collective && !a.department)).toEqual([]);
  });
  it('pins assignments per document and per role', () => {
    const per = new Map<string, number>();
    for (const a of corpus.assignments) if (a.role !== 'mention') per.set(a.document, (per.get(a.document) ?? 0) + 1);
    expect(Object.fromEntries(per)).toEqual({
      'jilinsheng-renmin-zhengfu-gongbao-2021-11-jkgjjlcyfzxgjssf': 135,
      'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlskqzlggtsxdfa': 109,
      'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlsshjzlggtsxdfa': 103,
      'jilinsheng-renmin-zhengfu-gongbao-2021-11-jlstrhjzlggtsxdf': 71,
      jlssthjbhsswgh: 784,
    });
    const lead = (id: string) => corpus.assignments.filter((a) => a.department === id && a.role === 'lead').length;
    expect([lead('jilinsheng-sthjt'), lead('jilinshi-sthjj')]).toEqual([20, 16]);
  });
  it('records bodies named in running text as mentions, linking only those the registry knows', () => {
    const mentions = corpus.assignments.filter((a) => a.role === 'mention');
    expect(mentions.length).toBeGreaterThanOrEqual(30);
    expect(mentions.filter((a) => a.department).map((a) => a.department)).toEqual(['jilinshi-sthjj']);
    expect(mentions.map((a) => a.actor)).toEqual(expect.arrayContaining(['工业和信息化部门', '县级以上人民政府公安机关']));
  });

  it('records exact assignments with their task anchors', () => {
    const at = (document: string, anchor: string) => corpus.assignments.filter((a) => a.document === document && a.anchor === anchor).map((a) => `${a.role}:${a.department ?? a.actor}${a.implicit ? ' (note)' : ''}`);
    expect(at('jilinsheng-renmin-zhengfu-gongbao-2021-11-jkgjjlcyfzxgjssf', 'part-2-item-1-point-1')).toEqual(['lead:changchunshi-rmzf']);
    // After 以下任务均需各地政府负责落实，不再列出, later tasks carry 各地政府 too.
    expect(at('jilinsheng-renmin-zhengfu-gongbao-2021-11-jlskqzlggtsxdfa', 'part-2-item-1-point-2')).toContain('responsible:各地政府 (note)');
    expect(at('jlssthjbhsswgh', 'p-526')).toEqual(['responsible:jilinshi-nyncj', 'responsible:各县（市）区政府', 'responsible:各开发区管委会']);
  });
});
