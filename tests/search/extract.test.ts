// The indexer reads pages by Pagefind's rules without running Pagefind
// (scripts/search-index/extract.ts): checked on small pages, and on every page of the built site
// against Pagefind's own reading of it (the default index the evaluation compares with).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPage, htmlFiles, pagePath } from '../../scripts/search-index/extract.ts';
import { closePagefind, fragmentText, readSiteWithPagefind } from '../../scripts/search-index/pagefind-reading.ts';
import { INDEX_DIR } from '../../src/scripts/search-index-format.ts';
import { SEPARATOR } from '../../src/scripts/search-text.ts';
import { DIST } from '../support/corpus.ts';

const page = (body: string, head = '<title>页面</title>') => `<!doctype html><html lang="zh-CN"><head>${head}</head><body><header>站名</header><main><article data-pagefind-body>${body}</article></main><footer>页脚</footer></body></html>`;
const text = (html: string) => extractPage(html, 'x/')?.units.join('');

describe('reading a page', () => {
  it('reads only the search body, without ignored parts, navigation, forms or scripts', () => {
    expect(text(page('<h1>标题</h1><nav>目录</nav><p>正文<span data-pagefind-ignore>按钮</span>内容</p><script>var a</script><form>表单</form>'))).toBe(`标题${SEPARATOR}正文内容`);
  });

  it('ends a block with a separator only where Pagefind puts a full stop: after a word character', () => {
    expect(text(page('<p>第一段</p><p>第二段。</p><p>2.5</p><p>（注）</p><div>尾</div>'))).toBe(`第一段${SEPARATOR}第二段。2.5${SEPARATOR}（注）尾`);
    // Pagefind looks at the character as written: an entity ends in ';', so no full stop.
    expect(text(page('<p>甲&quot;</p><p>乙</p>'))).toBe('甲＂乙');
    expect(text(page('<p>甲"</p><p>乙</p>'))).toBe(`甲＂${SEPARATOR}乙`);
  });

  it('places anchors, labels provisions, and reads filters, metadata and the title', () => {
    const extracted = extractPage(
      page('<h1>办法</h1><span hidden><data value="通知" data-pagefind-filter="kind[value]"></data><data value="吉政办发〔2017〕7号" data-pagefind-meta="docNumber[value]"></data></span><div id="article-9"><p id="p-3">第九条 为了规范，制定本办法。</p></div>'),
      'documents/x/',
    )!;
    expect(extracted.anchors).toEqual([
      { id: 'article-9', offset: 3, label: '第九条' },
      { id: 'p-3', offset: 3 },
    ]);
    expect(extracted.filters).toEqual({ kind: ['通知'] });
    expect(extracted.meta).toEqual({ docNumber: '吉政办发〔2017〕7号', title: '办法' });
  });

  it('leaves out a page without a search body', () => {
    expect(extractPage('<html><body><p>正文</p></body></html>', 'x/')).toBeUndefined();
  });
});

describe.skipIf(!existsSync(join(DIST, 'index.html')))('the built site', () => {
  afterAll(() => closePagefind());

  it('reads every page exactly as Pagefind does: text, block boundaries, anchors, filters, metadata', async () => {
    const fragments = await readSiteWithPagefind(DIST);
    const ours = htmlFiles(DIST, new Set([INDEX_DIR, '_astro']))
      .map((file) => extractPage(readFileSync(join(DIST, file), 'utf8'), pagePath(file)))
      .filter((extracted) => extracted !== undefined);
    expect(ours.map((p) => p.path)).toEqual(fragments.map((f) => f.url.replace(/^\//, '')));
    expect(fragments.length).toBeGreaterThan(20);
    fragments.forEach((fragment, i) => {
      const mine = ours[i]!;
      const theirs = fragmentText(fragment);
      expect(mine.units.join(''), mine.path).toBe(theirs.units.join(''));
      expect(mine.anchors.map(({ id, offset }) => ({ id, offset })), mine.path).toEqual(theirs.anchors);
      expect(mine.filters, mine.path).toEqual(fragment.filters);
      expect(mine.meta, mine.path).toEqual(fragment.meta);
    });
  });
});
