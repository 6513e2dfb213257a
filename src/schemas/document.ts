import { z } from 'astro/zod';
import { SourceSpanSchema, SourceTextSchema } from './source.ts';
import { PlaceSchema } from './reference.ts';
import { TaskSchema } from './department.ts';

/** The first 16 hex digits of a file's SHA-256. */
const FileHash = z.string().regex(/^[0-9a-f]{16}$/);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A citation of another document found in this one's text. */
export const CitationSchema = z.object({
  /** Anchor of the citing provision or paragraph. */
  anchor: z.string(),
  /** Normalised 文号 cited, if any. */
  docNumber: z.string().optional(),
  /** Title quoted in 《》, if any. */
  title: z.string().optional(),
  /** Slug of the cited document, when it is in the corpus. */
  target: z.string().optional(),
  /** Id on /references/, when it is not. */
  reference: z.string().optional(),
});
export type Citation = z.output<typeof CitationSchema>;

/** A heading or numbered provision in a document's body, for its table of contents. */
export const OutlineEntrySchema = z.object({
  /** Anchor id on the page (chapter-1, article-33, part-1-item-3, box-2 …). */
  id: z.string(),
  /** Kind of provision: chapter, section, article, part, item, point, box. */
  kind: z.string(),
  /** Nesting depth, 1 = top level of the body. */
  depth: z.number().int().min(1),
  /** Number as printed: 第一章, 一、, （三）, 1., 专栏2. */
  label: z.string(),
  /** Heading text without the number; for numbered paragraphs, their lead sentence. */
  title: z.string(),
  /** How a citation names it: 第九条第（三）项, 第二章第一节, 专栏2. */
  cite: z.string(),
  /** True when the numbered line is a heading; false for a numbered paragraph (第一条 为了…). */
  heading: z.boolean(),
});
export type OutlineEntry = z.output<typeof OutlineEntrySchema>;

/**
 * A link inside a text, as ingest found it: [start, end, kind, id] with offsets into the JS string;
 * kind d = a document slug, r = an id on /references/, p = a department id.
 */
export const TextRefSchema = z.tuple([z.number().int().min(0), z.number().int().min(0), z.enum(['d', 'r', 'p']), z.string()]);
export type TextRef = z.output<typeof TextRefSchema>;

/** Source line range of a block, first and last line (inclusive). */
const LinesSchema = z.tuple([z.number().int().min(1), z.number().int().min(1)]);

/** A paragraph of running text. */
export const ParagraphBlockSchema = z.object({
  type: z.literal('p'),
  /** Anchor: p-<first line>. */
  id: z.string(),
  lines: LinesSchema,
  text: z.string(),
  refs: z.array(TextRefSchema).optional(),
  /** A 目录-like list or a note (注：…) rather than running text. */
  variant: z.enum(['contents', 'note']).optional(),
});

/** A table as printed: the first row is the header row when there is more than one. */
export const TableBlockSchema = z.object({
  type: z.literal('table'),
  /** Anchor: t-<first line>; rows get t-<line>-r<N>. */
  id: z.string(),
  lines: LinesSchema,
  /** The title line printed above the table, when ingest recognised one. */
  caption: z.string().optional(),
  rows: z.array(z.array(z.string())),
});

/** A structural provision (chapter, article, item, 专栏 …) and what it contains. */
export interface SectionBlock {
  type: 'section';
  /** Anchor id (chapter-2-section-1, article-33, part-1-item-3, box-2). */
  id: string;
  kind: string;
  depth: number;
  /** Number as printed: 第一章, 一、, （三）. */
  label: string;
  /** How a citation names it (第九条第（三）项). */
  cite: string;
  /** A heading line; exclusive with `text`. */
  title?: string | undefined;
  /** A numbered paragraph's text; exclusive with `title`. */
  text?: string | undefined;
  refs?: TextRef[] | undefined;
  lines: [number, number];
  children: BodyBlock[];
}
export type ParagraphBlock = z.output<typeof ParagraphBlockSchema>;
export type TableBlock = z.output<typeof TableBlockSchema>;
export type BodyBlock = SectionBlock | ParagraphBlock | TableBlock;

