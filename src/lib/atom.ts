// A small Atom 1.0 (RFC 4287) writer. Every string is written as escaped text (type="text"),
// so no source text can become markup in a feed reader, and characters XML 1.0 forbids are dropped.

export interface AtomPerson {
  name: string;
}

export interface AtomEntry {
  /** Permanent IRI of the entry: its page's absolute URL. */
  id: string;
  title: string;
  /** Absolute URL of the page. */
  link: string;
  /** RFC 3339 date-time. */
  updated: string;
  published?: string;
  authors: AtomPerson[];
  /** Plain text. */
  summary?: string;
  categories: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (rel="self"). */
  self: string;
  /** Absolute URL of the HTML page the feed follows (rel="alternate"). */
  alternate: string;
  /** Feed-level author, used by entries that name none. */
  author: AtomPerson;
  /** xml:lang of the text, e.g. zh-CN. */
  lang: string;
  entries: AtomEntry[];
  /** RFC 3339; defaults to the newest entry's `updated` (so the same content gives the same feed). */
  updated?: string;
}

// Characters outside XML 1.0's Char production: C0 controls but tab, LF and CR; U+FFFE and U+FFFF;
// lone surrogates (the regex works on UTF-16 units, so a valid pair is left alone).
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and double-quoted attributes; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const text = (tag: string, value: string, indent: string): string =>
  `${indent}<${tag} type="text">${escapeXml(value)}</${tag}>`;
const plain = (tag: string, value: string, indent: string): string => `${indent}<${tag}>${escapeXml(value)}</${tag}>`;
const link = (rel: string, href: string, type: string | undefined, indent: string): string =>
  `${indent}<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${escapeXml(type)}"` : ''}/>`;
const person = (who: AtomPerson, indent: string): string =>
  `${indent}<author>\n${plain('name', who.name, `${indent}  `)}\n${indent}</author>`;

function entryXml(entry: AtomEntry): string {
  const lines = [
    '  <entry>',
    plain('id', entry.id, '    '),
    text('title', entry.title, '    '),
    link('alternate', entry.link, 'text/html', '    '),
    plain('updated', entry.updated, '    '),
  ];
  if (entry.published) lines.push(plain('published', entry.published, '    '));
  for (const author of entry.authors) lines.push(person(author, '    '));
  for (const term of entry.categories) lines.push(`    <category term="${escapeXml(term)}"/>`);
  if (entry.summary) lines.push(text('summary', entry.summary, '    '));
  lines.push('  </entry>');
  return lines.join('\n');
}

/** The feed as an XML document (UTF-8). Entries are written in the order given. */
export function atomXml(feed: AtomFeed): string {
  const updated =
    feed.updated ?? feed.entries.map((entry) => entry.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    plain('id', feed.id, '  '),
    text('title', feed.title, '  '),
  ];
  if (feed.subtitle) lines.push(text('subtitle', feed.subtitle, '  '));
  lines.push(
    link('self', feed.self, 'application/atom+xml', '  '),
    link('alternate', feed.alternate, 'text/html', '  '),
    plain('updated', updated, '  '),
    person(feed.author, '  '),
    ...feed.entries.map(entryXml),
    '</feed>',
  );
  return `${lines.join('\n')}\n`;
}
