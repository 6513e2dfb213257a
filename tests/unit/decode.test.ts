import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource } from '../../scripts/ingest/decode.ts';
import { SEEDS } from '../support/corpus.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('reads UTF-8 with a BOM and CRLF/CR line ends', () => {
    const r = decodeSource('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('第一行\r\n第二行\r第三行\n')]));
    expect(r.ok && r.source.lines).toEqual(['第一行', '第二行', '第三行']);
    expect(r.ok && r.source.encoding).toBe('utf-8-bom');
  });
  it('decodes a GB18030 copy of a seed to the same text as the UTF-8 original', () => {
    const original = readFileSync(join(SEEDS, '004_f7ab706c9a2973ea.txt'), 'utf8').replace(/^\uFEFF/, '');
    const r = decodeSource('gb.txt', iconv.encode(original, 'gb18030'));
    expect(r.ok && r.source.encoding).toBe('gb18030');
    expect(r.ok && r.source.lines.join('\n')).toBe(original.split(/\r\n|\r|\n/).filter((_, i, a) => i < a.length - 1 || a[i] !== '').join('\n'));
  });
  it('refuses empty, binary and undecodable files with a message naming the file', () => {
    for (const [bytes, rule] of [
      [new Uint8Array(), 'decode/empty'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'decode/binary'],
      [new Uint8Array([0xff, 0xfe, 0xfd, 0x81, 0x30, 0xff]), 'decode/unknown-encoding'],
    ] as const) {
      const r = decodeSource('bad.txt', bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostic.rule).toBe(rule);
        expect(r.diagnostic.file).toBe('bad.txt');
      }
    }
  });
});