export const SectionBlockSchema: z.ZodType<SectionBlock> = z.object({
  type: z.literal('section'),
  id: z.string(),
  kind: z.string(),
  depth: z.number().int().min(1),
  label: z.string(),
  cite: z.string(),
  title: z.string().optional(),
  text: z.string().optional(),
  refs: z.array(TextRefSchema).optional(),
  lines: LinesSchema,
  get children() {
    return z.array(BodyBlockSchema);
  },
});
export const BodyBlockSchema: z.ZodType<BodyBlock> = z.lazy(() => z.union([ParagraphBlockSchema, TableBlockSchema, SectionBlockSchema]));

/** Every block of a body, depth first (sections before what they contain). */
export function flattenBlocks(blocks: BodyBlock[]): BodyBlock[] {
  return blocks.flatMap((block) => (block.type === 'section' ? [block, ...flattenBlocks(block.children)] : [block]));
}

/** A document's body as ingest emits it (content/bodies/<slug>.json): the block tree, in reading order. */
export const DocumentBodySchema = z.array(BodyBlockSchema);

/** A document as ingest emits it (content/documents/<slug>.json): everything but the body. */
export const DocumentSchema = z.object({
  /** Full title, lines rejoined (吉林省人民政府办公厅关于印发吉林省环境保护“十三五”规划的通知). */
  title: z.string().min(1),
  /** Document number (文号), normalised: 〔〕 brackets, half-width digits (吉政办发〔2016〕56号). */
  docNumber: z.string().optional(),
  /** Where the document number was read: the document head, the issue's 目录, or the order that promulgates it. */
  docNumberFrom: z.enum(['head', 'toc', 'carrier']).optional(),
  /** Kind of document (文种) read from the title: 通知, 意见, 办法, 规划, 令, 决定 … */
  kind: z.string(),
  /** Issuing bodies, from the signature block, the order header or the title; a carried document shares its carrier's. */
  issuers: z.array(z.string()),
  /** Date of signature (ISO yyyy-mm-dd), if the document states one; a carried document has its carrier's. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Addressees (主送), without the trailing colon. */
  recipients: z.string().optional(),
  /** Head and closing lines as printed: a label (附件1), title lines, number, addressees, signature, date, notes. */
  head: z.array(SourceTextSchema.extend({ role: z.enum(['label', 'title', 'docNumber', 'recipients', 'signature', 'date', 'note']) })),
  /** Publication id, when the document appears in a gazette issue. */
  publication: z.string().optional(),
  /** Issue id, when the document appears in a gazette issue. */
  issue: z.string().optional(),
  /** Page in the issue, from the 目录. */
  page: z.string().optional(),
  /** 目录 section the document is listed under. */
  tocSection: z.string().optional(),
  /** Position in its source file's reading order (0-based). */
  order: z.number().int().min(0),
  /** Slug of the notice or order that carries this document (印发…的通知, 人民政府令). */
  carriedBy: z.string().optional(),
  /** Slugs of the documents this one carries. */
  carries: z.array(z.string()),
  /** First day the document applies (自…起施行), from its text or its carrier's. */
  effective: IsoDate.optional(),
  /** Last day it applies (有效期至…, or 有效期N年 counted from `effective`). */
  validUntil: IsoDate.optional(),
  /** The sentences the validity was read from. */
  validityText: z.array(SourceTextSchema),
  /** Citations of other documents, in reading order. */
  citations: z.array(CitationSchema),
  /** Places in other documents of the corpus that cite this one. */
  citedBy: z.array(PlaceSchema),
  /** Headings and numbered provisions, in order. */
  outline: z.array(OutlineEntrySchema),
  /** Seed file and the lines the document spans. */
  source: SourceSpanSchema,
  /**
   * Hash of the body file (content/bodies/<slug>.json), so that a changed body changes this
   * entry: the body is read only by the document's own page, outside the content layer's store.
   */
  bodyHash: FileHash,
  /**
   * Hash of the tasks file (content/tasks/<slug>.json, `DocumentTasksSchema`), present when the
   * document assigns any task. Tasks stay out of the store too: at 10,000 documents they were half
   * of it, and Astro bundles the whole store as one JS module.
   */
  tasksHash: FileHash.optional(),
});
export type DocumentData = z.output<typeof DocumentSchema>;
/** Everything but the hashes of the document's other files. */
export type DocumentMeta = Omit<DocumentData, 'tasksHash' | 'bodyHash'>;

/** Tasks the document assigns to departments and other bodies (牵头/负责/参与 clauses, mentions), in reading order. */
export const DocumentTasksSchema = z.array(TaskSchema);
