import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, newRecoveryCodes, stepAt, totpCode } from './totp';

// RFC 6238 appendix B, SHA-1 (the 8-digit values, last 6 digits)
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpCode(RFC_SECRET, stepAt(new Date(59_000)))).toBe('287082');
    expect(totpCode(RFC_SECRET, stepAt(new Date(1_111_111_109_000)))).toBe('081804');
    expect(totpCode(RFC_SECRET, stepAt(new Date(1_234_567_890_000)))).toBe('005924');
    expect(totpCode(RFC_SECRET, stepAt(new Date(2_000_000_000_000)))).toBe('279037');
  });

  it('round-trips base32 as authenticator apps read it', () => {
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
  });

  it('accepts one step of drift either side, and each step only once', () => {
    const now = new Date('2026-12-01T02:00:10.000Z');
    const step = stepAt(now);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now, null)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now, null)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now, step)).toBeNull(); // used
    expect(matchTotp(RFC_SECRET, '12345', now, null)).toBeNull();
  });

  it('makes ten distinct recovery codes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
  });
});
