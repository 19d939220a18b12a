import { normaliseNumber } from './normalise';

/**
 * Identity documents (RULES.md §1). Pure functions: no Node, no DOM. Every check normalises what was
 * typed first (full-width, spaces, hyphens, zero-width characters, lower case).
 */
export const ID_DOCUMENT_TYPES = [
  { value: 'mainland_id', label: '内地居民身份证' },
  { value: 'hk_macao_permit', label: '港澳居民来往内地通行证' },
  { value: 'taiwan_permit', label: '台湾居民来往大陆通行证' },
  { value: 'foreign_passport', label: '护照（外国）' },
] as const;

export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number]['value'];
export const ID_DOCUMENT_TYPE_VALUES = ID_DOCUMENT_TYPES.map((t) => t.value) as [IdDocumentType, ...IdDocumentType[]];

export function idDocumentTypeLabel(type: string): string {
  return ID_DOCUMENT_TYPES.find((t) => t.value === type)?.label ?? type;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character over the first 17 digits. */
export function mod112CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * First two digits of GB/T 2260 area codes that can appear on a mainland ID card (retired codes of
 * these provinces included). 71 (台湾) and 81/82/83 (港澳台居民居住证) are not mainland cards.
 */
export const MAINLAND_PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);

/** Where a number that is not a mainland card belongs, by its first two digits. */
const NOT_MAINLAND: Record<string, string> = {
  '71': '71开头的号码不是内地居民身份证：台湾居民请选择证件类型“台湾居民来往大陆通行证”，填写通行证号码',
  '81': '81开头的号码是港澳台居民居住证，不是内地居民身份证：香港居民请选择“港澳居民来往内地通行证”，填写通行证号码',
  '82': '82开头的号码是港澳台居民居住证，不是内地居民身份证：澳门居民请选择“港澳居民来往内地通行证”，填写通行证号码',
  '83': '83开头的号码是港澳台居民居住证，不是内地居民身份证：台湾居民请选择“台湾居民来往大陆通行证”，填写通行证号码',
};

/** The earliest birth year accepted on an ID or residence permit (RULES.md §1). */
export const MIN_BIRTH_YEAR = 1900;

export type Sex = 'male' | 'female';

export interface IdCheckOk {
  ok: true;
  /** normalised number (upper-case X); for permits, the part that is the person (RULES.md §1) */
  value: string;
  /** 港澳通行证: the 2-digit renewal count, stored apart; 台湾通行证 (pre-2008): the issue count */
  renewal?: string;
  sex?: Sex;
  /** YYYY-MM-DD */
  birthDate?: string;
}
export interface IdCheckFail {
  ok: false;
  message: string;
}
export type IdCheckResult = IdCheckOk | IdCheckFail;

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses an 18-character MOD 11-2 number (ID card, residence permits). `today` is YYYY-MM-DD. */
function checkMod112Number(raw: string, today: string, label: string): IdCheckResult {
  const value = normaliseNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: `${label}应为18位，前17位为数字，最后一位为数字或X` };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < MIN_BIRTH_YEAR || !realDate(y, m, d)) return { ok: false, message: `${label}中的出生日期无效` };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, message: `${label}中的出生日期不能晚于今天` };
  if (mod112CheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, message: `${label}校验位错误，请核对后重新输入` };
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, sex, birthDate };
}

export function checkMainlandId(raw: string, today: string): IdCheckResult {
  const value = normaliseNumber(raw);
  if (/^\d{15}$/.test(value)) return { ok: false, message: '15位的第一代身份证已于2013年停止使用，请输入18位的第二代居民身份证号码' };
  const elsewhere = NOT_MAINLAND[value.slice(0, 2)];
  if (/^\d{6}/.test(value) && elsewhere) return { ok: false, message: elsewhere };
  if (/^\d{6}/.test(value) && !MAINLAND_PROVINCE_PREFIXES.has(value.slice(0, 2))) {
    return { ok: false, message: '身份证号码的地区码无效' };
  }
  return checkMod112Number(value, today, '身份证号码');
}

/** 港澳居民来往内地通行证: H/M + 8 digits is the person; an optional 2-digit renewal count is kept apart. */
export function checkHkMacaoPermit(raw: string): IdCheckResult {
  const value = normaliseNumber(raw);
  const m = /^([HM]\d{8})(\d{2})?$/.exec(value);
  if (!m?.[1]) return { ok: false, message: '港澳居民来往内地通行证号码应为H或M开头加8位数字（可另加2位换证次数）' };
  return m[2] ? { ok: true, value: m[1], renewal: m[2] } : { ok: true, value: m[1] };
}

