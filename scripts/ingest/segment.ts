/**
 * segment: normalised lines of one file → front matter and document blocks.
 *
 * Tells a gazette issue (masthead with an issue number, usually a 目录) from a
 * stand-alone document, reads the issue's masthead and 目录, and splits the body at
 * document heads. Every input line ends up in exactly one place: masthead, 目录,
 * editorial matter, a document block, or `unplaced` (with a diagnostic).
 */
import type { Diagnostic, DocBlock, IssueMeta, NormLine, Segmented, TocItem } from './types.ts';
import { DATE_LINE, isDocNumberLine, SENTENCE_PUNCT, TITLE_END, markerOf } from './patterns.ts';
import { normaliseDocNumber, parseOrderNumber } from './doc-number.ts';

// ---------- masthead ----------

const FREQUENCY = /[（(]\s*(半月刊|月刊|旬刊|周刊|双月刊|季刊|年刊)\s*[)）]/;

/** Read issue metadata from masthead lines; undefined when they do not describe an issue. */
export function readMasthead(lines: NormLine[]): IssueMeta | undefined {
  let name: string | undefined;
  let latin: string | undefined;
  let sponsor: string | undefined;
  let frequency: string | undefined;
  let year: number | undefined;
  let issue: string | undefined;
  let cumulative: IssueMeta['cumulative'];
  let date: string | undefined;
  for (const { text } of lines) {
    const t = text.replace(/\s+/g, '');
    if (!name && /^[\p{Script=Han}《》]{2,24}公报$/u.test(t)) name = t.replace(/[《》]/g, '');
    if (!latin && /^[A-Z][A-Z ]{8,}$/.test(text.trim())) latin = text.trim().replace(/\s+/g, ' ');
    if (!sponsor && /^[\p{Script=Han}]{2,24}主办$/u.test(t)) sponsor = t.slice(0, -2);
    const f = FREQUENCY.exec(t);
    if (f && !frequency) frequency = f[1];
    const yi = /(\d{4})年第(\d+(?:-\d+)?)期/.exec(t);
    if (yi) {
      year ??= Number(yi[1]);
      issue ??= yi[2];
    }
    if (/^\d{4}$/.test(t)) year ??= Number(t);
    const i = /^第(\d+(?:-\d+)?)期/.exec(t);
    if (i) issue ??= i[1];
    const c = /(复总|总)第(\d+)期/.exec(t);
    if (c && !cumulative) cumulative = { label: c[1]!, number: Number(c[2]) };
    const d = /(\d{4})年(\d{1,2})月(\d{1,2})日出版/.exec(t);
    if (d) date = isoDate(d[1]!, d[2]!, d[3]!);
    // A masthead without 出版 prints the bare date; an explicit 出版 date wins.
    const bare = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
    if (bare && !date) date = isoDate(bare[1]!, bare[2]!, bare[3]!);
  }
  if (!name || year === undefined || issue === undefined) return undefined;
  const meta: IssueMeta = { publicationName: name, year, issue };
  if (latin) meta.publicationLatin = latin;
  if (sponsor) meta.sponsor = sponsor;
  if (frequency) meta.frequency = frequency;
  if (cumulative) meta.cumulative = cumulative;
  if (date) meta.date = date;
  return meta;
}

export function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

// ---------- 目录 ----------

const TOC_HEADING = /^目\s*[录錄]$/;
/** A 目录 line's page reference: "…… 刘国中(4)", "… (15)", ".....( 1 )", ".....1", "…(封底)". */
const PAGE_REF = /(?:\s*[.…·]{1,}\s*|\s+|(?<=[)）》\p{Script=Han}]))(?:([\p{Script=Han}·]{2,5})\s*)?[(（]\s*(\d{1,4}|封[底面二三四里])\s*[)）]$|\s*[.…·]{2,}\s*(\d{1,4})$/u;

/** Parse one complete 目录 entry (its lines already joined). */
export function parseTocEntry(text: string): Omit<TocItem, 'span'> | undefined {
  const m = PAGE_REF.exec(text);
  if (!m) return undefined;
  let title = text.slice(0, m.index).replace(/[.…·\s]+$/, '').trim();
  const item: Omit<TocItem, 'span'> = { title };
  const page = m[2] ?? m[3];
  if (page) item.page = page;
  if (m[1]) item.author = m[1];
  // A trailing (文号) belongs to the entry, not to its title.
  const num = /[（(]([^（()）]*?(?:\d{4}|第\s*\d+\s*号)[^（()）]*)[)）]$/.exec(title);
  if (num) {
    const docNumber = normaliseDocNumber(num[1]!) ?? (parseOrderNumber(num[1]!) ? num[1]!.replace(/\s+/g, '') : undefined);
    if (docNumber) {
      item.docNumber = docNumber;
      title = title.slice(0, num.index).trim();
    }
  }
  item.title = title;
  return title ? item : undefined;
}

