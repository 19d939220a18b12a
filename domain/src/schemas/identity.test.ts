import { describe, it, expect } from 'vitest';
import {
  createStaffRequest,
  loginRequest,
  registerRequest,
  smsSendRequest,
  updateStaffRequest,
  validateRegistration,
  validateResetPassword,
  type RegisterRequest,
  type ResetPasswordRequest,
} from './identity';
import { DENGBAO_PASSWORD_POLICY } from '../validators/password';

const opts = { today: '2025-06-01', policy: DENGBAO_PASSWORD_POLICY };

function registration(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    idType: 'mainland_id',
    idNumber: '11010519491231002X',
    name: '王小明',
    password: 'Abcdef1!',
    privacyVersion: 1,
    confirmPassword: 'Abcdef1!',
    phone: '13800138000',
    smsCode: '123456',
    ...overrides,
  };
}

const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('registerRequest', () => {
  it('parses a complete request', () => {
    expect(registerRequest.parse(registration())).toEqual(registration());
  });

  it('rejects unknown fields', () => {
    expect(registerRequest.safeParse({ ...registration(), role: 'sysadmin' }).success).toBe(false);
  });

  it('rejects an unknown document type with a Chinese message', () => {
    const r = registerRequest.safeParse({ ...registration(), idType: 'driver_licence' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('请选择证件类型');
  });

  it('rejects missing fields with a Chinese message', () => {
    const { phone: _phone, ...rest } = registration();
    const r = registerRequest.safeParse(rest);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['phone'], message: '请输入手机号' });
  });
});

describe('validateRegistration', () => {
  it('finds nothing wrong with a valid mainland registration', () => {
    expect(validateRegistration(registration(), opts)).toEqual([]);
  });

  it('accepts a rare character outside the BMP in the name', () => {
    expect(validateRegistration(registration({ name: '𠈌小明' }), opts)).toEqual([]);
  });

  it('reports a missing and a wrong ID number', () => {
    expect(validateRegistration(registration({ idNumber: ' ' }), opts)).toContainEqual({ path: 'idNumber', message: '请输入证件号码' });
    expect(validateRegistration(registration({ idNumber: '110105194912310021' }), opts)).toEqual([
      { path: 'idNumber', message: '身份证号码校验位错误，请核对后重新输入' },
    ]);
  });

  it('checks the number against the chosen document type', () => {
    const permit = { idType: 'hk_macao_permit', sex: 'male', birthDate: '1988-04-02' } as const;
    expect(validateRegistration(registration({ ...permit, idNumber: 'H12345678' }), opts)).toEqual([]);
    expect(paths(validateRegistration(registration(permit), opts))).toEqual(['idNumber']);
  });

  it('asks a permit or passport holder for sex and a real birth date (the document carries neither)', () => {
    const permit = registration({ idType: 'taiwan_permit', idNumber: '12345678', name: '林志明' });
    expect(validateRegistration(permit, opts)).toEqual([
      { path: 'sex', message: '请选择性别' },
      { path: 'birthDate', message: '请选择出生日期' },
    ]);
    for (const [birthDate, message] of [['1988-02-30', '出生日期格式应为YYYY-MM-DD'], ['1899-12-31', '出生日期不能早于1900年'], ['2025-06-02', '出生日期不能晚于今天']]) {
      expect(validateRegistration({ ...permit, sex: 'female', birthDate }, opts), birthDate).toEqual([{ path: 'birthDate', message }]);
    }
    expect(validateRegistration({ ...permit, sex: 'female', birthDate: '2025-06-01' }, opts)).toEqual([]);
    // a mainland card's sex and birth date are derived: nothing is asked
    expect(validateRegistration(registration(), opts)).toEqual([]);
  });

  it('reports one error per field', () => {
    const errors = validateRegistration(
      registration({ name: 'W', phone: '12345', password: 'abc', confirmPassword: 'abd', smsCode: '12345' }),
      opts,
    );
    expect(paths(errors)).toEqual(['name', 'phone', 'password', 'confirmPassword', 'smsCode']);
  });

  it('requires a nationality from the list for foreign passports', () => {
    const foreign = registration({ idType: 'foreign_passport', idNumber: 'E12345678', name: 'John Smith', sex: 'male', birthDate: '1970-01-01' });
    expect(validateRegistration(foreign, opts)).toEqual([{ path: 'nationality', message: '请选择国籍' }]);
    expect(validateRegistration({ ...foreign, nationality: 'USA' }, opts)).toEqual([]);
    expect(validateRegistration({ ...foreign, nationality: 'ZWE' }, opts)).toEqual([]);
    expect(validateRegistration({ ...foreign, nationality: 'CHN' }, opts)).toEqual([{ path: 'nationality', message: '请选择国籍' }]);
    expect(validateRegistration({ ...foreign, nationality: 'usa' }, opts)).toEqual([{ path: 'nationality', message: '请选择国籍' }]);
  });

  it('refuses a password that contains the ID number or the phone', () => {
    expect(validateRegistration(registration({ password: 'Aa!11010519491231002x', confirmPassword: 'Aa!11010519491231002x' }), opts))
      .toEqual([{ path: 'password', message: '密码不能包含证件号码' }]);
    expect(validateRegistration(registration({ password: 'Aa!13800138000', confirmPassword: 'Aa!13800138000' }), opts))
      .toEqual([{ path: 'password', message: '密码不能包含手机号' }]);
  });

  it('asks for the confirmation when it is empty', () => {
    expect(validateRegistration(registration({ confirmPassword: '' }), opts)).toEqual([
      { path: 'confirmPassword', message: '请再次输入密码' },
    ]);
  });
});

