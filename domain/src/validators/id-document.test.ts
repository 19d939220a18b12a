import { describe, it, expect } from 'vitest';
import {
  ID_DOCUMENT_TYPES,
  checkForeignPermanentResidence,
  checkIdDocument,
  checkMainlandId,
  checkResidencePermit,
  idDocumentTypeLabel,
  loginNumberCandidates,
  makeMainlandId,
  personKey,
  mod112CheckChar,
} from './id-document';

const TODAY = '2025-06-01';

/** Small seeded PRNG so that the property tests are repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Changes one character of `s` at `i`. */
function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

describe('mod112CheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives the check characters of the GB 11643 published samples', () => {
    expect(mod112CheckChar('11010519491231002')).toBe('X');
    expect(mod112CheckChar('44052418800101001')).toBe('4');
  });
});

describe('checkMainlandId', () => {
  it('accepts the published sample 11010519491231002X and derives sex and birth date', () => {
    expect(checkMainlandId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      sex: 'female',
      birthDate: '1949-12-31',
    });
  });

  it('accepts a lower-case x and normalises it to X', () => {
    const r = checkMainlandId('11010519491231002x', TODAY);
    expect(r).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('trims surrounding spaces', () => {
    expect(checkMainlandId('  11010519491231002X ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('rejects the sample with any other last character', () => {
    for (const ch of '0123456789') {
      const r = checkMainlandId(`11010519491231002${ch}`, TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('校验位');
    }
  });

  it('derives male from an odd sequence digit', () => {
    const id = makeMainlandId('371102', '1988-08-01', '123');
    expect(checkMainlandId(id, TODAY)).toMatchObject({ ok: true, sex: 'male', birthDate: '1988-08-01' });
    expect(checkMainlandId(makeMainlandId('371102', '1988-08-01', '124'), TODAY)).toMatchObject({ sex: 'female' });
  });

  it('rejects dates that do not exist', () => {
    for (const birth of ['1990-02-30', '1990-02-29', '1900-02-29', '1990-04-31', '1990-13-01', '1990-00-10', '1990-01-00', '1990-01-32']) {
      const r = checkMainlandId(makeMainlandId('110105', birth, '123'), TODAY);
      expect(r, birth).toMatchObject({ ok: false, message: '身份证号码中的出生日期无效' });
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkMainlandId(makeMainlandId('110105', '2000-02-29', '123'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(checkMainlandId(makeMainlandId('110105', '2024-02-29', '123'), TODAY)).toMatchObject({ ok: true });
  });

  it('rejects a birth date after today and accepts today', () => {
    expect(checkMainlandId(makeMainlandId('110105', '2025-06-02', '123'), TODAY)).toMatchObject({
      ok: false,
      message: '身份证号码中的出生日期不能晚于今天',
    });
    expect(checkMainlandId(makeMainlandId('110105', '2030-01-01', '123'), TODAY).ok).toBe(false);
    expect(checkMainlandId(makeMainlandId('110105', TODAY, '123'), TODAY).ok).toBe(true);
  });

  it('accepts birth years from 1900 (RULES.md §1; the GB 11643 sample born in 1880 is refused)', () => {
    expect(checkMainlandId(makeMainlandId('440524', '19000101', '001'), TODAY)).toMatchObject({ ok: true, birthDate: '1900-01-01', sex: 'male' });
    expect(checkMainlandId('440524188001010014', TODAY)).toEqual({ ok: false, message: '身份证号码中的出生日期无效' });
    expect(checkMainlandId(makeMainlandId('440524', '18991231', '001'), TODAY)).toMatchObject({ ok: false, message: '身份证号码中的出生日期无效' });
  });

  it('rejects wrong lengths and characters', () => {
    for (const raw of ['', '11010519491231002', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y', '11010519491231002@']) {
      expect(checkMainlandId(raw, TODAY).ok, raw).toBe(false);
    }
  });

  it('normalises what people type: full-width digits, lower-case x, spaces, hyphens, zero-width characters', () => {
    const id = '11010519491231002X';
    for (const typed of ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002x', ' 110105 19491231 002X ', '110105-19491231-002X', '1101\u200B0519491231002X', '110105\u300019491231002x']) {
      expect(checkMainlandId(typed, TODAY), typed).toMatchObject({ ok: true, value: id });
    }
  });

  it('refuses a 15-digit first-generation number with its reason', () => {
    expect(checkMainlandId('110105491231002', TODAY)).toEqual({ ok: false, message: '15位的第一代身份证已于2013年停止使用，请输入18位的第二代居民身份证号码' });
  });

  it('refuses 71/81/82/83 numbers and points to the right document (810000199408230021 is a residence permit)', () => {
    expect(checkMainlandId('810000199408230021', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('港澳居民来往内地通行证') });
    expect(checkMainlandId(makeMainlandId('820000', '1990-01-01', '123'), TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('澳门居民') });
    expect(checkMainlandId('830000199201300022', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('台湾居民来往大陆通行证') });
    expect(checkMainlandId(makeMainlandId('710000', '1990-01-01', '123'), TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('台湾居民来往大陆通行证') });
  });

  it('rejects area codes of no province', () => {
    for (const area of ['000000', '100000', '190000', '660000', '900000', '990000']) {
      expect(checkMainlandId(makeMainlandId(area, '1990-01-01', '123'), TODAY), area).toMatchObject({
        ok: false,
        message: '身份证号码的地区码无效',
      });
    }
  });

  it('accepts retired area codes', () => {
    for (const area of ['110103', '320102', '420111', '513229']) {
      expect(checkMainlandId(makeMainlandId(area, '1990-01-01', '123'), TODAY).ok, area).toBe(true);
    }
  });
});

describe('checkMainlandId properties', () => {
  const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
    '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
  const rand = mulberry32(20250601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const start = Date.UTC(1900, 0, 1);
  const end = Date.parse(`${TODAY}T00:00:00Z`);
  const samples = Array.from({ length: 300 }, () => {
    const birth = new Date(start + Math.floor(rand() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
    return { area: pick(PROVINCES) + digits(4), birth, seq: digits(3) };
  });

  it('every makeMainlandId output passes, with the sex and birth date it was built from', () => {
    for (const { area, birth, seq } of samples) {
      const id = makeMainlandId(area, birth, seq);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(checkMainlandId(id, TODAY), id).toEqual({
        ok: true,
        value: id,
        birthDate: birth,
        sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
      });
    }
  });

  it('changing any single character of a valid number makes it fail', () => {
    for (const { area, birth, seq } of samples.slice(0, 60)) {
      const id = makeMainlandId(area, birth, seq);
      for (let i = 0; i < 18; i++) {
        for (const ch of i === 17 ? '0123456789X' : '0123456789') {
          if (ch === id[i]) continue;
          const changed = replaceAt(id, i, ch);
          expect(checkMainlandId(changed, TODAY).ok, `${id} → ${changed}`).toBe(false);
        }
      }
    }
  });

  it('swapping two different adjacent digits makes it fail', () => {
    for (const { area, birth, seq } of samples.slice(0, 60)) {
      const id = makeMainlandId(area, birth, seq);
      for (let i = 0; i < 16; i++) {
        const a = id[i] ?? '';
        const b = id[i + 1] ?? '';
        if (a === b) continue;
        const swapped = id.slice(0, i) + b + a + id.slice(i + 2);
        expect(checkMainlandId(swapped, TODAY).ok, `${id} → ${swapped}`).toBe(false);
      }
    }
  });
});

describe('checkResidencePermit (港澳台居民居住证)', () => {
  it('accepts the published samples', () => {
    expect(checkResidencePermit('810000199408230021', TODAY)).toEqual({
      ok: true,
      value: '810000199408230021',
      sex: 'female',
      birthDate: '1994-08-23',
    });
    expect(checkResidencePermit('830000199201300022', TODAY)).toMatchObject({ ok: true, birthDate: '1992-01-30' });
  });

  it('accepts all three area codes with the MOD 11-2 check', () => {
    for (const area of ['810000', '820000', '830000']) {
      expect(checkResidencePermit(makeMainlandId(area, '1985-10-10', '011'), TODAY)).toMatchObject({ ok: true, sex: 'male' });
    }
  });

  it('rejects other area codes, wrong check chars and impossible dates', () => {
    expect(checkResidencePermit('11010519491231002X', TODAY)).toMatchObject({ ok: false });
    expect(checkResidencePermit('840000199408230021', TODAY).ok).toBe(false);
    expect(checkResidencePermit('810000199408230022', TODAY)).toMatchObject({ ok: false, message: expect.stringContaining('校验位') });
    expect(checkResidencePermit(makeMainlandId('810000', '1994-02-30', '002'), TODAY).ok).toBe(false);
  });
});

describe('checkForeignPermanentResidence (外国人永久居留身份证)', () => {
  // 2023 card: 9 + province (11) + nationality (840) + birth date + sequence + MOD 11-2 check char
  const card2023 = makeMainlandId('911840', '1980-01-01', '001');

  it('accepts a 2023 card with a valid check char and derives birth date and sex', () => {
    expect(card2023).toHaveLength(18);
    expect(checkForeignPermanentResidence(card2023, TODAY)).toEqual({
      ok: true,
      value: card2023,
      birthDate: '1980-01-01',
      sex: 'male',
    });
  });

  it('rejects a 2023 card with a wrong check char', () => {
    const last = card2023.slice(-1);
    const wrong = card2023.slice(0, 17) + (last === '0' ? '1' : '0');
    expect(checkForeignPermanentResidence(wrong, TODAY).ok).toBe(false);
  });

  it('rejects 18-digit numbers not starting with 9', () => {
    expect(checkForeignPermanentResidence('11010519491231002X', TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining('9开头'),
    });
  });

  it('accepts the old format of 3 letters and 12 digits, upper-cased', () => {
    expect(checkForeignPermanentResidence('ABC123456789012', TODAY)).toEqual({ ok: true, value: 'ABC123456789012' });
    expect(checkForeignPermanentResidence('abc123456789012', TODAY)).toEqual({ ok: true, value: 'ABC123456789012' });
  });

  it('rejects near misses of the old format', () => {
    for (const raw of ['AB1123456789012', 'ABC12345678901', 'ABC1234567890123', 'ABCD23456789012']) {
      expect(checkForeignPermanentResidence(raw, TODAY).ok, raw).toBe(false);
    }
  });
});

describe('checkIdDocument', () => {
  it('checks mainland IDs like checkMainlandId', () => {
    expect(checkIdDocument('mainland_id', '11010519491231002x', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(checkIdDocument('mainland_id', '110105194912310021', TODAY).ok).toBe(false);
  });

  it('keeps the person of a HK/Macao permit in its first 9 characters and the renewal count apart', () => {
    expect(checkIdDocument('hk_macao_permit', 'H12345678', TODAY)).toEqual({ ok: true, value: 'H12345678' });
    expect(checkIdDocument('hk_macao_permit', 'H1234567801', TODAY)).toEqual({ ok: true, value: 'H12345678', renewal: '01' });
    expect(checkIdDocument('hk_macao_permit', 'M1234567802', TODAY)).toEqual({ ok: true, value: 'M12345678', renewal: '02' });
    expect(checkIdDocument('hk_macao_permit', 'ｈ１２３４５６７８', TODAY)).toEqual({ ok: true, value: 'H12345678' });
    expect(checkIdDocument('hk_macao_permit', 'h 1234 5678-01', TODAY)).toEqual({ ok: true, value: 'H12345678', renewal: '01' });
  });

  it('rejects malformed HK/Macao permits', () => {
    for (const raw of ['H1234567', 'H123456789', 'A12345678', '12345678', 'HM2345678', 'M12345678012']) {
      expect(checkIdDocument('hk_macao_permit', raw, TODAY).ok, raw).toBe(false);
    }
  });

  it('keeps the 8-digit number of a Taiwan permit and reduces the pre-2008 forms to it', () => {
    expect(checkIdDocument('taiwan_permit', '12345678', TODAY)).toEqual({ ok: true, value: '12345678' });
    expect(checkIdDocument('taiwan_permit', '1234567801', TODAY)).toEqual({ ok: true, value: '12345678', renewal: '01' });
    expect(checkIdDocument('taiwan_permit', '12345678(01)', TODAY)).toEqual({ ok: true, value: '12345678', renewal: '01' });
    expect(checkIdDocument('taiwan_permit', '1234567801（B）', TODAY)).toEqual({ ok: true, value: '12345678', renewal: '01' });
    expect(checkIdDocument('taiwan_permit', '１２３４ ５６７８', TODAY)).toEqual({ ok: true, value: '12345678' });
  });

  it('tells a Taiwan 身分證 number apart and says which number to enter', () => {
    for (const raw of ['A123456789', 'f223456789']) {
      expect(checkIdDocument('taiwan_permit', raw, TODAY), raw).toEqual({ ok: false, message: '这是台湾身分证号码，请填写台湾居民来往大陆通行证（台胞证）上的8位号码' });
    }
  });

  it('rejects malformed Taiwan permits', () => {
    for (const raw of ['1234567', '123456789', '12345678901', 'A12345678', '1234567B89', '12345678(ABC)']) {
      expect(checkIdDocument('taiwan_permit', raw, TODAY).ok, raw).toBe(false);
    }
  });

  it('accepts passports of 5 to 20 letters or digits, as typed (spaces and hyphens go)', () => {
    for (const raw of ['E12345678', 'G1234567', 'AB123', 'X'.repeat(20), 'p12345678', 'E1234-567', 'E 1234567']) {
      expect(checkIdDocument('foreign_passport', raw, TODAY), raw).toMatchObject({ ok: true, value: raw.toUpperCase().replace(/[ -]/g, '') });
    }
  });

  it('rejects passports that are too short, too long or have other characters', () => {
    for (const raw of ['AB12', 'X'.repeat(21), 'É1234567', 'E1234_567']) {
      expect(checkIdDocument('foreign_passport', raw, TODAY).ok, raw).toBe(false);
    }
  });

  it('keys a passport on nationality and number, every other document on its person part', () => {
    expect(personKey('foreign_passport', 'E12345678', 'usa')).toBe('USA:E12345678');
    expect(personKey('hk_macao_permit', 'H12345678')).toBe('H12345678');
    expect(loginNumberCandidates('h1234567801')).toEqual(['H1234567801', 'H12345678']);
    expect(loginNumberCandidates('1234567801')).toEqual(['1234567801', '12345678']);
    expect(loginNumberCandidates('11010519491231002x')).toEqual(['11010519491231002X']);
  });
});

describe('ID document types', () => {
  it('labels each type in Chinese and passes unknown values through', () => {
    expect(ID_DOCUMENT_TYPES.map((t) => t.label)).toEqual([
      '内地居民身份证',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '护照（外国）',
    ]);
    expect(idDocumentTypeLabel('hk_macao_permit')).toBe('港澳居民来往内地通行证');
    expect(idDocumentTypeLabel('other')).toBe('other');
  });
});
