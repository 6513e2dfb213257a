// The catalog's compact record map (src/scripts/search-records.ts): every record id of the index
// finds its page and passage again, however the hashes collide.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecords, RecordPlaces, shortestPrefixes, type Place, type ShardPages } from '../../src/scripts/search-records.ts';

describe('shortest prefixes', () => {
  it('cuts each string where it parts from its nearest neighbour', () => {
    expect(Object.fromEntries(shortestPrefixes(['0198d7b', '02c5bff', '0341584', '0345aaa', 'f000000']))).toEqual({
      '0198d7b': '01',
      '02c5bff': '02',
      '0341584': '0341',
      '0345aaa': '0345',
      f000000: 'f',
    });
  });

  it('keeps whole, and marks, a string that another one lengthens', () => {
    expect(Object.fromEntries(shortestPrefixes(['abc1234', 'abc12345', 'abd0000']))).toEqual({ abc1234: 'abc1234!', abc12345: 'abc12345', abd0000: 'abd' });
  });

  it('cuts a lone string to one character', () => {
    expect(Object.fromEntries(shortestPrefixes(['0198d7b']))).toEqual({ '0198d7b': '0' });
  });
});

describe('the record map', () => {
  const shards: ShardPages[] = [
    { language: 'zh-cn', pages: 2 },
    { language: 'zh-cn-x-s1', pages: 2 },
  ];
  const places = new Map<string, Place>([
    ['zh-cn_0198d7b', [0, 0]],
    ['zh-cn_02c5bff', [0, 1]],
    ['zh-cn_0341584', [1, 0]],
    ['zh-cn-x-s1_0198d7b', [3, 0]],
  ]);

  it('lists pages in order, passages in order, without the language tag', () => {
    // Page 2 has no passage (an empty page); the shard-1 id shares its hash with a shard-0 one.
    expect(encodeRecords(shards, places)).toBe('01,02;03;;0');
  });

  it('decodes to the same places', () => {
    const decoded = new RecordPlaces(shards, encodeRecords(shards, places));
    expect(decoded.size).toBe(places.size);
    for (const [id, place] of places) expect(decoded.get(id)).toEqual(place);
  });

  it('tells an id kept whole from the longer one it is a prefix of', () => {
    const lengthened = new Map<string, Place>([
      ['zh-cn_abc1234', [0, 0]],
      ['zh-cn_abc12345', [0, 1]],
      ['zh-cn_abd0000', [1, 0]],
    ]);
    const oneShard = [{ language: 'zh-cn', pages: 2 }];
    const encoded = encodeRecords(oneShard, lengthened);
    expect(encoded).toBe('abc1234!,abc12345;abd');
    const decoded = new RecordPlaces(oneShard, encoded);
    for (const [id, place] of lengthened) expect(decoded.get(id)).toEqual(place);
  });

  it('refuses a map that would misplace a record', () => {
    expect(() => encodeRecords(shards, new Map<string, Place>([['zh-cn_0198d7b', [2, 0]]]))).toThrow(/shard zh-cn, but page 2 is in zh-cn-x-s1/);
    expect(() => encodeRecords(shards, new Map<string, Place>([['zh-cn_0198d7b', [0, 1]]]))).toThrow(/page 0 has a passage without a record/);
    expect(() => encodeRecords(shards, new Map<string, Place>([['zh-cn_0198d7b', [0, 0]], ['zh-cn_0198d7c', [0, 0]]]))).toThrow(/two records for passage 0 of page 0/);
    expect(() => encodeRecords(shards, new Map<string, Place>([['0198d7b', [0, 0]]]))).toThrow(/not a Pagefind record id/);
    expect(() => new RecordPlaces(shards, '01;02')).toThrow(/records for 2 pages, shards of 4/);
  });

  it('round-trips any index: distinct hashes of 7 or more hex digits, any number of shards, pages and passages', () => {
    const shard = fc.record({
      // Few distinct digits, so that prefixes collide and some ids are prefixes of others.
      hashes: fc.uniqueArray(fc.stringMatching(/^[0-2]{7,9}$/), { maxLength: 60 }),
      pages: fc.integer({ min: 1, max: 8 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(shard, { minLength: 1, maxLength: 4 }), (cut) => {
        const shardPages: ShardPages[] = cut.map((s, k) => ({ language: k === 0 ? 'zh-cn' : `zh-cn-x-s${k}`, pages: s.pages }));
        const expected = new Map<string, Place>();
        let firstPage = 0;
        cut.forEach((s, k) => {
          const passages = new Array<number>(s.pages).fill(0);
          s.hashes.forEach((hash, i) => {
            const page = firstPage + ((i * 7 + s.seed) % s.pages + s.pages) % s.pages;
            expected.set(`${shardPages[k]!.language}_${hash}`, [page, passages[page - firstPage]!++]);
          });
          firstPage += s.pages;
        });
        const decoded = new RecordPlaces(shardPages, encodeRecords(shardPages, expected));
        expect(decoded.size).toBe(expected.size);
        for (const [id, place] of expected) expect(decoded.get(id)).toEqual(place);
      }),
    );
  });
});
