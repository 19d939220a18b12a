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
