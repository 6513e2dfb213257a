/**
 * Cross-file checks after ingest, in two passes (collect ids, then check references):
 * every emitted record must satisfy its zod schema and every reference must resolve.
 * Astro validates the same schemas again at build time.
 */
import type { Diagnostic } from './types.ts';
import type { Corpus } from './pipeline.ts';
import { PublicationSchema } from '../../src/schemas/publication.ts';
import { IssueSchema } from '../../src/schemas/issue.ts';
import { DocumentSchema } from '../../src/schemas/document.ts';

// Tasks and bodies are built by typed code (emit.ts) and validated when the site reads them;
// checking them here too would double the cost of the largest parts of every document.
const DocumentMetaSchema = DocumentSchema.omit({ tasksHash: true, bodyHash: true });
import { documentMeta } from './emit.ts';
import { ReferenceSchema } from '../../src/schemas/reference.ts';
import { PlanSchema } from '../../src/schemas/plan.ts';
import { ObservationSchema } from '../../src/schemas/indicator.ts';

export function validateCorpus(corpus: Corpus): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (file: string, line: number, rule: string, message: string): void => {
    out.push({ file, line, rule, message, severity: 'error' });
  };
  const slugs = new Set(corpus.documents.map((d) => d.slug));
  const issueIds = new Set(corpus.issues.map((i) => i.id));
  const pubIds = new Set(corpus.publications.map((p) => p.id));
  for (const p of corpus.publications) {
    const r = PublicationSchema.safeParse(p);
    if (!r.success) bad('(publications)', 1, 'schema/publication', r.error.message);
  }
  for (const issue of corpus.issues) {
    const r = IssueSchema.safeParse(issue);
    if (!r.success) bad(issue.source.file, 1, 'schema/issue', r.error.message);
    if (!pubIds.has(issue.publication)) bad(issue.source.file, 1, 'ref/publication', `unknown publication ${issue.publication}`);
    for (const s of issue.documents) if (!slugs.has(s)) bad(issue.source.file, 1, 'ref/document', `unknown document ${s}`);
    for (const t of issue.toc) if (t.document && !slugs.has(t.document)) bad(issue.source.file, t.source.start, 'ref/document', `目录 entry points to unknown document ${t.document}`);
  }
  for (const r of corpus.references) {
    const parsed = ReferenceSchema.safeParse(r);
    if (!parsed.success) bad('(references)', 1, 'schema/reference', parsed.error.message);
    for (const p of r.citedBy) if (!slugs.has(p.document)) bad('(references)', 1, 'ref/document', `reference ${r.id} cited by unknown document ${p.document}`);
  }
  for (const d of corpus.documents) {
    const meta = documentMeta(d);
    for (const c of meta.citations) if (c.target && !slugs.has(c.target)) bad(d.doc.span.file, d.doc.span.start, 'ref/document', `citation of unknown document ${c.target}`);
    for (const p of meta.citedBy) if (!slugs.has(p.document)) bad(d.doc.span.file, d.doc.span.start, 'ref/document', `cited by unknown document ${p.document}`);
    const r = DocumentMetaSchema.safeParse(meta);
    if (!r.success) bad(d.doc.span.file, d.doc.span.start, 'schema/document', r.error.message);
    if (meta.issue && !issueIds.has(meta.issue)) bad(d.doc.span.file, d.doc.span.start, 'ref/issue', `unknown issue ${meta.issue}`);
    for (const s of [...meta.carries, ...(meta.carriedBy ? [meta.carriedBy] : [])]) if (!slugs.has(s)) bad(d.doc.span.file, d.doc.span.start, 'ref/document', `unknown document ${s}`);
  }
  const planIds = new Set(corpus.plans.map((p) => p.id));
  for (const p of corpus.plans) {
    const r = PlanSchema.safeParse(p);
    if (!r.success) bad('(plans)', 1, 'schema/plan', `${p.id}: ${r.error.message}`);
    for (const s of [p.document, ...(p.issuedBy ? [p.issuedBy] : [])]) if (!slugs.has(s)) bad('(plans)', 1, 'ref/document', `plan ${p.id}: unknown document ${s}`);
    for (const n of p.names) if (n.plan && !planIds.has(n.plan)) bad('(plans)', 1, 'ref/plan', `plan ${p.id} names unknown plan ${n.plan}`);
  }
  const observationIds = new Set<string>();
  for (const o of corpus.observations) {
    const r = ObservationSchema.safeParse(o);
    if (!r.success) bad('(observations)', o.source.line, 'schema/observation', `${o.id}: ${r.error.message}`);
    if (observationIds.has(o.id)) bad('(observations)', o.source.line, 'schema/observation', `duplicate id ${o.id}`);
    observationIds.add(o.id);
    if (!planIds.has(o.plan)) bad('(observations)', o.source.line, 'ref/plan', `observation ${o.id}: unknown plan ${o.plan}`);
    if (!slugs.has(o.document)) bad('(observations)', o.source.line, 'ref/document', `observation ${o.id}: unknown document ${o.document}`);
  }
  return out;
}
