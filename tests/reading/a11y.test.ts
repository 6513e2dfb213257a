/** axe-core in Chromium over every page type of the built site: no serious or critical violations. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from '../support/corpus.ts';
import { useBuiltSite } from '../support/browser.ts';

const out = DIST;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One page of each type that exists in this build (plans and indicators once they are built). */
function pageTypes(): Array<[string, string]> {
  const first = (dir: string) => {
    const path = join(out, dir);
    return existsSync(path) ? readdirSync(path).find((f) => existsSync(join(path, f, 'index.html'))) : undefined;
  };
  const candidates: Array<[string, string | undefined]> = [
    ['home', ''],
    ['publications', 'publications/'],
    ['publication', `publications/${first('publications')}/`],
    ['issue', 'issues/jilinsheng-renmin-zhengfu-gongbao/2017/8/'],
    ['documents', 'documents/'],
    ['short document', 'documents/jzbf-2017-7/'],
    ['long document with tables', 'documents/jlssthjbhsswgh/'],
    ['regulation', 'documents/jlsrmzfl-261/'],
    ['references', 'references/'],
    ['departments', 'departments/'],
    ['department', 'departments/jilinsheng-sthjt/'],
    ['lookup by 文号', 'wh/'],
    ['search', 'search/?q=警务辅助人员'],
    ['plans', existsSync(join(out, 'plans', 'index.html')) ? 'plans/' : undefined],
    ['plan', first('plans') ? `plans/${first('plans')}/` : undefined],
    ['indicators', existsSync(join(out, 'indicators', 'index.html')) ? 'indicators/' : undefined],
    ['indicator', first('indicators') ? `indicators/${first('indicators')}/` : undefined],
    ['data', existsSync(join(out, 'data', 'index.html')) ? 'data/' : undefined],
  ];
  return candidates.filter((c): c is [string, string] => c[1] !== undefined);
}

const site = useBuiltSite(out);

describe('accessibility (axe-core)', () => {
  for (const [name, path] of pageTypes()) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name} (${scheme}): no serious or critical violations`, async () => {
        const page = await site.browser().newPage({ colorScheme: scheme });
        await page.goto(site.url() + path);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }
});
