// The evaluation's query set, drawn from the corpus itself (deterministically: a fixed seed), in
// the categories the issue names. Every query occurs in at least one page, so every query has
// a non-empty ground truth and a zero-hit answer is always a miss.
import { textUnits, unifyDocNumberYears } from '../../src/scripts/search-text.ts';

export type Category = 'word' | 'phrase' | 'department' | 'indicator' | 'doc-number' | 'person' | 'latin';

export const CATEGORY_LABELS: Record<Category, string> = {
  word: 'words (2–4 chars)',
  phrase: 'phrases (5–8 chars)',
  department: 'department names',
  indicator: 'indicator names',
  'doc-number': '文号',
  person: 'personal names',
  latin: 'Latin (PM2.5, VOCs…)',
};

export interface Query {
  category: Category;
  q: string;
}

/** A page's indexed text, as the default Pagefind index holds it (whitespace kept). */
export interface EvalPage {
  path: string;
  text: string;
  docNumber?: string;
}

/** Seeded PRNG (mulberry32): the same query set on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: T[], count: number, rand: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out;
}

/** Pagefind ends a block whose text ends in a word character with ". ": not text a reader types. */
const compact = (text: string) => textUnits(text.replace(/\.(?=\s|$)/g, '¶')).join('');
const HAN_RUN = /\p{Script=Han}+/gu;

/** Words and phrases as a reader would type them: Intl.Segmenter's words inside runs of Han text. */
function wordsAndPhrases(pages: EvalPage[]): { words: string[]; phrases: string[] } {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const page of pages) {
    for (const [run] of compact(page.text).matchAll(HAN_RUN)) {
      const parts = [...segmenter.segment(run)].map((s) => s.segment);
      parts.forEach((part, i) => {
        if (part.length >= 2 && part.length <= 4) words.add(part);
        let phrase = part;
        for (let j = i + 1; j < Math.min(parts.length, i + 3); j++) {
          phrase += parts[j];
          if (phrase.length >= 5 && phrase.length <= 8) phrases.add(phrase);
        }
      });
    }
  }
  return { words: [...words].sort(), phrases: [...phrases].sort() };
}

const FUNCTION_CHARS = /[各等和及与、的为在对由是有将要按并或其从向以于了]/u;

