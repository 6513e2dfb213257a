import { describe, expect, it } from 'vitest';
import { redirectFiles, redirectPage } from '../../src/integrations/doc-number-redirects.ts';

describe('/wh/ redirect pages', () => {
  it('writes one page per bracket form, each leading to the target', () => {
    const files = redirectFiles({ '吉政办发〔2017〕7号': { href: '/atlas/documents/jzbf-2017-7/', label: '关于印发…的通知' } });
    expect([...files.keys()].sort()).toEqual(['(', '[', '【', '〔', '（', '［'].map((open) => `wh/吉政办发${open}2017${{ '(': ')', '[': ']', '【': '】', '〔': '〕', '（': '）', '［': '］' }[open]}7号/index.html`).sort());
    const html = files.get('wh/吉政办发[2017]7号/index.html')!;
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/atlas/documents/jzbf-2017-7/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
  it('escapes text and never makes a path out of a slash', () => {
    expect(redirectPage('<b>"x"</b>', { href: '/a?b=1&c="2"', label: '<script>' })).not.toMatch(/<b>|<script>|="2"/);
    expect(redirectFiles({ '甲/乙号': { href: '/', label: '' } }).size).toBe(0);
  });
});
