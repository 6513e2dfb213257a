// The text rules both sides of the search share (src/scripts/search-text.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docNumberOfQuery, findAll, isWordChar, parseQuery, pagefindPhrase, queryUnits, textUnits, unifyDocNumberYears } from '../../src/scripts/search-text.ts';

describe('文号 in any form', () => {
  const canonical = '吉政办发〔2017〕7号';
  it.each([
    '吉政办发〔2017〕7号',
    '吉政办发[2017]7号',
    '吉政办发(2017)7号',
    '吉政办发（2017）7号',
    '吉政办发【2017】7号',
    '吉政办发［2017］7号',
    '吉政办发2017 7号',
    '吉政办发 2017 7 号',
    '吉政办发20177号',
    '吉政办发〔２０１７〕７号',
    '  吉政办发[2017]7号 ',
  ])('%s is %s', (form) => {
    expect(docNumberOfQuery(form)).toBe(canonical);
    expect(parseQuery(form)).toEqual({ terms: [queryUnits(canonical)], docNumber: canonical });
  });

  it('keeps joint numbers and other codes', () => {
    expect(docNumberOfQuery('吉政干任[2017]11-12号')).toBe('吉政干任〔2017〕11-12号');
    expect(docNumberOfQuery('国发（2016）36号')).toBe('国发〔2016〕36号');
  });

  it('is not fooled by text that merely contains numbers', () => {
    expect(docNumberOfQuery('吉林省人民政府令第261号')).toBeUndefined();
    expect(docNumberOfQuery('2017年7号')).toBeUndefined();
    expect(docNumberOfQuery('规划（2024—2035年）')).toBeUndefined();
  });

  it('writes a bracketed year in indexed text as 〔〕 only where a 文号 has it, keeping the length', () => {
    const text = '根据（吉市政办函[2020]34号）和《规划(2024—2035年)》，吉政干任【2017】11-12号';
    const unified = unifyDocNumberYears(text);
    expect(unified).toBe('根据（吉市政办函〔2020〕34号）和《规划(2024—2035年)》，吉政干任〔2017〕11-12号');
    expect(Array.from(unified)).toHaveLength(Array.from(text).length);
  });
});

describe('units', () => {
  it('drops whitespace and invisible characters, narrows full-width letters and digits, keeps punctuation as printed', () => {
    expect(textUnits('ＰＭ２.５ 浓度\u200B，（一）')).toEqual(['P', 'M', '2', '.', '5', '浓', '度', '，', '（', '一', '）']);
  });
  it('writes the ASCII double quote full-width, so it never meets the quotes of a phrase query', () => {
    expect(textUnits('"十三五"')).toEqual(['＂', '十', '三', '五', '＂']);
    expect(pagefindPhrase(queryUnits('"十三五"'))).toBe('"＂ 十 三 五 ＂"');
  });
  it('lower-cases queries as Pagefind does', () => {
    expect(queryUnits('VOCs')).toEqual(['v', 'o', 'c', 's']);
  });
  it('splits a query into terms at spaces, unless it is quoted', () => {
    expect(parseQuery('大气 污染').terms).toEqual([['大', '气'], ['污', '染']]);
    expect(parseQuery('"大气 污染"').terms).toEqual([['大', '气', '污', '染']]);
    expect(parseQuery('   ').terms).toEqual([]);
  });
});

describe('word characters', () => {
  it('are letters and numbers of any script, one code point: the ideograph shortcut agrees', () => {
    for (const char of ['字', '〇', 'a', 'Ж', '5', '²', '𠀀']) expect(isWordChar(char), char).toBe(true);
    for (const char of ['，', '〔', '.', ' ', '字字', '']) expect(isWordChar(char), char).toBe(false);
    // Every character of the BMP's ideograph block and around it, against the definition.
    for (let code = 0x4d00; code <= 0xa100; code++) {
      const char = String.fromCharCode(code);
      expect(isWordChar(char), char).toBe(/^[\p{Alphabetic}\p{N}]$/u.test(char));
    }
  });
});

describe('findAll', () => {
  it('finds every occurrence, case-insensitively', () => {
    expect(findAll(textUnits('VOCs和vocs及VOC'), queryUnits('vocs'))).toEqual([0, 5]);
  });
  it('finds any substring of a text at its offset (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('黑', '土', '地', '保', '护', 'a', 'B', '2', '.', '，') , minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (text, i, n) => {
        const units = textUnits(text);
        const start = i % units.length;
        const needle = queryUnits(units.slice(start, start + 1 + (n % 8)).join(''));
        expect(findAll(units, needle)).toContain(start);
      }),
    );
  });
});
