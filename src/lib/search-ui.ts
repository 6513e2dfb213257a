// Browser side of the search page. This module is small and loads with the page; the search
// itself (src/scripts/search-engine.ts, Pagefind and the index) loads only when the reader
// focuses the search box, or at once when the page opens with a query (?q=…, a shared link).
// The query, the filters and the sort order live in the URL, so every search can be shared.
import type { Details, Filters, Hit, Outcome, SearchEngine, Segment, SortOrder } from '../scripts/search-engine.ts';

const PAGE_SIZE = 10;
/** How far below the screen a result's excerpt is loaded before it is scrolled into view. */
const EXCERPT_MARGIN_PX = 400;
/** Facet keys read from and written to the URL (the engine lists the labels). */
const FILTER_KEYS = ['publication', 'year', 'kind', 'issuer', 'department'];
const SORTS: SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

interface State {
  q: string;
  filters: Filters;
  sort: SortOrder;
}

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort') as SortOrder | null;
  return { q: params.get('q')?.trim() ?? '', filters, sort: sort && SORTS.includes(sort) ? sort : 'relevance' };
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [key, values] of Object.entries(state.filters)) for (const value of values) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  el.append(...children);
  return el;
}

function segments(excerpt: Segment[]): Node[] {
  return excerpt.map((segment) => (segment.mark ? element('mark', { text: segment.text }) : document.createTextNode(segment.text)));
}

/** 2017-01-20 → 2017年1月20日 */
function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return day ? `${year}年${month}月${day}日` : `${year}年`;
}

