// Open data under <base>data/: every dataset is cut by year into JSON arrays of records
// (data/<name>/<year>.json, and optionally a CSV for spreadsheets), with one JSON Schema generated
// from the same zod schemas ingest validates against and an index (data/<name>.json) listing the
// parts. Cut by year because a whole dataset grows with the archive without bound (at 10,000
// documents the departments' tasks alone were 142 MB in one file, past what static hosts take:
// GitHub Pages refuses files over 100 MB, Cloudflare Pages over 25 MiB), while a year's part
// stays the size of a year's publications, and stays put as later years arrive. A year larger
// than PART_FILE_BYTES (or the undated part, which has no such bound) goes on in <year>-2.json ….
// Adding a dataset (indicators, departments …) is one more entry in `datasets` below; the
// routes (src/pages/data/[...file].ts), the /data/ page and the tests pick it up from this list.
import { z } from 'astro/zod';
import { DocumentSchema } from '../schemas/document.ts';
import { AssignmentSchema, DepartmentSchema } from '../schemas/department.ts';
import type { Gazette } from './gazette.ts';
import type { Responsibilities } from './departments.ts';
import type { PlansData } from './plans.ts';
import { ObservationSchema, IndicatorSchema } from '../schemas/indicator.ts';
import { absoluteUrl } from './site-url.ts';
import { departmentUrl, documentUrl, provisionUrl, fileUrl } from './url.ts';
import { sourceFragment } from './plan-format.ts';
import { groupByYear, newestYearFirst, type YearKey } from './paging.ts';
import { taskYear } from './department-years.ts';

export interface Dataset<Record extends z.ZodObject = z.ZodObject> {
  /** File stem: documents → data/documents.json (the index), data/documents.schema.json and data/documents/<year>.json. */
  name: string;
  /** Heading on the /data/ page. */
  title: string;
  description: string;
  /** One record; every field carries a description (shown on the /data/ page and in the JSON Schema). */
  record: Record;
  /**
   * The records by the year they are filed under (their document's; undefined when undated), in a
   * stable order. Each is parsed with `record` when its file is built.
   */
  parts(sources: DataSources): Array<DatasetPart<z.input<Record>>>;
  /** Also write data/<name>/<year>.csv: UTF-8 with BOM, one row per record, array fields joined with '；'. */
  csv?: boolean;
}

/** One year's records of a dataset: data/<name>/<key>.json. */
export interface DatasetPart<R> {
  key: YearKey;
  records: R[];
}

/** Everything a dataset may draw its records from, loaded once per build. */
export interface DataSources {
  gazette: Gazette;
  responsibilities: Responsibilities;
  plans: PlansData;
}

/** Keeps each dataset's records typed against its own record schema. */
const defineDataset = <Record extends z.ZodObject>(dataset: Dataset<Record>): Dataset<Record> => dataset;

/** An optional field of an ingest schema as a required, nullable field of a record: every record has every key. */
const nullable = <T extends z.ZodType>(field: z.ZodOptional<T>, description: string) =>
  field.unwrap().nullable().meta({ description });

const doc = DocumentSchema.shape;

