/**
 * emit: structured documents → JSON files for the content collections.
 *
 * Source text is only ever a JSON string value: the site reads these files as data and renders
 * the text through Astro's escaping, so no text can become markup or code. Output is
 * deterministic: the same corpus gives byte-identical files.
 */
import type { BodyNode } from './types.ts';
import type { CorpusDoc } from './pipeline.ts';
import type { DocumentData, DocumentMeta, OutlineEntry, ParagraphBlock, SectionBlock, TableBlock, TextRef } from '../../src/schemas/document.ts';
import { createHash } from 'node:crypto';
import { assignAnchors } from './anchors.ts';
import type { Assignment, Task } from '../../src/schemas/department.ts';

/** A document's metadata, validated later against DocumentSchema. */
export function documentMeta(cd: CorpusDoc): DocumentMeta {
  const { doc } = cd;
  const anchors = assignAnchors(doc.body);
  const outline: OutlineEntry[] = [...anchors.values()].map(({ node, id, depth, cite }) => ({
    id,
    kind: node.kind,
    depth,
    label: node.label,
    title: node.title ?? leadSentence(node.text ?? ''),
    cite,
    heading: node.title !== undefined,
  }));
  const meta: DocumentMeta = {
    title: doc.title,
    kind: doc.kind,
    issuers: doc.issuers,
    head: doc.head.map((h) => ({ role: h.role, text: h.text, start: h.span.start, end: h.span.end })),
    order: cd.order,
    carries: cd.carries,
    validityText: cd.validity.evidence.map((e) => ({ text: e.text, start: e.span.start, end: e.span.end })),
    citations: cd.citations.map(({ anchor, docNumber, title, target, reference }) => ({ anchor, ...(docNumber ? { docNumber } : {}), ...(title ? { title } : {}), ...(target ? { target } : {}), ...(reference ? { reference } : {}) })),
    citedBy: cd.citedBy,
    outline,
    source: doc.span,
  };
  if (doc.docNumber) meta.docNumber = doc.docNumber;
  if (doc.docNumberFrom) meta.docNumberFrom = doc.docNumberFrom;
  if (doc.date) meta.date = doc.date;
  if (doc.recipients) meta.recipients = doc.recipients;
  if (cd.publication) meta.publication = cd.publication;
  if (cd.issue) meta.issue = cd.issue;
  if (doc.toc?.page) meta.page = doc.toc.page;
  if (doc.toc?.section) meta.tocSection = doc.toc.section;
  if (cd.carriedBy) meta.carriedBy = cd.carriedBy;
  if (cd.validity.effective) meta.effective = cd.validity.effective;
  if (cd.validity.validUntil) meta.validUntil = cd.validity.validUntil;
  return meta;
}

/** First sentence of a numbered paragraph, for tables of contents. */
export function leadSentence(text: string): string {
  const m = /^[^。；！？：:]{1,40}/.exec(text);
  return m ? m[0] : text.slice(0, 40);
}

/** Every link of a document, grouped by the text it sits in (`anchor|field`), each group sorted by start (see TextRef). */
function textRefsByPlace(cd: CorpusDoc): Map<string, TextRef[]> {
  const byPlace = new Map<string, TextRef[]>();
  const add = (place: string, ref: TextRef): void => {
    const list = byPlace.get(place);
    if (list) list.push(ref);
    else byPlace.set(place, [ref]);
  };
  for (const c of cd.citations) add(`${c.anchor}|${c.field}`, [c.start, c.end, c.target ? 'd' : 'r', c.target ?? c.reference ?? '']);
  for (const a of cd.actorRefs) add(`${a.anchor}|${a.field}`, [a.start, a.end, 'p', a.department]);
  for (const list of byPlace.values()) list.sort((x, y) => x[0] - y[0]);
  return byPlace;
}

/**
 * The body as the site renders it (BodyBlock[]: anchors assigned, links placed, source lines
 * kept), written as JSON: one compact block per line and a section's children on their own lines
 * under it, so a diff still names the paragraph that changed. Written while walking the tree, one
 * block at a time, rather than building the whole tree of blocks first and copying each section
 * without its children to print it: at 10,000 documents that was 2 of ingest's 15 seconds.
 */
