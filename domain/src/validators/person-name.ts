import { normaliseName } from './normalise';

/**
 * Names (RULES.md §3). Length is counted in code points so that characters outside the BMP
 * (CJK Extension B+, e.g. 𠈌 𡒄) count as one, never by UTF-16 units.
 */
export function codePointLength(s: string): number {
  return [...s].length;
}

const HAN = /\p{Script=Han}/u;
const MAINLAND_NAME = /^[\p{Script=Han}·]+$/u;
/** letters of any script (with their marks), spaces, `·`, `-`, `'`, `.`, `,` (RULES.md §3) */
const FOREIGN_NAME = /^[\p{L}\p{M} ·.,'-]+$/u;
const FOREIGN_MAX = 100;

/**
 * A name as typed, normalised (middle dots, Kangxi radicals, spaces: normaliseName) and checked: a
 * mainland name is 2–30 Han characters with `·` only between them; other names letters of any
 * script and the separators above, up to 100 characters.
 */
export function checkPersonName(
  raw: string,
  documentType: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = normaliseName(raw);
  const len = codePointLength(value);
  if (len === 0) return { ok: false, message: '请输入真实姓名' };
  if (value.startsWith('·') || value.endsWith('·') || value.includes('··')) {
    return { ok: false, message: '“·”只能用在姓名的两个部分之间，且不能连续使用' };
  }
  if (documentType === 'mainland_id') {
    if (!MAINLAND_NAME.test(value) || !HAN.test(value)) {
      return { ok: false, message: '姓名只能包含汉字和“·”，生僻字请点击“生僻字”选择' };
    }
    if (len < 2 || len > 30) return { ok: false, message: '姓名长度应为2至30个字' };
    return { ok: true, value };
  }
  if (!FOREIGN_NAME.test(value) || !/\p{L}/u.test(value)) return { ok: false, message: '姓名只能包含文字、字母、空格和“·”“-”“\'”“.”“,”' };
  if (len < 2 || len > FOREIGN_MAX) return { ok: false, message: `姓名长度应为2至${FOREIGN_MAX}个字符` };
  return { ok: true, value };
}