/** One document's metadata. Field schemas come from DocumentSchema (src/schemas/document.ts). */
export const DocumentRecordSchema = z
  .object({
    slug: z.string().min(1).meta({ description: '文件标识，也是页面地址的一部分（如 jzbf-2017-7）；不随站点部署位置改变。' }),
    url: z.url().meta({ description: '文件页面的完整地址。' }),
    title: doc.title.meta({ description: '文件标题（跨行标题已接合）。' }),
    docNumber: nullable(doc.docNumber, '文号，已规范为〔〕括号和半角数字（如 吉政办发〔2016〕56号）；无文号时为 null。'),
    kind: doc.kind.meta({ description: '文种，取自标题（通知、意见、办法、规划、令、决定等）。' }),
    issuers: doc.issuers.meta({ description: '发文机关，取自落款、令头或标题；被印发的文件沿用印发它的通知的发文机关。' }),
    date: nullable(doc.date, '成文日期（yyyy-mm-dd），文件本身写明时才有；被印发的文件沿用通知的日期；否则为 null。'),
    publication: nullable(doc.publication, '刊载它的公报的标识（见 /publications/<标识>/）；不在公报中的单行文件为 null。'),
    issue: nullable(doc.issue, '刊载它的公报期次标识，形如 <公报>/<年>/<期>（见 /issues/<标识>/）；否则为 null。'),
    page: nullable(doc.page, '在该期公报中的页码，取自目录（数字，或 封底 等原文字样）；否则为 null。'),
    carriedBy: nullable(doc.carriedBy, '印发或公布它的通知、命令的 slug；否则为 null。'),
    carries: doc.carries.meta({ description: '它印发或公布的文件的 slug 列表。' }),
    effective: nullable(doc.effective, '施行日期（yyyy-mm-dd），取自正文“自…起施行”或印发它的通知；否则为 null。'),
    validUntil: nullable(doc.validUntil, '有效期截止日（yyyy-mm-dd），取自“有效期至…”或由“有效期N年”自施行日期推算；否则为 null。'),
  })
  .meta({ title: 'Gazette Atlas document', description: '一份文件的元数据。' });
export type DocumentRecord = z.output<typeof DocumentRecordSchema>;

export const documentsDataset = defineDataset({
  name: 'documents',
  title: '文件',
  description: '全部文件的元数据，每份文件一条，按年份分文件，年内按日期从新到旧。正文见各文件页面。',
  record: DocumentRecordSchema,
  parts: ({ gazette }) =>
    byYear(gazette.documents, (entry) => gazette.yearOf(entry), ({ id, data }) => ({
      slug: id,
      url: absoluteUrl(documentUrl(id)),
      title: data.title,
      docNumber: data.docNumber ?? null,
      kind: data.kind,
      issuers: data.issuers,
      date: data.date ?? null,
      publication: data.publication?.id ?? null,
      issue: data.issue?.id ?? null,
      page: data.page ?? null,
      carriedBy: data.carriedBy?.id ?? null,
      carries: data.carries.map((ref) => ref.id),
      effective: data.effective ?? null,
      validUntil: data.validUntil ?? null,
    })),
});

const dep = DepartmentSchema.shape;
const task = AssignmentSchema.shape;

/** One department with every task assigned to it. Field schemas come from src/schemas/department.ts. */
export const DepartmentRecordSchema = z
  .object({
    id: dep.id.meta({ description: '部门标识，也是页面地址的一部分（如 jilinsheng-sthjt）；在登记表中固定。' }),
    url: z.url().meta({ description: '部门页面的完整地址。' }),
    name: dep.name.meta({ description: '规范名称：能确定时为全称（如 吉林省发展和改革委员会），否则为文件中的简称。' }),
    short: dep.short.meta({ description: '文件中常用的简称（如 省发展改革委）。' }),
    level: dep.level.meta({ description: '层级：national 中央、province 省级、city 市级、county 县级。' }),
    government: dep.government.meta({ description: '所属政府（登记表中的地名，如 吉林省、吉林市）。' }),
    aliases: dep.aliases.meta({ description: '文件中出现过的全部写法（含来源中的错字，见部门页说明）。' }),
    assignments: z
      .array(
        z.object({
          document: task.document.meta({ description: '任务所在文件的 slug。' }),
          url: z.url().meta({ description: '任务所在条款或段落的完整地址（含 #锚点）。' }),
          role: task.role.meta({ description: '分工：lead 牵头、responsible 负责、participant 参与；mention 为正文中提及（如“X部门要…”“A会同B…”）。' }),
          implicit: task.implicit.meta({ description: '为 true 时，分工来自“以下任务均需…负责落实，不再列出”一类的说明，而非该任务自己的括注。' }),
          task: task.task.meta({ description: '任务文字（已截短，不含分工括注）。' }),
        }),
      )
      .meta({ description: '该部门在该年文件中承担的全部任务，按文件顺序。' }),
  })
  .meta({ title: 'Gazette Atlas department', description: '一个部门及其承担的任务。' });

