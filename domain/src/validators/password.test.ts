import { describe, it, expect } from 'vitest';
import { DENGBAO_PASSWORD_POLICY, checkPassword, describePasswordPolicy, passwordClasses } from './password';

const policy = DENGBAO_PASSWORD_POLICY;

describe('passwordClasses', () => {
  it('counts upper case, lower case, digits and symbols', () => {
    expect(passwordClasses('')).toBe(0);
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('abcABC')).toBe(2);
    expect(passwordClasses('abcABC123')).toBe(3);
    expect(passwordClasses('abcABC123!')).toBe(4);
    expect(passwordClasses('密码')).toBe(1);
  });
});

describe('checkPassword with the 等保 policy', () => {
  it('is 8–64 characters with at least 3 classes', () => {
    expect(policy).toEqual({ minLength: 8, maxLength: 64, minClasses: 3 });
  });

  it('accepts passwords with three or four classes', () => {
    for (const pw of ['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Abcdef!!', 'Aa1!Aa1!']) {
      expect(checkPassword(pw, policy), pw).toEqual({ ok: true });
    }
  });

  it('rejects passwords outside 8–64 characters', () => {
    expect(checkPassword('Aa1!Aa1', policy)).toEqual({ ok: false, message: '密码长度应为8至64位' });
    expect(checkPassword(`Aa1!${'a'.repeat(60)}`, policy)).toEqual({ ok: true });
    expect(checkPassword(`Aa1!${'a'.repeat(61)}`, policy)).toEqual({ ok: false, message: '密码长度应为8至64位' });
  });

  it('counts length in code points', () => {
    // 7 code points although 11 UTF-16 units
    expect(checkPassword('Aa1𠈌𠈌𠈌𠈌', policy)).toEqual({ ok: false, message: '密码长度应为8至64位' });
    expect(checkPassword('Aa1𠈌𠈌𠈌𠈌𠈌', policy)).toEqual({ ok: true });
  });

  it('rejects passwords with fewer than three classes', () => {
    for (const pw of ['abcdefgh', '12345678', 'abcd1234', 'ABCDabcd', '!!!!1111']) {
      expect(checkPassword(pw, policy), pw).toEqual({
        ok: false,
        message: '密码至少包含大写字母、小写字母、数字、特殊符号中的3种',
      });
    }
  });

  it('rejects whitespace', () => {
    expect(checkPassword('Abc 12345', policy)).toEqual({ ok: false, message: '密码不能包含空格' });
    expect(checkPassword('Abc\t12345', policy)).toEqual({ ok: false, message: '密码不能包含空格' });
  });

  it('rejects a password containing the ID number, whatever the case of X', () => {
    const idNumber = '11010519491231002X';
    expect(checkPassword('Pw!11010519491231002x', policy, { idNumber })).toEqual({ ok: false, message: '密码不能包含证件号码' });
    expect(checkPassword('Pw!11010519491231002X', policy, { idNumber })).toEqual({ ok: false, message: '密码不能包含证件号码' });
    expect(checkPassword('Pw!h12345678', policy, { idNumber: 'H12345678' })).toEqual({ ok: false, message: '密码不能包含证件号码' });
    expect(checkPassword('Pw!110105', policy, { idNumber })).toEqual({ ok: true });
  });

  it('rejects a password containing the phone number', () => {
    expect(checkPassword('Pw!13800138000', policy, { phone: '13800138000' })).toEqual({ ok: false, message: '密码不能包含手机号' });
    expect(checkPassword('Pw!1380013', policy, { phone: '13800138000' })).toEqual({ ok: true });
  });

  it('ignores personal data too short to matter', () => {
    expect(checkPassword('Pw!12345a', policy, { idNumber: '1234', phone: ' ' })).toEqual({ ok: true });
  });

  it('follows another policy when configured', () => {
    const strict = { minLength: 12, maxLength: 20, minClasses: 4 };
    expect(checkPassword('Abcdefg1!', strict)).toEqual({ ok: false, message: '密码长度应为12至20位' });
    expect(checkPassword('Abcdefgh1234', strict).ok).toBe(false);
    expect(checkPassword('Abcdefgh123!', strict)).toEqual({ ok: true });
  });
});

describe('describePasswordPolicy', () => {
  it('states the numbers of the policy in Chinese', () => {
    expect(describePasswordPolicy(policy)).toBe(
      '密码长度8至64位，至少包含大写字母、小写字母、数字、特殊符号中的3种，且不能包含证件号码或手机号',
    );
  });
});
