/**
 * Corpus synthesis for `npm run bench`: N copies of the seeds, each a valid gazette input with
 * its own identity. Copy 0 is the seed text unchanged; copy k ≥ 1 is the seed text rewritten by
 * general rules (no rule knows a particular file):
 *
 * - Time: copy k lies `a = ceil(k / SLOTS)` years before the seed; every year in a date-like
 *   position (before 年, in a year range, in a 文号 bracket, a masthead line holding only a year)
 *   moves back by `a`; the day of every full date Y年M月D日 moves within its month by slot
 *   (`(k - 1) mod SLOTS`), so two copies in the same year carry different dates.
 * - Issues: 第N期 becomes 第N+24·(slot+1)期 (double issues 11-12 alike: the numbers of an original
 *   year stay ≤ 24, so a copy never meets an original issue or a copy of another slot); 复总/总第N期
 *   becomes N + 1000·k.
 * - Numbers: every 文号 serial (〔Y〕N号, 〔Y〕11-12号) gets + SERIAL_STEP·(slot+1) (the year already
 *   differs between copies of different years; serials stay at 3 digits, since normalise joins a
 *   15-character 文号 line to the 主送 line after it, see the bench report); every 第N号 (orders:
 *   吉林省人民政府令第261号, no year) gets + 1000·k. Citations move alike, so a copy's
 *   cross-references resolve inside the copy.
 * - A stand-alone text (no masthead) whose head has no 文号 would get the same title slug in every
 *   copy; its copies get a 文号 line under their first line (prefix `SYNTH_PREFIX`).
 * - Paragraphs: inside each run of plain body paragraphs (lines ending a sentence that are not
 *   headings, list or provision items, tables or Markdown marks) the order is shuffled with a
 *   seeded generator, so a copy's pages index differently from the seed's.
 *
 * Full-width digits are folded to ASCII in copies (ingest's normalise does the same).
 */

export const SLOTS = 12;
export const SYNTH_PREFIX = '吉综发';
/** 文号 serials move by SERIAL_STEP·(slot+1): at most 3 digits for seed serials below 1000 − 12·SERIAL_STEP. */
export const SERIAL_STEP = 60;

