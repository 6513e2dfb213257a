/** Fidelity on the built site: every sentence of every seed is on the page it belongs to. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkFidelity, pageText, sentences } from '../scripts/check-fidelity.ts';
import { CONTENT, SEEDS, DIST } from './support/corpus.ts';


describe('fidelity report', () => {
  it('reads page text as a reader sees it', () => {
    expect(pageText('<p>第一条 <a href="#x">《办法》</a>&lt;script&gt; &#x4e00;<script>var a="不算";</script></p>')).toBe('第一条《办法》<script>一');
    expect(sentences('第一条 为了规范管理，制定本办法。本办法自公布之日起施行；附')).toEqual(['第一条为了规范管理，制定本办法。', '本办法自公布之日起施行；', '附']);
  });
  it('finds 100% of the seeds’ sentences in the built HTML', () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
    const results = checkFidelity(SEEDS, CONTENT, DIST);
    for (const r of results) console.log(`fidelity ${r.file}: ${r.found}/${r.sentences} sentences`);
    expect(results).toHaveLength(5);
    expect(results.flatMap((r) => r.missing.map((m) => `${r.file}:${m.line} ${m.sentence}`))).toEqual([]);
  });
});