export const departmentsDataset = defineDataset({
  name: 'departments',
  title: '部门与分工',
  description:
    '文件责任分工中出现的部门（登记表中的规范名称与简称），每年一个文件：该年文件中有任务的每个部门一条，附其在该年文件中牵头、负责、参与的全部任务。集体主体（各县（市）区政府等）不单列。',
  record: DepartmentRecordSchema,
  parts: ({ responsibilities, gazette }) => {
    const yearOf = taskYear(gazette);
    // Each department's tasks by year, then each year's departments in the registry's order.
    const perYear = new Map<YearKey, Array<z.input<typeof DepartmentRecordSchema>>>();
    for (const d of responsibilities.departments) {
      for (const { key, items } of groupByYear(responsibilities.of(d.id), yearOf)) {
        const list = perYear.get(key) ?? [];
        list.push({
          id: d.id,
          url: absoluteUrl(departmentUrl(d.id)),
          name: d.data.name,
          short: d.data.short,
          level: d.data.level,
          government: d.data.government.id,
          aliases: d.data.aliases,
          assignments: items.map((a) => ({ document: a.document, url: absoluteUrl(provisionUrl(a.document, a.anchor)), role: a.role, implicit: a.implicit, task: a.task })),
        });
        perYear.set(key, list);
      }
    }
    return [...perYear].map(([key, records]) => ({ key, records })).sort((a, b) => newestYearFirst(a.key, b.key));
  },
});

const obs = ObservationSchema.shape;
const ind = IndicatorSchema.shape;

/** One observation of one indicator: a flat row, for spreadsheets as much as for programs. */
export const ObservationRecordSchema = z
  .object({
    id: obs.id.meta({ description: '观测值标识（规划、锚点、行号与序号组成），数据更新时保持不变。' }),
    indicator: obs.indicator.meta({ description: '指标标识（见 /indicators/<标识>/）。' }),
    indicatorName: ind.name.meta({ description: '指标的规范名称（登记表中）。' }),
    category: ind.category.meta({ description: '指标类别（大气环境、水环境等）。' }),
    name: obs.name.meta({ description: '原文中的指标写法。' }),
    plan: obs.plan.meta({ description: '规划标识（见 /plans/<标识>/）。' }),
    document: obs.document.meta({ description: '刊载该规划的文件的 slug。' }),
    kind: obs.kind.meta({ description: 'baseline 基期值、target 目标值、actual 实际值。' }),
    year: obs.year.meta({ description: '年份。' }),
    period: nullable(obs.period, '所属规划期或阶段（十三五、第一阶段），原文写明时才有；否则为 null。'),
    value: obs.value.meta({ description: '原文写法（如 ≥80、基本消除、43.6-89.9）。' }),
    number: nullable(obs.number, '解析出的数值（区间取下限）；非数值为 null。'),
    upper: nullable(obs.upper, '区间上限；否则为 null。'),
    comparator: nullable(obs.comparator, '比较符：≥ ≤ > < ≈（以上、以下、左右等）；否则为 null。'),
    strive: obs.strive.meta({ description: '为 true 时原文写“力争”。' }),
    unit: nullable(obs.unit, '该值的单位（原文所给）；否则为 null。'),
    attribute: nullable(obs.attribute, '约束性或预期性（表格给出时）；否则为 null。'),
    region: nullable(obs.region, '适用地区（吉林省、吉林市）；否则为 null。'),
    source: z.url().meta({ description: '出处：文件页面上该表格行或段落的完整地址（含 #锚点）。' }),
    line: obs.source.shape.line.meta({ description: '来源文件中的行号。' }),
  })
  .meta({ title: 'Gazette Atlas indicator observation', description: '一个指标在一个规划中某一年的基期值、目标值或实际值。' });

