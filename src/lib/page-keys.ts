// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// code are unchanged since the last build is copied, not rendered. A key must change whenever
// anything the page shows changes, so it names every entry the page reads, by its content
// digest, and the day (validity status is "as of the build date").
import { createHash } from 'node:crypto';
import type { DocumentEntry, Gazette } from './gazette.ts';
import type { Responsibilities } from './departments.ts';

interface Digested {
  id: string;
  collection: string;
  digest?: number | string | undefined;
}

/**
 * A stable key over the entries a page reads, by their content digests. The glob loader's
 * entries carry one; the file loader's (issues, publications, departments) do not, so their
 * data is hashed instead.
 */
export function entriesKey(day: string, entries: Iterable<Digested & { data: unknown }>): string {
  const parts = new Set<string>();
  for (const entry of entries) {
    const digest = entry.digest ?? createHash('sha256').update(JSON.stringify(entry.data)).digest('hex');
    parts.add(`${entry.collection}/${entry.id}@${digest}`);
  }
  const hash = createHash('sha256').update(day);
  for (const part of [...parts].sort()) hash.update('\n').update(part);
  return hash.digest('hex');
}

/**
 * Everything a document page shows: the document; its issue, publication and the issue's other
 * documents (previous/next, titles); the documents it carries, is carried by, cites and is cited
 * by; the departments its tasks name.
 */
export function documentPageKey(day: string, gazette: Gazette, responsibilities: Responsibilities, document: DocumentEntry): string {
  const { data } = document;
  const read: Array<Digested & { data: unknown }> = [document];
  if (data.issue) {
    const issue = gazette.issue(data.issue.id);
    read.push(issue, gazette.publication(issue.data.publication.id), ...gazette.documentsOf(issue));
  }
  for (const ref of [data.carriedBy, ...data.carries, ...data.citations.map((c) => c.target), ...data.citedBy.map((p) => p.document)])
    if (ref) read.push(gazette.document(ref.id));
  // Its tasks change its entry (tasksHash); the departments they name are entries of their own.
  for (const a of responsibilities.inDocument(document.id)) if (a.department) read.push(responsibilities.department(a.department));
  return entriesKey(day, read);
}
