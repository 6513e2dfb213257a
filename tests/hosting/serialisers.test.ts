/**
 * The writers behind feeds, JSON-LD and CSV take source text as data: whatever a gazette prints
 * (markup, entities, quotes, control characters) must come out escaped and read back unchanged.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { atomXml, escapeXml, type AtomFeed } from '../../src/lib/atom.ts';
import { jsonLdScriptText } from '../../src/lib/json-ld.ts';
import { toCsv } from '../../src/lib/open-data.ts';

const HOSTILE = [
  '</title><script>alert(1)</script>',
  'A &amp; B & C',
  '"双引号" \'单引号\'',
  ']]> <![CDATA[ x ]]>',
  '<!-- 注释 --> <?php ?>',
  '吉政办发〔2017〕7号 — 《规划》（2024—2035年）',
  '𠀀 supplementary-plane 字',
];
/** Characters XML 1.0 cannot carry at all: they are dropped, everything else survives. */
const CONTROL = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800';

const feed = (title: string): AtomFeed => ({
  id: 'https://pub.example.org/feeds/documents.xml',
  title,
  subtitle: title,
  self: 'https://pub.example.org/feeds/documents.xml?a=1&b=2',
  alternate: 'https://pub.example.org/',
  author: { name: title },
  lang: 'zh-CN',
  entries: [
    {
      id: 'https://pub.example.org/documents/a/',
      title,
      link: 'https://pub.example.org/documents/a/?q=<x>',
      updated: '2017-01-20T00:00:00+08:00',
      published: '2017-01-20T00:00:00+08:00',
      authors: [{ name: title }],
      summary: title,
      categories: [title],
    },
  ],
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: false });

describe('Atom writer', () => {
  test.each(HOSTILE)('%s is written as text and reads back unchanged', (text) => {
    const xml = atomXml(feed(text));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml).feed;
    expect(parsed.title['#text']).toBe(text);
    expect(parsed.title['@type']).toBe('text');
    expect(parsed.author.name).toBe(text);
    expect(parsed.entry.title['#text']).toBe(text);
    expect(parsed.entry.summary['#text']).toBe(text);
    expect(parsed.entry.category['@term']).toBe(text);
    expect(parsed.entry.link['@href']).toBe('https://pub.example.org/documents/a/?q=<x>');
    expect(xml).not.toMatch(/<script|<!--|<!\[CDATA\[/);
  });

  test('characters XML cannot carry are dropped, not written', () => {
    const xml = atomXml(feed(`前${CONTROL}后`));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(parser.parse(xml).feed.title['#text']).toBe('前后');
    // A valid surrogate pair is one character, and stays.
    expect(escapeXml('\uD840\uDC00')).toBe('\uD840\uDC00');
  });

  test('any string escapes to well-formed XML text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const xml = `<t>${escapeXml(text)}</t>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml.slice(3, -4)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
      }),
    );
  });

  test('the feed is dated by its newest entry, so the same content gives the same file', () => {
    const a = feed('x');
    a.entries.push({ ...a.entries[0]!, id: 'https://pub.example.org/documents/b/', updated: '2024-12-03T00:00:00+08:00' });
    expect(atomXml(a)).toContain('  <updated>2024-12-03T00:00:00+08:00</updated>');
    expect(atomXml(a)).toBe(atomXml(a));
  });
});

describe('JSON-LD in a <script> element', () => {
  test.each(HOSTILE.concat(['</script><script>alert(1)</script>', '</SCRIPT >', '<!--<script>', 'a\u2028b\u2029c']))(
    '%s cannot end or alter the element, and parses back unchanged',
    (text) => {
      const data = { '@type': 'Legislation', name: text, nested: [{ name: text }] };
      const out = jsonLdScriptText(data);
      expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(out)).toEqual(data);
    },
  );
});

describe('CSV for spreadsheets', () => {
  test('UTF-8 BOM, CRLF, a header row; quotes, commas, line breaks and edge spaces quoted; arrays joined; null empty', () => {
    const csv = toCsv(
      ['slug', 'title', 'issuers', 'date'],
      [
        { slug: 'a', title: '关于"十三五",规划', issuers: ['吉林省人民政府', '办公厅'], date: null },
        { slug: 'b', title: '两行\n标题', issuers: [], date: '2017-01-20' },
        { slug: 'c', title: ' 前后空格 ', issuers: ['x'], date: undefined },
      ],
    );
    expect(csv.startsWith('\uFEFFslug,title,issuers,date\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'slug,title,issuers,date',
      'a,"关于""十三五"",规划",吉林省人民政府；办公厅,',
      'b,"两行\n标题",,2017-01-20',
      'c," 前后空格 ",x,',
      '',
    ]);
  });
});
