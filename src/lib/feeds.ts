// Atom feeds of documents, newest first: one for the whole site, one per publication.
// URLs: <base>feeds/documents.xml and <base>feeds/publications/<publication>.xml.
import type { DocumentEntry, Gazette } from './gazette.ts';
import { atomXml, type AtomEntry } from './atom.ts';
import { issueLabel } from './format.ts';
import { LIST_LIMIT } from './paging.ts';
import { absoluteUrl } from './site-url.ts';
import { documentUrl, fileUrl, homeUrl, publicationUrl } from './url.ts';

export const SITE_NAME = 'Gazette Atlas · 公报图谱';

export const documentsFeedUrl = (): string => fileUrl('feeds/documents.xml');
export const publicationFeedUrl = (publicationId: string): string =>
  fileUrl(`feeds/publications/${encodeURIComponent(publicationId)}.xml`);

/**
 * A document as a feed entry; undefined when neither it nor its issue states a date, since
 * Atom requires one and inventing it (say, the build time) would misreport when it appeared.
 */
function entryOf(gazette: Gazette, document: DocumentEntry): AtomEntry | undefined {
  const date = gazette.dateOf(document);
  if (date === undefined) return undefined;
  // Gazette dates are calendar dates in China Standard Time.
  const timestamp = `${date}T00:00:00+08:00`;
  const { title, docNumber, issuers, kind } = document.data;
  const issue = document.data.issue ? gazette.issue(document.data.issue.id) : undefined;
  const where = issue
    ? `${gazette.publication(issue.data.publication.id).data.name} ${issueLabel(issue.data)}`
    : undefined;
  const url = absoluteUrl(documentUrl(document.id));
  return {
    id: url,
    title,
    link: url,
    updated: timestamp,
    published: timestamp,
    authors: issuers.map((name) => ({ name })),
    summary: [docNumber, issuers.join('、'), where].filter(Boolean).join(' · ') || undefined,
    categories: kind ? [kind] : [],
  };
}

/**
 * Entries a feed holds: the newest 100 (fewer when lists are cut shorter, as tests do). A reader
 * polls a feed for what is new; with every document, the site's feed was 6.4 MB at 10,005 documents.
 */
export const FEED_LIMIT = Math.min(100, LIST_LIMIT);

/** The newest FEED_LIMIT dated documents of a list already newest first, as entries. */
function entriesOf(gazette: Gazette, documents: DocumentEntry[]): AtomEntry[] {
  const entries: AtomEntry[] = [];
  for (const document of documents) {
    if (entries.length === FEED_LIMIT) break;
    const entry = entryOf(gazette, document);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** The newest dated documents (gazette.documents is already newest first). */
export function documentsFeed(gazette: Gazette): string {
  const self = absoluteUrl(documentsFeedUrl());
  return atomXml({
    id: self,
    title: `${SITE_NAME}：最新文件`,
    subtitle: '政府公报所载文件，按日期从新到旧。',
    self,
    alternate: absoluteUrl(homeUrl()),
    author: { name: SITE_NAME },
    lang: 'zh-CN',
    entries: entriesOf(gazette, gazette.documents),
  });
}

/** The newest dated documents of one publication. */
export function publicationFeed(gazette: Gazette, publicationId: string): string {
  const publication = gazette.publication(publicationId);
  const self = absoluteUrl(publicationFeedUrl(publicationId));
  return atomXml({
    id: self,
    title: `${publication.data.name}：最新文件`,
    self,
    alternate: absoluteUrl(publicationUrl(publicationId)),
    author: { name: publication.data.sponsor ?? publication.data.name },
    lang: 'zh-CN',
    entries: entriesOf(
      gazette,
      gazette.documents.filter((document) => document.data.publication?.id === publicationId),
    ),
  });
}
