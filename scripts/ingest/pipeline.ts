/**
 * The ingest recipe, without I/O: source files → publications, issues and documents
 * ready to emit, plus diagnostics. decode → normalise → segment → structure → (ids) .
 */
import type { DecodedSource, Diagnostic, SegmentedFile, StructuredDoc } from './types.ts';
import type { Publication } from '../../src/schemas/publication.ts';
import type { Issue } from '../../src/schemas/issue.ts';
import { decodeSource } from './decode.ts';
import { normaliseLines } from './normalise.ts';
import { segmentFile } from './segment.ts';
import { linkCarried, structureDocument } from './structure.ts';
import { disambiguator, publicationId, slugFromDocNumber, slugFromTitle } from './slug.ts';
import { DATE_LINE, TERMINAL_END } from './patterns.ts';
import type { Reference, Place } from '../../src/schemas/reference.ts';
import { resolveCrossReferences, type ResolvedCitation } from './cross-references.ts';
import { readValidity, type Validity } from './validity.ts';
import { textSlots } from './body-text.ts';
import type { Assignment } from '../../src/schemas/department.ts';
import { assignResponsibilities, type ActorRef, type Registry } from './departments.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { Indicator, Observation } from '../../src/schemas/indicator.ts';
import { extractPlans, planInSchemaOrder } from './plans.ts';
import { extractObservations } from './indicators.ts';
import { timed, type StageTimes } from './stage-times.ts';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export interface CorpusDoc {
  slug: string;
  doc: StructuredDoc;
  order: number;
  publication?: string;
  issue?: string;
  carriedBy?: string;
  carries: string[];
  /** Effective date and validity read from the text (a carried document falls back to its carrier's). */
  validity: Validity;
  /** Citations of other documents in its text. */
  citations: ResolvedCitation[];
  /** Places in other documents that cite this one. */
  citedBy: Place[];
  /** Names in its text that link to a department page. */
  actorRefs: ActorRef[];
}

export interface Corpus {
  publications: Publication[];
  issues: Issue[];
  documents: CorpusDoc[];
  /** Documents cited but not in the corpus. */
  references: Reference[];
  /** Who leads, is responsible for, or takes part in each task. */
  assignments: Assignment[];
  /** Every plan or programme, with its period, stages and the plans it names. */
  plans: Plan[];
  /** Every baseline, target and actual of a registry indicator stated in a plan. */
  observations: Observation[];
  /** What ingest made of each source file, for the build report. */
  files: Array<{ file: string; encoding?: string; kind?: 'issue' | 'standalone'; documents: number; refused?: true }>;
  /** Per file, what segment saw (its documents' lines aside). */
  segmented: SegmentedFile[];
  diagnostics: Diagnostic[];
}

/**
 * What the per-file stages (decode → normalise → segment → structure, ids, validity) make of one
 * source file. It depends on that file's name and bytes alone, so it can be cached
 * (`ingest-cache.ts`) and a corpus re-assembled from it without reading the file again.
 * Plain data (no Map, no class, no undefined value): the cache gives back exactly what was stored.
 */
export interface FileResult {
  file: string;
  /** How decode read the file; absent when it refused it (the refusal is in `diagnostics`). */
  encoding?: DecodedSource['encoding'];
  segmented?: SegmentedFile;
  /** Documents in reading order: the slug each takes on its own (the corpus may still disambiguate it), and the validity read from its text. */
  documents: Array<{ slug: string; doc: StructuredDoc; validity: Validity }>;
  /** This file's diagnostics, in the order the stages found them. */
  diagnostics: Diagnostic[];
}

/**
 * `registry` (content/registry/) resolves department names and, with `indicators`, indicator
 * names; without it names are kept as written and no indicator is matched.
 */
export function ingestCorpus(sources: SourceFile[], registry?: Registry & { indicators?: Indicator[] }, times?: StageTimes): Corpus {
  return assembleCorpus(
    sources.map((file) => ingestFile(file, times)),
    registry,
    times,
  );
}

