// What a built page gives the search index: its indexed text, read by Pagefind's rules, without
// running Pagefind. Pagefind's indexer holds a whole site in memory (5 GB for 2,600 pages, and it
// grows with the site); this reads one page at a time.
//
// The rules are Pagefind's (pagefind/src/fossick/parser.rs), which the pages are written for:
// the text of the data-pagefind-body element; data-pagefind-ignore drops an element's text (but
// not its filters and metadata), data-pagefind-ignore="all" drops everything; head, style,
// script, noscript, label, form, svg, footer, nav, iframe and template are never text; a block
// element (h1–h6, p, td, div, ul, li, article, section) whose text ends in a word character gets
// a full stop, which here is a block boundary instead; an element with an id is an anchor at the
// position it starts; <data value="…" data-pagefind-filter="key[value]"> and data-pagefind-meta
// declare filters and metadata; the title is the first <h1>, else <title>.
// tests/search/extract.test.ts checks that every page of the site reads the same as Pagefind's
// own fragment of it.
import { readdirSync } from 'node:fs';
import { join, relative, sep as pathSep } from 'node:path';
import { Parser } from 'htmlparser2';
import { foldChars, SEPARATOR, unifyDocNumberYears } from '../../src/scripts/search-text.ts';

export interface Anchor {
  id: string;
  /** Index into the page's units where the element starts. */
  offset: number;
  /** Provisions (chapters, articles, items, 专栏, headings) get a label; paragraphs and tables do not. */
  label?: string;
}

/** A page's indexed text as units (see search-text.ts): one code point each, SEPARATOR between blocks. */
export interface PageText {
  units: string[];
  anchors: Anchor[];
}

export interface ExtractedPage extends PageText {
  /** Path under the site's base: documents/jzbf-2017-7/ */
  path: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const BLOCK = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const NEVER_TEXT = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** Pagefind's SENTENCE_CHARS: Rust's Unicode \w, and ' " ) $ *. */
const SENTENCE_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]/u;
const ATTRIBUTE_SPEC = /^\s*([^:[\]]+)\[(.+)\]\s*$/;
/** Markers in the collected text: an anchor (followed by its number and ANCHOR_END), a block end. */
const ANCHOR = '\uE000';
const ANCHOR_END = '\uE001';
const BLOCK_END = '\uE002';
const MARKERS = /[\uE000-\uE002]/;

type Status = 'indexing' | 'ignored' | 'excluded' | 'body' | 'parent-of-body';

interface Node {
  tag: string;
  value: string;
  /** The last character of `value` as it is in the HTML source (before entities are decoded). */
  last: string;
  status: Status;
  filter?: string[];
  meta?: string[];
  attribs: Record<string, string>;
}

/** Pagefind's normalize_content: trimmed, runs of whitespace as one space. */
const normalize = (text: string): string => text.replace(/^\s+|\s+$/g, '').replace(/(\n|\r\n)+/g, ' ').replace(/\s{2,}/g, ' ');

/** "key[attr], other:literal" → ["key:<value of attr>", "other:literal"] (Pagefind's parse_attr_string). */
function attributeSpecs(input: string, attribs: Record<string, string>): string[] {
  const colon = input.indexOf(':');
  if (colon >= 0) {
    const specs = attributeSpecs(input.slice(0, colon), attribs);
    if (specs.length) specs[specs.length - 1] += `:${input.slice(colon + 1)}`;
    return specs;
  }
  return input.split(',').map((chunk) => {
    const m = ATTRIBUTE_SPEC.exec(chunk.trim());
    return m ? `${m[1]}:${attribs[m[2]!] ?? ''}` : chunk.trim();
  });
}

function attributePair(spec: string, node: Node): [string, string] | undefined {
  const colon = spec.indexOf(':');
  if (colon >= 0) return [spec.slice(0, colon), normalize(spec.slice(colon + 1))];
  return node.value === '' ? undefined : [spec, normalize(node.value.replace(/\uE000\d+\uE001|\uE002/g, ''))];
}

