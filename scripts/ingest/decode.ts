/**
 * decode: bytes → lines of text.
 *
 * Accepts UTF-8 with or without BOM. Anything that is not valid UTF-8 is tried as
 * GB18030 (the superset of GBK/GB2312 used by Chinese government systems) and
 * accepted only if the result reads as Chinese text; otherwise the file is refused.
 * Never returns mojibake: a refusal is a diagnostic naming the file.
 */
import type { DecodedSource, Diagnostic } from './types.ts';

export type DecodeResult =
  | { ok: true; source: DecodedSource }
  | { ok: false; diagnostic: Diagnostic };

const refuse = (file: string, rule: string, message: string): DecodeResult => ({
  ok: false,
  diagnostic: { file, line: 1, rule, message, severity: 'error' },
});

/** Share of characters that are control characters other than tab/CR/LF/FF. */
function controlShare(text: string): number {
  const control = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.length === 0 ? 0 : control / text.length;
}

/** Share of non-ASCII characters that are CJK ideographs or CJK punctuation. */
export function cjkShareOfNonAscii(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f)
    )
      cjk++;
  }
  return nonAscii === 0 ? 1 : cjk / nonAscii;
}

/** Split on CRLF, CR or LF; a final line terminator does not create an empty last line. */
export function splitLines(text: string): string[] {
  // Without a CR the line ends are LFs: a plain split, which is faster than the pattern over a whole file.
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function decodeSource(file: string, bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return refuse(file, 'decode/empty', 'file is empty');
  if (bytes.includes(0)) return refuse(file, 'decode/binary', 'file contains NUL bytes: not a text file');

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  let encoding: DecodedSource['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return refuse(file, 'decode/unknown-encoding', 'file is neither valid UTF-8 nor valid GB18030');
    }
    // Random bytes often decode as GB18030 too; real text is mostly CJK once past ASCII.
    if (cjkShareOfNonAscii(text) < 0.8)
      return refuse(file, 'decode/unknown-encoding', 'file is not valid UTF-8 and does not read as GB18030 Chinese text');
    encoding = 'gb18030';
  }
  if (controlShare(text) > 0.01) return refuse(file, 'decode/binary', 'file contains control characters: not a text file');
  if (text.trim() === '') return refuse(file, 'decode/empty', 'file has no text');
  return { ok: true, source: { file, encoding, lines: splitLines(text) } };
}
