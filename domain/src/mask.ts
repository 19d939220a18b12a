/** Display masking used on every screen that shows personal data to someone other than its owner. */

/** 王小明 → 王**; keeps the first code point, one * per remaining code point (at least one). */
export function maskName(name: string): string {
  const cps = [...name];
  if (cps.length === 0) return '';
  return cps[0] + '*'.repeat(Math.max(1, cps.length - 1));
}

/** 371102198808011234 → 371*****1234; short document numbers keep less: H12345678 → H*****78 */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return id.slice(0, 1) + '*****';
  if (id.length < 15) return `${id.slice(0, 1)}*****${id.slice(-2)}`;
  return `${id.slice(0, 3)}*****${id.slice(-4)}`;
}

/** 15312345678 → 153****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * Masks every document or phone number inside free text (an audit entry's details, a logged URL):
 * 18- and 15-digit ID numbers, 港澳/台湾 permit numbers and 11-digit mobile numbers, whether typed
 * with or without separators is not guessed at — only runs of the characters themselves (a run
 * next to a hyphen is part of something else, such as a UUID).
 */
const NUMBERS_IN_TEXT = /(?<![0-9A-Za-z-])(?:\d{17}[\dXx]|\d{15}|[HMhm]\d{8}(?:\d{2})?|1[3-9]\d{9}|\d{8}(?:\d{2})?)(?![0-9A-Za-z-])/g;

export function maskNumbersInText(text: string): string {
  return text.replace(NUMBERS_IN_TEXT, (n) => (/^1[3-9]\d{9}$/.test(n) ? maskPhone(n) : maskIdNumber(n)));
}