export function renderDocumentBody(cd: CorpusDoc): string {
  const anchors = assignAnchors(cd.doc.body);
  // Grouped once: looking each text's links up in the document's whole list was quadratic.
  const refs = textRefsByPlace(cd);
  const lines = (nodes: BodyNode[]): string => {
    if (!nodes.length) return '[]';
    const out: string[] = [];
    for (const n of nodes) {
      const span: [number, number] = [n.span.start, n.span.end];
      if (n.type === 'paragraph') {
        const id = `p-${n.span.start}`;
        const block: Omit<ParagraphBlock, 'refs' | 'variant'> & Partial<ParagraphBlock> = { type: 'p', id, lines: span, text: n.text };
        const placed = refs.get(`${id}|text`);
        if (placed) block.refs = placed;
        if (n.variant !== undefined) block.variant = n.variant;
        out.push(JSON.stringify(block));
      } else if (n.type === 'table') {
        const block: Omit<TableBlock, 'caption' | 'rows'> & Partial<TableBlock> = { type: 'table', id: `t-${n.span.start}`, lines: span };
        if (n.caption !== undefined) block.caption = n.caption;
        block.rows = n.rows;
        out.push(JSON.stringify(block));
      } else {
        const a = anchors.get(n)!;
        const field = n.title !== undefined ? 'title' : 'text';
        // A SectionBlock's fields in its order, without `children`, its last: they follow on their own lines.
        const head: Omit<SectionBlock, 'children' | 'refs' | 'lines'> & Partial<SectionBlock> = { type: 'section', id: a.id, kind: n.kind, depth: a.depth, label: n.label, cite: a.cite, [field]: n.title ?? n.text ?? '' };
        const placed = refs.get(`${a.id}|${field}`);
        if (placed) head.refs = placed;
        head.lines = span;
        out.push(`${JSON.stringify(head).slice(0, -1)},"children":${lines(n.children)}}`);
      }
    }
    return `[\n${out.join(',\n')}\n]`;
  };
  return `${lines(cd.doc.body)}\n`;
}

/** `{ key: value }` when the value is present, so absent fields are left out of the JSON rather than null. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/**
 * A document as up to three files: its entry in the documents collection
 * (content/documents/<slug>.json: metadata and the hashes of the other two), its body
 * (content/bodies/<slug>.json), which only its own page reads, and its tasks
 * (content/tasks/<slug>.json, when it assigns any), which the site gathers once per build. The
 * site renders all of them from data — no text is ever compiled as code — and bodies and tasks,
 * most of the bytes, stay out of the content layer's store, which Astro bundles as one module and
 * every page build loads whole.
 */
export function renderDocumentFiles(cd: CorpusDoc, assignments: Assignment[] = []): { entry: string; body: string; tasks?: string } {
  const body = renderDocumentBody(cd);
  const grouped = groupTasks(assignments);
  const tasks = grouped.length ? renderJson(grouped, 1) : undefined;
  const entry: DocumentData = { ...documentMeta(cd), bodyHash: fileHash(body), ...optional('tasksHash', tasks === undefined ? undefined : fileHash(tasks)) };
  return { entry: renderJson(entry), body, ...optional('tasks', tasks) };
}

const fileHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * One document's assignments as tasks: consecutive assignments of one task (same anchor, line and
 * text) share one record, in reading order, so a task's text is stored once.
 */
export function groupTasks(assignments: Assignment[]): Task[] {
  const tasks: Task[] = [];
  for (const { department, actor, collective, role, implicit, anchor, part, task, line } of assignments) {
    const last = tasks.at(-1);
    const who = { ...optional('department', department), actor, collective, role, implicit };
    if (last && last.anchor === anchor && last.line === line && last.task === task) last.actors.push(who);
    else tasks.push({ anchor, ...optional('part', part), task, line, actors: [who] });
  }
  return tasks;
}

/**
 * Stable JSON with a trailing newline, laid out `levels` deep (two-space indent) and compact below:
 * levels 1 puts each record of a list on its own line, levels 2 each field of an entry and each
 * item of its lists. A change to one record stays a one-line diff, and compact JSON serialises
 * 2.5× faster than JSON indented all the way down; at 100× the seeds the entries and bodies
 * shrank by a third (135 → 93 MB) and ingest's render step from 1.0 to 0.8 s.
 */
export function renderJson(value: unknown, levels = 2): string {
  return `${layout(value, levels, '')}\n`;
}

function layout(value: unknown, levels: number, indent: string): string {
  // JSON.stringify gives undefined for undefined (a list's hole is null in JSON).
  if (levels === 0 || value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + layout(v, levels - 1, inner)).join(',\n')}\n${indent}]` : '[]';
  const fields = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  return fields.length ? `{\n${fields.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, levels - 1, inner)}`).join(',\n')}\n${indent}}` : '{}';
}
