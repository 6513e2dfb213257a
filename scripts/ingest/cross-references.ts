/**
 * Cross-references across the corpus, in two passes (collect targets, then resolve):
 * every citation found in a document's text is linked to a document of the corpus by its
 * 文号, else by its exact title; the rest become external references, gathered per 文号
 * (or per title when no number is given), each with the places that cite it.
 */
import type { Reference } from '../../src/schemas/reference.ts';
import { findCitations } from './citations.ts';
import { textSlots } from './body-text.ts';
import { initials, slugFromDocNumber } from './slug.ts';
import { titleKey } from './segment.ts';
import type { CorpusDoc } from './pipeline.ts';

/** One citation as stored on the citing document. */
export interface ResolvedCitation {
  /** Anchor of the citing node and which of its texts holds the citation. */
  anchor: string;
  field: 'text' | 'title';
  start: number;
  end: number;
  docNumber?: string;
  title?: string;
  /** Slug of the cited document when it is in the corpus. */
  target?: string;
  /** Id on /references/ when it is not. */
  reference?: string;
}

/** Id of an external reference: from its 文号 (gwf-2016-36), else from its title (t-…). */
export function referenceId(c: { docNumber?: string; title?: string }): string {
  if (c.docNumber) return slugFromDocNumber(c.docNumber) ?? `n-${initials(c.docNumber)}`;
  return `t-${initials(c.title ?? '').slice(0, 24) || 'x'}`;
}

/** A joint number covers each serial in its range: 吉政干任〔2017〕11-12号 → …11号, …12号 and itself. */
export function numbersCovered(docNumber: string | undefined): string[] {
  if (!docNumber) return [];
  const m = /^(.+〔\d{4}〕)(\d+)-(\d+)号$/.exec(docNumber);
  if (!m) return [docNumber];
  const [from, to] = [Number(m[2]), Number(m[3])];
  if (!(to > from && to - from <= 50)) return [docNumber];
  return [docNumber, ...Array.from({ length: to - from + 1 }, (_, i) => `${m[1]}${from + i}号`)];
}

export function resolveCrossReferences(documents: CorpusDoc[]): Reference[] {
  const byNumber = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const d of documents) {
    // A number shared by an order and the regulation it promulgates points to the regulation.
    for (const n of numbersCovered(d.doc.docNumber)) if (!byNumber.has(n) || d.doc.docNumberFrom === 'carrier') byNumber.set(n, d.slug);
    byTitle.set(titleKey(d.doc.title), d.slug);
  }
  const references = new Map<string, Reference>();
  for (const d of documents) {
    d.citations = [];
    for (const slot of textSlots(d.doc.body)) {
      for (const c of findCitations(slot.text)) {
        const target = (c.docNumber && byNumber.get(c.docNumber)) || (c.title && byTitle.get(titleKey(c.title))) || undefined;
        if (target === d.slug) continue; // a document naming itself is not a cross-reference
        const rc: ResolvedCitation = { anchor: slot.anchor, field: slot.field, start: c.start, end: c.end };
        if (c.docNumber) rc.docNumber = c.docNumber;
        if (c.title) rc.title = c.title;
        if (target) rc.target = target;
        else {
          const id = referenceId(c);
          rc.reference = id;
          const ref = references.get(id) ?? { id, titles: [], citedBy: [] };
          if (c.docNumber) ref.docNumber = c.docNumber;
          if (c.title && !ref.titles.includes(c.title)) ref.titles.push(c.title);
          ref.citedBy.push({ document: d.slug, anchor: slot.anchor });
          references.set(id, ref);
        }
        d.citations.push(rc);
      }
    }
  }
  // "Cited by" on each target, in corpus order.
  for (const d of documents) d.citedBy = [];
  const bySlug = new Map(documents.map((d) => [d.slug, d]));
  for (const d of documents)
    for (const c of d.citations)
      if (c.target) {
        const list = bySlug.get(c.target)!.citedBy;
        if (!list.some((x) => x.document === d.slug && x.anchor === c.anchor)) list.push({ document: d.slug, anchor: c.anchor });
      }
  return [...references.values()].sort((a, b) => a.id.localeCompare(b.id));
}
