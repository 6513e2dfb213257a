/**
 * Open data in the root build (dist/): every data file validates against the JSON Schema published
 * beside it, which is the one generated from the zod schemas; counts equal the pages of each kind;
 * records agree with the pages' own JSON-LD; the /data/ page documents every field.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/corpus.ts';
import { dataFiles, datasetJsonSchema, datasets, documentsDataset, fieldDocs, type DocumentRecord } from '../../src/lib/open-data.ts';

const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');
const SITE = new URL(process.env.SITE_URL || 'https://gazette-atlas.example').origin;
const BASE = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(DIST, path), 'utf8')) as T;
const documentPages = (): string[] =>
  readdirSync(join(DIST, 'documents'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(DIST, 'documents', entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();

/** The JSON-LD objects of a built page. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => {
    expect(match[1], 'JSON-LD must not contain a raw <').not.toContain('<');
    return JSON.parse(match[1]!) as Record<string, unknown>;
  });
}

let records: DocumentRecord[];

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
  records = readJson<DocumentRecord[]>('data/documents.json');
});

describe('open data files', () => {
  test('every dataset file is built', () => {
    expect(dataFiles()).toEqual(expect.arrayContaining(['documents.json', 'documents.schema.json', 'departments.json', 'departments.schema.json', 'indicators.json', 'indicators.schema.json', 'indicators.csv']));
    for (const file of dataFiles()) expect(existsSync(join(DIST, 'data', file)), file).toBe(true);
  });

  test.each(datasets.map((dataset) => [dataset.name, dataset] as const))(
    '%s.json validates against %s.schema.json, which is the schema generated from zod',
    (name, dataset) => {
      const schema = readJson<Record<string, unknown>>(`data/${name}.schema.json`);
      const { $id, ...published } = schema;
      const { $id: _id, ...generated } = datasetJsonSchema(dataset);
      expect(published).toEqual(generated);
      expect($id).toBe(`${SITE}${BASE}data/${name}.schema.json`);

      // Formats (uri) are checked below with the URL parser; Ajv checks everything else.
      const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(schema);
      const data = readJson<unknown>(`data/${name}.json`);
      expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    },
  );

  test('a record that breaks the schema is rejected (the validation is not vacuous)', () => {
    const schema = readJson<Record<string, unknown>>('data/documents.schema.json');
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema);
    const [first] = records;
    expect(validate([{ ...first, date: '2017年1月20日' }])).toBe(false);
    expect(validate([{ ...first, extra: 1 }])).toBe(false);
    const { docNumber: _dropped, ...missingKey } = first!;
    expect(validate([missingKey])).toBe(false);
  });

  test('documents.json has one record per document page, each pointing at its page', () => {
    expect(records.map((record) => record.slug).sort()).toEqual(documentPages());
    for (const record of records) {
      expect(record.url).toBe(`${SITE}${BASE}documents/${record.slug}/`);
      expect(new URL(record.url).href).toBe(record.url);
    }
  });

  test('records agree with each page: title, 文号, date and issuers as in its Legislation JSON-LD', () => {
    for (const record of records) {
      const html = readFileSync(join(DIST, 'documents', record.slug, 'index.html'), 'utf8');
      const [legislation, ...others] = jsonLd(html);
      expect(others).toEqual([]);
      expect(legislation).toMatchObject({ '@context': 'https://schema.org', '@type': 'Legislation', url: record.url, name: record.title });
      expect(legislation!.legislationIdentifier).toBe(record.docNumber ?? undefined);
      expect(legislation!.legislationDate).toBe(record.date ?? undefined);
      expect(legislation!.legislationDateOfApplicability).toBe(record.effective ?? undefined);
      expect(legislation!.expires).toBe(record.validUntil ?? undefined);
      const passedBy = (legislation!.legislationPassedBy as Array<{ name: string }> | undefined)?.map((body) => body.name) ?? [];
      expect(passedBy).toEqual(record.issuers);
      // Legal force only where a date in the text supports it.
      if (record.effective === null && record.validUntil === null) expect(legislation!.legislationLegalForce).toBeUndefined();
      else expect(['https://schema.org/InForce', 'https://schema.org/NotInForce']).toContain(legislation!.legislationLegalForce);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical).toBe(record.url);
    }
  });

  test('carriedBy and carries name each other, and every reference resolves', () => {
    const bySlug = new Map(records.map((record) => [record.slug, record]));
    for (const record of records) {
      if (record.carriedBy !== null) expect(bySlug.get(record.carriedBy)?.carries, record.slug).toContain(record.slug);
      for (const carried of record.carries) expect(bySlug.get(carried)?.carriedBy, carried).toBe(record.slug);
      if (record.issue !== null) expect(existsSync(join(DIST, 'issues', record.issue, 'index.html')), record.issue).toBe(true);
      if (record.publication !== null) expect(existsSync(join(DIST, 'publications', record.publication, 'index.html'))).toBe(true);
    }
  });

  test('the /data/ page explains every field and links every file', () => {
    const html = readFileSync(join(DIST, 'data', 'index.html'), 'utf8');
    for (const dataset of datasets) {
      const fields = fieldDocs(dataset);
      expect(fields.map((field) => field.name)).toEqual(Object.keys(dataset.record.shape));
      for (const field of fields) {
        expect(field.description, `${dataset.name}.${field.name} needs a description`).not.toBe('');
        expect(html).toContain(`id="field-${dataset.name}-${field.name}"`);
      }
      expect(html).toContain(`href="${BASE}data/${dataset.name}.json"`);
      expect(html).toContain(`href="${BASE}data/${dataset.name}.schema.json"`);
    }
    expect(fieldDocs(documentsDataset).find((field) => field.name === 'docNumber')?.type).toBe('string | null');
  });
});

describe('departments.json', () => {
  test('lists each department with its tasks, linking to the exact provision', () => {
    const records = readJson<Array<{ id: string; name: string; assignments: Array<{ role: string; url: string }> }>>('data/departments.json');
    const sthjt = records.find((r) => r.id === 'jilinsheng-sthjt')!;
    expect(sthjt.name).toBe('吉林省生态环境厅');
    expect(sthjt.assignments.filter((a) => a.role === 'lead').length).toBe(20);
    expect(sthjt.assignments.every((a) => a.url.startsWith(`${SITE}${BASE}documents/`) && a.url.includes('#'))).toBe(true);
    expect(records.some((r) => r.name.startsWith('各'))).toBe(false);
  });
});

describe('indicators.json and indicators.csv', () => {
  test('one record per observation, each linking to its table row or passage; the CSV starts with a BOM', () => {
    const records = readJson<Array<{ indicator: string; kind: string; year: number; value: string; source: string }>>('data/indicators.json');
    const observations = JSON.parse(readFileSync(join(ROOT, 'content', 'observations.json'), 'utf8')) as unknown[];
    expect(records).toHaveLength(observations.length);
    expect(records.filter((r) => r.indicator === 'kqzlyltsbl').map((r) => `${r.year} ${r.kind} ${r.value}`)).toEqual(expect.arrayContaining(['2020 target ≥80', '2020 actual 81.4']));
    expect(records.every((r) => r.source.startsWith(`${SITE}${BASE}documents/`) && r.source.includes('#'))).toBe(true);
    const csv = readFileSync(join(DIST, 'data', 'indicators.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').trim().split(/\r?\n/)).toHaveLength(records.length + 1);
  });
});
