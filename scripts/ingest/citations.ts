/**
 * Citations of other documents inside a text: by 文号 in any bracket form (吉政办发[2017]7号,
 * 国发〔2016〕36号) and by title in 《》, a title directly followed by its 文号 counting once.
 * Offsets index the text as emitted, so the site can link the exact characters.
 */
import { DOC_NUMBER } from './patterns.ts';
import { normaliseDocNumber } from './doc-number.ts';

export interface Citation {
  /** Offsets in the text: [start, end). */
  start: number;
  end: number;
  /** Normalised 文号, when the citation names one. */
  docNumber?: string;
  /** Title as quoted, without 《》, when the citation quotes one. */
  title?: string;
}

const QUOTED = /《([^《》]{2,80})》/g;
/** A whole 文号 ending where the text ends. */
const NUMBER_ENDING = new RegExp(`${DOC_NUMBER.source}$`, 'u');
/** The year-and-serial part of a 文号: 〔2017〕7号, [2017] 11-12号. */
const NUMBER_TAIL = /[〔［\[【（(]\s*\d{4}\s*[〕］\]】）)]\s*\d+(?:\s*[-—－–]\s*\d+)?\s*[号號]/gu;

/**
 * The issuer code of a 文号 (吉政办发, 国发, 吉卫联发) at the end of a run of ideographs that may
 * begin with prose: cut after the last function word, keep at most 8 characters.
 */
export function issuerCode(run: string): string {
  const cut = run.replace(/^.*[的了和及与按据照以在于将对由是为即见]/u, '');
  return (cut || run).slice(-8);
}

export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  // Most texts cite nothing: a 文号 needs 号 (or 號), a title needs 《.
  const numbered = text.includes('号') || text.includes('號');
  const quoted = text.includes('《');
  if (!numbered && !quoted) return out;
  // Find the bracketed year and serial first, then read the issuer code before it: the full
  // pattern tried at every ideograph is what made this slow on long texts.
  if (numbered) for (const tail of text.matchAll(NUMBER_TAIL)) {
    const from = Math.max(0, tail.index - 24);
    const m = NUMBER_ENDING.exec(text.slice(from, tail.index + tail[0].length));
    if (!m) continue;
    m.index += from;
    const docNumber = normaliseDocNumber(m[0]);
    if (!docNumber) continue;
    // The issuer code of a 文号 is short; a long Han run before the bracket is prose ("…意见》（国发").
    const code = issuerCode(m[1]!);
    const start = m.index + m[0].indexOf(code);
    out.push({ start, end: m.index + m[0].length, docNumber: normaliseDocNumber(text.slice(start, m.index + m[0].length)) ?? docNumber });
  }
  if (quoted) for (const m of text.matchAll(QUOTED)) {
    const start = m.index;
    const end = start + m[0].length;
    // 《title》（文号）: one citation spanning both.
    const number = out.find((c) => c.start >= end && c.start <= end + 2 && /^[（(\s]*$/.test(text.slice(end, c.start)));
    if (number) {
      number.start = start;
      number.title = m[1]!;
    } else out.push({ start, end, title: m[1]! });
  }
  return out.sort((a, b) => a.start - b.start);
}
