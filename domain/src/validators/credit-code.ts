import { normaliseNumber } from './normalise';
// positions 3–8 are a registration authority's area: a province's code, or 100000 for the central level
import { MAINLAND_PROVINCE_PREFIXES } from './id-document';

/** 统一社会信用代码 (GB 32100-2015), RULES.md §2. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c] ?? '';
}

/**
 * GB 32100-2015 Annex: the registration authorities (position 1) and the categories (position 2)
 * each may issue. 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管（工商）,
 * A 中央军委改革和编制办公室, N 农业农村, Y 其他.
 */
export const CREDIT_CODE_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};


/** GB 11714 organisation code check character over its first 8 characters (weights 3 7 9 10 5 8 4 2, MOD 11). */
export function organisationCodeCheckChar(first8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '0';
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * (w[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CreditCodeResult =
  | { ok: true; value: string; checksumValid: true }
  /** legal format, failed check char: early pilot codes exist, so this routes to manual review */
  | { ok: true; value: string; checksumValid: false; warning: string }
  | { ok: false; message: string };

export function checkCreditCode(raw: string): CreditCodeResult {
  const value = normaliseNumber(raw);
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' };
  if (![...value].every((ch) => CHARSET.includes(ch))) {
    return { ok: false, message: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）' };
  }
  if (/^0+$/.test(value)) return { ok: false, message: '全为0的号码是占位符，不是统一社会信用代码；单位没有代码的，请勾选“单位无统一社会信用代码”并说明原因' };
  const categories = CREDIT_CODE_CATEGORIES[value[0] ?? ''];
  if (!categories) return { ok: false, message: '统一社会信用代码第1位（登记管理部门）无效，应为1至9、A、N或Y' };
  if (!categories.includes(value[1] ?? '')) return { ok: false, message: '统一社会信用代码第2位（机构类别）与第1位的登记管理部门不符' };
  const area = value.slice(2, 8);
  if (!/^\d{6}$/.test(area) || (area !== '100000' && !MAINLAND_PROVINCE_PREFIXES.has(area.slice(0, 2)))) {
    return { ok: false, message: '统一社会信用代码第3至8位应为登记管理机关的6位行政区划码' };
  }
  const orgValid = organisationCodeCheckChar(value.slice(8, 16)) === value[16];
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17] || !orgValid) {
    return { ok: true, value, checksumValid: false, warning: '统一社会信用代码校验位不符，提交后将转人工审核' };
  }
  return { ok: true, value, checksumValid: true };
}
