/**
 * The intermediate representation handed from stage to stage. Every node carries
 * its provenance (seed file and 1-based inclusive line range) so that what the site
 * shows can always be traced back to the source text.
 */

/** Inclusive, 1-based line range in one seed file. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

/** A problem with the input: never an exception, always collected and reported. */
export interface Diagnostic {
  file: string;
  line: number;
  /** Stable rule id, e.g. decode/not-utf8, segment/unplaced-text. */
  rule: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** Output of decode: the text as a string, with how it was read. */
export interface DecodedSource {
  file: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030';
  /** Lines without their terminators; CRLF and CR are treated as line ends. */
  lines: string[];
}

/**
 * One logical line after normalisation: artefacts removed, lines broken by a page
 * break rejoined. Blank lines are gone; `span` covers every source line it came from.
 */
export interface NormLine {
  text: string;
  span: Span;
  /** Markdown heading level the source marked this line with (`#` = 1), a hint only. */
  mdHeading?: number;
  /** Cells when the line is a tab-separated table row. */
  cells?: string[];
}

/** A run of lines that segment assigned to one document. */
export interface DocBlock {
  lines: NormLine[];
  /** How many leading lines form the title (0 when segment found no title). */
  titleLines: number;
  /** How many lines before the title label it (附件1): 0 or 1. */
  labelLines?: number;
  /** 目录 entry matched to this block, if any. */
  toc?: TocItem;
}

export interface TocItem {
  section?: string;
  title: string;
  author?: string;
  docNumber?: string;
  page?: string;
  span: Span;
  /** Index of the DocBlock it was matched to. */
  block?: number;
}

export interface IssueMeta {
  publicationName: string;
  publicationLatin?: string;
  sponsor?: string;
  frequency?: string;
  year: number;
  issue: string;
  cumulative?: { label: string; number: number };
  date?: string;
}

/** Output of segment for one file. */
export interface Segmented {
  file: string;
  kind: 'issue' | 'standalone';
  issue?: IssueMeta;
  masthead: NormLine[];
  toc: TocItem[];
  editorial: NormLine[];
  unplaced: NormLine[];
  blocks: DocBlock[];
  span: Span;
}

/**
 * What the stages after structure keep of segment's output for one file: everything but the
 * documents' lines, which structure has read into the documents (keeping them doubled the per-file
 * results, their cache entries and the corpus in memory), except the lines that carry table cells,
 * where indicators finds a table row's source line.
 */
export type SegmentedFile = Omit<Segmented, 'blocks'> & { tableRows: NormLine[] };

/** A node of a document's body tree. */
export type BodyNode = SectionNode | ParagraphNode | TableNode;

export interface SectionNode {
  type: 'section';
  kind: ProvisionKind;
  /** Number as printed (第一章, 一、, （三）, 1., 专栏2). */
  label: string;
  /** The number as an integer (第三十三条 → 33). */
  num: number;
  /** Heading text, when the numbered line is a heading. */
  title?: string;
  /** Paragraph text after the number, when the numbered line is a paragraph. */
  text?: string;
  span: Span;
  children: BodyNode[];
}

export type ProvisionKind =
  | 'book'
  | 'part'
  | 'chapter'
  | 'section'
  | 'article'
  | 'item'
  | 'point'
  | 'subpoint'
  | 'box';

export interface ParagraphNode {
  type: 'paragraph';
  text: string;
  /** contents: a line of the document's own 目录; note: a 注： line. */
  variant?: 'contents' | 'note';
  span: Span;
}

export interface TableNode {
  type: 'table';
  rows: string[][];
  /** The short title line printed just above the table (“十三五”时期环境保护主要指标); its span is included in `span`. */
  caption?: string;
  span: Span;
}

export type HeadRole = 'label' | 'title' | 'docNumber' | 'recipients' | 'signature' | 'date' | 'note';

export interface HeadLine {
  role: HeadRole;
  text: string;
  span: Span;
}

/** Output of structure for one document. */
export interface StructuredDoc {
  title: string;
  kind: string;
  docNumber?: string;
  docNumberFrom?: 'head' | 'toc' | 'carrier';
  issuers: string[];
  date?: string;
  recipients?: string;
  head: HeadLine[];
  body: BodyNode[];
  span: Span;
  toc?: TocItem;
  /** Index (in the file's document list) of the document carrying this one. */
  carriedBy?: number;
  carries: number[];
}
