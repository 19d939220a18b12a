import { describe, it, expect } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

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
    expect(checkCreditCode(`${found ?? ''}0`)).toMatchObject({ ok: true, checksumValid: true });
  });
});

describe('checkCreditCode properties', () => {
  const rand = mulberry32(32100);
  const codes = Array.from({ length: 200 }, () => {
    const first17 = randomFirst17(rand);
    return first17 + creditCodeCheckChar(first17);
  });

  it('the check char is always one of the 31 characters and makes the code pass', () => {
    for (const code of codes) {
      expect(CHARSET).toContain(code[17]);
      expect(checkCreditCode(code), code).toEqual({ ok: true, value: code, checksumValid: true });
    }
  });

  it('changing any single character to another legal one fails the check (warning, not rejection)', () => {
    for (const code of codes.slice(0, 40)) {
      for (let i = 0; i < 18; i++) {
        for (const ch of CHARSET) {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          expect(checkCreditCode(changed), changed).toMatchObject({ ok: true, checksumValid: false });
        }
      }
    }
  });
});