/** Lines of running text are never part of a masthead or 目录. */
const isShortLabel = (l: NormLine): boolean => !l.cells && (l.text.length <= 24 || /^[A-Z][A-Z ]+$/.test(l.text)) && !SENTENCE_PUNCT.test(l.text);

/**
 * Read the 目录 that starts at `start` (the 目录 line). Returns the entries and the index of
 * its last line. Section headings are short lines not followed by a continuation; lines
 * without a page reference that precede one are the first lines of a long entry.
 */
export function readToc(lines: NormLine[], start: number): { entries: TocItem[]; end: number; extra: NormLine[] } {
  const entries: TocItem[] = [];
  const extra: NormLine[] = [];
  let section: string | undefined;
  let pending: NormLine[] = [];
  let end = start;
  let sinceLast = 0;
  for (let i = start + 1; i < lines.length && sinceLast <= 4; i++) {
    const line = lines[i]!;
    const joined = [...pending, line].map((l) => l.text).join('');
    const entry = line.cells ? undefined : parseTocEntry(pending.length ? joinTocLines([...pending, line]) : line.text);
    if (entry) {
      entries.push({ ...entry, ...(section ? { section } : {}), span: { ...line.span, start: (pending[0] ?? line).span.start } });
      pending = [];
      end = i;
      sinceLast = 0;
      continue;
    }
    sinceLast++;
    if (/^[A-Z][A-Z ]+$/.test(line.text)) extra.push(line);
    else if (pending.length === 0 && line.text.length <= 12 && !/[《(（]/.test(line.text)) section = sectionName(line.text);
    else if (joined.length < 120) pending.push(line);
  }
  // Lines between the last entry and the end are not part of the 目录.
  return { entries, end, extra: extra.filter((l) => lines.indexOf(l) <= end) };
}

/** Join the lines of a 目录 entry broken over several lines (no space: a PDF line break is not a word break). */
function joinTocLines(lines: NormLine[]): string {
  return lines.map((l) => l.text).join('');
}

// ---------- document heads ----------

/** Compare titles ignoring spaces, brackets and quote styles. */
export function titleKey(s: string): string {
  return s.replace(/[\s《》〈〉“”"'‘’()（）〔〕[\]【】,，、.·•]/g, '');
}

/** Quoted titles 《…》 in a text, as comparison keys. */
export function quotedTitles(text: string): string[] {
  // Asked of nearly every line, most of which quote nothing: a character search before the pattern.
  if (!text.includes('《')) return [];
  return [...text.matchAll(/《([^《》]{2,60})》/g)].map((m) => titleKey(m[1]!));
}

const RECIPIENTS_LINE = /^[^，。；]{2,}[：:]$/;
/** The label printed above an attachment: 附件, 附件1, 附件 2. */
export const ATTACHMENT_LABEL = /^附件\s*\d{0,2}$/;

/** A line that may be (part of) a title: short, no sentence punctuation, no numbering. */
function isTitleLine(l: NormLine): boolean {
  return (
    !l.cells &&
    l.text.length <= 64 &&
    !/^[（(].*[)）]$/.test(l.text) &&
    !SENTENCE_PUNCT.test(l.text.replace(/《[^》]*》/g, '')) &&
    !/[：:]/.test(l.text) &&
    markerOf(l.text) === undefined &&
    !isDocNumberLine(l.text) &&
    !DATE_LINE.test(l.text)
  );
}

export interface HeadEvidence {
  /** First line of the document (its label, if any, else its title) and last line of its title. */
  start: number;
  end: number;
  /** First line of the title: start + 1 when a label such as 附件1 precedes it. */
  titleStart: number;
  reason: 'order' | 'number-or-addressees' | 'toc' | 'quoted' | 'issuer-title' | 'markdown-heading' | 'file-start';
}

/**
 * Find the document heads in lines[from, to). A head is a title (1–3 short lines ending
 * with a 文种 word) with evidence that a document starts there, or an order header
 * (…令 + 第N号). Evidence: a 文号 or 主送 line follows; the title is listed in the 目录;
 * an earlier document quotes it in 《》 (a carried plan); it names an issuer and 关于; or
 * the source marked it as a Markdown heading.
 */
export function findDocumentHeads(lines: NormLine[], from: number, to: number, tocTitles: Set<string>, fileStart = false): HeadEvidence[] {
  const heads: HeadEvidence[] = [];
  const quoted = new Set<string>();
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (/^[\p{Script=Han}]{2,20}令$/u.test(line.text) && /^第\s*\d+\s*号$/.test(lines[i + 1]?.text ?? '')) {
      heads.push({ start: i, titleStart: i, end: i + 1, reason: 'order' });
      quotedTitlesInto(quoted, lines[i + 2]);
      i += 1;
      continue;
    }
    const head = titleAt(lines, i, to, tocTitles, quoted, fileStart && i === from);
    if (head) {
      // An attachment's label (附件1) on the line before its title starts the attachment.
      if (i - 1 >= from && ATTACHMENT_LABEL.test(lines[i - 1]!.text) && !heads.some((h) => h.end >= i - 1)) head.start = i - 1;
      heads.push(head);
      i = head.end;
      continue;
    }
    quotedTitlesInto(quoted, line);
  }
  return heads;
}

function quotedTitlesInto(set: Set<string>, line: NormLine | undefined): void {
  if (line) for (const q of quotedTitles(line.text)) set.add(q);
}

function titleAt(lines: NormLine[], i: number, to: number, tocTitles: Set<string>, quoted: Set<string>, fileStart: boolean): HeadEvidence | undefined {
  for (let j = i; j < Math.min(i + 3, to); j++) {
    if (!isTitleLine(lines[j]!)) return undefined;
    const title = lines.slice(i, j + 1).map((l) => l.text).join('');
    const key = titleKey(title);
    if (tocTitles.has(key)) return { start: i, titleStart: i, end: j, reason: 'toc' };
    if (!TITLE_END.test(title.replace(/\s+/g, ''))) continue;
    const next = lines[j + 1];
    let reason: HeadEvidence['reason'] | undefined;
    if (next && (isDocNumberLine(next.text) || (RECIPIENTS_LINE.test(next.text) && /[、，,]/.test(next.text)))) reason = 'number-or-addressees';
    else if (quoted.has(key)) reason = 'quoted';
    else if (/^[\p{Script=Han}\s]{4,40}?[关關][于於]/u.test(title) && /(人民政府|办公厅|辦公廳|委员会|委員會|办公室|辦公室|党委|黨委|市委|省委|厅|廳|局)\s*[关關][于於]/u.test(title)) reason = 'issuer-title';
    else if (lines[i]!.mdHeading !== undefined) reason = 'markdown-heading';
    else if (fileStart) reason = 'file-start';
    if (reason) return { start: i, titleStart: i, end: j, reason };
  }
  return undefined;
}

// ---------- the whole file ----------

/** Walk back from the 目录 over short label lines: that block is the masthead. */
function mastheadStart(lines: NormLine[], tocIndex: number): number {
  let k = tocIndex;
  while (k > 0 && isShortLabel(lines[k - 1]!)) k--;
  return k;
}

export function segmentFile(file: string, lines: NormLine[]): { segmented: Segmented; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const span = { file, start: lines[0]?.span.start ?? 1, end: lines[lines.length - 1]?.span.end ?? 1 };
  const tocIndex = lines.findIndex((l, i) => i < Math.max(120, lines.length / 4) && TOC_HEADING.test(l.text));
  const mastheadFrom = tocIndex >= 0 ? mastheadStart(lines, tocIndex) : 0;
  const issue = readMasthead(lines.slice(0, tocIndex >= 0 ? tocIndex : Math.min(lines.length, 40)));

  const result: Segmented = { file, kind: issue ? 'issue' : 'standalone', masthead: [], toc: [], editorial: [], unplaced: [], blocks: [], span };
  if (!issue) {
    // A stand-alone text: its own 目录 (if any) is part of its body.
    const heads = findDocumentHeads(lines, 0, lines.length, new Set(), true);
    result.blocks = splitAtHeads(lines, 0, lines.length, heads, true).blocks;
    return { segmented: result, diagnostics };
  }
  result.issue = issue;

  const toc = tocIndex >= 0 ? readToc(lines, tocIndex) : { entries: [], end: tocIndex, extra: [] };
  // A romanised masthead name can be printed among the 目录 lines (as in 吉林市人民政府公报).
  if (!issue.publicationLatin) {
    const latin = toc.extra.find((l) => /^[A-Z][A-Z ]{8,}$/.test(l.text));
    if (latin) issue.publicationLatin = latin.text.replace(/\s+/g, ' ');
  }
  result.toc = toc.entries;
  const tocTitles = new Set(toc.entries.map((e) => titleKey(e.title)));
  const tocEnd = toc.end;

  // Before the masthead: documents placed ahead of the cover (e.g. a 卷首语), found by their 目录 title.
  const preHeads = findDocumentHeads(lines, 0, mastheadFrom, tocTitles);
  const pre = splitAtHeads(lines, 0, mastheadFrom, preHeads, false);
  const bodyHeads = findDocumentHeads(lines, tocEnd + 1, lines.length, tocTitles);
  const firstBody = bodyHeads[0]?.start ?? lines.length;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i < mastheadFrom) continue; // handled by `pre`
    if (i <= tocEnd) {
      if (i < tocIndex || toc.extra.includes(line) || i === tocIndex) result.masthead.push(line);
      else if (!toc.entries.some((e) => e.span.start <= line.span.start && line.span.end <= e.span.end) && !isSectionLine(line, toc.entries)) result.unplaced.push(line);
    } else if (i < firstBody) result.editorial.push(line);
  }
  for (const l of pre.orphans) result.unplaced.push(l);
  result.blocks = [...pre.blocks, ...splitAtHeads(lines, firstBody, lines.length, bodyHeads, true).blocks];
  if (result.blocks.length === 0)
    diagnostics.push({ file, line: lines[tocIndex >= 0 ? tocIndex : 0]?.span.start ?? 1, rule: 'segment/no-documents', message: 'an issue with front matter but no document body', severity: 'warning' });
  for (const l of result.unplaced)
    diagnostics.push({ file, line: l.span.start, rule: 'segment/unplaced-text', message: `text outside any document or front matter: ${l.text.slice(0, 30)}`, severity: 'warning' });

  // Match 目录 entries to documents by title, then by document number. What each block offers is
  // read once (the keys of its first one to four lines, the 文号 of its first three), not once per entry.
  const offers = result.blocks.map((b) => {
    const head = b.lines.slice(0, 4);
    return {
      titles: new Set(head.map((_, k) => titleKey(head.slice(0, k + 1).map((l) => l.text).join('')))),
      numbers: new Set(b.lines.slice(0, 3).map((l) => normaliseDocNumber(l.text))),
    };
  });
  result.toc.forEach((entry) => {
    const key = titleKey(entry.title);
    const idx = offers.findIndex((o) => o.titles.has(key) || (entry.docNumber !== undefined && o.numbers.has(entry.docNumber)));
    if (idx >= 0 && result.blocks[idx]!.toc === undefined) {
      entry.block = idx;
      result.blocks[idx]!.toc = entry;
    }
  });
  return { segmented: result, diagnostics };
}