/** Paragraphs (p-825), tables and their rows (t-90, t-90-r3): places, not provisions with a name. */
const PARAGRAPH_ID = /^(?:p|t)-\d+(?:-r\d+)?$/;

/**
 * How a result names the provision an anchor starts: an article by its number (第九条), a
 * heading by its text (第二章 总则, 一、总体要求), a numbered paragraph to its first stop
 * ((三)监护困境儿童), at most 24 characters.
 */
export function provisionLabel(units: readonly string[], offset: number): string {
  const out: string[] = [];
  for (let i = offset; i < units.length && out.length < 24; i++) {
    const unit = units[i]!;
    if (unit === SEPARATOR || unit === '。' || unit === '；' || unit === ':' || unit === '：' || unit === '，') break;
    out.push(unit);
  }
  const text = out.join('');
  const article = /^第[一二三四五六七八九十百千零〇\d]+条/u.exec(text);
  if (article) return article[0];
  return text.replace(/^(第[一二三四五六七八九十百千零〇\d]+[编章节])(?=\S)/u, '$1 ');
}

/**
 * The indexed text of one HTML page, or undefined when the page has no data-pagefind-body (or
 * nothing in it), as Pagefind leaves such pages out of a site that marks its bodies.
 */
export function extractPage(html: string, path: string): ExtractedPage | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  if (MARKERS.test(html)) throw new Error(`${path}: contains private-use characters U+E000–U+E002, which the indexer uses as markers`);
  const root: Node = { tag: '#root', value: '', last: '', status: 'indexing', attribs: {} };
  const stack: Node[] = [root];
  const anchorIds: string[] = [];
  const filters: Record<string, string[]> = {};
  const meta: Record<string, string> = {};
  let autoTitle: string | undefined;
  let pageTitle: string | undefined;
  let source = html;
  let parser: Parser;

  const append = (node: Node, text: string, last: string) => {
    if (text === '') return;
    node.value += text;
    node.last = last;
  };

  const close = (node: Node) => {
    const parent = stack[stack.length - 1]!;
    if (node.status === 'excluded') return;
    for (const spec of node.filter ?? []) {
      const pair = attributePair(spec, node);
      if (pair) (filters[pair[0]] ??= []).push(pair[1]);
    }
    for (const spec of node.meta ?? []) {
      const pair = attributePair(spec, node);
      if (pair) meta[pair[0]] = pair[1];
    }
    const text = node.value.replace(/\uE000\d+\uE001|\uE002/g, '');
    if (node.tag === 'h1' && autoTitle === undefined && text.trim() !== '') autoTitle = normalize(text);
    if (node.tag === 'title' && pageTitle === undefined) pageTitle = normalize(text);
    if (node.status === 'ignored') return;
    if (BLOCK.has(node.tag)) {
      node.value = ` ${node.value}${SENTENCE_CHAR.test(node.last) ? BLOCK_END : ''} `;
      node.last = ' ';
    }
    if (parent.status === 'parent-of-body' && node.status !== 'body' && node.status !== 'parent-of-body') return;
    if (node.status === 'indexing') append(parent, node.value, node.last);
    else if (node.status === 'body' || node.status === 'parent-of-body') {
      if (parent.status !== 'parent-of-body') {
        parent.value = '';
        parent.last = '';
      }
      append(parent, node.value, node.last);
      parent.status = 'parent-of-body';
    }
  };

  parser = new Parser(
    {
      onopentag(tag, attribs) {
        const parent = stack[stack.length - 1]!;
        const ignore = attribs['data-pagefind-ignore'];
        const ignoreStatus: Status | undefined = ignore === undefined ? undefined : ['', 'index', 'true'].includes(ignore.toLowerCase()) ? 'ignored' : 'excluded';
        let status: Status = 'data-pagefind-body' in attribs ? 'body' : (ignoreStatus ?? 'indexing');
        if (status !== 'excluded' && status !== 'ignored' && attribs.id !== undefined) {
          if (!(parent.status === 'parent-of-body' && status !== 'body')) {
            append(parent, ` ${ANCHOR}${anchorIds.length}${ANCHOR_END} `, ' ');
            anchorIds.push(attribs.id.replace(/\s/g, ''));
          }
        }
        if (status !== 'excluded' && tag === 'br') append(parent, ' ', ' ');
        if (parent.status === 'excluded') status = 'excluded';
        // Pagefind's exclusions mark the element itself as ignored (after its anchor is placed).
        if (NEVER_TEXT.has(tag)) status = 'ignored';
        const node: Node = { tag, value: '', last: '', status, attribs };
        if (attribs['data-pagefind-filter'] !== undefined) node.filter = attributeSpecs(attribs['data-pagefind-filter'], attribs);
        if (attribs['data-pagefind-meta'] !== undefined) node.meta = attributeSpecs(attribs['data-pagefind-meta'], attribs);
        stack.push(node);
      },
      ontext(text) {
        const node = stack[stack.length - 1]!;
        // The character as written (an entity ends in ';'): Pagefind looks at the source text.
        append(node, text, source[parser.endIndex] ?? text.at(-1) ?? '');
      },
      onclosetag(tag) {
        const node = stack.pop()!;
        if (node === root || node.tag !== tag) {
          // Never happens with well-formed pages; keep the tree whole if it does.
          if (node !== root) stack.push(node);
          return;
        }
        close(node);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(source);
  parser.end();
  // Collapse whatever is left open, as Pagefind does.
  while (stack.length > 1) close(stack.pop()!);
  source = '';
  if (root.status !== 'parent-of-body') return undefined;

  const units: string[] = [];
  const anchorAt: Array<{ index: number; offset: number }> = [];
  const chars = Array.from(root.value);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === ANCHOR) {
      let n = '';
      while (chars[++i] !== ANCHOR_END) n += chars[i];
      anchorAt.push({ index: Number(n), offset: units.length });
    } else if (char === BLOCK_END) {
      if (units.length > 0 && units[units.length - 1] !== SEPARATOR) units.push(SEPARATOR);
    } else {
      for (const unit of foldChars(char)) units.push(unit);
    }
  }
  // The 文号 rule reads across blocks of text (吉市政办函 [ 2020 ] 34 号); it keeps every offset.
  const unified = Array.from(unifyDocNumberYears(units.join('')));
  if (unified.length !== units.length) throw new Error(`${path}: folding changed the text's length`);
  for (let i = 0; i < units.length; i++) units[i] = unified[i]!;
  while (units[units.length - 1] === SEPARATOR) units.pop();
  if (units.length === 0) return undefined;

  const anchors: Anchor[] = anchorAt.map(({ index, offset }) => {
    const id = anchorIds[index]!;
    const at = Math.min(offset, units.length);
    return PARAGRAPH_ID.test(id) ? { id, offset: at } : { id, offset: at, label: provisionLabel(units, at) };
  });
  const title = meta.title ?? autoTitle ?? pageTitle;
  // Keys in order, as Pagefind keeps them (values in the order the page declares them).
  const sorted = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { path, units, anchors, meta: sorted(title === undefined ? meta : { ...meta, title }), filters: sorted(filters) };
}

/** The site's HTML files (sorted, so page numbers are stable), as paths relative to `outDir`. */
export function htmlFiles(outDir: string, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(relative(outDir, full))) walk(full);
      } else if (entry.name.endsWith('.html')) out.push(relative(outDir, full).split(pathSep).join('/'));
    }
  };
  walk(outDir);
  return out.sort();
}

/** documents/x/index.html → documents/x/ (Pagefind's URL for a file, without the leading slash). */
export function pagePath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}