export interface SeedText {
  name: string;
  text: string;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const YEAR = '(?:19|20)\\d{2}';

/** Years back and slot of copy k (k ≥ 1). */
export function copyPlace(k: number): { years: number; slot: number } {
  return { years: Math.ceil(k / SLOTS), slot: (k - 1) % SLOTS };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a line that is a heading, numbered item or table row rather than a plain paragraph. */
function isStructural(line: string): boolean {
  const t = line.replace(/^[\s\u3000]+/, '');
  return (
    t === '' ||
    /\t/.test(line) ||
    /^[#>*|\-+]/.test(t) ||
    /^第[一二三四五六七八九十百零〇\d]+[编章节条款]/.test(t) ||
    /^[一二三四五六七八九十]+[、.．]/.test(t) ||
    /^[（(][一二三四五六七八九十\d]+[）)]/.test(t) ||
    /^\d+[.．、]/.test(t) ||
    /^专栏/.test(t)
  );
}

const SENTENCE_END = /[。！？；]\s*$/;

/**
 * Shuffle runs of plain paragraphs. A unit is a paragraph's lines up to the one ending a
 * sentence (a paragraph broken by a page break moves as one), with the blank lines after it.
 */
export function shuffleParagraphs(lines: string[], random: () => number): string[] {
  const out: string[] = [];
  let run: string[][] = [];
  const flush = (): void => {
    if (run.length > 1) {
      for (let i = run.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [run[i], run[j]] = [run[j]!, run[i]!];
      }
    }
    for (const u of run) out.push(...u);
    run = [];
  };
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (isStructural(first) || first.trim().length < 20) {
      flush();
      out.push(first);
      i++;
      continue;
    }
    // Gather a unit: lines until one ends a sentence (at most 4 lines, else it is not prose).
    let j = i;
    while (j < lines.length && j - i < 4 && !SENTENCE_END.test(lines[j]!) && lines[j]!.trim() !== '') j++;
    if (j >= lines.length || !SENTENCE_END.test(lines[j]!) || lines.slice(i + 1, j + 1).some((l) => isStructural(l) && l.trim() !== '')) {
      flush();
      out.push(first);
      i++;
      continue;
    }
    j++;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    run.push(lines.slice(i, j));
    i = j;
  }
  flush();
  return out;
}

/** Years in date-like positions (before 年, in a range, in a 文号 bracket, a year-only line), shifted back by `years`. */
function shiftYears(t: string, years: number): string {
  const lookahead = `(?=\\s*(?:年|[—–\\-－~～至]\\s*${YEAR}\\s*年?|[〕］\\]】）)]))`;
  t = t.replace(new RegExp(`(?<![\\d.A-Za-z])(${YEAR})${lookahead}`, 'g'), (y: string) => String(Number(y) - years));
  // A masthead line holding only a year (2017, **2021**).
  t = t.replace(new RegExp(`^([^\\S\\n]*\\**)(${YEAR})(\\**[^\\S\\n]*)$`, 'gm'), (_m, a: string, y: string, b: string) => `${a}${Number(y) - years}${b}`);
  return t;
}

/** Copy k of one seed: all rules, paragraphs shuffled, 文号 added to an unnumbered stand-alone text. */
export function synthesizeCopy(seed: SeedText, k: number): SeedText {
  if (k === 0) return seed;
  const { years, slot } = copyPlace(k);
  let t = seed.text.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const hasMasthead = /\d{4}\s*年\s*第\s*\d+(?:\s*-\s*\d+)?\s*期/.test(t.split('\n').slice(0, 100).join('\n'));
  // Full dates' days first (their years move with all others below).
  t = t.replace(new RegExp(`(?<!\\d)(${YEAR})(\\s*年\\s*)(\\d{1,2})(\\s*月\\s*)(\\d{1,2})(\\s*日)`, 'g'), (_m, y: string, s1: string, mo: string, s2: string, d: string, s3: string) => {
    const month = Number(mo);
    const year = Number(y) - years;
    const day = month >= 1 && month <= 12 && Number(d) >= 1 ? ((Number(d) - 1 + 2 * slot) % daysIn(year, month)) + 1 : Number(d);
    return `${y}${s1}${mo}${s2}${day}${s3}`;
  });
  t = shiftYears(t, years);
  const serialShift = SERIAL_STEP * (slot + 1);
  t = t.replace(/([〔［\[【（(]\s*\d{4}\s*[〕］\]】）)]\s*)(\d+)(?:(\s*[-—－–]\s*)(\d+))?(\s*[号號])/gu, (_m, pre: string, a: string, sep: string | undefined, b: string | undefined, hao: string) =>
    `${pre}${Number(a) + serialShift}${b !== undefined ? `${sep}${Number(b) + serialShift}` : ''}${hao}`,
  );
  const orderShift = 1000 * k;
  t = t.replace(/(第\s*)(\d+)(\s*[号號])/g, (_m, pre: string, n: string, hao: string) => `${pre}${Number(n) + orderShift}${hao}`);
  t = t.replace(/((?:复总|总)\s*第\s*)(\d+)(\s*期)/g, (_m, pre: string, n: string, post: string) => `${pre}${Number(n) + orderShift}${post}`);
  t = t.replace(/(?<![总\d])(第\s*)(\d+)(?:(\s*-\s*)(\d+))?(\s*期)/g, (_m, pre: string, a: string, sep: string | undefined, b: string | undefined, post: string) => {
    const shift = 24 * (slot + 1);
    return `${pre}${Number(a) + shift}${b !== undefined ? `${sep}${Number(b) + shift}` : ''}${post}`;
  });
  let lines = t.split(/\r?\n/);
  if (!hasMasthead) {
    const numberLine = /^[\s\u3000]*[\p{Script=Han}]{1,12}\s*[〔［\[【（(]\s*\d{4}\s*[〕］\]】）)]\s*\d+(?:\s*[-—－–]\s*\d+)?\s*[号號]\s*$/u;
    if (!lines.slice(0, 12).some((l) => numberLine.test(l))) {
      const first = lines.findIndex((l) => l.trim() !== '');
      const year = /(?:19|20)\d{2}/.exec(t)?.[0] ?? '2000';
      const title = lines[first] ?? '';
      let h = 0;
      for (const ch of title) h = (h * 31 + ch.codePointAt(0)!) % 997;
      lines.splice(first + 1, 0, `${SYNTH_PREFIX}〔${year}〕${(h % 40) * SLOTS + slot + 1}号`);
    }
  }
  lines = shuffleParagraphs(lines, rng(k * 7919 + seed.name.length));
  return { name: seed.name.replace(/\.txt$/, '') + `__c${String(k).padStart(4, '0')}.txt`, text: lines.join('\n') };
}

/** N copies of every seed (copy 0 = the seeds themselves). */
export function synthesizeCorpus(seeds: SeedText[], n: number): SeedText[] {
  const out: SeedText[] = [];
  for (let k = 0; k < n; k++) for (const s of seeds) out.push(synthesizeCopy(s, k));
  return out;
}
