/**
 * structure: a document block → title, 文号, issuers, date, addressees, signature and a
 * body tree of provisions (章/节/条/一、/（一）/1./专栏), paragraphs and tables.
 * Every node keeps its source span; text that fits no rule stays a paragraph.
 */
import type { BodyNode, Diagnostic, DocBlock, HeadLine, NormLine, ProvisionKind, SectionNode, StructuredDoc, TableNode } from './types.ts';
import { DATE, DATE_LINE, isDocNumberLine, MARKERS, TITLE_END, type MarkerName, markerOf, toSimplified } from './patterns.ts';
import { normaliseDocNumber, parseOrderNumber } from './doc-number.ts';
import { parseCnNumber } from './cn-numerals.ts';
import { isoDate, quotedTitles, titleKey } from './segment.ts';

/** Marker name → provision kind used in anchors (see docs/ARCHITECTURE.md). */
const KIND_OF: Record<MarkerName, ProvisionKind> = {
  part: 'book',
  chapter: 'chapter',
  section: 'section',
  article: 'article',
  cnEnum: 'part',
  cnParen: 'item',
  arabic: 'point',
  arabicParen: 'subpoint',
  box: 'box',
};

/** Fixed ranks for the statute hierarchy; numbered lists nest by order of appearance. */
const FIXED_RANK: Partial<Record<MarkerName, number>> = { part: 0, chapter: 1, section: 2, article: 3 };

/**
 * Join title lines and drop the spaces a line break or OCR left inside it, keeping the
 * space between joint issuers (中共吉林省委办公厅 吉林省人民政府办公厅关于…).
 */
export function cleanTitle(lines: string[]): string {
  const joined = lines.join('');
  // Titles of essays and articles (砥砺奋进 建设…新江城) use spaces between phrases; only
  // official document titles, which end with a 文种 word, never do.
  if (!TITLE_END.test(joined.replace(/\s+/g, ''))) return joined;
  return joined.replace(/\s+/g, (sp, i: number) => {
    const before = joined.slice(0, i);
    const after = joined.slice(i + sp.length);
    return /[厅委府局会室部院办廳會辦]$/u.test(before) && !/^[关關][于於]/.test(after) && !/[关關][于於]/.test(before) ? ' ' : '';
  });
}

/** 文种 of a title: the word it ends with. */
export function kindOfTitle(title: string): string | undefined {
  const kind = TITLE_END.exec(title.replace(/\s+/g, ''))?.[1];
  return kind === undefined ? undefined : toSimplified(kind);
}

/** Issuers named in a title before 关于: "中共吉林省委办公厅 吉林省人民政府办公厅关于…" → both. */
export function issuersFromTitle(title: string): string[] {
  const m = /^([^《》关關]{4,60}?)[关關][于於]/.exec(title);
  return m ? m[1]!.split(/\s+/).filter((s) => s.length >= 4 && ORG_SUFFIX.test(s)) : [];
}

/** How the name of an issuing body ends. */
const ORG_SUFFIX = /(政府|办公厅|辦公廳|委员会|委員會|办公室|辦公室|党委|黨委|市委|省委|县委|縣委|厅|廳|局|委|办|辦|院|部|会|會)$/;

interface Parsed {
  doc: StructuredDoc;
  diagnostics: Diagnostic[];
}

const SIGNATURE_LINE = /^[\p{Script=Han}·（）() ]{2,24}$/u;
const NOTE_LINE = /^[（(][^（()）]{2,40}[)）]$/;

