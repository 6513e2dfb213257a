/**
 * Shared recognisers for the shapes of Chinese official text. Kept in one place so
 * normalise, segment and structure agree on what a heading, a document number or a
 * date looks like.
 */

/**
 * Traditional forms of the characters our recognisers look for, so a text in 繁體
 * (辦法, 第一條, 某政辦發〔2030〕9號, 關於) is read by the same rules. Text is never converted.
 */
const TRADITIONAL: Record<string, string> = {
  号: '號', 条: '條', 节: '節', 编: '編', 办: '辦', 规: '規', 划: '劃', 决: '決', 计: '計', 细: '細', 则: '則',
  纲: '綱', 实: '實', 见: '見', 报: '報', 请: '請', 纪: '紀', 标: '標', 单: '單', 简: '簡', 议: '議', 复: '復',
  录: '錄', 关: '關', 于: '於', 厅: '廳', 会: '會', 发: '發', 专: '專', 栏: '欄', 项: '項', 党: '黨',
};
const SIMPLIFIED: Record<string, string> = Object.fromEntries(Object.entries(TRADITIONAL).map(([s, t]) => [t, s]));

/** A regex source matching `word` in simplified or traditional characters: 办法 → [办辦]法. */
export function eitherScript(word: string): string {
  return [...word].map((c) => (TRADITIONAL[c] ? `[${c}${TRADITIONAL[c]}]` : c)).join('');
}

/** Simplified form of the characters in TRADITIONAL (for metadata such as 文种, never for text). */
export function toSimplified(word: string): string {
  return [...word].map((c) => SIMPLIFIED[c] ?? c).join('');
}

/** Chinese numerals as they appear in provision numbers (incl. 〇/零/两 and OCR-safe digits). */
export const CN_NUM = '[一二三四五六七八九十百千零〇两]+';

/** Sentence punctuation that marks a line as running prose (full- and half-width). Colons are left out: 主任:于亮 is a label, not prose. */
export const SENTENCE_PUNCT = /[，。；！？,;!?]/;

/** A line-final character that ends a sentence, so the line cannot continue on the next. */
export const TERMINAL_END = /[。！？；：!?;:…”’」』）)】〕》\]]$/;

/** Document-type words (文种) a title ends with, optionally followed by (试行) or (2024—2035年). */
export const DOC_KIND_WORDS = [
  '实施意见', '指导意见', '意见', '通知', '通告', '公告', '决定', '命令', '批复', '报告', '请示', '函', '纪要',
  '办法', '规定', '条例', '细则', '规则', '章程', '规划', '纲要', '计划', '方案', '措施', '政策措施', '任免',
  '名单', '简介', '公报', '决议', '议案', '标准', '目录', '清单', '指南',
];
const KIND_ALT = DOC_KIND_WORDS.slice().sort((a, b) => b.length - a.length).map(eitherScript).join('|');
/** Title ending: a 文种 word, optionally followed by one parenthetical. */
export const TITLE_END = new RegExp(`(${KIND_ALT})(?:[（(][^（()）]{1,20}[)）])?[”"》]?$`);

/** Document number: 吉政办发〔2017〕7号, with any bracket form, optional spaces, full-width digits already folded. */
export const DOC_NUMBER = /([\p{Script=Han}]{1,12})\s*[〔［\[【（(]\s*(\d{4})\s*[〕］\]】）)]\s*(\d+(?:\s*[-—－–]\s*\d+)?)\s*([号號])/u;
export const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER.source}$`, 'u');
/** Is the whole line a 文号? Such a line ends in 号 (號): checked first, since nearly every line is asked. */
export const isDocNumberLine = (text: string): boolean => (text.endsWith('号') || text.endsWith('號')) && DOC_NUMBER_LINE.test(text);

/** A date line: 2017年1月20日 (spaces allowed between parts). */
export const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
export const DATE_LINE = new RegExp(`^${DATE.source}$`);

/** Structural numbering at the start of a line, most specific first. */
export const MARKERS = {
  part: new RegExp(`^第(${CN_NUM}|\\d+)[编編](?=\\s|$)`),
  chapter: new RegExp(`^第(${CN_NUM}|\\d+)章`),
  section: new RegExp(`^第(${CN_NUM}|\\d+)[节節]`),
  article: new RegExp(`^第(${CN_NUM}|\\d+)[条條](?=\\s|$)`),
  /** 一、 */
  cnEnum: new RegExp(`^(${CN_NUM})、`),
  /** （一） or (一) */
  cnParen: new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[)）]`),
  /** 1. 1． 1、 (not a decimal number such as 1.5) */
  arabic: /^(\d{1,3})\s*[.．、](?!\d)/,
  /** （1） or (1) */
  arabicParen: /^[（(]\s*(\d{1,3})\s*[)）]/,
  /** 专栏2, 专栏 2; 芒栏 is a known OCR misreading of 专栏. */
  box: /^(?:专栏|專欄|芒栏)\s*(\d+)/,
} as const;

export type MarkerName = keyof typeof MARKERS;

const MARKER_NAMES = Object.keys(MARKERS) as MarkerName[];
/** Every marker starts with one of these characters (第, a Chinese or Arabic numeral, a bracket, 专/專/芒). */
const MARKER_START = new Set(['第', '（', '(', '专', '專', '芒', ...'一二三四五六七八九十百千零〇两0123456789']);

/** Which marker starts the line, if any. Asked of nearly every line by normalise, segment and structure: most lines fail the first-character test and skip the nine patterns. */
export function markerOf(text: string): MarkerName | undefined {
  if (!MARKER_START.has(text.charAt(0))) return undefined;
  for (const name of MARKER_NAMES) if (MARKERS[name].test(text)) return name;
  return undefined;
}

/** Page-number line left by a PDF page break: "- 24 -", "— 3 —". */
export const PAGE_NUMBER_LINE = /^[-—–－]\s*\d{1,4}\s*[-—–－]$/;

/** True for characters that belong to running Chinese text (ideographs and CJK punctuation). */
export const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u;
