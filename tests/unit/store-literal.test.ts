import { describe, expect, it } from 'vitest';
import { PIECE_CHARS, splitStoreLiteral } from '../../src/integrations/store-literal.ts';

/** The module as Astro's content plugin writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (json: string): string => `export default JSON.parse(${JSON.stringify(json)})`;

/** Evaluate an ES module's code and return its default export. */
async function defaultExport(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  return mod.default;
}

describe('splitStoreLiteral', () => {
  // Text that is awkward to cut: Chinese, a character outside the BMP (a surrogate pair), quotes,
  // backslashes, a line separator and escapes that JSON.stringify writes.
  const store = [['Map', 1, 2], 'documents', { title: '关于印发吉林省“十四五”生态环境保护规划的通知', note: '𠀀𪚥 "引号" \\ 反斜杠 \u2028 \n\t 吉政办发〔2017〕7号' }];
  const json = JSON.stringify(store);

  it('gives back the same store, cut at every possible place', async () => {
    for (const piece of [1, 2, 3, 7, 64]) {
      const split = splitStoreLiteral(astroModule(json), piece);
      expect(split, `piece ${piece}`).toBeDefined();
      expect(split!.split('\n').filter((l) => l.startsWith('"')).length).toBe(Math.ceil(json.length / piece));
      expect(await defaultExport(split!)).toEqual(store);
    }
  });

  it('cuts a surrogate pair and joins it back whole', async () => {
    const text = JSON.stringify(['𠀀𠀀𠀀']);
    const split = splitStoreLiteral(astroModule(text), 3)!;
    expect(split).toContain('\\ud840');
    expect(await defaultExport(split)).toEqual(['𠀀𠀀𠀀']);
  });

  it('cuts a store of the real size into literals of PIECE_CHARS', () => {
    const big = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => `第${i}条 吉政发〔2017〕${i}号`));
    const split = splitStoreLiteral(astroModule(big))!;
    const literals = split.split('\n').filter((l) => l.startsWith('"'));
    expect(literals.length).toBe(Math.ceil(big.length / PIECE_CHARS));
    expect(literals.map((l) => JSON.parse(l.replace(/,$/, '')) as string).join('')).toBe(big);
  });

  it('leaves any other module alone', () => {
    expect(splitStoreLiteral('export default new Map()')).toBeUndefined();
    expect(splitStoreLiteral(astroModule(json))).toBeUndefined(); // short enough already
    expect(splitStoreLiteral('export default{"documents":[(await import("astro:data-layer-content-chunk:a.json"))]}', 4)).toBeUndefined();
    expect(splitStoreLiteral('export default JSON.parse("a" + "b")', 1)).toBeUndefined();
    expect(splitStoreLiteral('export default JSON.parse(someName)', 1)).toBeUndefined();
  });
});
