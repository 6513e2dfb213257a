/** Reading needs no JavaScript: no document page requests a script on load, and the shortest stays small. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { measurePage } from '../../scripts/measure-weight.ts';
import { DIST } from '../support/corpus.ts';

const dist = DIST;
const base = (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/');

describe('page weight', () => {
  it('document pages make no JavaScript request before interaction; the shortest weighs ≤ 15 KB gzip with its CSS', () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no build: run npm run build first`);
    const docs = readdirSync(join(dist, 'documents')).filter((f) => existsSync(join(dist, 'documents', f, 'index.html')));
    const weights = docs.map((d) => measurePage(dist, base, 'document', `documents/${d}`));
    expect(weights.filter((w) => w.jsRequests > 0).map((w) => w.page)).toEqual([]);
    const shortest = weights.sort((a, b) => a.html[1] - b.html[1])[0]!;
    expect(shortest.html[1] + shortest.css[1] + shortest.js[1]).toBeLessThanOrEqual(15 * 1024);
  });
  it('every page shares one stylesheet', () => {
    const home = measurePage(dist, base, 'home', '');
    const doc = measurePage(dist, base, 'document', 'documents/jzbf-2017-7');
    expect(home.css).toEqual(doc.css);
    expect(home.css[1]).toBeLessThanOrEqual(8 * 1024);
  });
});
