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
 */
export function splitStoreLiteral(code: string, pieceChars = PIECE_CHARS): string | undefined {
  const trimmed = code.trimEnd().replace(/;$/, '');
  if (!trimmed.startsWith(PREFIX) || !trimmed.endsWith(SUFFIX)) return undefined;
  const literal = trimmed.slice(PREFIX.length, -SUFFIX.length);
  if (!literal.startsWith('"') || literal.length <= pieceChars) return undefined;
  let text: unknown;
  try {
    // Astro writes the literal with JSON.stringify, so it is a JSON string.
    text = JSON.parse(literal);
  } catch {
    return undefined;
  }
  if (typeof text !== 'string') return undefined;
  const pieces: string[] = [];
  // A surrogate pair cut in two is written as two escapes and joined back whole at run time.
  for (let at = 0; at < text.length; at += pieceChars) pieces.push(JSON.stringify(text.slice(at, at + pieceChars)));
  return `${PREFIX}[\n${pieces.join(',\n')}\n].join(""))\n`;
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
