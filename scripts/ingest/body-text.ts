/** Every text-bearing node of a body in reading order, with the anchor id the site gives it. */
import type { BodyNode, ParagraphNode, SectionNode, Span } from './types.ts';
import { assignAnchors } from './anchors.ts';

export interface TextSlot {
  node: SectionNode | ParagraphNode;
  field: 'text' | 'title';
  text: string;
  /** Anchor of the node on the page (article-9, p-166). */
  anchor: string;
  span: Span;
}

export function textSlots(body: BodyNode[]): TextSlot[] {
  const anchors = assignAnchors(body);
  const out: TextSlot[] = [];
  const walk = (nodes: BodyNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push({ node: n, field: 'text', text: n.text, anchor: `p-${n.span.start}`, span: n.span });
      else if (n.type === 'section') {
        const anchor = anchors.get(n)!.id;
        if (n.title !== undefined) out.push({ node: n, field: 'title', text: n.title, anchor, span: n.span });
        if (n.text !== undefined) out.push({ node: n, field: 'text', text: n.text, anchor, span: n.span });
        walk(n.children);
      }
    }
  };
  walk(body);
  return out;
}
