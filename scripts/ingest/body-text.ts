/** Every text-bearing node of a body in reading order, with the anchor id the site gives it. */
import type { BodyNode, ParagraphNode, SectionNode, Span } from './types.ts';
import { assignAnchors } from './anchors.ts';

export interface TextSlot {
  node: SectionNode | ParagraphNode;
  field: 'text' | 'title';
  text: string;
  /** Anchor of the node on the page (article-9, p-166). */
  anchor: string;
  /** Anchor and heading of the top-level section it lies in (its chapter, or its 一、 part), if any. */
  top?: { anchor: string; label: string };
  span: Span;
}

/** Slots of each body already read (a body is never changed once built; see anchors.ts). */
const memo = new WeakMap<BodyNode[], readonly TextSlot[]>();

/** The text slots of a body, in reading order. Read-only: validity, cross-references, responsibilities and plans share one list. */
export function textSlots(body: BodyNode[]): readonly TextSlot[] {
  let known = memo.get(body);
  if (!known) memo.set(body, (known = slotsOf(body)));
  return known;
}

function slotsOf(body: BodyNode[]): TextSlot[] {
  const anchors = assignAnchors(body);
  const out: TextSlot[] = [];
  const walk = (nodes: BodyNode[], top: TextSlot['top']): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        const slot: TextSlot = { node: n, field: 'text', text: n.text, anchor: `p-${n.span.start}`, span: n.span };
        if (top) slot.top = top;
        out.push(slot);
      } else if (n.type === 'section') {
        const anchor = anchors.get(n)!.id;
        const here = top ?? { anchor, label: `${n.label}${n.title ? ` ${n.title}` : ''}`.trim() };
        if (n.title !== undefined) out.push({ node: n, field: 'title', text: n.title, anchor, span: n.span, top: here });
        if (n.text !== undefined) out.push({ node: n, field: 'text', text: n.text, anchor, span: n.span, top: here });
        walk(n.children, here);
      }
    }
  };
  walk(body, undefined);
  return out;
}
