/**
 * Names (RULES.md §3). Length is counted in code points so that characters outside the BMP
 * (CJK Extension B+, e.g. 𠈌 𡒄) count as one, never by UTF-16 units.
 */
export function codePointLength(s: string): number {
  return [...s].length;
}

const HAN = /\p{Script=Han}/u;
const MAINLAND_NAME = /^[\p{Script=Han}·]+$/u;
const FOREIGN_NAME = /^[\p{Script=Han}\p{L}\p{M} ·.'-]+$/u;

export function checkPersonName(
  raw: string,
  documentType: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const len = codePointLength(value);
  if (len === 0) return { ok: false, message: '请输入真实姓名' };
  if (documentType === 'mainland_id') {
    if (!MAINLAND_NAME.test(value) || !HAN.test(value)) {
      return { ok: false, message: '姓名只能包含汉字和“·”，生僻字请点击“生僻字”选择' };
    }
    if (len < 2 || len > 30) return { ok: false, message: '姓名长度应为2至30个字' };
    return { ok: true, value };
  }
  if (!FOREIGN_NAME.test(value)) return { ok: false, message: '姓名只能包含文字、字母、空格和“·”' };
  if (len < 2 || len > 60) return { ok: false, message: '姓名长度应为2至60个字符' };
  return { ok: true, value };
}
