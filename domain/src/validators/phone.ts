import { normaliseMobile } from './normalise';

/**
 * Mainland mobile numbers: 11 digits starting 1[3-9] (RULES.md §3), after normalising what was
 * typed — full-width digits, spaces, hyphens, a `+86`/`86` prefix.
 */
export function checkMobile(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = normaliseMobile(raw);
  return /^1[3-9]\d{9}$/.test(value) ? { ok: true, value } : { ok: false, message: '请输入11位大陆手机号码' };
}
