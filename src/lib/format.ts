// Display strings in the conventions the gazettes themselves print.
import type { SourceSpan } from '../schemas/source.ts';

/** 2017-04-30 → 2017年4月30日 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** 2017, "8" → 2017年第8期 (double issues stay as printed: 第11-12期). */
export function issueLabel(issue: { year: number; issue: string }): string {
  return `${issue.year}年第${issue.issue}期`;
}

/** { label: 复总, number: 748 } → 复总第748期 */
export function cumulativeLabel(cumulative: { label: string; number: number }): string {
  return `${cumulative.label}第${cumulative.number}期`;
}

/** "15" → 第15页; words such as 封底 are shown as printed. */
export function pageLabel(page: string): string {
  return /^\d+(-\d+)?$/.test(page) ? `第${page}页` : page;
}

/** Line range for humans: 94–102, or just 94. */
export function lineRange(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

export function sourcePath(span: SourceSpan): string {
  return `seeds/${span.file}`;
}

/**
 * Separator between a printed number and the text after it: 第一条 needs a space,
 * labels that end in their own punctuation (一、 （三） 1.) do not.
 */
export function labelSeparator(label: string): string {
  return label === '' || /[、.．）)】」:：]$/.test(label) ? '' : ' ';
}

/** A numbered heading as one line: 第一章 总则, 一、总体要求, （三）监护困境儿童. */
export function headingText(entry: { label: string; title: string }): string {
  return `${entry.label}${labelSeparator(entry.label)}${entry.title}`;
}
