import { describe, expect, it } from 'vitest';
import { PIECE_CHARS, cutBefore, isOneStringLiteral, splitStoreLiteral } from '../../src/integrations/store-literal.ts';

/** The module as Astro's content plugin writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (json: string): string => `export default JSON.parse(${JSON.stringify(json)})`;

/** Evaluate an ES module's code and return its default export. */
async function defaultExport(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  return mod.default;
}

/** The literals of a split module, one per line. */
const literalsOf = (code: string): string[] =>
  code
    .split('\n')
    .filter((l) => l.startsWith('"'))
    .map((l) => l.replace(/,$/, ''));

describe('splitStoreLiteral', () => {
  // Text that is awkward to cut: Chinese, characters outside the BMP (surrogate pairs), a lone
  // surrogate (written \udXXX), quotes, runs of backslashes, control characters, a line separator.
  const store = [['Map', 1, 2], 'documents', { title: '关于印发吉林省“十四五”生态环境保护规划的通知', note: '𠀀𪚥 "引号" \\ \\\\\\ 反斜杠 \u2028 \n\t\u0001 吉政办发〔2017〕7号 \ud800 end"' }];
  const json = JSON.stringify(store);

  it('gives back the same store for every piece length, each piece a whole string literal', async () => {
    for (let piece = 6; piece <= 40; piece++) {
      const split = splitStoreLiteral(astroModule(json), piece);
      expect(split, `piece ${piece}`).toBeDefined();
      const literals = literalsOf(split!);
      for (const l of literals) {
        expect(l.length - 2, l).toBeLessThanOrEqual(piece);
        expect(() => JSON.parse(l) as unknown, `piece ${piece}: ${l}`).not.toThrow();
      }
      expect(literals.map((l) => JSON.parse(l) as string).join('')).toBe(json);
    }
    expect(await defaultExport(splitStoreLiteral(astroModule(json), 7)!)).toEqual(store);
  });

  it('cuts a store of the real size into literals of at most PIECE_CHARS', () => {
    const big = JSON.stringify(Array.from({ length: 40_000 }, (_, i) => `第${i}条 "吉政发〔2017〕${i}号" \\ ${String.fromCharCode(i % 32)}`));
    const literals = literalsOf(splitStoreLiteral(astroModule(big))!);
    expect(literals.length).toBeGreaterThanOrEqual(Math.ceil(JSON.stringify(big).length / PIECE_CHARS));
    for (const l of literals) expect(l.length - 2).toBeLessThanOrEqual(PIECE_CHARS);
    expect(literals.map((l) => JSON.parse(l) as string).join('')).toBe(big);
  });

  it('leaves any other module alone', () => {
    expect(splitStoreLiteral('export default new Map()')).toBeUndefined();
    expect(splitStoreLiteral(astroModule(json))).toBeUndefined(); // short enough already
    expect(splitStoreLiteral('export default{"documents":[(await import("astro:data-layer-content-chunk:a.json"))]}', 6)).toBeUndefined();
    expect(splitStoreLiteral('export default JSON.parse("aaaaaaaa" + "bbbbbbbb")', 6)).toBeUndefined();
    expect(splitStoreLiteral('export default JSON.parse(someName)', 6)).toBeUndefined();
  });
});

describe('isOneStringLiteral', () => {
  it('takes what JSON.stringify writes and nothing else', () => {
    for (const text of ['', 'a', '"', '\\', '\\"', '吉\n政', '\ud800']) expect(isOneStringLiteral(JSON.stringify(text)), text).toBe(true);
    expect(isOneStringLiteral('"a" + "b"')).toBe(false);
    expect(isOneStringLiteral('"a\\"')).toBe(false); // the closing quote is escaped
    expect(isOneStringLiteral('"a\\\\"')).toBe(true);
    expect(isOneStringLiteral("'a'")).toBe(false);
    expect(isOneStringLiteral('"a\nb"')).toBe(false);
  });
});

describe('cutBefore', () => {
  it('never cuts inside an escape', () => {
    const body = JSON.stringify('a\\"\u0001b\\\\\u00e9\n').slice(1, -1); // a\\\"\u0001b\\\\\\\\é\\n
    const boundaries = new Set<number>();
    for (let i = 0, at = 0; i <= body.length; i++) {
      if (i === at) {
        boundaries.add(i);
        at += body[i] === '\\' ? (body[i + 1] === 'u' ? 6 : 2) : 1;
      }
    }
    for (let p = 1; p <= body.length; p++) {
      const cut = cutBefore(body, p);
      expect(boundaries.has(cut), `p ${p} → ${cut}`).toBe(true);
      expect(cut).toBeLessThanOrEqual(p);
      expect(p - cut).toBeLessThan(6);
    }
  });
});