function isSectionLine(line: NormLine, entries: TocItem[]): boolean {
  return entries.some((e) => e.section === sectionName(line.text));
}

/** A 目录 section heading without decorative brackets: 【市政府令】 → 市政府令. */
export function sectionName(text: string): string {
  return text.replace(/^【(.+)】$/, '$1');
}

/**
 * Cut lines[from, to) at the heads. Lines before the first head are either the first
 * block's (`leadingBelongsToFirst`: a stand-alone text whose head was not found at its
 * top) or orphans.
 */
function splitAtHeads(lines: NormLine[], from: number, to: number, heads: HeadEvidence[], leadingBelongsToFirst: boolean): { blocks: DocBlock[]; orphans: NormLine[] } {
  const blocks: DocBlock[] = [];
  const orphans: NormLine[] = [];
  const inRange = heads.filter((h) => h.start >= from && h.start < to);
  if (inRange.length === 0) {
    if (leadingBelongsToFirst && to > from) blocks.push({ lines: lines.slice(from, to), titleLines: 0 });
    else orphans.push(...lines.slice(from, to));
    return { blocks, orphans };
  }
  const first = inRange[0]!;
  if (first.start > from && !leadingBelongsToFirst) orphans.push(...lines.slice(from, first.start));
  inRange.forEach((h, k) => {
    const start = k === 0 && leadingBelongsToFirst ? from : h.start;
    // Leading lines kept with the first block come before its title, so it has none of its own.
    const titled = start === h.start;
    blocks.push({ lines: lines.slice(start, inRange[k + 1]?.start ?? to), titleLines: titled ? h.end - h.titleStart + 1 : 0, labelLines: titled ? h.titleStart - h.start : 0 });
  });
  return { blocks, orphans };
}