export const indicatorsDataset = defineDataset({
  name: 'indicators',
  title: '指标观测值',
  description: '各规划中每个指标的基期值、目标值和实际值，每个值一条（一行），附原文写法、解析出的数值与出处；按刊载规划的文件的年份分文件。CSV 为带 BOM 的 UTF-8，可直接用电子表格打开。',
  record: ObservationRecordSchema,
  csv: true,
  parts: ({ plans, gazette }) =>
    byYear(
      plans.indicators.flatMap((indicator) => plans.ofIndicator(indicator.id).map(({ data: o }) => ({ indicator, o }))),
      ({ o }) => gazette.yearOf(gazette.document(o.document.id)),
      ({ indicator, o }) => ({
        id: o.id,
        indicator: indicator.id,
        indicatorName: indicator.data.name,
        category: indicator.data.category,
        name: o.name,
        plan: o.plan.id,
        document: o.document.id,
        kind: o.kind,
        year: o.year,
        period: o.period ?? null,
        value: o.value,
        number: o.number ?? null,
        upper: o.upper ?? null,
        comparator: o.comparator ?? null,
        strive: o.strive,
        unit: o.unit ?? null,
        attribute: o.attribute ?? null,
        region: o.region ?? null,
        source: absoluteUrl(provisionUrl(o.document.id, sourceFragment(o.source))),
        line: o.source.line,
      }),
    ),
});

/** Items grouped into year parts (newest first, undated last), each item made a record. */
function byYear<T, R>(items: readonly T[], yearOf: (item: T) => number | undefined, toRecord: (item: T) => R): Array<DatasetPart<R>> {
  return groupByYear(items, yearOf).map(({ key, items: group }) => ({ key, records: group.map(toRecord) }));
}

/** Every published dataset. */
export const datasets: Dataset[] = [documentsDataset as unknown as Dataset, indicatorsDataset as unknown as Dataset, departmentsDataset as unknown as Dataset];

export const dataFileUrl = (file: string): string => fileUrl(`data/${file}`);
/** The dataset's index: data/<name>.json. */
export const jsonFile = (dataset: Dataset): string => `${dataset.name}.json`;
export const schemaFile = (dataset: Dataset): string => `${dataset.name}.schema.json`;
/**
 * A part file's largest size in bytes. Static hosts limit a file (Cloudflare Pages to 25 MiB); a
 * year whose records are larger is cut into several files, records whole.
 */
export const PART_FILE_BYTES = 16 * 1024 * 1024;

/** One file of a dataset's part: the year's records, or a run of them when the year is cut. */
export interface PartFile {
  key: YearKey;
  /** 1 for the year's first file (data/<name>/<year>.json), 2, 3 … for those that continue it (<year>-2.json). */
  piece: number;
  records: Record<string, unknown>[];
}

/** A part's file: data/<name>/<year>.json, then <year>-2.json … (or .csv); a year's first file keeps its address as the year grows. */
export const partFile = (dataset: Dataset, { key, piece }: Pick<PartFile, 'key' | 'piece'>, extension: 'json' | 'csv'): string =>
  `${dataset.name}/${key}${piece > 1 ? `-${piece}` : ''}.${extension}`;

/** Cuts items, in order, into runs of at most `limit` by `size`; an item larger than the limit is a run of its own. */
export function cutBySize<T>(items: readonly T[], size: (item: T) => number, limit: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let runSize = 0;
  for (const item of items) {
    const itemSize = size(item);
    if (run.length > 0 && runSize + itemSize > limit) {
      runs.push(run);
      run = [];
      runSize = 0;
    }
    run.push(item);
    runSize += itemSize;
  }
  if (run.length > 0 || runs.length === 0) runs.push(run);
  return runs;
}

/** The dataset's index (data/<name>.json): what it is, its schema and its part files. */
export interface DatasetIndex {
  name: string;
  title: string;
  description: string;
  /** URL of the JSON Schema every part validates against. */
  schema: string;
  /** Records in all parts. */
  records: number;
  /**
   * One entry per file, newest year first; `year` is null for undated documents. A year cut into
   * several files has an entry for each, in order.
   */
  parts: Array<{ year: number | null; records: number; json: string; csv?: string }>;
}

// A build asks for each part of a dataset in its own request: the parts are made once per build.
const madeParts = new WeakMap<Gazette, Map<string, PartFile[]>>();

