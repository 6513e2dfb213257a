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

/** Assign ids to every section, unique within the document (a repeat gets -2, -3 …). */
export function assignAnchors(body: BodyNode[]): Map<SectionNode, Anchored> {
  const out = new Map<SectionNode, Anchored>();
  const used = new Map<string, number>();
  const walk = (nodes: BodyNode[], parentId: string | undefined, depth: number): void => {
    for (const n of nodes) {
      if (n.type !== 'section') continue;
      const own = `${KIND_WORD[n.kind]}-${n.num}`;
      const base = n.kind === 'article' || n.kind === 'box' || !parentId ? own : `${parentId}-${own}`;
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const id = seen === 0 ? base : `${base}-${seen + 1}`;
      out.set(n, { node: n, id, depth });
      walk(n.children, id, depth + 1);
    }
  };
  walk(body, undefined, 1);
  return out;
}
