/**
 * What people type, made into what the rules check (RULES.md §1, §3): the same functions run in the
 * browser and on the server, so a number is normalised once, the same way, wherever it is entered.
 */

/**
 * Spaces of every kind (after NFKC, the ideographic space is a plain one), hyphens and dashes
 * (‐ ‑ ‒ – — ― − ﹣ － and the soft hyphen), the zero-width characters and the byte-order mark, and
 * the dot people put between groups of a number.
 */
const NUMBER_SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212\uFE58\uFE63\u200B-\u200D\u2060\uFEFF·.-]/gu;

/**
 * ID numbers, permits, passports, credit codes: NFKC (full-width digits and letters become ASCII),
 * separators stripped, letters upper-cased. `１１０１０５ １９９０-0307 002x` → `110105199003070021`… as typed.
 */
export function normaliseNumber(raw: string): string {
  return raw.normalize('NFKC').replace(NUMBER_SEPARATORS, '').toUpperCase();
}

/**
 * A mainland mobile number as typed: normalised as a number, then a leading `+86`, `0086` or `86`
 * dropped when eleven digits starting 1 follow (`+86 138-0013-8000` → `13800138000`); brackets round
 * the country code go too (`(+86)`).
 */
export function normaliseMobile(raw: string): string {
  const value = normaliseNumber(raw).replace(/^\(\+?86\)/, '');
  const bare = value.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  return bare;
}

/** The characters people and fonts use for the name separator; U+00B7 is the one that is stored. */
const MIDDLE_DOTS = /[•・‧∙．･⋅\u0387\u2E31\u318D\uFF65\u30FB]/gu;

/**
 * A name as typed: NFC, middle dots made U+00B7, Kangxi radicals and CJK radical supplements folded
 * to the ordinary characters (text copied from PDFs often carries `⼩` U+2F29 for `小`), outer space
 * trimmed and inner runs of space made one.
 */
export function normaliseName(raw: string): string {
  return raw
    .replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/gu, (c) => c.normalize('NFKC'))
    .normalize('NFC')
    .replace(MIDDLE_DOTS, '·')
    .trim()
    .replace(/\s+/gu, ' ');
}
