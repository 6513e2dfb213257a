/** Citing in the browser: the cite control copies a Chinese-convention citation with its link; anchors and /wh/ work without it. */
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/corpus.ts';
import { useBuiltSite } from '../support/browser.ts';

const site = useBuiltSite(DIST);

describe('cite', () => {
  it('copies 《title》（文号）第九条 <url> from the article’s cite control', async () => {
    const context = await site.browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url()}documents/jlsrmzfl-261/`);
    const button = page.locator('#article-9 .cite-button').first();
    await button.hover();
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`《吉林省公安机关警务辅助人员管理办法》（吉林省人民政府令第261号）第九条 ${site.url()}documents/jlsrmzfl-261/#article-9`);
    await expect.poll(() => page.locator('#cite-status').textContent()).toContain('已复制');
    await context.close();
  });

  it('without JavaScript, anchors still land on the provision and no dead control is shown', async () => {
    const context = await site.browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url()}documents/jlsrmzfl-261/#article-33`);
    await expect.poll(() => page.locator('#article-33').evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(50);
    expect(await page.locator('.cite-button:visible').count()).toBe(0);
    expect(await page.locator('#article-33').innerText()).toContain('本办法自2017年5月1日起施行');
    await context.close();
  });

  it('opens a document from its number typed in any bracket form', async () => {
    const page = await site.browser().newPage();
    await page.goto(`${site.url()}wh/${encodeURIComponent('吉政办发[2017]7号')}/`);
    await page.waitForURL(/documents\/jzbf-2017-7\/$/);
    expect(await page.locator('h1').innerText()).toBe('吉林省人民政府办公厅关于印发吉林省环境保护“十三五”规划的通知');
    await page.goto(`${site.url()}wh/?n=${encodeURIComponent('吉政办规（2024）2号')}`);
    await page.waitForURL(/references\/#jzbg-2024-2$/);
    await page.close();
  });

  it('links the 目录 entry for 吉政办发[2017]7号 to the notice, and the notice’s text to the plan it quotes', async () => {
    const page = await site.browser().newPage();
    await page.goto(`${site.url()}issues/jilinsheng-renmin-zhengfu-gongbao/2017/8/`);
    await page.getByRole('link', { name: '吉林省人民政府办公厅关于印发吉林省环境保护“十三五”规划的通知' }).first().click();
    await page.waitForURL(/documents\/jzbf-2017-7\/$/);
    await page.locator('.body a.xref').first().click();
    await page.waitForURL(/documents\/jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh\/$/);
    expect(await page.locator('.relations').innerText()).toContain('被以下文件引用');
    await page.close();
  });
});