/** Bytes of a record as a line of its part file (recordsJson), with its comma and line break. */
const recordLineBytes = (record: Record<string, unknown>): number => Buffer.byteLength(JSON.stringify(record)) + 2;

/**
 * The dataset's part files, each record parsed (so a build fails rather than publish a record its
 * schema rejects), each file within PART_FILE_BYTES unless one record alone is larger.
 */
export function datasetParts(dataset: Dataset, sources: DataSources): PartFile[] {
  const made = madeParts.get(sources.gazette) ?? new Map<string, PartFile[]>();
  madeParts.set(sources.gazette, made);
  let files = made.get(dataset.name);
  if (!files) {
    files = dataset.parts(sources).flatMap(({ key, records }) => {
      const parsed = z.array(dataset.record).parse(records) as Record<string, unknown>[];
      return cutBySize(parsed, recordLineBytes, PART_FILE_BYTES).map((run, i) => ({ key, piece: i + 1, records: run }));
    });
    made.set(dataset.name, files);
  }
  return files;
}

/** Every file under data/ that the datasets produce: each index and schema, each part file (and its CSV). */
export function dataFiles(sources: DataSources): string[] {
  return datasets.flatMap((dataset) => [
    jsonFile(dataset),
    schemaFile(dataset),
    ...datasetParts(dataset, sources).flatMap((file) => [partFile(dataset, file, 'json'), ...(dataset.csv ? [partFile(dataset, file, 'csv')] : [])]),
  ]);
}

export function datasetIndex(dataset: Dataset, sources: DataSources): DatasetIndex {
  const files = datasetParts(dataset, sources);
  return {
    name: dataset.name,
    title: dataset.title,
    description: dataset.description,
    schema: absoluteUrl(dataFileUrl(schemaFile(dataset))),
    records: files.reduce((sum, file) => sum + file.records.length, 0),
    parts: files.map((file) => ({
      year: file.key === 'undated' ? null : Number(file.key),
      records: file.records.length,
      json: absoluteUrl(dataFileUrl(partFile(dataset, file, 'json'))),
      ...(dataset.csv ? { csv: absoluteUrl(dataFileUrl(partFile(dataset, file, 'csv'))) } : {}),
    })),
  };
}

/** A JSON array with one record per line: compact, and diffs show which records changed. */
export function recordsJson(records: readonly Record<string, unknown>[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]\n`;
}

/** JSON Schema (draft 2020-12) of each part: an array of records. */
export function datasetJsonSchema(dataset: Dataset): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(z.array(dataset.record)) as Record<string, unknown>;
  return {
    $schema,
    $id: absoluteUrl(dataFileUrl(schemaFile(dataset))),
    title: `Gazette Atlas: ${dataset.name}/<year>.json`,
    description: dataset.description,
    ...schema,
  };
}

export interface FieldDoc {
  name: string;
  /** JSON types, e.g. "string", "string | null", "array of string". */
  type: string;
  description: string;
}

type JsonSchemaNode = {
  type?: string | string[];
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  format?: string;
  description?: string;
};

function typeName(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(typeName).join(' | ');
  if (Array.isArray(node.type)) return node.type.map((type) => typeName({ ...node, type })).join(' | ');
  if (node.type === 'array') return `array of ${node.items ? typeName(node.items) : 'any'}`;
  if (node.type === 'string' && node.format) return `string (${node.format})`;
  return node.type ?? 'any';
}

/** The record's fields, in order, for the /data/ page: read from the generated JSON Schema. */
export function fieldDocs(dataset: Dataset): FieldDoc[] {
  const schema = z.toJSONSchema(dataset.record) as { properties: Record<string, JsonSchemaNode> };
  return Object.entries(schema.properties).map(([name, node]) => ({
    name,
    type: typeName(node),
    description: node.description ?? '',
  }));
}

/** One CSV cell (RFC 4180): quoted when it holds a quote, comma, line break or edge spaces. */
function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.map(String).join('；') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese text), CRLF line ends, a header row. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function recordsCsv(dataset: Dataset, records: readonly Record<string, unknown>[]): string {
  return toCsv(Object.keys(dataset.record.shape), records);
}