export function startSearch(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (!app || !form || !input) return;
  const status = document.getElementById('search-status')!;
  const facetsForm = document.getElementById('search-facets') as HTMLFormElement;
  const facetsBox = document.getElementById('search-filters') as HTMLDetailsElement;
  // Beside the results on wide screens; folded above them on phones.
  facetsBox.open = window.matchMedia('(min-width: 48rem)').matches;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
  const bundleUrl = app.dataset.bundleUrl ?? '/pagefind/';
  const baseUrl = app.dataset.baseUrl ?? '/';
  const baseTitle = document.title;
  app.hidden = false;

  let state = readState();
  let engine: Promise<SearchEngine> | undefined;
  let outcome: Outcome | undefined;
  let shown = 0;
  /** Increments with every search, so a slow answer never overwrites a newer one. */
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** data-state tells tests and styles where a search is: idle, loading, done or error. */
  const setStatus = (text: string, phase: 'idle' | 'loading' | 'done' | 'error') => {
    status.textContent = text;
    status.dataset.state = phase;
  };

  /** The search code, Pagefind and the index metadata: fetched once, on first use. */
  const loadEngine = (): Promise<SearchEngine> => {
    engine ??= import('../scripts/search-engine.ts').then(({ SearchEngine }) => SearchEngine.load(bundleUrl));
    engine.catch(() => (engine = undefined));
    return engine;
  };

  const showState = () => {
    input.value = state.q;
    sortSelect.value = state.sort;
    const header = document.getElementById('site-search') as HTMLInputElement | null;
    if (header && !header.value) header.value = state.q;
    document.title = state.q ? `${state.q} · ${baseTitle}` : baseTitle;
  };

  const pageHref = (hit: Hit, anchor?: string) => `${baseUrl}${hit.page.path}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;

  const renderFacets = (result: Outcome) => {
    facetsForm.replaceChildren();
    for (const facet of result.facets) {
      const fieldset = element('fieldset', {}, element('legend', { text: facet.label }));
      for (const value of facet.values) {
        const box = element('input');
        box.type = 'checkbox';
        box.name = facet.key;
        box.value = value.value;
        box.checked = value.selected;
        fieldset.append(element('label', {}, box, element('span', { text: value.value }), element('span', { className: 'count', text: String(value.count) })));
      }
      facetsForm.append(fieldset);
    }
    facetsBox.hidden = result.facets.length === 0 || (result.hits.length === 0 && Object.keys(state.filters).length === 0);
    const selected = Object.values(state.filters).flat().length;
    facetsBox.querySelector('summary')!.textContent = selected ? `筛选结果（已选 ${selected} 项）` : '筛选结果';
  };

  const renderHit = (hit: Hit, search: SearchEngine, terms: string[][]): { item: HTMLLIElement; fill: (details: Details) => void } => {
    const page = hit.page;
    const title = element('a', { className: 'search-hit__link' }, ...segments(search.highlightTitle(hit, terms)));
    title.href = pageHref(hit);
    const meta = element('p', { className: 'search-hit__meta' });
    meta.append(element('span', { className: 'search-hit__type', text: page.type === 'issue' ? '公报目录' : (page.kind ?? '文件') }));
    if (page.docNumber) meta.append(element('span', { className: 'search-hit__number', text: page.docNumber }));
    if (page.date) {
      const time = element('time', { text: formatDate(page.date) });
      time.dateTime = page.date;
      meta.append(time);
    }
    if (page.issue && page.type !== 'issue') meta.append(element('span', { text: page.issue }));
    const excerpt = element('p', { className: 'search-hit__excerpt', text: '…' });
    const item = element('li', { className: 'search-hit' }, element('h2', {}, title), meta, excerpt);
    const fill = (details: Details) => {
      const [first, ...rest] = details.places;
      if (!first) {
        excerpt.remove();
        return;
      }
      excerpt.replaceChildren(...placeLink(hit, first), ...segments(first.excerpt));
      if (rest.length) {
        const subs = element('ul', { className: 'search-hit__subs' });
        for (const place of rest) subs.append(element('li', {}, ...placeLink(hit, place), ...segments(place.excerpt)));
        item.append(subs);
      }
      if (hit.records.length > details.passages) item.append(element('p', { className: 'search-hit__more', text: '文中还有更多匹配之处。' }));
    };
    return { item, fill };
  };

  /** A link to the provision a match is in (its label, else 正文), or nothing in the page head. */
  const placeLink = (hit: Hit, place: Details['places'][number]): Node[] => {
    if (!place.anchor) return [];
    const link = element('a', { className: 'search-hit__place', text: place.label ?? '正文' });
    link.href = pageHref(hit, place.anchor);
    return [link];
  };

  // Excerpts load for the results on or near the screen, the others as they are scrolled near:
  // their passages are the largest part of a query's bytes after the index itself.
  const excerptLoads = new WeakMap<Element, () => Promise<void>>();
  let excerptObserver: IntersectionObserver | undefined;
  const observeExcerpt = (item: Element, load: () => Promise<void>) => {
    if (typeof IntersectionObserver === 'undefined') return void load();
    excerptObserver ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          excerptObserver!.unobserve(entry.target);
          void excerptLoads.get(entry.target)?.();
        }
      },
      { rootMargin: `${EXCERPT_MARGIN_PX}px 0px` },
    );
    excerptLoads.set(item, load);
    excerptObserver.observe(item);
  };

  /** Shows the next results; resolves when the excerpts of those on or near the screen are in. */
  const renderMore = async (result: Outcome, mine: number) => {
    const search = await loadEngine();
    const batch = result.hits.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const rendered = batch.map((hit) => renderHit(hit, search, result.query.terms));
    list.append(...rendered.map((r) => r.item));
    more.hidden = shown >= result.hits.length;
    const loads = batch.map((hit, i) => async () => {
      const details = await search.details(hit, result.query.terms);
      if (mine === generation) rendered[i]!.fill(details);
    });
    const near = rendered.map((r) => r.item.getBoundingClientRect().top < window.innerHeight + EXCERPT_MARGIN_PX);
    loads.forEach((load, i) => {
      if (!near[i]) observeExcerpt(rendered[i]!.item, () => load().catch((error: unknown) => console.warn('excerpt failed', error)));
    });
    await Promise.all(loads.filter((_, i) => near[i]).map((load) => load()));
  };

  const summary = (result: Outcome): string => {
    const issues = result.hits.filter((hit) => hit.page.type === 'issue').length;
    const documents = result.hits.length - issues;
    const parts = [documents ? `${documents} 份文件` : '', issues ? `${issues} 期公报目录` : ''].filter(Boolean).join('、');
    const filtered = Object.keys(state.filters).length ? '（已筛选）' : '';
    return `找到 ${parts}${filtered}含有“${state.q}”。`;
  };

  const run = async () => {
    const mine = ++generation;
    clearTimeout(typingTimer);
    showState();
    if (!state.q) {
      list.replaceChildren();
      facetsBox.hidden = true;
      more.hidden = true;
      setStatus('输入词语、文号或指标名称，按回车搜索。', 'idle');
      return;
    }
    setStatus(engine ? '正在搜索…' : '正在加载搜索…', 'loading');
    try {
      const search = await loadEngine();
      const result = await search.search(state.q, state.filters, state.sort);
      if (mine !== generation) return;
      outcome = result;
      shown = 0;
      excerptObserver?.disconnect();
      list.replaceChildren();
      renderFacets(result);
      if (result.hits.length === 0) {
        more.hidden = true;
        const filtered = Object.keys(state.filters).length ? '在所选范围内' : '';
        setStatus(`${filtered}没有找到含有“${state.q}”的文件或公报。`, 'done');
        return;
      }
      setStatus(`${summary(result)}正在载入摘录…`, 'loading');
      await renderMore(result, mine);
      if (mine === generation) setStatus(summary(result), 'done');
    } catch (error) {
      if (mine !== generation) return;
      console.warn('search failed', error);
      setStatus('搜索暂时无法使用（搜索索引未能加载）。可以从首页或文件列表浏览全部内容。', 'error');
    }
  };

  const navigate = (next: State, push: boolean) => {
    state = next;
    const url = stateUrl(state);
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    void run();
  };

  // Nothing loads until the reader shows an intent to search.
  input.addEventListener('focus', () => void loadEngine().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => navigate({ ...state, q: input.value.trim() }, false), 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, q: input.value.trim() }, true);
  });
  sortSelect.addEventListener('change', () => navigate({ ...state, sort: sortSelect.value as SortOrder }, true));
  facetsForm.addEventListener('submit', (event) => event.preventDefault());
  facetsForm.addEventListener('change', () => {
    const filters: Filters = {};
    for (const key of FILTER_KEYS) {
      const values = [...facetsForm.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((box) => box.value);
      if (values.length) filters[key] = values;
    }
    navigate({ ...state, filters }, true);
  });
  more.addEventListener('click', () => {
    if (outcome) void renderMore(outcome, generation);
  });
  window.addEventListener('popstate', () => {
    state = readState();
    void run();
  });

  showState();
  if (state.q) void run();
}