/** The per-file stages over one source file. */
export function ingestFile(file: SourceFile, times?: StageTimes): FileResult {
  const decoded = timed(times, 'decode', () => decodeSource(file.name, file.bytes));
  if (!decoded.ok) return { file: file.name, documents: [], diagnostics: [decoded.diagnostic] };
  const diagnostics: Diagnostic[] = [];
  const lines = timed(times, 'normalise', () => normaliseLines(decoded.source));
  const { segmented, diagnostics: segDiags } = timed(times, 'segment', () => segmentFile(file.name, lines));
  diagnostics.push(...segDiags);
  const last = lines[lines.length - 1];
  if (last && !TERMINAL_END.test(last.text) && !DATE_LINE.test(last.text) && /[\p{Script=Han}]$/u.test(last.text) && last.text.length > 8)
    diagnostics.push({ file: file.name, line: last.span.end, rule: 'ingest/truncated', message: 'the text ends mid-sentence: the source looks truncated', severity: 'warning' });

  // Structure each block; segment found its title, re-read it here from the block's first lines.
  const structured = timed(times, 'structure', () => {
    const docs = segmented.blocks.map((block) => {
      const { doc, diagnostics: d } = structureDocument(block, file.name);
      diagnostics.push(...d);
      return doc;
    });
    linkCarried(docs, segmented.blocks);
    return docs;
  });

  const meta = segmented.issue;
  const pubId = meta ? publicationId(meta.publicationName, meta.publicationLatin) : undefined;
  const documents = structured.map((doc) => {
    const where = meta && pubId ? { publication: pubId, year: meta.year, issue: meta.issue } : doc.date ? { date: doc.date } : {};
    const numbered = timed(times, 'ids', () => (doc.docNumber ? slugFromDocNumber(doc.docNumber) : undefined));
    // An order shares its number with the regulation it promulgates; the number's slug goes to
    // the regulation people cite, the order takes the same slug with -ling (令).
    const promulgates = doc.kind === '令' && doc.carries.some((i) => structured[i]!.docNumberFrom === 'carrier');
    const slug = numbered ? (promulgates ? `${numbered}-ling` : numbered) : timed(times, 'ids', () => slugFromTitle(doc.title, where));
    const validity = timed(times, 'validity', () => readValidity(textSlots(doc.body), doc.date));
    return { slug, doc, validity };
  });
  const { blocks, ...kept } = segmented;
  const tableRows = blocks.flatMap((b) => b.lines.filter((l) => l.cells));
  return { file: file.name, encoding: decoded.source.encoding, segmented: { ...kept, tableRows }, documents, diagnostics };
}

