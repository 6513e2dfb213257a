/**
 * The content layer's store reaches the build as one JavaScript module, `export default
 * JSON.parse("…")`, whose one string literal is the whole store (85 million characters at 10,005
 * documents). V8's scanner collects a string literal in a buffer that grows by at most 1 MB at a
 * time once past a few hundred KB (v8 src/parsing/literal-buffer.cc, `NewCapacity`), so reading a
 * literal costs time quadratic in its length: importing that module took 115 s at 10,005 documents
 * (6 s at 2,300), before the first page rendered. Cut into literals of 256 Ki characters joined at
 * run time, the same module imports in ~5 s. The store's text is unchanged.
 */
import type { Plugin } from 'vite';

/** The id Astro's content plugin gives the store's module (astro/dist/content/consts.js). */
export const STORE_MODULE_ID = '\0astro:data-layer-content';

/** Characters per literal: small enough that V8's literal buffer still grows by doubling. */
export const PIECE_CHARS = 256 * 1024;

const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/**
 * `export default JSON.parse("<text>")` → `export default JSON.parse(["<piece>", …].join(""))`.
 * Any other code (Astro changed the module's shape, or stores it chunked) is returned as it is:
 * undefined means "leave it".
 *
 * The literal is cut as it stands, between escapes, not decoded and written again: decoding the
 * store's 96 million characters and escaping them again took 3 s at 10,005 documents.
 */
export function splitStoreLiteral(code: string, pieceChars = PIECE_CHARS): string | undefined {
  const trimmed = code.trimEnd().replace(/;$/, '');
  if (!trimmed.startsWith(PREFIX) || !trimmed.endsWith(SUFFIX)) return undefined;
  const literal = trimmed.slice(PREFIX.length, -SUFFIX.length);
  if (literal.length < 2 || literal.length - 2 <= pieceChars || !isOneStringLiteral(literal)) return undefined;
  const body = literal.slice(1, -1);
  // At least one escape's length (\uXXXX), so that every piece moves on.
  const size = Math.max(6, pieceChars);
  const pieces: string[] = [];
  for (let at = 0; at < body.length; ) {
    const end = at + size >= body.length ? body.length : cutBefore(body, at + size);
    pieces.push(`"${body.slice(at, end)}"`);
    at = end;
  }
  return `${PREFIX}[\n${pieces.join(',\n')}\n].join(""))\n`;
}

/** How many backslashes end at `i` (inclusive), counting back. */
function backslashesEndingAt(text: string, i: number): number {
  let n = 0;
  while (i - n >= 0 && text.charCodeAt(i - n) === 0x5c) n++;
  return n;
}

/**
 * Is `literal` one double-quoted string literal with no line break, every quote inside it
 * escaped? What JSON.stringify writes, which is how Astro writes the store.
 */
export function isOneStringLiteral(literal: string): boolean {
  if (literal[0] !== '"' || literal[literal.length - 1] !== '"') return false;
  const last = literal.length - 1;
  // A backslash run of odd length escapes what follows it; the closing quote must not be escaped.
  if (backslashesEndingAt(literal, last - 1) % 2 === 1) return false;
  for (let i = literal.indexOf('"', 1); i !== -1 && i < last; i = literal.indexOf('"', i + 1)) if (backslashesEndingAt(literal, i - 1) % 2 === 0) return false;
  return !/[\n\r]/.test(literal);
}

/**
 * The last place at or before `p` that is not inside an escape of the literal's `body` (\" \\ \n …
 * two characters, \uXXXX six). A backslash starts an escape when the run of backslashes it ends
 * has odd length (a run pairs up as \\ from its start).
 */
export function cutBefore(body: string, p: number): number {
  if (backslashesEndingAt(body, p - 1) % 2 === 1) return p - 1;
  for (let k = 2; k <= 5; k++) {
    const i = p - k;
    if (i >= 0 && body.charCodeAt(i + 1) === 0x75 /* u */ && body.charCodeAt(i) === 0x5c && backslashesEndingAt(body, i) % 2 === 1) return i;
  }
  return p;
}

/** A Vite plugin that rewrites the store's module after Astro's content plugin has made it. */
export function storeLiteralPlugin(): Plugin {
  return {
    name: 'gazette-store-literal',
    enforce: 'post',
    transform(code, id) {
      if (id !== STORE_MODULE_ID) return undefined;
      const split = splitStoreLiteral(code);
      // A long store left whole means Astro changed the module's shape: say so rather than build slowly in silence.
      if (split === undefined && code.length > PIECE_CHARS) this.warn(`the content store's module (${code.length} characters) is not in the shape store-literal.ts splits; left as one literal`);
      return split === undefined ? undefined : { code: split, map: { mappings: '' } };
    },
  };
}