describe('validateResetPassword', () => {
  const reset = (overrides: Partial<ResetPasswordRequest> = {}): ResetPasswordRequest => ({
    idNumber: '11010519491231002X',
    name: '王小明',
    newPassword: 'Abcdef1!',
    confirmPassword: 'Abcdef1!',
    phone: '13800138000',
    smsCode: '654321',
    ...overrides,
  });

  it('finds nothing wrong with a complete request', () => {
    expect(validateResetPassword(reset(), opts)).toEqual([]);
  });

  it('reports each missing or wrong field', () => {
    const errors = validateResetPassword(
      reset({ idNumber: '', name: ' ', phone: '1380013800', newPassword: 'short', confirmPassword: '', smsCode: 'abcdef' }),
      opts,
    );
    expect(paths(errors)).toEqual(['idNumber', 'name', 'phone', 'newPassword', 'confirmPassword', 'smsCode']);
  });

  it('reports a confirmation that differs', () => {
    expect(validateResetPassword(reset({ confirmPassword: 'Abcdef1?' }), opts)).toEqual([
      { path: 'confirmPassword', message: '两次输入的密码不一致' },
    ]);
  });
});

describe('other identity requests', () => {
  it('smsSendRequest accepts only the known purposes', () => {
    expect(smsSendRequest.safeParse({ phone: '13800138000', purpose: 'register' }).success).toBe(true);
    const r = smsSendRequest.safeParse({ phone: '13800138000', purpose: 'marketing' });
    expect(r.error?.issues[0]?.message).toBe('验证码用途无效');
  });

  it('loginRequest rejects unknown fields', () => {
    const login = { account: '13800138000', password: 'x', captchaId: 'c', captchaText: 'abcd' };
    expect(loginRequest.safeParse(login).success).toBe(true);
    expect(loginRequest.safeParse({ ...login, remember: true }).success).toBe(false);
  });

  it('createStaffRequest checks the user name pattern', () => {
    const staff = { username: 'reviewer.01', displayName: '李审核', role: 'reviewer', departmentCode: null, password: 'x' };
    expect(createStaffRequest.safeParse(staff).success).toBe(true);
    for (const username of ['ab', 'Reviewer', '1reviewer', 'review er']) {
      expect(createStaffRequest.safeParse({ ...staff, username }).success, username).toBe(false);
    }
    expect(createStaffRequest.safeParse({ ...staff, role: 'root' }).success).toBe(false);
  });

  it('updateStaffRequest accepts only the fields it declares', () => {
    expect(updateStaffRequest.safeParse({ disabled: true }).success).toBe(true);
    expect(updateStaffRequest.safeParse({ role: 'sysadmin' }).success).toBe(false);
  });
});
