/** Property tests: any source string survives emission as itself, as data, never as markup or code. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderDocumentFiles, renderJson } from '../../scripts/ingest/emit.ts';
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

describe('renderJson and body layouts', () => {
  const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  it('read back as the value written, at any depth of layout', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 4 }), (value, levels) => {
        const text = renderJson(value, levels);
        expect(text.endsWith('\n')).toBe(true);
        expect(JSON.parse(text)).toEqual(value);
      }),
    );
  });
  it('put each record of a list on its own line (levels 1), each field of an entry on its own line (levels 2)', () => {
    const records = [{ id: 'a', n: 1, list: [1, 2] }, { id: 'b', text: '甲\n乙' }];
    expect(renderJson(records, 1)).toBe('[\n  {"id":"a","n":1,"list":[1,2]},\n  {"id":"b","text":"甲\\n乙"}\n]\n');
    expect(renderJson({ title: 't', tasks: [{ a: 1 }, { b: 2 }], empty: [], none: undefined }, 2)).toBe('{\n  "title": "t",\n  "tasks": [\n    {"a":1},\n    {"b":2}\n  ],\n  "empty": []\n}\n');
    expect(renderJson([], 1)).toBe('[]\n');
  });
  it('put each block of a body on its own line, children under their section', () => {
    const span = (start: number) => ({ file: 'x.txt', start, end: start });
    const doc = {
      slug: 'x', order: 0, carries: [], citations: [], citedBy: [], actorRefs: [], validity: { evidence: [] },
      doc: {
        title: 't', kind: '规划', issuers: [], head: [], carries: [], span: span(1),
        body: [
          { type: 'section' as const, kind: 'chapter' as const, num: 1, label: '第一章', title: '总则', span: span(2), children: [{ type: 'paragraph' as const, text: '甲', span: span(3) }, { type: 'paragraph' as const, text: '乙', span: span(4) }] },
          { type: 'paragraph' as const, text: '丙', span: span(5) },
        ],
      },
    } satisfies CorpusDoc;
    const { body } = renderDocumentFiles(doc);
    const lines = body.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('"type":"p"')).map((l) => JSON.parse(l.replace(/,$/, '').replace(/\]\}$/, '')).text)).toEqual(['甲', '乙', '丙']);
    expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(DocumentBodySchema.parse(JSON.parse(body)))));
    expect(JSON.parse(body)[0].children).toHaveLength(2);
    expect(renderDocumentFiles({ ...doc, doc: { ...doc.doc, body: [] } }).body).toBe('[]\n');
  });
});
