// Browser side of the search page: mounts Pagefind's own UI and runs the ?q= query from the search forms.

interface PagefindUIOptions {
  element: HTMLElement;
  bundlePath: string;
  baseUrl: string;
  showSubResults?: boolean;
  showImages?: boolean;
  translations?: Record<string, string>;
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    /** Defined by pagefind-ui.js, loaded before this module runs. */
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

export function startSearch(container: HTMLElement | null): void {
  if (container === null) return;
  const PagefindUI = window.PagefindUI;
  if (PagefindUI === undefined) {
    container.textContent = '搜索索引尚未生成（缺少 pagefind/pagefind-ui.js）。';
    return;
  }
  const ui = new PagefindUI({
    element: container,
    // Both come from the page, which built them from the site's base path.
    bundlePath: container.dataset.bundlePath ?? '/pagefind/',
    baseUrl: container.dataset.baseUrl ?? '/',
    showSubResults: true,
    showImages: false,
  });
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}
