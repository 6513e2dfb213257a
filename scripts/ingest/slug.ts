/**
 * Stable, readable ASCII ids. A slug depends only on the document itself (its 文号, or its
 * publication, issue and title), never on file names, reading order or the rest of the
 * corpus, so adding a seed changes no existing URL.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { DOC_NUMBER } from './patterns.ts';
import { parseOrderNumber } from './doc-number.ts';

/** Initials already computed: pinyin-pro segments every string, and the same issuer codes and titles recur across a corpus. */
const initialsOf = new Map<string, string>();

/** Pinyin initials of the ideographs in `s`, plus any ASCII letters and digits: 吉政办发 → jzbf. */
export function initials(s: string): string {
  let known = initialsOf.get(s);
  if (known === undefined) initialsOf.set(s, (known = pinyinInitials(s)));
  return known;
}

function pinyinInitials(s: string): string {
  return pinyin(s, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Publication id: the masthead's romanised name (JILINSHENG RENMIN ZHENGFU GONGBAO), else the name's pinyin. */
export function publicationId(name: string, latin?: string): string {
  if (latin) return latin.toLowerCase().trim().replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '');
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Slug from a document number: 吉政办发〔2017〕7号 → jzbf-2017-7; 吉林省人民政府令第261号 → jlsrmzfl-261. */
export function slugFromDocNumber(docNumber: string): string | undefined {
  const m = DOC_NUMBER.exec(docNumber);
  if (m) return `${initials(m[1]!)}-${m[2]}-${m[3]!.replace(/\s+/g, '')}`;
  const order = parseOrderNumber(docNumber);
  return order ? `${initials(order.issuer)}-${order.serial}` : undefined;
}

/**
 * Slug for an unnumbered document: publication id, year, issue and title initials (or title
 * initials and year). The full publication id, not its initials: 吉林省 and 吉林市 gazettes
 * share the initials jlsrmzfgb.
 */
export function slugFromTitle(title: string, where: { publication?: string; year?: number; issue?: string; date?: string }): string {
  const t = initials(title).slice(0, 16) || 'doc';
  if (where.publication && where.year !== undefined && where.issue) return `${where.publication}-${where.year}-${where.issue}-${t}`;
  const year = where.date?.slice(0, 4);
  return year ? `${t}-${year}` : t;
}

/** Short content hash used only to separate two documents that would share a slug. */
export function disambiguator(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}