/**
 * 台湾居民来往大陆通行证: the 8-digit number is the person. Pre-2008 cards add a 2-digit issue count and
 * sometimes a bracketed office code (`12345678(01)`, `1234567801(B)`): accepted and reduced to the 8
 * digits. A Taiwan 身分證 number is another document: say which number to enter.
 */
export function checkTaiwanPermit(raw: string): IdCheckResult {
  const typed = raw.normalize('NFKC').toUpperCase();
  if (/^[A-Z][12]\d{8}$/.test(normaliseNumber(typed))) {
    return { ok: false, message: '这是台湾身分证号码，请填写台湾居民来往大陆通行证（台胞证）上的8位号码' };
  }
  // a bracketed part: the issue count (2 digits) or an office code (a letter); brackets of either width
  const bracket = /^(.*?)[(（]([0-9A-Z]{1,2})[)）]\s*$/.exec(typed);
  const main = normaliseNumber(bracket ? (bracket[1] ?? '') : typed);
  const m = /^(\d{8})(\d{2})?$/.exec(main);
  if (!m?.[1]) return { ok: false, message: '台湾居民来往大陆通行证号码应为8位数字（旧版为8位数字加2位换证次数）' };
  const count = m[2] ?? (bracket && /^\d{2}$/.test(bracket[2] ?? '') ? bracket[2] : undefined);
  return count ? { ok: true, value: m[1], renewal: count } : { ok: true, value: m[1] };
}

export function checkPassport(raw: string): IdCheckResult {
  const value = normaliseNumber(raw);
  return /^[A-Z0-9]{5,20}$/.test(value) ? { ok: true, value } : { ok: false, message: '护照号码应为5至20位字母或数字' };
}

export function checkIdDocument(type: IdDocumentType, raw: string, today: string): IdCheckResult {
  switch (type) {
    case 'mainland_id':
      return checkMainlandId(raw, today);
    case 'hk_macao_permit':
      return checkHkMacaoPermit(raw);
    case 'taiwan_permit':
      return checkTaiwanPermit(raw);
    case 'foreign_passport':
      return checkPassport(raw);
  }
}

/**
 * The part of a checked document number that is the person — what one account is kept unique on:
 * the number itself, but for a passport the nationality with it (two countries may issue one number).
 */
export function personKey(type: IdDocumentType, checkedValue: string, nationality?: string | null): string {
  return type === 'foreign_passport' ? `${(nationality ?? '').toUpperCase()}:${checkedValue}` : checkedValue;
}

/**
 * What a login or reset field names, as the person parts it could be: a permit number typed with its
 * renewal count is the same person as without it.
 */
export function loginNumberCandidates(raw: string): string[] {
  const value = normaliseNumber(raw);
  const out = new Set([value]);
  const hk = checkHkMacaoPermit(value);
  if (hk.ok) out.add(hk.value);
  const tw = checkTaiwanPermit(raw);
  if (tw.ok) out.add(tw.value);
  return [...out];
}

/** 港澳台居民居住证: 18 chars, area code 810000 / 820000 / 830000, MOD 11-2. */
export function checkResidencePermit(raw: string, today: string): IdCheckResult {
  const value = normaliseNumber(raw);
  if (!/^(810000|820000|830000)/.test(value)) {
    return { ok: false, message: '港澳台居民居住证号码应以810000、820000或830000开头' };
  }
  return checkMod112Number(value, today, '港澳台居民居住证号码');
}

/** 外国人永久居留身份证: 2023 card 18 digits starting with 9 (MOD 11-2); old card 3 letters + 12 digits. */
export function checkForeignPermanentResidence(raw: string, today: string): IdCheckResult {
  const value = normaliseNumber(raw);
  if (/^[A-Z]{3}\d{12}$/.test(value)) return { ok: true, value };
  if (!/^9/.test(value)) {
    return { ok: false, message: '外国人永久居留身份证号码应为9开头的18位（2023版）或3位字母加12位数字（旧版）' };
  }
  const r = checkMod112Number(value, today, '外国人永久居留身份证号码');
  return r.ok ? { ok: true, value: r.value, birthDate: r.birthDate, sex: r.sex } : r;
}

/** Builds a valid mainland ID number (tests, demo data). `seq` is 3 digits; odd = male. */
export function makeMainlandId(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${seq}`;
  return first17 + mod112CheckChar(first17);
}