/** Parse one block; segment has already said how many leading lines are its title. */
export function structureDocument(block: DocBlock, file: string): Parsed {
  const diagnostics: Diagnostic[] = [];
  const lines = block.lines;
  const head: HeadLine[] = [];
  let i = 0;
  let title: string;
  let kind: string | undefined;
  let docNumber: string | undefined;
  let docNumberFrom: StructuredDoc['docNumberFrom'];
  const issuers: string[] = [];

  const order = /^[\p{Script=Han}]{2,20}令$/u.test(lines[0]?.text ?? '') ? parseOrderNumber(`${lines[0]!.text}${lines[1]?.text ?? ''}`) : undefined;
  if (order) {
    title = `${order.issuer}第${order.serial}号`;
    kind = '令';
    docNumber = title;
    docNumberFrom = 'head';
    issuers.push(order.issuer.replace(/令$/, ''));
    head.push({ role: 'title', text: lines[0]!.text, span: lines[0]!.span }, { role: 'docNumber', text: lines[1]!.text, span: lines[1]!.span });
    i = 2;
  } else {
    const label = block.labelLines ?? 0;
    for (const l of lines.slice(0, label)) head.push({ role: 'label', text: l.text, span: l.span });
    const n = block.titleLines;
    title = cleanTitle(lines.slice(label, label + n).map((l) => l.text));
    for (const l of lines.slice(label, label + n)) head.push({ role: 'title', text: l.text, span: l.span });
    i = label + n;
    if (!title) {
      title = block.toc?.title ?? lines[0]?.text.slice(0, 40) ?? '(untitled)';
      diagnostics.push({ file, line: lines[0]?.span.start ?? 1, rule: 'structure/no-title', message: 'no title recognised; using the first words', severity: 'warning' });
    }
    kind = kindOfTitle(title);
  }
  // Head: 文号 and 主送 follow the title.
  if (lines[i] && isDocNumberLine(lines[i]!.text)) {
    docNumber = normaliseDocNumber(lines[i]!.text);
    docNumberFrom = 'head';
    head.push({ role: 'docNumber', text: lines[i]!.text, span: lines[i]!.span });
    i++;
  }
  let recipients: string | undefined;
  if (lines[i] && /^[^。；]{2,200}[：:]$/.test(lines[i]!.text) && /[、，,]|各/.test(lines[i]!.text)) {
    recipients = lines[i]!.text.replace(/[：:]$/, '');
    head.push({ role: 'recipients', text: lines[i]!.text, span: lines[i]!.span });
    i++;
  }
  // Closing: notes, date and signature lines at the end.
  let end = lines.length;
  const closing: HeadLine[] = [];
  let date: string | undefined;
  while (end > i && NOTE_LINE.test(lines[end - 1]!.text) && end - 1 > i) {
    closing.unshift({ role: 'note', text: lines[end - 1]!.text, span: lines[end - 1]!.span });
    end--;
  }
  if (end > i && DATE_LINE.test(lines[end - 1]!.text)) {
    const m = DATE.exec(lines[end - 1]!.text)!;
    date = isoDate(m[1]!, m[2]!, m[3]!);
    closing.unshift({ role: 'date', text: lines[end - 1]!.text, span: lines[end - 1]!.span });
    end--;
    const signers: HeadLine[] = [];
    while (end > i && signers.length < 3 && SIGNATURE_LINE.test(lines[end - 1]!.text) && markerOf(lines[end - 1]!.text) === undefined && !TITLE_END.test(lines[end - 1]!.text)) {
      signers.unshift({ role: 'signature', text: lines[end - 1]!.text, span: lines[end - 1]!.span });
      end--;
    }
    closing.unshift(...signers);
    for (const s of signers) if (ORG_SUFFIX.test(s.text) && !issuers.includes(s.text)) issuers.push(s.text);
  }
  if (issuers.length === 0) issuers.push(...issuersFromTitle(title));
  if (!docNumber && block.toc?.docNumber) {
    docNumber = block.toc.docNumber;
    docNumberFrom = 'toc';
  }
  if (!kind && block.toc?.section) kind = block.toc.section;

  const body = buildBody(lines.slice(i, end), file, diagnostics);
  const doc: StructuredDoc = {
    title,
    kind: kind ?? '文件',
    issuers,
    head: [...head, ...closing],
    body,
    span: { file, start: lines[0]!.span.start, end: lines[lines.length - 1]!.span.end },
    carries: [],
  };
  if (docNumber) doc.docNumber = docNumber;
  if (docNumberFrom) doc.docNumberFrom = docNumberFrom;
  if (date) doc.date = date;
  if (recipients) doc.recipients = recipients;
  if (block.toc) doc.toc = block.toc;
  return { doc, diagnostics };
}

/** Is a numbered line a heading (short, no full stop) rather than a numbered paragraph? */
function isHeadingText(rest: string): boolean {
  return rest.length <= 40 && !/[。；！？;!?]/.test(rest);
}

/** Lines of a document's own 目录: from a 目录 line, lines ending in a page number. */
function contentsEnd(lines: NormLine[], k: number): number {
  if (!/^目\s*录$/.test(lines[k]!.text)) return k;
  let j = k + 1;
  while (j < lines.length && /[\d.l]\s*$/.test(lines[j]!.text) && !/[。；]$/.test(lines[j]!.text)) j++;
  return j;
}

