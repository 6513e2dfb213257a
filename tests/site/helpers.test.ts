// Unit tests for the site's URL and display helpers (the parts every page relies on).
import { describe, expect, test } from 'vitest';
import { cumulativeLabel, formatDate, issueLabel, labelSeparator, lineRange, pageLabel } from '../../src/lib/format.ts';
import { documentUrl, fileUrl, homeUrl, issueUrl } from '../../src/lib/url.ts';

describe('url helpers (base "/")', () => {
  test('pages end in a slash and issue ids map onto nested paths', () => {
    expect(homeUrl()).toBe('/');
    expect(issueUrl('jilinsheng-renmin-zhengfu-gongbao/2024/11-12')).toBe('/issues/jilinsheng-renmin-zhengfu-gongbao/2024/11-12/');
    expect(documentUrl('jzl-261')).toBe('/documents/jzl-261/');
  });

  test('segments are percent-encoded, files keep no trailing slash', () => {
    expect(documentUrl('a b?')).toBe('/documents/a%20b%3F/');
    expect(fileUrl('/pagefind/pagefind-ui.js')).toBe('/pagefind/pagefind-ui.js');
  });
});

describe('format helpers', () => {
  test('dates, issues and pages read as printed', () => {
    expect(formatDate('2017-04-30')).toBe('2017年4月30日');
    expect(issueLabel({ year: 2024, issue: '11-12' })).toBe('2024年第11-12期');
    expect(cumulativeLabel({ label: '复总', number: 748 })).toBe('复总第748期');
    expect(pageLabel('15')).toBe('第15页');
    expect(pageLabel('封底')).toBe('封底');
    expect(lineRange(3, 3)).toBe('3');
    expect(lineRange(3, 9)).toBe('3–9');
  });

  test('a space follows 第一条 but not labels with their own punctuation', () => {
    expect(labelSeparator('第一条')).toBe(' ');
    expect(labelSeparator('一、')).toBe('');
    expect(labelSeparator('（三）')).toBe('');
    expect(labelSeparator('1.')).toBe('');
    expect(labelSeparator('')).toBe('');
  });
});
