/**
 * emit: structured documents → JSON files for the content collections.
 *
 * Source text is only ever a JSON string value: the site reads these files as data and renders
 * the text through Astro's escaping, so no text can become markup or code. Output is
 * deterministic: the same corpus gives byte-identical files.
 */
import type { BodyNode } from './types.ts';
import type { CorpusDoc } from './pipeline.ts';
import type { BodyBlock, DocumentData, DocumentMeta, OutlineEntry, TextRef } from '../../src/schemas/document.ts';
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
  const refs = [
    ...cd.citations.map((c) => ({ place: `${c.anchor}|${c.field}`, ref: [c.start, c.end, c.target ? 'd' : 'r', c.target ?? c.reference ?? ''] as TextRef })),
    ...cd.actorRefs.map((a) => ({ place: `${a.anchor}|${a.field}`, ref: [a.start, a.end, 'p', a.department] as TextRef })),
  ];
  const byPlace = new Map<string, TextRef[]>();
  for (const [place, list] of Map.groupBy(refs, (r) => r.place)) byPlace.set(place, list.map((r) => r.ref).sort((a, b) => a[0] - b[0]));
  return byPlace;
}

/** The body tree as the site renders it: anchors assigned, links placed, source lines kept. */
export function documentBody(cd: CorpusDoc): BodyBlock[] {
  const anchors = assignAnchors(cd.doc.body);
  // Grouped once: looking each text's links up in the document's whole list was quadratic.
  const refs = textRefsByPlace(cd);
  const textRefs = (anchor: string, field: 'text' | 'title'): TextRef[] | undefined => refs.get(`${anchor}|${field}`);
  const walk = (nodes: BodyNode[]): BodyBlock[] =>
    nodes.map((n): BodyBlock => {
      const lines: [number, number] = [n.span.start, n.span.end];
      if (n.type === 'paragraph') {
        const id = `p-${n.span.start}`;
        return { type: 'p', id, lines, text: n.text, ...optional('refs', textRefs(id, 'text')), ...optional('variant', n.variant) };
      }
      if (n.type === 'table') return { type: 'table', id: `t-${n.span.start}`, lines, ...optional('caption', n.caption), rows: n.rows };
      const a = anchors.get(n)!;
      const field = n.title !== undefined ? 'title' : 'text';
      return {
        type: 'section',
        id: a.id,
        kind: n.kind,
        depth: a.depth,
        label: n.label,
        cite: a.cite,
        [field]: n.title ?? n.text ?? '',
        ...optional('refs', textRefs(a.id, field)),
        lines,
        children: walk(n.children),
      };
    });
  return walk(cd.doc.body);
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
  const body = renderBody(documentBody(cd));
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

/**
 * A body as JSON, one compact block per line and a section's children on their own lines under
 * it, so a diff still names the paragraph that changed (a body's depth has no bound: renderJson's
 * levels would leave a chapter on one line).
 */
export function renderBody(blocks: readonly BodyBlock[]): string {
  return `${blockLines(blocks)}\n`;
}

function blockLines(blocks: readonly BodyBlock[]): string {
  if (!blocks.length) return '[]';
  const lines = blocks.map((b) => {
    if (b.type !== 'section' || !b.children.length) return JSON.stringify(b);
    const { children, ...head } = b;
    // `children` is the section's last key, so the head's closing brace is where it goes back in.
    return `${JSON.stringify(head).slice(0, -1)},"children":${blockLines(children)}}`;
  });
  return `[\n${lines.join(',\n')}\n]`;
}
