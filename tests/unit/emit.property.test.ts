/** Property tests: any source string survives emission as itself, as data, never as markup or code. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderDocumentFiles } from '../../scripts/ingest/emit.ts';
import type { CorpusDoc } from '../../scripts/ingest/pipeline.ts';
import { DocumentBodySchema, DocumentSchema } from '../../src/schemas/document.ts';

const span = { file: 'x.txt', start: 1, end: 1 };
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const tricky = fc.array(fc.constantFrom('{', '}', '<', '>', '\\', '`', '*', '_', '#', '|', '"', "'", '&', '\n', '\u2028', 'import ', 'export ', '---', '</script>', '吉', '${', '*/'), { maxLength: 30 }).map((a) => a.join(''));

describe('renderDocumentFiles', () => {
  it('keeps every body text as one string value, in order, in files the schemas accept', () => {
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
        const { entry, body } = renderDocumentFiles(doc);
        expect(DocumentSchema.parse(JSON.parse(entry)).title).toBe('t');
        expect(DocumentBodySchema.parse(JSON.parse(body))).toEqual(texts.map((text, i) => ({ type: 'p', id: `p-${i + 1}`, lines: [i + 1, i + 1], text })));
      }),
    );
  });
  it('changes the entry when only the body changes', () => {
    const doc = (text: string) =>
      ({ slug: 'x', order: 0, carries: [], citations: [], citedBy: [], actorRefs: [], validity: { evidence: [] }, doc: { title: 't', kind: '通知', issuers: [], head: [], carries: [], span, body: [{ type: 'paragraph' as const, text, span }] } }) satisfies CorpusDoc;
    expect(renderDocumentFiles(doc('甲')).entry).not.toBe(renderDocumentFiles(doc('乙')).entry);
  });
});
