/** Property tests: any source string survives emission as itself and can never become markup. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsString, renderDocumentMdx } from '../../scripts/ingest/emit.ts';
import type { CorpusDoc } from '../../scripts/ingest/pipeline.ts';

const span = { file: 'x.txt', start: 1, end: 1 };
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const tricky = fc.array(fc.constantFrom('{', '}', '<', '>', '\\', '`', '*', '_', '#', '|', '"', "'", '&', '\n', '\u2028', 'import ', 'export ', '---', '</script>', '吉', '${', '*/'), { maxLength: 30 }).map((a) => a.join(''));

describe('jsString', () => {
  it('round-trips any string and contains no character that could open markup or an expression', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, tricky), (s) => {
        const literal = jsString(s);
        expect(JSON.parse(literal)).toBe(s);
        expect(literal).not.toMatch(/[<>{}\u2028\u2029\n]/);
      }),
    );
  });
  it('keeps every body text inside its prop when a whole document is emitted', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, tricky), { minLength: 1, maxLength: 5 }), (texts) => {
        const doc = {
          slug: 'x',
          order: 0,
          carries: [],
          citations: [],
          citedBy: [],
          actorRefs: [],
          validity: { evidence: [] },
          doc: { title: 't', kind: '通知', issuers: [], head: [], carries: [], span, body: texts.map((text, i) => ({ type: 'paragraph' as const, text, span: { ...span, start: i + 1, end: i + 1 } })) },
        } satisfies CorpusDoc;
        const body = renderDocumentMdx(doc).split('\n---\n')[1]!;
        const props = [...body.matchAll(/ text=\{("(?:[^"\\]|\\.)*")\}/g)].map((m) => JSON.parse(m[1]!) as string);
        expect(props).toEqual(texts);
        // Outside the JSON strings, only our own element syntax remains.
        expect(body.replace(/ text=\{"(?:[^"\\]|\\.)*"\}/g, '')).toMatch(/^(\s*\{\/\*[^*]*\*\/\}\s*)?(<P id="p-\d+" lines="\d+-\d+" \/>\n?)+$/);
      }),
    );
  });
});
