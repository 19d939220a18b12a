import { describe, it, expect } from 'vitest';
import { RARE_CHARS, codePointLabel, isCjkIdeograph, searchRareChars } from './rare-chars';

const chars = (query: string, limit?: number) => searchRareChars(query, limit).map((c) => c.char);

describe('RARE_CHARS', () => {
  it('has at least 300 characters, each one code point with its code and a reading', () => {
    expect(RARE_CHARS.length).toBeGreaterThanOrEqual(300);
    for (const c of RARE_CHARS) {
      expect([...c.char], c.char).toHaveLength(1);
      expect(c.codePoint).toBe(c.char.codePointAt(0));
      expect(c.pinyin.length, c.char).toBeGreaterThan(0);
      for (const p of c.pinyin) expect(p, c.char).toMatch(/^[a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+$/u);
      expect(isCjkIdeograph(c.codePoint), c.char).toBe(true);
    }
  });

  it('has no duplicates', () => {
    expect(new Set(RARE_CHARS.map((c) => c.char)).size).toBe(RARE_CHARS.length);
  });

  it('includes the characters users ask for, with their readings', () => {
    const reading = (ch: string) => RARE_CHARS.find((c) => c.char === ch)?.pinyin;
    expect(reading('堃')).toContain('kūn');
    expect(reading('喆')).toContain('zhé');
    expect(reading('赟')).toContain('yūn');
    expect(reading('䶮')).toContain('yǎn');
    expect(reading('㛃')).toContain('jié');
    expect(reading('𡒄')).toContain('lǎn');
    expect(reading('𨚕')).toContain('biàn');
    expect(reading('𪨶')).toContain('shē');
    expect(reading('𠈌')).toEqual(['yú']);
  });

  it('includes many characters outside the BMP and from Extension A', () => {
    expect(RARE_CHARS.filter((c) => c.codePoint > 0xffff).length).toBeGreaterThanOrEqual(100);
    expect(RARE_CHARS.filter((c) => c.codePoint >= 0x3400 && c.codePoint <= 0x4dbf).length).toBeGreaterThanOrEqual(50);
  });
});

describe('searchRareChars by pinyin', () => {
  it('finds by pinyin without tones', () => {
    expect(chars('kun')).toContain('堃');
    expect(chars('yan')).toContain('䶮');
    expect(chars('zhe')).toContain('喆');
    expect(chars('lan')).toContain('𡒄');
  });

  it('puts whole-syllable matches before longer syllables', () => {
    const yan = searchRareChars('yan');
    const firstLonger = yan.findIndex((c) => !c.pinyin.some((p) => p.normalize('NFD').replace(/\p{M}/gu, '') === 'yan'));
    const lastExact = yan.findLastIndex((c) => c.pinyin.some((p) => p.normalize('NFD').replace(/\p{M}/gu, '') === 'yan'));
    expect(lastExact).toBeGreaterThanOrEqual(0);
    expect(firstLonger === -1 || lastExact < firstLonger).toBe(true);
  });

  it('matches a prefix', () => {
    expect(chars('ku')).toContain('堃');
    expect(chars('yang')).toContain('旸');
    expect(chars('yan')).toContain('旸');
  });

  it('ignores case, tone marks, tone numbers and spaces', () => {
    expect(chars('KUN')).toContain('堃');
    expect(chars('kūn')).toContain('堃');
    expect(chars('kun1')).toContain('堃');
    expect(chars(' kun ')).toContain('堃');
  });

  it('lets ü be typed as v or u', () => {
    const lv = RARE_CHARS.find((c) => c.pinyin.some((p) => /[üǖǘǚǜ]/u.test(p)));
    expect(lv).toBeDefined();
    const reading = lv?.pinyin.find((p) => /[üǖǘǚǜ]/u.test(p)) ?? '';
    const base = reading.normalize('NFD').replace(/\p{M}/gu, '');
    expect(chars(base.replace('u', 'v'), 1000)).toContain(lv?.char);
    expect(chars(base, 1000)).toContain(lv?.char);
  });

  it('returns nothing for a query that matches no reading', () => {
    expect(searchRareChars('xyzzy')).toEqual([]);
    expect(searchRareChars('!!!')).toEqual([]);
  });

  it('respects the limit, 60 by default', () => {
    expect(searchRareChars('y').length).toBeLessThanOrEqual(60);
    expect(searchRareChars('y', 5)).toHaveLength(5);
  });

  it('gives the start of the list for an empty query', () => {
    expect(searchRareChars('')).toEqual(RARE_CHARS.slice(0, 60));
    expect(chars('  ', 3)).toEqual(['堃', '喆', '赟']);
  });
});

describe('searchRareChars by code point or character', () => {
  it('finds a listed character by its code point in any usual notation', () => {
    for (const q of ['U+2020C', 'u+2020c', '2020C', '2020c', '0x2020C', 'U+2020C ']) {
      expect(searchRareChars(q), q).toEqual([{ char: '𠈌', codePoint: 0x2020c, pinyin: ['yú'] }]);
    }
  });

  it('returns any CJK ideograph by code point, even one not in the list', () => {
    // U+2A6D6 is the last character of Extension B, U+30000 the first of Extension G
    expect(searchRareChars('U+2A6D6')).toEqual([{ char: String.fromCodePoint(0x2a6d6), codePoint: 0x2a6d6, pinyin: [] }]);
    expect(chars('30000')).toEqual([String.fromCodePoint(0x30000)]);
    expect(chars('U+3400')).toEqual(['㐀']);
    expect(chars('4E00')).toEqual(['一']);
  });

  it('returns nothing for code points outside the CJK ranges or unassigned', () => {
    expect(searchRareChars('U+0041')).toEqual([]);
    expect(searchRareChars('U+1F600')).toEqual([]);
    expect(searchRareChars('U+2A6E0')).toEqual([]);
    expect(searchRareChars('U+D800')).toEqual([]);
  });

  it('finds characters typed or pasted, listed or not, in the order typed', () => {
    expect(searchRareChars('𠈌')).toEqual([{ char: '𠈌', codePoint: 0x2020c, pinyin: ['yú'] }]);
    expect(chars('王𡒄')).toEqual(['王', '𡒄']);
    expect(chars('䶮䶮')).toEqual(['䶮']);
    const extG = String.fromCodePoint(0x30001);
    expect(chars(extG)).toEqual([extG]);
  });
});

describe('helpers', () => {
  it('codePointLabel formats U+ notation', () => {
    expect(codePointLabel(0x2020c)).toBe('U+2020C');
    expect(codePointLabel(0x5803)).toBe('U+5803');
    expect(codePointLabel(0x41)).toBe('U+0041');
  });

  it('isCjkIdeograph covers the unified ideographs only', () => {
    expect(isCjkIdeograph(0x4e00)).toBe(true);
    expect(isCjkIdeograph(0x4dae)).toBe(true);
    expect(isCjkIdeograph(0x2020c)).toBe(true);
    expect(isCjkIdeograph(0x3134a)).toBe(true);
    expect(isCjkIdeograph(0xf900)).toBe(false);
    expect(isCjkIdeograph(0x2f800)).toBe(false);
    expect(isCjkIdeograph(0x41)).toBe(false);
  });
});
