import { z } from 'astro/zod';
import { SourceSpanSchema, SourceTextSchema } from './source.ts';

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
});
export type OutlineEntry = z.output<typeof OutlineEntrySchema>;

/** Front matter of a document page; the body is the MDX that follows it. */
export const DocumentSchema = z.object({
  /** Full title, lines rejoined (吉林省人民政府办公厅关于印发吉林省环境保护“十三五”规划的通知). */
  title: z.string().min(1),
  /** Document number (文号), normalised: 〔〕 brackets, half-width digits (吉政办发〔2016〕56号). */
  docNumber: z.string().optional(),
  /** Where the document number was read: the document head, or the issue's 目录. */
  docNumberFrom: z.enum(['head', 'toc']).optional(),
  /** Kind of document (文种) read from the title: 通知, 意见, 办法, 规划, 令, 决定 … */
  kind: z.string(),
  /** Issuing bodies, from the signature block, the order header or the title; a carried document shares its carrier's. */
  issuers: z.array(z.string()),
  /** Date of signature (ISO yyyy-mm-dd), if the document states one; a carried document has its carrier's. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Addressees (主送), without the trailing colon. */
  recipients: z.string().optional(),
  /** Head and closing lines as printed: title lines, number, addressees, signature, date, notes. */
  head: z.array(SourceTextSchema.extend({ role: z.enum(['title', 'docNumber', 'recipients', 'signature', 'date', 'note']) })),
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
  /** Headings and numbered provisions, in order. */
  outline: z.array(OutlineEntrySchema),
  /** Seed file and the lines the document spans. */
  source: SourceSpanSchema,
});
export type DocumentMeta = z.output<typeof DocumentSchema>;
