import { z } from 'astro/zod';
import { SourceSpanSchema, SourceTextSchema } from './source.ts';

/** One entry of an issue's 目录 (table of contents). */
export const TocEntrySchema = z.object({
  /** The 目录 section it is listed under (卷首语, 地方政府规章, 省政府办公厅文件 …). */
  section: z.string().optional(),
  /** Title as printed in the 目录, lines rejoined, leaders and page number removed. */
  title: z.string().min(1),
  /** Author printed after the leaders (…… 刘国中(4)). */
  author: z.string().optional(),
  /** Document number printed in the entry, normalised (吉政办发〔2017〕7号). */
  docNumber: z.string().optional(),
  /** Page reference as printed: a number, or a word such as 封底. */
  page: z.string().optional(),
  /** Slug of the document this entry points to; absent when the body is not in the source. */
  document: z.string().optional(),
  /** Where the entry is in the source. */
  source: SourceSpanSchema,
});
export type TocEntry = z.output<typeof TocEntrySchema>;

/** One issue of a gazette (公报), e.g. 吉林省人民政府公报 2017年第8期. */
export const IssueSchema = z.object({
  /** `<publication>/<year>/<issue>`, e.g. jilinsheng-renmin-zhengfu-gongbao/2017/8. */
  id: z.string().regex(/^[a-z0-9-]+\/\d{4}\/\d+(-\d+)?$/),
  /** Publication id. */
  publication: z.string(),
  /** Year of the volume. */
  year: z.number().int(),
  /** Issue label: "8", or "11-12" for a double issue. */
  issue: z.string().regex(/^\d+(-\d+)?$/),
  /** Cumulative number as printed: 复总第748期 → { label: 复总, number: 748 }. */
  cumulative: z.object({ label: z.string(), number: z.number().int() }).optional(),
  /** Publication date (ISO yyyy-mm-dd). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Frequency as printed (半月刊, 月刊). */
  frequency: z.string().optional(),
  /** Seed file and the lines the whole issue spans. */
  source: SourceSpanSchema,
  /** Masthead and cover lines, verbatim. */
  masthead: z.array(SourceTextSchema),
  /** The 目录. */
  toc: z.array(TocEntrySchema),
  /** Editorial matter printed with the front matter: editorial board, imprint, notices. */
  editorial: z.array(SourceTextSchema),
  /** Text ingest could not attribute to a document or to front matter; shown on the issue page. */
  unplaced: z.array(SourceTextSchema),
  /** Slugs of the documents in the issue, in reading order. */
  documents: z.array(z.string()),
});
export type Issue = z.output<typeof IssueSchema>;
