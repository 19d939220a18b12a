import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from './crypto';

const mask = (v: string) => `${v.slice(0, 2)}**${v.slice(-2)}`;

describe('FieldCrypto.masked', () => {
  it('shows the masked form of what is stored now, also after the value changed', () => {
    const fc = new FieldCrypto(crypto.randomBytes(32));
    const first = fc.encrypt('13800001111');
    expect(fc.masked(first, mask)).toBe('13**11');
    expect(fc.masked(first, mask)).toBe('13**11');
    const changed = fc.encrypt('13900002222');
    expect(fc.masked(changed, mask)).toBe('13**22');
    // the same plaintext encrypted again (a new IV) is still right
    expect(fc.masked(fc.encrypt('13800001111'), mask)).toBe('13**11');
  });

  it('keeps each mask apart', () => {
    const fc = new FieldCrypto(crypto.randomBytes(32));
    const stored = fc.encrypt('110105194912310021');
    expect(fc.masked(stored, mask)).toBe('11**21');
    expect(fc.masked(stored, (v) => v.slice(-4))).toBe('0021');
  });

  it('fails on a ciphertext of another key rather than showing something', () => {
    const a = new FieldCrypto(crypto.randomBytes(32));
    const b = new FieldCrypto(crypto.randomBytes(32));
    expect(() => b.masked(a.encrypt('13800001111'), mask)).toThrow();
  });
});

describe('FieldCrypto file encryption', () => {
  it('round-trips bytes, hides them, and refuses a changed byte', () => {
    const fc = new FieldCrypto(crypto.randomBytes(32));
    const plain = Buffer.from('\x89PNG pretend ID card image 110105194912310021');
    const stored = fc.encryptBytes(plain);
    expect(stored.includes(Buffer.from('110105194912310021'))).toBe(false);
    expect(fc.decryptBytes(stored)).toEqual(plain);
    const tampered = Buffer.from(stored);
    tampered[30] = (tampered[30] ?? 0) ^ 1;
    expect(() => fc.decryptBytes(tampered)).toThrow(/integrity/);
    expect(() => new FieldCrypto(crypto.randomBytes(32)).decryptBytes(stored)).toThrow();
  });
});