/** The corpus from every file's per-file results: slugs made unique, then the stages that read across documents. */
export function assembleCorpus(results: FileResult[], registry?: Registry & { indicators?: Indicator[] }, times?: StageTimes): Corpus {
  const diagnostics: Diagnostic[] = [];
  const publications = new Map<string, Publication>();
  const issues: Issue[] = [];
  const documents: CorpusDoc[] = [];
  const segmentedAll: SegmentedFile[] = [];
  const files: Corpus['files'] = [];
  const perFile: Array<{ segmented: SegmentedFile; meta: SegmentedFile['issue']; pubId?: string; issueId?: string; fileDocs: CorpusDoc[] }> = [];

  for (const result of [...results].sort((a, b) => a.file.localeCompare(b.file))) {
    diagnostics.push(...result.diagnostics);
    const { segmented } = result;
    if (!segmented) {
      files.push({ file: result.file, documents: 0, refused: true });
      continue;
    }
    segmentedAll.push(segmented);
    const meta = segmented.issue;
    const pubId = meta ? publicationId(meta.publicationName, meta.publicationLatin) : undefined;
    const issueId = meta ? `${pubId}/${meta.year}/${meta.issue}` : undefined;
    if (meta && pubId && !publications.has(pubId)) {
      const pub: Publication = { id: pubId, name: meta.publicationName };
      if (meta.publicationLatin) pub.nameLatin = meta.publicationLatin;
      if (meta.sponsor) pub.sponsor = meta.sponsor;
      if (meta.frequency) pub.frequency = meta.frequency;
      publications.set(pubId, pub);
    }
    const fileDocs = result.documents.map(({ slug, doc, validity }, order): CorpusDoc => {
      const cd: CorpusDoc = { slug, doc, order, carries: [], validity, citations: [], citedBy: [], actorRefs: [] };
      if (pubId) cd.publication = pubId;
      if (issueId) cd.issue = issueId;
      return cd;
    });
    documents.push(...fileDocs);
    files.push({ file: result.file, encoding: result.encoding, kind: segmented.kind, documents: fileDocs.length });
    perFile.push({ segmented, meta, pubId, issueId, fileDocs });
  }
  timed(times, 'slugs', () => disambiguateSlugs(documents, diagnostics));

  // Second pass: references by slug, now that every slug is final.
  for (const { segmented, meta, pubId, issueId, fileDocs } of perFile) {
    fileDocs.forEach((cd) => {
      if (cd.doc.carriedBy !== undefined) {
        const carrier = fileDocs[cd.doc.carriedBy]!;
        cd.carriedBy = carrier.slug;
        // A regulation promulgated by an order takes effect as the order says.
        if (!cd.validity.effective && !cd.validity.validUntil && carrier.validity.evidence.length) cd.validity = carrier.validity;
      }
      cd.carries = cd.doc.carries.map((i) => fileDocs[i]!.slug);
    });
    if (meta && pubId && issueId) {
      const issue: Issue = {
        id: issueId,
        publication: pubId,
        year: meta.year,
        issue: meta.issue,
        source: segmented.span,
        masthead: segmented.masthead.map(toSourceText),
        toc: segmented.toc.map((t) => ({
          ...(t.section ? { section: t.section } : {}),
          title: t.title,
          ...(t.author ? { author: t.author } : {}),
          ...(t.docNumber ? { docNumber: t.docNumber } : {}),
          ...(t.page ? { page: t.page } : {}),
          ...(t.block !== undefined ? { document: fileDocs[t.block]!.slug } : {}),
          source: t.span,
        })),
        editorial: segmented.editorial.map(toSourceText),
        unplaced: segmented.unplaced.map(toSourceText),
        documents: fileDocs.map((d) => d.slug),
      };
      if (meta.cumulative) issue.cumulative = meta.cumulative;
      if (meta.date) issue.date = meta.date;
      if (meta.frequency) issue.frequency = meta.frequency;
      issues.push(issue);
    }
  }
  const references = timed(times, 'cross-references', () => resolveCrossReferences(documents));
  const assignments = timed(times, 'responsibilities', () => assignResponsibilities(documents, registry, diagnostics));
  const governments = registry?.governments ?? [];
  const found = timed(times, 'plans', () => extractPlans({ documents, publications: [...publications.values()], governments }));
  const observations = timed(times, 'indicators', () => extractObservations({ documents, plans: found, segmented: segmentedAll, ...(registry?.indicators ? { indicators: registry.indicators } : {}), places: governments.map((g) => g.id) }, diagnostics));
  const plans = found.map(planInSchemaOrder);
  return { publications: [...publications.values()].sort((a, b) => a.id.localeCompare(b.id)), issues: issues.sort((a, b) => a.id.localeCompare(b.id)), documents, references, assignments, plans, observations, files, segmented: segmentedAll, diagnostics };
}

function toSourceText(l: { text: string; span: { start: number; end: number } }): { text: string; start: number; end: number } {
  return { text: l.text, start: l.span.start, end: l.span.end };
}

/**
 * Two documents with one slug (a reprint, or two documents given the same 文号): the earliest
 * (by date, then issue, then title) keeps the plain slug, so a newly added later issue never
 * renames a page already linked; each other one gets a suffix from its own content, and a
 * diagnostic names both places.
 */
function disambiguateSlugs(documents: CorpusDoc[], diagnostics: Diagnostic[]): void {
  const bySlug = new Map<string, CorpusDoc[]>();
  for (const d of documents) bySlug.set(d.slug, [...(bySlug.get(d.slug) ?? []), d]);
  for (const [slug, docs] of bySlug) {
    if (docs.length < 2) continue;
    const key = (d: CorpusDoc) => `${d.doc.date ?? '9999'}\u0000${d.issue ?? ''}\u0000${d.doc.title}`;
    const [first, ...rest] = [...docs].sort((a, b) => key(a).localeCompare(key(b)));
    const taken = new Set([slug]);
    for (const d of rest) {
      // A content hash, then an ordinal if identical copies still collide (a reprint in several issues).
      const hashed = `${slug}-${disambiguator(`${d.doc.title}\n${d.doc.date ?? ''}\n${d.doc.head.map((h) => h.text).join('')}\n${d.issue ?? ''}`)}`;
      let candidate = hashed;
      for (let n = 2; taken.has(candidate); n++) candidate = `${hashed}-${n}`;
      taken.add(candidate);
      d.slug = candidate;
      diagnostics.push({ file: d.doc.span.file, line: d.doc.span.start, rule: 'ingest/duplicate-slug', message: `same id ${slug}${d.doc.docNumber ? ` (文号 ${d.doc.docNumber})` : ''} as ${first!.doc.span.file}:${first!.doc.span.start}; this one is ${d.slug}`, severity: 'warning' });
    }
  }
}
