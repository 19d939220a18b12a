import { describe, it, expect } from 'vitest';
import { COUNTRIES, isCountryCode } from './countries';

describe('COUNTRIES', () => {
  it('lists the ISO 3166-1 countries except China, Hong Kong, Macao and Taiwan', () => {
    expect(COUNTRIES).toHaveLength(245);
    for (const code of ['CHN', 'HKG', 'MAC', 'TWN']) expect(isCountryCode(code), code).toBe(false);
  });

  it('has unique upper-case alpha-3 codes and Chinese names', () => {
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c.name)).size).toBe(COUNTRIES.length);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.name).toMatch(/^[\p{Script=Han}（）、]+$/u);
    }
  });

  it('uses the GB/T 2659 short names', () => {
    const name = (code: string) => COUNTRIES.find((c) => c.code === code)?.name;
    expect(name('USA')).toBe('美国');
    expect(name('GBR')).toBe('英国');
    expect(name('KOR')).toBe('韩国');
    expect(name('PRK')).toBe('朝鲜');
    expect(name('ARE')).toBe('阿联酋');
    expect(name('COD')).toBe('刚果（金）');
    expect(name('COG')).toBe('刚果（布）');
    expect(name('IDN')).toBe('印度尼西亚');
    expect(name('ZWE')).toBe('津巴布韦');
  });
});

describe('isCountryCode', () => {
  it('accepts listed codes only, case-sensitively', () => {
    expect(isCountryCode('USA')).toBe(true);
    expect(isCountryCode('ATA')).toBe(true);
    expect(isCountryCode('usa')).toBe(false);
    expect(isCountryCode('US')).toBe(false);
    expect(isCountryCode('')).toBe(false);
    expect(isCountryCode('XKK')).toBe(false);
  });
});
