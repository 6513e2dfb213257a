// Which shard each page goes into across builds (scripts/search-index/shard-layout.ts).
import { describe, expect, it } from 'vitest';
import { planLayout, reindexAll, ShardLayout, type ShardManifest } from '../../scripts/search-index/shard-layout.ts';

const page = (url: string, key = `k-${url}`) => ({ url, key });
const always = () => true;

/** Place `pages` (URL → characters) as a build would: in the plan's order, into a layout from it. */
function place(plan: ReturnType<typeof planLayout>, units: Record<string, number>, shardUnits: number) {
  const layout = new ShardLayout(plan.kept, shardUnits, plan.added > 0);
  for (const url of plan.order) layout.place(url, units[url]!);
  return layout.shards().map(({ id, reuse, urls, units: u }) => ({ id, reuse, urls, units: u }));
}

/** The manifest a build of `shards` (id → its pages) leaves. */
function manifest(shards: Array<[number, string[]]>, version = 'v1'): ShardManifest {
  return { version, separator: '¶', include: '', shards: shards.map(([id, urls]) => ({ id, pages: urls.map((u) => page(u)), records: {} })) };
}

describe('the shard layout', () => {
  const units = { '/a/': 40, '/b/': 40, '/c/': 40, '/d/': 40, '/e/': 30, '/f/': 10, '/g/': 10, '/h/': 90 };
  const all = Object.keys(units).map((u) => page(u));

  it('cuts pages in URL order at the shard size on a first build, never splitting a page', () => {
    const plan = planLayout(all, undefined, 'v1', always);
    expect(plan.order).toEqual(Object.keys(units));
    expect(place(plan, units, 100)).toEqual([
      { id: 0, reuse: false, urls: ['/a/', '/b/'], units: 80 },
      { id: 1, reuse: false, urls: ['/c/', '/d/'], units: 80 },
      { id: 2, reuse: false, urls: ['/e/', '/f/', '/g/'], units: 50 },
      { id: 3, reuse: false, urls: ['/h/'], units: 90 },
    ]);
  });

  const before = manifest([[0, ['/a/', '/b/']], [1, ['/c/', '/d/']], [2, ['/e/', '/f/', '/g/']]]);
  const seven = all.filter((p) => p.url !== '/h/');

  it('keeps every shard of an unchanged site', () => {
    const plan = planLayout(seven, before, 'v1', always);
    expect(plan.discarded).toBeUndefined();
    expect(place(plan, units, 100).map((s) => [s.id, s.reuse])).toEqual([[0, true], [1, true], [2, true]]);
  });

  it('indexes again only the shard of a changed page, and one whose page is gone', () => {
    const pages = seven.filter((p) => p.url !== '/f/').map((p) => (p.url === '/c/' ? page('/c/', 'changed') : p));
    const shards = place(planLayout(pages, before, 'v1', always), units, 100);
    expect(shards.map((s) => [s.id, s.reuse, s.urls])).toEqual([
      [0, true, ['/a/', '/b/']],
      [1, false, ['/c/', '/d/']],
      [2, false, ['/e/', '/g/']],
    ]);
  });

  it('puts new pages into the last shard while it has room, then into new shards, and keeps the others', () => {
    const withNew = [...seven, page('/b2/'), page('/z/'), page('/zz/')];
    const u = { ...units, '/b2/': 30, '/z/': 40, '/zz/': 40 };
    const plan = planLayout(withNew, before, 'v1', always);
    expect(plan.order).toEqual(['/a/', '/b/', '/c/', '/d/', '/e/', '/f/', '/g/', '/b2/', '/z/', '/zz/']);
    expect(place(plan, u, 100).map((s) => [s.id, s.reuse, s.urls])).toEqual([
      [0, true, ['/a/', '/b/']],
      [1, true, ['/c/', '/d/']],
      [2, false, ['/e/', '/f/', '/g/', '/b2/']],
      [3, false, ['/z/', '/zz/']],
    ]);
  });

  it('leaves a full last shard as it is and opens a new one for new pages', () => {
    const full = manifest([[0, ['/a/', '/b/']], [1, ['/c/', '/d/', '/e/']]]);
    const u = { ...units, '/e/': 20, '/z/': 5 };
    const plan = planLayout([...all.filter((p) => ['/a/', '/b/', '/c/', '/d/', '/e/'].includes(p.url)), page('/z/')], full, 'v1', always);
    expect(place(plan, u, 100).map((s) => [s.id, s.reuse, s.urls])).toEqual([
      [0, true, ['/a/', '/b/']],
      [1, true, ['/c/', '/d/', '/e/']],
      [2, false, ['/z/']],
    ]);
  });

  it('drops a shard whose pages are all gone, and never numbers two shards alike', () => {
    const pages = seven.filter((p) => !['/c/', '/d/'].includes(p.url)).concat(page('/z/'));
    const shards = place(planLayout(pages, before, 'v1', always), { ...units, '/z/': 80 }, 100);
    expect(shards.map((s) => [s.id, s.reuse, s.urls])).toEqual([
      [0, true, ['/a/', '/b/']],
      [2, true, ['/e/', '/f/', '/g/']],
      [3, false, ['/z/']],
    ]);
  });

  it('indexes a shard again when its bundle is no longer in the cache', () => {
    const shards = place(planLayout(seven, before, 'v1', (id) => id !== 1), units, 100);
    expect(shards.map((s) => [s.id, s.reuse])).toEqual([[0, true], [1, false], [2, true]]);
  });

  it('cuts every shard anew when the code or settings changed, or the first shard is empty', () => {
    expect(planLayout(seven, before, 'v2', always)).toMatchObject({ kept: [], discarded: expect.stringContaining('code') });
    const noFirst = seven.filter((p) => !['/a/', '/b/'].includes(p.url));
    const plan = planLayout(noFirst, before, 'v1', always);
    expect(plan).toMatchObject({ kept: [], discarded: expect.stringContaining('first shard') });
    expect(place(plan, units, 100)[0]).toMatchObject({ id: 0, urls: ['/c/', '/d/'] });
  });

  it('keeps the layout but indexes every shard again when told to (a new block separator)', () => {
    const plan = reindexAll(planLayout(seven, before, 'v1', always), 'a new block separator');
    expect(plan.discarded).toBe('a new block separator');
    const shards = place(plan, units, 100);
    expect(shards.map((s) => [s.id, s.reuse, s.urls.length])).toEqual([[0, false, 2], [1, false, 2], [2, false, 3]]);
  });
});
