import { describe, it, expect } from 'vitest';
import { CREDIT_CODE_CATEGORIES, checkCreditCode, creditCodeCheckChar, organisationCodeCheckChar } from './credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFirst17(rand: () => number): string {
  return Array.from({ length: 17 }, () => CHARSET[Math.floor(rand() * CHARSET.length)]).join('');
}

const AREAS = ['110105', '440300', '310115', '650100', '100000', '370102'];
/** A code with a valid structure and both check characters right. */
function structuredCode(rand: () => number): string {
  const pick = (xs: string) => xs[Math.floor(rand() * xs.length)] ?? '';
  const authority = pick(Object.keys(CREDIT_CODE_CATEGORIES).join(''));
  const org8 = Array.from({ length: 8 }, () => pick(CHARSET)).join('');
  const first17 = authority + pick(CREDIT_CODE_CATEGORIES[authority] ?? '') + (AREAS[Math.floor(rand() * AREAS.length)] ?? '') + org8 + organisationCodeCheckChar(org8);
  return first17 + creditCodeCheckChar(first17);
}

describe('checkCreditCode (GB 32100-2015)', () => {
  it('accepts real published codes with a valid check char', () => {
    for (const code of [
      '91350100M000100Y43',
      '91110000600037341L',
      '91440300708461136T',
      '91330100799655058B',
      '91110108551385082Q',
    ]) {
      expect(checkCreditCode(code), code).toEqual({ ok: true, value: code, checksumValid: true });
    }
  });

  it('upper-cases and trims what was typed', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43', checksumValid: true });
  });

  it('treats a wrong check char as a warning for manual review, not a rejection', () => {
    const r = checkCreditCode('91350100M000100Y44');
    expect(r).toMatchObject({ ok: true, value: '91350100M000100Y44', checksumValid: false });
    if (r.ok && !r.checksumValid) expect(r.warning).toContain('人工审核');
  });

  it('rejects the 20-character code shown in the guide and any other length', () => {
    for (const raw of ['91350100M000100Y4300', '91350100M000100Y4', '', '9'.repeat(19)]) {
      expect(checkCreditCode(raw), raw).toEqual({ ok: false, message: '统一社会信用代码应为18位' });
    }
  });

  it('rejects I, O, S, V and Z (upper or lower case) and other characters anywhere', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', ' ', '　', '中']) {
      for (const pos of [0, 8, 17]) {
        const raw = '91350100M000100Y43'.slice(0, pos) + bad + '91350100M000100Y43'.slice(pos + 1);
        expect(checkCreditCode(raw), raw).toMatchObject({ ok: false });
      }
    }
  });

  it('maps a computed value of 31 to 0', () => {
    const rand = mulberry32(31);
    let found: string | undefined;
    for (let i = 0; i < 10_000 && !found; i++) {
      const first17 = randomFirst17(rand);
      let sum = 0;
      const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let j = 0; j < 17; j++) sum += CHARSET.indexOf(first17[j] ?? '') * (weights[j] ?? 0);
      if (sum % 31 === 0) found = first17;
    }
    expect(found).toBeDefined();
    expect(creditCodeCheckChar(found ?? '')).toBe('0');
  });

  it('normalises what was typed: full-width, spaces and hyphens', () => {
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43', checksumValid: true });
    expect(checkCreditCode('9135 0100-M000 100Y43')).toEqual({ ok: true, value: '91350100M000100Y43', checksumValid: true });
  });

  it('refuses the placeholder and a code whose structure is wrong (authority, category, area)', () => {
    expect(checkCreditCode('000000000000000000')).toMatchObject({ ok: false, message: expect.stringContaining('占位符') });
    expect(checkCreditCode('014403007084611364')).toMatchObject({ ok: false, message: expect.stringContaining('第1位') });
    // 工商 (9) issues categories 1, 2, 3 only
    expect(checkCreditCode('99350100M000100Y43')).toMatchObject({ ok: false, message: expect.stringContaining('第2位') });
    // 机构编制 (1) issues 1, 2, 3, 9
    expect(checkCreditCode('14110000000000000X')).toMatchObject({ ok: false, message: expect.stringContaining('第2位') });
    // positions 3–8: six digits of a province's area, or 100000
    expect(checkCreditCode('9135A100M000100Y43')).toMatchObject({ ok: false, message: expect.stringContaining('行政区划') });
    expect(checkCreditCode('91990100M000100Y43')).toMatchObject({ ok: false, message: expect.stringContaining('行政区划') });
  });

  it('computes the GB 11714 organisation code check (published 组织机构代码 samples)', () => {
    // positions 9–17 of the published codes above: 70846113-6, 60003734-1, M000100Y-4
    expect(organisationCodeCheckChar('70846113')).toBe('6');
    expect(organisationCodeCheckChar('60003734')).toBe('1');
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('warns (manual review) when the embedded organisation code check fails, even with a right main check', () => {
    const first17 = '91440300708461137';
    const code = first17 + creditCodeCheckChar(first17);
    expect(checkCreditCode(code)).toMatchObject({ ok: true, checksumValid: false });
  });
});

describe('checkCreditCode properties', () => {
  const rand = mulberry32(32100);
  const codes = Array.from({ length: 200 }, () => structuredCode(rand));

  it('a code with a valid structure and both checks passes', () => {
    for (const code of codes) {
      expect(CHARSET).toContain(code[17]);
      expect(checkCreditCode(code), code).toEqual({ ok: true, value: code, checksumValid: true });
    }
  });

  it('changing any single character never leaves a valid code: refused, or a warning for manual review', () => {
    for (const code of codes.slice(0, 40)) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CHARSET) {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          const r = checkCreditCode(changed);
          if (i >= 8) expect(r, changed).toMatchObject({ ok: true, checksumValid: false });
          else expect(r.ok && r.checksumValid, changed).toBe(false);
        }
      }
    }
  });
});
