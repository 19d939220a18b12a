/** 统一社会信用代码 (GB 32100-2015), RULES.md §2. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c] ?? '';
}

export type CreditCodeResult =
  | { ok: true; value: string; checksumValid: true }
  /** legal format, failed check char: early pilot codes exist, so this routes to manual review */
  | { ok: true; value: string; checksumValid: false; warning: string }
  | { ok: false; message: string };

export function checkCreditCode(raw: string): CreditCodeResult {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' };
  if (![...value].every((ch) => CHARSET.includes(ch))) {
    return { ok: false, message: '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）' };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: true, value, checksumValid: false, warning: '统一社会信用代码校验位不符，提交后将转人工审核' };
  }
  return { ok: true, value, checksumValid: true };
}
