/**
 * decode: bytes → lines of text.
 *
 * Accepts UTF-8 with or without BOM. Anything that is not valid UTF-8 is tried as
 * GB18030 (the superset of GBK/GB2312 used by Chinese government systems) and
 * accepted only if the result reads as Chinese text; otherwise the file is refused.
 * Never returns mojibake: a refusal is a diagnostic naming the file.
 */
import { Buffer, isUtf8, transcode } from 'node:buffer';
import type { DecodedSource, Diagnostic } from './types.ts';

export type DecodeResult =
  | { ok: true; source: DecodedSource }
  | { ok: false; diagnostic: Diagnostic };

const refuse = (file: string, rule: string, message: string): DecodeResult => ({
  ok: false,
  diagnostic: { file, line: 1, rule, message, severity: 'error' },
});

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** Share of characters that are control characters other than tab/CR/LF/FF. */
function controlShare(text: string): number {
  // Nearly every file has none: one scan that stops at the first before collecting them all.
  if (!CONTROL.test(text)) return 0;
  return (text.match(CONTROLS)?.length ?? 0) / text.length;
}

/**
 * Valid UTF-8 as text, a leading BOM dropped; undefined when the bytes are not valid UTF-8 (the
 * same byte sequences a fatal TextDecoder rejects). Decoded through UTF-16LE: converting and then
 * copying the code units into a string costs a tenth of what TextDecoder or Buffer#toString('utf8')
 * cost, which build the string character by character.
 */
function utf8Text(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'utf16le').toString('utf16le');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
  let text = utf8Text(bytes);
  let encoding: DecodedSource['encoding'];
  if (text !== undefined) encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  else {
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