/** Build the provision tree. A stack of open sections; each marker closes what it outranks. */
export function buildBody(lines: NormLine[], file: string, diagnostics: Diagnostic[] = []): BodyNode[] {
  const lastNum = new Map<MarkerName, number>();
  const root: BodyNode[] = [];
  const stack: Array<{ node: SectionNode; marker: MarkerName; inBox: boolean }> = [];
  const children = (): BodyNode[] => (stack.length ? stack[stack.length - 1]!.node.children : root);

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const contents = contentsEnd(lines, k);
    if (contents > k + 1) {
      for (let j = k; j < contents; j++) children().push({ type: 'paragraph', text: lines[j]!.text, variant: 'contents', span: lines[j]!.span });
      k = contents - 1;
      continue;
    }
    if (line.cells) {
      let j = k;
      while (j + 1 < lines.length && lines[j + 1]!.cells) j++;
      const rows = lines.slice(k, j + 1).map((l) => l.cells!);
      const table: TableNode = { type: 'table', rows, span: { file, start: line.span.start, end: lines[j]!.span.end } };
      // A short unpunctuated line right above the rows is the table's title.
      const prev = children()[children().length - 1];
      if (prev?.type === 'paragraph' && !prev.variant && prev.text.length <= 40 && !/[，。；：,;:]/.test(prev.text)) {
        children().pop();
        table.caption = prev.text;
        table.span = { ...table.span, start: prev.span.start };
      }
      children().push(table);
      k = j;
      continue;
    }
    // The list of attachments after 附件： (1. 某某办法 / 2. 某某规则) is a note, not numbered provisions.
    if (/^附件\s*[:：]/.test(line.text)) {
      children().push({ type: 'paragraph', text: line.text, span: line.span, variant: 'note' });
      while (lines[k + 1] && MARKERS.arabic.test(lines[k + 1]!.text) && !/[，。；,;]/.test(lines[k + 1]!.text)) {
        k++;
        children().push({ type: 'paragraph', text: lines[k]!.text, span: lines[k]!.span, variant: 'note' });
      }
      continue;
    }
    const marker = markerOf(line.text);
    if (!marker) {
      const note = /^注\s*[:：]/.test(line.text);
      children().push({ type: 'paragraph', text: line.text, span: line.span, ...(note ? { variant: 'note' as const } : {}) });
      continue;
    }
    const m = MARKERS[marker].exec(line.text)!;
    const label = m[0];
    const num = parseCnNumber(m[1]!) ?? 0;
    const rest = line.text.slice(label.length).trim();
    const section: SectionNode = { type: 'section', kind: KIND_OF[marker], label, num, span: line.span, children: [] };
    if (marker !== 'article' && isHeadingText(rest)) section.title = rest;
    else section.text = rest;

    // Statute numbers run through a document: one that goes backwards is reported, and kept where it is.
    if (FIXED_RANK[marker] !== undefined) {
      const last = lastNum.get(marker);
      if (last !== undefined && num <= last)
        diagnostics.push({ file, line: line.span.start, rule: 'structure/out-of-order', message: `${label} follows number ${last} of the same level`, severity: 'warning' });
      lastNum.set(marker, num);
      // 节 restart in each 章 (and 章 in each 编); 条 run through the whole document.
      for (const m of lastNum.keys()) if (m !== 'article' && (FIXED_RANK[m] ?? 0) > FIXED_RANK[marker]!) lastNum.delete(m);
    }
    closeFor(stack, marker, num);
    const inBox = marker === 'box' || (stack.length > 0 && stack[stack.length - 1]!.inBox);
    children().push(section);
    stack.push({ node: section, marker, inBox });
  }
  return root;
}

/** Pop the open sections a new marker closes. */
function closeFor(stack: Array<{ node: SectionNode; marker: MarkerName; inBox: boolean }>, marker: MarkerName, num: number): void {
  const rank = FIXED_RANK[marker];
  if (rank !== undefined) {
    // Statute levels close everything at or below them, boxes and lists included.
    while (stack.length && (FIXED_RANK[stack[stack.length - 1]!.marker] ?? 99) >= rank) stack.pop();
    return;
  }
  if (marker === 'box') {
    // A new box closes the previous box and everything inside it.
    while (stack.length && stack[stack.length - 1]!.inBox) stack.pop();
    return;
  }
  // A list marker: sibling of the nearest open node of the same marker. Inside a box a
  // list restarting at 1 is new; a continuing number closes the box.
  for (let k = stack.length - 1; k >= 0; k--) {
    const s = stack[k]!;
    if (s.marker !== marker) continue;
    if (!s.inBox && stack.some((x, idx) => idx > k && x.inBox) && num === 1) return;
    stack.length = k;
    return;
  }
}

/** Link carried documents: a document whose title an earlier notice or order quotes in 《》. */
export function linkCarried(docs: StructuredDoc[], blocks: DocBlock[]): void {
  docs.forEach((doc, idx) => {
    if (idx === 0) return;
    const carrier = docs.slice(0, idx).reverse().find((d) => d.kind === '令' || /印发|发布|公布/.test(d.title));
    if (!carrier) return;
    const carrierIdx = docs.indexOf(carrier);
    const text = blocks[carrierIdx]!.lines.map((l) => l.text).join('') + carrier.title;
    const quoted = quotedTitles(text);
    const titleMention = titleKey(carrier.title).includes(titleKey(doc.title));
    if (quoted.includes(titleKey(doc.title)) || titleMention) {
      doc.carriedBy = carrierIdx;
      carrier.carries.push(idx);
      // A carried plan or regulation has no signature of its own: it is issued with its carrier.
      if (doc.issuers.length === 0) doc.issuers = [...carrier.issuers];
      doc.date ??= carrier.date;
      // A regulation promulgated by an order is cited by the order's number (《…办法》（…令第261号）);
      // the 目录's short form (吉政令第261号) gives way to it.
      if (carrier.kind === '令' && carrier.docNumber && doc.docNumberFrom !== 'head') {
        doc.docNumber = carrier.docNumber;
        doc.docNumberFrom = 'carrier';
      }
    }
  });
}
