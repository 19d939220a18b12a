/**
 * Password policy. The default is the 等保 (GB/T 22239) profile: 8–64 characters, at least three of
 * upper/lower/digit/symbol, and not containing the owner's ID number or phone. The server reads the
 * active policy from config; the web client gets it from /api/config so both check the same rule.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  minClasses: number;
}

export const DENGBAO_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, maxLength: 64, minClasses: 3 };

export function passwordClasses(pw: string): number {
  let n = 0;
  if (/[A-Z]/.test(pw)) n++;
  if (/[a-z]/.test(pw)) n++;
  if (/\d/.test(pw)) n++;
  if (/[^A-Za-z0-9]/.test(pw)) n++;
  return n;
}

export function describePasswordPolicy(p: PasswordPolicy): string {
  return `密码长度${p.minLength}至${p.maxLength}位，至少包含大写字母、小写字母、数字、特殊符号中的${p.minClasses}种，且不能包含证件号码或手机号`;
}

export function checkPassword(
  pw: string,
  policy: PasswordPolicy,
  personal: { idNumber?: string; phone?: string } = {},
): { ok: true } | { ok: false; message: string } {
  const len = [...pw].length;
  if (len < policy.minLength || len > policy.maxLength) {
    return { ok: false, message: `密码长度应为${policy.minLength}至${policy.maxLength}位` };
  }
  if (/\s/.test(pw)) return { ok: false, message: '密码不能包含空格' };
  if (passwordClasses(pw) < policy.minClasses) {
    return { ok: false, message: `密码至少包含大写字母、小写字母、数字、特殊符号中的${policy.minClasses}种` };
  }
  const lower = pw.toLowerCase();
  const id = personal.idNumber?.trim().toLowerCase();
  if (id && id.length >= 5 && lower.includes(id)) return { ok: false, message: '密码不能包含证件号码' };
  const phone = personal.phone?.trim();
  if (phone && phone.length >= 5 && lower.includes(phone)) return { ok: false, message: '密码不能包含手机号' };
  return { ok: true };
}
