// Citations in Chinese convention: 《吉林省公安机关警务辅助人员管理办法》（吉林省人民政府令第261号）第九条 <url>.

/** 《title》: a title that itself quotes 《…》 takes 〈…〉 inside, as Chinese typesetting nests them. */
export function quotedTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** The document part of a citation: 《title》（文号）, or just 《title》 for an unnumbered document. */
export function documentCitation(title: string, docNumber?: string): string {
  return docNumber ? `${quotedTitle(title)}（${docNumber}）` : quotedTitle(title);
}

/** A text fragment link (#:~:text=) for a selected passage; long passages use start,end. */
export function textFragment(selected: string): string {
  const text = selected.replace(/\s+/g, ' ').trim();
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
  if ([...text].length <= 40) return `#:~:text=${enc(text)}`;
  const chars = [...text];
  return `#:~:text=${enc(chars.slice(0, 15).join(''))},${enc(chars.slice(-15).join(''))}`;
}

/** How a place in a document is named in a citation: its provision's label (第九条), else 正文段落. */
export function placeLabel(outline: ReadonlyArray<{ id: string; cite: string }>, anchor: string): string {
  return outline.find((entry) => entry.id === anchor)?.cite ?? '正文段落';
}
