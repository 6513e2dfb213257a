/**
 * Anchor ids for provisions, derived from structure, never from reading order:
 * 第三十三条 → article-33; 第二章第一节 → chapter-2-section-1; 一、（三） → part-1-item-3;
 * 专栏2 → box-2. Articles and boxes are numbered through a document, so their ids stand
 * alone; every other id is its parent's id plus its own kind and number.
 */
import type { BodyNode, SectionNode } from './types.ts';

export interface Anchored {
  node: SectionNode;
  id: string;
  depth: number;
  /** How a citation names the provision: 第九条第（三）项, 第二章第一节, 专栏2, 一（三）. */
  cite: string;
}

/** The provision's own part of a citation, given its parent's kind. */
function citePart(n: SectionNode, parent: Anchored | undefined): string {
  if (n.kind === 'box') return `专栏${n.num}`;
  if (['book', 'chapter', 'section', 'article'].includes(n.kind)) return n.label.replace(/\s+/g, '');
  if (parent?.node.kind === 'article' && n.kind === 'item') return `第${n.label.replace(/\s+/g, '').replace(/^\(/, '（').replace(/\)$/, '）')}项`;
  if (parent?.cite.endsWith('项') && n.kind === 'point') return `第${n.num}目`;
  if (n.kind === 'point') return `第${n.num}点`; // a bare "1" after 专栏2 or （三） would read as part of the number
  return n.label.replace(/\s+/g, '').replace(/[、.．]$/, '');
}

const KIND_WORD: Record<SectionNode['kind'], string> = {
  book: 'book',
  part: 'part',
  chapter: 'chapter',
  section: 'section',
  article: 'article',
  item: 'item',
  point: 'point',
  subpoint: 'sub',
  box: 'box',
};

/**
 * Anchors of each body already read. Ids depend on the body alone and a body is never changed
 * once structure has built it, so the six stages that ask (validity, cross-references,
 * responsibilities, plans, indicators, emit) share one walk instead of each doing its own.
 */
const memo = new WeakMap<BodyNode[], ReadonlyMap<SectionNode, Anchored>>();

/** Assign ids to every section, unique within the document (a repeat gets -2, -3 …). Read-only: shared by every caller. */
export function assignAnchors(body: BodyNode[]): ReadonlyMap<SectionNode, Anchored> {
  let known = memo.get(body);
  if (!known) memo.set(body, (known = anchorsOf(body)));
  return known;
}

function anchorsOf(body: BodyNode[]): Map<SectionNode, Anchored> {
  const out = new Map<SectionNode, Anchored>();
  const used = new Map<string, number>();
  const walk = (nodes: BodyNode[], parent: Anchored | undefined, depth: number): void => {
    for (const n of nodes) {
      if (n.type !== 'section') continue;
      const own = `${KIND_WORD[n.kind]}-${n.num}`;
      const base = n.kind === 'article' || n.kind === 'box' || !parent ? own : `${parent.id}-${own}`;
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const id = seen === 0 ? base : `${base}-${seen + 1}`;
      // Articles and boxes are numbered through a document, so they are cited on their own (第九条, 专栏2).
      const prefix = n.kind === 'article' || n.kind === 'box' || !parent ? '' : parent.cite;
      const a: Anchored = { node: n, id, depth, cite: prefix + citePart(n, parent) };
      out.set(n, a);
      walk(n.children, a, depth + 1);
    }
  };
  walk(body, undefined, 1);
  return out;
}