function departments(pages: EvalPage[], issuers: string[]): string[] {
  const counts = new Map<string, number>();
  const pattern = /(?:吉林省|吉林市|省|市|国家)\p{Script=Han}{2,9}?(?:办公厅|办公室|委员会|厅|局|委|署|中心)/gu;
  for (const page of pages) {
    for (const [name] of compact(page.text).matchAll(pattern)) {
      if (FUNCTION_CHARS.test(name.slice(1))) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const found = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  return [...new Set([...issuers.map(compact), ...found])];
}

/** Indicator names: the cells of the 指标 column of the plans' indicator tables, units dropped. */
function indicators(tables: string[][][]): string[] {
  const out = new Set<string>();
  for (const rows of tables) {
    const header = rows.findIndex((row) => row.some((cell) => /指标$/.test(compact(cell)) && compact(cell).length <= 6));
    if (header < 0) continue;
    const column = rows[header]!.findIndex((cell) => /指标$/.test(compact(cell)));
    for (const row of rows.slice(header + 1)) {
      const cell = compact(row[column] ?? '').replace(/(?:\([^()]*\)|（[^（）]*）)+$/u, '');
      if (cell.length >= 3 && cell.length <= 20 && /\p{Script=Han}{2}/u.test(cell) && !/^\d/.test(cell)) out.add(cell);
    }
  }
  return [...out].sort();
}

/** Words that run into a 文号 where the page prints a label or a list before it. */
const BEFORE_DOC_NUMBER = /^(?:文号|印发|公布|文件)+/u;

function docNumbers(pages: EvalPage[]): string[] {
  const out = new Set<string>();
  for (const page of pages) {
    if (page.docNumber) out.add(compact(page.docNumber));
    const text = unifyDocNumberYears(compact(page.text));
    const found = [
      ...text.matchAll(/(?<!\p{Script=Han})\p{Script=Han}{2,8}〔(?:19|20)\d{2}〕\d{1,4}(?:-\d{1,4})?号/gu),
      ...text.matchAll(/(?<!\p{Script=Han})\p{Script=Han}{1,12}令第\d{1,4}号/gu),
    ];
    for (const [n] of found) out.add(n.replace(BEFORE_DOC_NUMBER, ''));
  }
  return [...out].filter((n) => /^\p{Script=Han}{2}/u.test(n)).sort();
}

function people(pages: EvalPage[], authors: string[]): string[] {
  const out = new Set<string>();
  // Appointments and removals (任命…为, 免去…的…职务, 接受…辞去), signatures (省长 …), authors in the 目录.
  const patterns = [
    /(?:任命|免去)(\p{Script=Han}{2,4}(?:·\p{Script=Han}{2,4})?)(?:为|的)/gu,
    /接受(\p{Script=Han}{2,3})(?:因|辞去)/gu,
    /[；;](\p{Script=Han}{2,3})的\p{Script=Han}{2,}职务/gu,
    /(?:省长|市长)(\p{Script=Han}{2,3})(?!\p{Script=Han})/gu,
  ];
  for (const page of pages) {
    const text = compact(page.text);
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) out.add(m[1]!);
  }
  for (const author of authors) out.add(compact(author));
  return [...out].sort();
}

function latin(pages: EvalPage[]): string[] {
  const out = new Set<string>();
  for (const page of pages) {
    for (const [token] of compact(page.text).matchAll(/[A-Za-z][A-Za-z0-9.+\-]*[A-Za-z0-9]|[A-Za-z]{2,}/g)) {
      if (/[A-Za-z]/.test(token) && token.length >= 2) out.add(token);
    }
  }
  return [...out].sort();
}

export interface QuerySetOptions {
  words: number;
  phrases: number;
  departments: number;
  indicators: number;
  seed: number;
}

export const DEFAULT_OPTIONS: QuerySetOptions = { words: 70, phrases: 50, departments: 30, indicators: 30, seed: 20260806 };

export function buildQuerySet(pages: EvalPage[], tables: string[][][], issuers: string[], authors: string[], options = DEFAULT_OPTIONS): Query[] {
  const rand = random(options.seed);
  const { words, phrases } = wordsAndPhrases(pages);
  const all: Query[] = [
    ...sample(words, options.words, rand).map((q) => ({ category: 'word' as const, q })),
    ...sample(phrases, options.phrases, rand).map((q) => ({ category: 'phrase' as const, q })),
    ...departments(pages, issuers).slice(0, options.departments).map((q) => ({ category: 'department' as const, q })),
    ...sample(indicators(tables), options.indicators, rand).map((q) => ({ category: 'indicator' as const, q })),
    ...docNumbers(pages).map((q) => ({ category: 'doc-number' as const, q })),
    ...people(pages, authors).map((q) => ({ category: 'person' as const, q })),
    ...latin(pages).map((q) => ({ category: 'latin' as const, q })),
  ];
  // Drawn from the corpus, but make sure: a query with no page is no test of recall.
  const texts = pages.map((page) => compact(page.text).toLowerCase());
  const seen = new Set<string>();
  return all.filter(({ q }) => {
    const key = compact(q).toLowerCase();
    if (seen.has(key) || !texts.some((text) => text.includes(key))) return false;
    seen.add(key);
    return true;
  });
}

/** Ways to type a 文号: the printed form, other brackets, a space or nothing for the brackets, full-width digits. */
export function docNumberForms(docNumber: string): string[] {
  const m = /^(.+)〔(\d{4})〕(.+)号$/.exec(docNumber);
  if (!m) return [docNumber];
  const [, code, year, serial] = m as unknown as [string, string, string, string];
  const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return [
    `${code}〔${year}〕${serial}号`,
    `${code}[${year}]${serial}号`,
    `${code}(${year})${serial}号`,
    `${code}（${year}）${serial}号`,
    `${code}【${year}】${serial}号`,
    `${code}［${year}］${serial}号`,
    `${code}${year} ${serial}号`,
    `${code}${year}${serial}号`,
    `${code}〔${wide(year)}〕${wide(serial)}号`,
  ];
}
