// Cite controls on document pages: copy a citation in Chinese convention with its link, and
// offer a link to a selected passage (#:~:text=). Reading and anchors need none of this.
import { textFragment } from '../lib/cite.ts';

const article = document.querySelector<HTMLElement>('[data-citation]');

/** Copy text; where the Clipboard API is unavailable (plain http), fall back to a selected textarea. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Tell the reader what was copied, in a live region, and keep it visible for manual copying if copy failed. */
function announce(button: HTMLElement, text: string, ok: boolean): void {
  const status = document.getElementById('cite-status');
  if (status) status.textContent = ok ? `已复制：${text}` : `请手动复制：${text}`;
  const original = button.textContent;
  button.textContent = ok ? '已复制' : '复制失败';
  setTimeout(() => (button.textContent = original), 1500);
}

function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}

if (article) {
  const base = article.dataset.citation ?? '';
  for (const button of document.querySelectorAll<HTMLButtonElement>('.cite-button')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const anchor = button.dataset.anchor;
      const text = `${base}${button.dataset.cite ?? ''} ${pageUrl()}${anchor ? `#${anchor}` : ''}`;
      announce(button, text, await copy(text));
    });
  }

  // Selecting text inside the document offers a link to exactly that passage.
  const offer = document.getElementById('fragment-link') as HTMLButtonElement | null;
  if (offer) {
    let selected = '';
    document.addEventListener('selectionchange', () => {
      const selection = document.getSelection();
      const text = selection?.toString().trim() ?? '';
      const inside = selection && selection.rangeCount > 0 && article.contains(selection.getRangeAt(0).commonAncestorContainer);
      if (!text || !inside) {
        offer.hidden = true;
        return;
      }
      selected = text;
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      offer.style.top = `${window.scrollY + rect.bottom + 6}px`;
      offer.style.left = `${Math.max(8, window.scrollX + rect.left)}px`;
      offer.hidden = false;
    });
    offer.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
    offer.addEventListener('click', async () => {
      const text = `${base} ${pageUrl()}${textFragment(selected)}`;
      announce(offer, text, await copy(text));
    });
  }
}
