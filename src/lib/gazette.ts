// One in-memory view of the three collections, shared by every page of a build.
import { getCollection, type CollectionEntry } from 'astro:content';

export type PublicationEntry = CollectionEntry<'publications'>;
export type IssueEntry = CollectionEntry<'issues'>;
export type DocumentEntry = CollectionEntry<'documents'>;
export type TocEntry = IssueEntry['data']['toc'][number];

export interface Gazette {
  /** By name. */
  publications: PublicationEntry[];
  /** Newest first. */
  issues: IssueEntry[];
  /** Newest first (the document's date, else its issue's). */
  documents: DocumentEntry[];
  publication(id: string): PublicationEntry;
  issue(id: string): IssueEntry;
  document(slug: string): DocumentEntry;
  /** Issues of one publication, newest first. */
  issuesOf(publicationId: string): IssueEntry[];
  /** Documents of one issue, in reading order. */
  documentsOf(issue: IssueEntry): DocumentEntry[];
  /** Documents that appear in no issue, newest first. */
  standaloneDocuments: DocumentEntry[];
  /** The date a document is filed under: its own, else its issue's publication date. */
  dateOf(document: DocumentEntry): string | undefined;
  /** The year a document is filed under: its date's (dateOf), else its issue's year. */
  yearOf(document: DocumentEntry): number | undefined;
}

let loaded: Promise<Gazette> | undefined;

/** Loads the collections once per build and fails the build on any dangling reference. */
export function loadGazette(): Promise<Gazette> {
  loaded ??= buildGazette();
  return loaded;
}

async function buildGazette(): Promise<Gazette> {
  const [publicationList, issueList, documentList] = await Promise.all([
    getCollection('publications'),
    getCollection('issues'),
    getCollection('documents'),
  ]);
  const publications = new Map(publicationList.map((entry) => [entry.id, entry]));
  const issues = new Map(issueList.map((entry) => [entry.id, entry]));
  const documents = new Map(documentList.map((entry) => [entry.id, entry]));

  assertReferencesResolve(publications, issues, documents);

  const lookup = <T>(map: Map<string, T>, kind: string) => (id: string): T => {
    const entry = map.get(id);
    if (entry === undefined) throw new Error(`Unknown ${kind}: ${id}`);
    return entry;
  };
  const issue = lookup(issues, 'issue');
  const document = lookup(documents, 'document');
  // Documents are filed under their own date, else their issue's publication date.
  const dateOf = (entry: DocumentEntry): string | undefined =>
    entry.data.date ?? (entry.data.issue ? issue(entry.data.issue.id).data.date : undefined);

  const sortedIssues = [...issueList].sort(compareIssuesNewestFirst);
  const sortedDocuments = [...documentList].sort((a, b) => compareDocumentsNewestFirst(a, b, dateOf, issue));

  return {
    publications: [...publicationList].sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh-CN')),
    issues: sortedIssues,
    documents: sortedDocuments,
    publication: lookup(publications, 'publication'),
    issue,
    document,
    issuesOf: (publicationId) => sortedIssues.filter((entry) => entry.data.publication.id === publicationId),
    documentsOf: (entry) => entry.data.documents.map((ref) => document(ref.id)),
    standaloneDocuments: sortedDocuments.filter((entry) => entry.data.issue === undefined),
    dateOf,
    yearOf: (entry) => {
      const date = dateOf(entry);
      if (date) return Number(date.slice(0, 4));
      return entry.data.issue ? issue(entry.data.issue.id).data.year : undefined;
    },
  };
}

/** reference() only checks a field's shape; this checks that every referenced entry exists. */
function assertReferencesResolve(
  publications: Map<string, PublicationEntry>,
  issues: Map<string, IssueEntry>,
  documents: Map<string, DocumentEntry>,
): void {
  const problems: string[] = [];
  const check = (map: Map<string, unknown>, ref: { id: string } | undefined, where: string) => {
    if (ref !== undefined && !map.has(ref.id)) problems.push(`${where} → missing "${ref.id}"`);
  };
  for (const { id, data } of issues.values()) {
    check(publications, data.publication, `issue ${id}: publication`);
    data.documents.forEach((ref, i) => check(documents, ref, `issue ${id}: documents[${i}]`));
    data.toc.forEach((entry, i) => check(documents, entry.document, `issue ${id}: toc[${i}].document`));
  }
  for (const { id, data } of documents.values()) {
    check(publications, data.publication, `document ${id}: publication`);
    check(issues, data.issue, `document ${id}: issue`);
    check(documents, data.carriedBy, `document ${id}: carriedBy`);
    data.carries.forEach((ref, i) => check(documents, ref, `document ${id}: carries[${i}]`));
    data.citations.forEach((c, i) => check(documents, c.target, `document ${id}: citations[${i}].target`));
    data.citedBy.forEach((place, i) => check(documents, place.document, `document ${id}: citedBy[${i}]`));
  }
  if (problems.length > 0) {
    throw new Error(`Content has ${problems.length} dangling reference(s):\n  ${problems.join('\n  ')}`);
  }
}

/** First number of an issue label: "11-12" → 11. */
const issueNumber = (entry: IssueEntry): number => Number.parseInt(entry.data.issue, 10);

function compareIssuesNewestFirst(a: IssueEntry, b: IssueEntry): number {
  return b.data.year - a.data.year || issueNumber(b) - issueNumber(a) || a.id.localeCompare(b.id);
}

function compareDocumentsNewestFirst(
  a: DocumentEntry,
  b: DocumentEntry,
  dateOf: (entry: DocumentEntry) => string | undefined,
  issue: (id: string) => IssueEntry,
): number {
  const byDate = (dateOf(b) ?? '').localeCompare(dateOf(a) ?? '');
  if (byDate !== 0) return byDate;
  // Same date (or none): keep an issue's documents together and in reading order.
  const issueA = a.data.issue ? issue(a.data.issue.id) : undefined;
  const issueB = b.data.issue ? issue(b.data.issue.id) : undefined;
  if (issueA && issueB && issueA !== issueB) return compareIssuesNewestFirst(issueA, issueB);
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}
