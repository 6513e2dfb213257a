/**
 * Open data in the root build (dist/): every data file validates against the JSON Schema published
 * beside it, which is the one generated from the zod schemas; counts equal the pages of each kind;
 * records agree with the pages' own JSON-LD; the /data/ page documents every field.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/corpus.ts';
import { cutBySize, datasetJsonSchema, datasets, documentsDataset, fieldDocs, partFile, PART_FILE_BYTES, type DocumentRecord } from '../../src/lib/open-data.ts';
import { pathUnder, readDataset } from '../support/open-data.ts';

const DIST = resolve(ROOT, process.env.GAZETTE_OUT_DIR ?? 'dist');
const SITE = new URL(process.env.SITE_URL || 'https://gazette-atlas.example').origin;
const BASE = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(DIST, path), 'utf8')) as T;
const dataset = <R>(name: string) => readDataset<R>(DIST, name, pathUnder(`${SITE}${BASE}`));
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
  records = dataset<DocumentRecord>('documents').records;
});

describe('a year too large for one file', () => {
  const size = (n: number) => n;
  test('is cut into runs within the limit, in order, records whole', () => {
    expect(cutBySize([4, 3, 3, 5, 1, 1], size, 7)).toEqual([[4, 3], [3], [5, 1, 1]]);
    expect(cutBySize([2, 2, 2], size, 7)).toEqual([[2, 2, 2]]);
  });
  test('gives a record larger than the limit a file of its own, and an empty year one empty file', () => {
    expect(cutBySize([1, 9, 1], size, 7)).toEqual([[1], [9], [1]]);
    expect(cutBySize([], size, 7)).toEqual([[]]);
  });
  test('keeps the year\'s first file at <year>.json and continues it in <year>-2.json …', () => {
    expect(partFile(documentsDataset, { key: '2017', piece: 1 }, 'json')).toBe('documents/2017.json');
    expect(partFile(documentsDataset, { key: '2017', piece: 2 }, 'csv')).toBe('documents/2017-2.csv');
    expect(partFile(documentsDataset, { key: 'undated', piece: 3 }, 'json')).toBe('documents/undated-3.json');
  });
});

describe('open data files', () => {
  test.each(datasets.map((d) => [d.name, d] as const))('%s.json indexes its parts by year, and every part is built', (name, d) => {
    const { index, parts } = dataset<Record<string, unknown>>(name);
    expect(index).toMatchObject({ name, title: d.title, description: d.description, schema: `${SITE}${BASE}data/${name}.schema.json` });
    expect(parts.length).toBeGreaterThan(0);
    const keys = index.parts.map((part) => (part.year === null ? 'undated' : String(part.year)));
    // Newest year first, the undated part last; a year cut into several files has them side by side.
    const years = index.parts.flatMap((part) => (part.year === null ? [] : [part.year]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const distinct = keys.filter((key, i) => key !== keys[i - 1]);
    expect(new Set(distinct).size).toBe(distinct.length);
    if (keys.includes('undated')) expect(keys.at(-1)).toBe('undated');
    for (const [i, { part, file, records: partRecords }] of parts.entries()) {
      // The year's first file is <year>.json, the ones continuing it <year>-2.json …
      const piece = keys.slice(0, i).filter((key) => key === keys[i]).length + 1;
      const stem = `data/${name}/${keys[i]}${piece > 1 ? `-${piece}` : ''}`;
      expect(file).toBe(`${stem}.json`);
      expect(partRecords.length).toBe(part.records);
      expect(partRecords.length).toBeGreaterThan(0);
      if (partRecords.length > 1) expect(statSync(join(DIST, file)).size).toBeLessThanOrEqual(PART_FILE_BYTES);
      if (d.csv) expect(part.csv).toBe(`${SITE}${BASE}${stem}.csv`);
      else expect(part.csv).toBeUndefined();
    }
    expect(index.records).toBe(parts.reduce((sum, p) => sum + p.records.length, 0));
    // Nothing under data/<name>/ that the index does not list.
    const listed = index.parts.flatMap((part) => [part.json, ...(part.csv ? [part.csv] : [])].map((url) => url.split('/').at(-1)));
    expect(readdirSync(join(DIST, 'data', name)).sort()).toEqual(listed.sort());
  });

  test('each part holds what is filed under its year: the year of the document a record comes from', () => {
    const documents = dataset<DocumentRecord>('documents');
    const yearOfDocument = new Map<string, number | null>();
    for (const { part, records: partRecords } of documents.parts) {
      for (const record of partRecords) {
        yearOfDocument.set(record.slug, part.year);
        if (record.date !== null) expect(Number(record.date.slice(0, 4)), record.slug).toBe(part.year);
      }
    }
    expect(new Set(yearOfDocument.values()).size).toBeGreaterThan(1);
    for (const { part, records: partRecords } of dataset<{ document: string }>('indicators').parts) {
      for (const record of partRecords) expect(yearOfDocument.get(record.document), record.document).toBe(part.year);
    }
    for (const { part, records: partRecords } of dataset<{ id: string; assignments: Array<{ document: string }> }>('departments').parts) {
      // A department appears once a year, with that year's tasks.
      expect(new Set(partRecords.map((r) => r.id)).size).toBe(partRecords.length);
      for (const record of partRecords) for (const a of record.assignments) expect(yearOfDocument.get(a.document), a.document).toBe(part.year);
    }
  });

  test.each(datasets.map((d) => [d.name, d] as const))(
    'every part of %s validates against %s.schema.json, which is the schema generated from zod',
    (name, d) => {
      const schema = readJson<Record<string, unknown>>(`data/${name}.schema.json`);
      const { $id, ...published } = schema;
      const { $id: _id, ...generated } = datasetJsonSchema(d);
      expect(published).toEqual(generated);
      expect($id).toBe(`${SITE}${BASE}data/${name}.schema.json`);

      // Formats (uri) are checked below with the URL parser; Ajv checks everything else.
      const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(schema);
      for (const { file, records: partRecords } of dataset<unknown>(name).parts) {
        expect(validate(partRecords), `${file}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
      }
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
      for (const { file } of readDataset(DIST, dataset.name, pathUnder(`${SITE}${BASE}`)).parts) expect(html).toContain(`href="${BASE}${file}"`);
    }
    expect(fieldDocs(documentsDataset).find((field) => field.name === 'docNumber')?.type).toBe('string | null');
  });
});

describe('departments', () => {
  test('lists each department with its tasks, year by year, linking to the exact provision', () => {
    const records = dataset<{ id: string; name: string; assignments: Array<{ role: string; url: string }> }>('departments').records;
    const sthjt = records.filter((r) => r.id === 'jilinsheng-sthjt');
    expect(sthjt.map((r) => r.name)).toContain('吉林省生态环境厅');
    const tasks = sthjt.flatMap((r) => r.assignments);
    expect(tasks.filter((a) => a.role === 'lead').length).toBe(20);
    expect(tasks.every((a) => a.url.startsWith(`${SITE}${BASE}documents/`) && a.url.includes('#'))).toBe(true);
    expect(records.some((r) => r.name.startsWith('各'))).toBe(false);
  });
});

describe('indicators: JSON and CSV', () => {
  test('one record per observation, each linking to its table row or passage; each CSV starts with a BOM', () => {
    const { records, parts } = dataset<{ indicator: string; kind: string; year: number; value: string; source: string }>('indicators');
    const observations = JSON.parse(readFileSync(join(ROOT, 'content', 'observations.json'), 'utf8')) as unknown[];
    expect(records).toHaveLength(observations.length);
    expect(records.filter((r) => r.indicator === 'kqzlyltsbl').map((r) => `${r.year} ${r.kind} ${r.value}`)).toEqual(expect.arrayContaining(['2020 target ≥80', '2020 actual 81.4']));
    expect(records.every((r) => r.source.startsWith(`${SITE}${BASE}documents/`) && r.source.includes('#'))).toBe(true);
    for (const { file, records: partRecords } of parts) {
      const csv = readFileSync(join(DIST, file.replace(/\.json$/, '.csv')));
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8').trim().split(/\r?\n/), file).toHaveLength(partRecords.length + 1);
    }
  });
});
