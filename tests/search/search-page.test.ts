// The search page in Chromium on the built site (npm run build): 文号 in any form, filters, a
// shared ?q= link, sub-results that open the provision, what loads when, and the page without
// JavaScript. `npm run eval:search` measures recall and precision on a full query set.
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSite } from '../support/browser.ts';
import { DIST } from '../support/corpus.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/*$/, '/');
const site = useBuiltSite(DIST);
const root = () => `${site.url()}${base.slice(1)}`;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

async function open(path: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await site.browser().newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  if (path) await page.goto(`${root()}${path}`);
  return page;
}

const searchPath = (q: string, extra = '') => `search/?q=${encodeURIComponent(q)}${extra}`;
const done = (page: Page) => page.locator('#search-status[data-state="done"]').waitFor({ timeout: 20_000 });
const hrefs = (page: Page) => page.locator('.search-hit__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  expect(problems.splice(0)).toEqual([]);
});

describe('search page', () => {
  const target = `${base}documents/jzbf-2017-7/`;

  it.each(['吉政办发〔2017〕7号', '吉政办发[2017]7号', '吉政办发2017 7号', '吉政办发〔２０１７〕７号', '吉政办发（2017）7号'])('%s returns 吉政办发〔2017〕7号 first', async (form) => {
    const page = await open(searchPath(form));
    await done(page);
    expect((await hrefs(page))[0]).toBe(target);
    expect(await page.locator('.search-hit').first().locator('.search-hit__number').textContent()).toBe('吉政办发〔2017〕7号');
  });

  it('a 文号 typed into the box: the document first, the query in the URL', async () => {
    const page = await open('search/');
    await page.locator('#search-q').fill('吉政办发[2017]7号');
    await page.locator('#search-q').press('Enter');
    await done(page);
    expect((await hrefs(page))[0]).toBe(target);
    expect(new URL(page.url()).searchParams.get('q')).toBe('吉政办发[2017]7号');
  });

  it('a filter narrows the results to its value, shows in the URL, and survives a reload', async () => {
    const page = await open(searchPath('环境'));
    await done(page);
    const before = (await hrefs(page)).length;
    const plan = page.locator('#search-facets label', { hasText: /^规划\d+$/ });
    const count = Number(await plan.locator('.count').textContent());
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(before);
    await plan.locator('input').check();
    await page.waitForURL(/kind=%E8%A7%84%E5%88%92/);
    await done(page);
    const types = await page.locator('.search-hit__type').allTextContents();
    expect(types).toHaveLength(count);
    expect(new Set(types)).toEqual(new Set(['规划']));

    await page.reload();
    await done(page);
    expect(await page.locator('#search-facets input[value="规划"]').isChecked()).toBe(true);
    expect(await page.locator('.search-hit__type').allTextContents()).toEqual(types);
  });

  it('a shared ?q= link runs the search with its sort order, and sub-results open the provision', async () => {
    const page = await open(searchPath('警务辅助人员', '&sort=date-desc'));
    await done(page);
    expect(await page.locator('#search-q').inputValue()).toBe('警务辅助人员');
    expect(await page.locator('#search-sort').inputValue()).toBe('date-desc');
    const dates = await page.locator('.search-hit time').allTextContents();
    const iso = dates.map((d) => d.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, day) => `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`));
    expect(iso).toEqual([...iso].sort().reverse());
    expect(await page.locator('.search-hit__link mark').first().textContent()).toBe('警务辅助人员');

    const provision = page.locator('a.search-hit__place', { hasText: /^第.+条$/ }).first();
    const href = (await provision.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${base}documents/[^/]+/#article-\\d+$`));
    await provision.click();
    await page.waitForURL(/#article-\d+$/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${id}"]`).innerText()).toContain('警务辅助人员');
  });

  it('loads nothing of the search until the box is focused; the first query then fetches ≤ 180 KB', async () => {
    const page = await open('');
    const requests: Array<{ url: string; type: string; size: Promise<number> }> = [];
    page.on('requestfinished', (request) =>
      requests.push({ url: request.url(), type: request.resourceType(), size: request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize) }),
    );
    await page.goto(`${root()}search/`);
    await page.waitForTimeout(500);
    expect(requests.filter((r) => r.url.includes('/pagefind/'))).toEqual([]);

    await page.locator('#search-q').focus();
    await page.waitForRequest(/\/pagefind\/pagefind\.js$/);
    await page.locator('#search-q').fill('环境保护');
    await page.locator('#search-q').press('Enter');
    await done(page);
    await page.waitForLoadState('networkidle');
    // Everything but the HTML and the site's stylesheet: the page script, Pagefind, index, catalog, passages.
    const counted = requests.filter((r) => r.type !== 'document' && r.type !== 'stylesheet' && !r.url.includes('favicon'));
    const total = (await Promise.all(counted.map((r) => r.size))).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(180 * 1024);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
  });

  it('on a phone, loads the excerpts of the results on screen first and the others as they are scrolled near', async () => {
    const page = await open('', { viewport: { width: 390, height: 700 } });
    const fragments: string[] = [];
    page.on('requestfinished', (request) => request.url().endsWith('.pf_fragment') && fragments.push(request.url()));
    await page.goto(`${root()}${searchPath('环境')}`);
    await done(page);
    const excerpts = page.locator('.search-hit__excerpt');
    const count = await excerpts.count();
    expect(count).toBeGreaterThanOrEqual(8);
    const waiting = async () => (await excerpts.allTextContents()).filter((text) => text === '…').length;
    // The first result is filled in; the last ones, screens below, are not fetched yet.
    expect(await excerpts.first().textContent()).not.toBe('…');
    expect(await waiting()).toBeGreaterThan(0);
    const before = fragments.length;
    await page.locator('.search-hit').last().scrollIntoViewIfNeeded();
    await expect.poll(waiting, { timeout: 10_000 }).toBe(0);
    expect(fragments.length).toBeGreaterThan(before);
  });

  it('without JavaScript the page says that search needs it and offers the lists', async () => {
    const page = await open(searchPath('环境'), { javaScriptEnabled: false });
    const message = page.locator('.search-nojs');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('需要启用 JavaScript');
    expect(await message.locator('a').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#search-app').isVisible()).toBe(false);
  });

  it.each(['黑土地', 'PM2.5'])('finds every page whose indexed text contains %s, and only those', async (q) => {
    // Pagefind's default search either over-matches these (each piece anywhere) or, quoted, misses pages.
    const page = await open(searchPath(q));
    await done(page);
    const found = (await hrefs(page)).sort();
    const catalog = (await (await fetch(`${root()}pagefind/search-catalog.json`)).json()) as { pages: Array<{ path: string }> };
    const expected: string[] = [];
    for (const { path } of catalog.pages) {
      await page.goto(`${root()}${path}`);
      // The indexed text: data-pagefind-body without data-pagefind-ignore, whitespace ignored.
      const text = await page.evaluate(() => {
        const body = document.querySelector('[data-pagefind-body]')!.cloneNode(true) as HTMLElement;
        body.querySelectorAll('[data-pagefind-ignore]').forEach((el) => el.remove());
        return (body.textContent ?? '').replace(/\s/g, '');
      });
      if (text.toLowerCase().includes(q.toLowerCase())) expected.push(`${base}${path}`);
    }
    expect(expected.length).toBeGreaterThan(1);
    expect(found).toEqual(expected.sort());
  });
});
