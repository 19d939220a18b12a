import { z } from 'zod';
import type { FieldError } from '../errors';
import { ID_DOCUMENT_TYPE_VALUES, MIN_BIRTH_YEAR, checkIdDocument, type IdDocumentType } from '../validators/id-document';
import { checkMobile } from '../validators/phone';
import { checkPersonName } from '../validators/person-name';
import { checkPassword, type PasswordPolicy } from '../validators/password';
import { isCountryCode } from '../codes/countries';

const str = (label: string, max = 100) =>
  z.string({ error: `请输入${label}` }).max(max, `${label}过长`);

export const SMS_PURPOSES = ['register', 'reset_password', 'change_phone', 'close_account'] as const;
/** what anyone may ask a code for; the others are asked for by a signed-in person, on their own routes */
export const PUBLIC_SMS_PURPOSES = ['register', 'reset_password'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export const smsSendRequest = z
  .object({
    phone: str('手机号', 20),
    purpose: z.enum(PUBLIC_SMS_PURPOSES, { error: '验证码用途无效' }),
    /** asked for once this network or phone has had a code in its window (CAPTCHA_REQUIRED) */
    captchaId: z.string().max(64).optional(),
    captchaText: z.string().max(16).optional(),
  })
  .strict();
export type SmsSendRequest = z.infer<typeof smsSendRequest>;

export const smsSendResponse = z.object({
  /** seconds until another code may be sent to this phone */
  resendAfter: z.number(),
  /** seconds the code stays valid */
  expiresIn: z.number(),
});

export const registerRequest = z
  .object({
    idType: z.enum(ID_DOCUMENT_TYPE_VALUES, { error: '请选择证件类型' }),
    idNumber: str('证件号码', 30),
    name: str('真实姓名', 200),
    nationality: z.string().max(3).optional(),
    /** 港澳/台湾通行证 and passports do not carry them: the person gives them (a mainland card's are derived) */
    sex: z.enum(['male', 'female'], { error: '请选择性别' }).optional(),
    birthDate: z.string().max(10).optional(),
    password: str('密码', 200),
    confirmPassword: str('确认密码', 200),
    phone: str('手机号', 20),
    smsCode: str('验证码', 10),
    /** the 个人信息保护政策 version the person read and agreed to (PIPL: explicit consent) */
    privacyVersion: z.number({ error: '请阅读并同意《个人信息保护政策》' }).int().min(1).max(1_000_000),
  })
  .strict();
export type RegisterRequest = z.infer<typeof registerRequest>;

/**
 * Every rule of the registration form that needs no database, used by the web form and the server
 * alike. Returns one error per field (the first that fails).
 */
export function validateRegistration(
  input: RegisterRequest,
  opts: { today: string; policy: PasswordPolicy },
): FieldError[] {
  const errors: FieldError[] = [];
  const id = checkIdDocument(input.idType as IdDocumentType, input.idNumber, opts.today);
  if (!input.idNumber.trim()) errors.push({ path: 'idNumber', message: '请输入证件号码' });
  else if (!id.ok) errors.push({ path: 'idNumber', message: id.message });
  const name = checkPersonName(input.name, input.idType);
  if (!name.ok) errors.push({ path: 'name', message: name.message });
  if (input.idType === 'foreign_passport' && !isCountryCode(input.nationality ?? '')) {
    errors.push({ path: 'nationality', message: '请选择国籍' });
  }
  if (input.idType !== 'mainland_id') {
    if (!input.sex) errors.push({ path: 'sex', message: '请选择性别' });
    const birth = checkBirthDate(input.birthDate ?? '', opts.today);
    if (birth) errors.push({ path: 'birthDate', message: birth });
  }
  const phone = checkMobile(input.phone);
  if (!phone.ok) errors.push({ path: 'phone', message: phone.message });
  const pw = checkPassword(input.password, opts.policy, { idNumber: input.idNumber, phone: input.phone });
  if (!pw.ok) errors.push({ path: 'password', message: pw.message });
  if (!input.confirmPassword) errors.push({ path: 'confirmPassword', message: '请再次输入密码' });
  else if (input.confirmPassword !== input.password) {
    errors.push({ path: 'confirmPassword', message: '两次输入的密码不一致' });
  }
  if (!/^\d{6}$/.test(input.smsCode.trim())) errors.push({ path: 'smsCode', message: '请输入6位短信验证码' });
  return errors;
}

/** A birth date typed for a document that does not carry one: a real date, from 1900, not in the future. */
export function checkBirthDate(value: string, today: string): string | undefined {
  if (!value) return '请选择出生日期';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) return '出生日期格式应为YYYY-MM-DD';
  if (Number(m[1]) < MIN_BIRTH_YEAR) return `出生日期不能早于${MIN_BIRTH_YEAR}年`;
  if (value > today) return '出生日期不能晚于今天';
  return undefined;
}

export const registerResponse = z.object({ accountId: z.string() });

export const loginRequest = z
  .object({
    account: str('证件号码或手机号', 30),
    password: str('密码', 200),
    captchaId: str('验证码', 64),
    captchaText: str('验证码', 10),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequest>;

export const captchaResponse = z.object({ id: z.string(), svg: z.string(), expiresIn: z.number() });

export const resetPasswordRequest = z
  .object({
    idNumber: str('证件号码', 30),
    name: str('真实姓名', 200),
    newPassword: str('新密码', 200),
    confirmPassword: str('确认新密码', 200),
    phone: str('手机号', 20),
    smsCode: str('验证码', 10),
  })
  .strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;

export function validateResetPassword(input: ResetPasswordRequest, opts: { policy: PasswordPolicy }): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.idNumber.trim()) errors.push({ path: 'idNumber', message: '请输入证件号码' });
  if (!input.name.trim()) errors.push({ path: 'name', message: '请输入真实姓名' });
  const phone = checkMobile(input.phone);
  if (!phone.ok) errors.push({ path: 'phone', message: phone.message });
  const pw = checkPassword(input.newPassword, opts.policy, { idNumber: input.idNumber, phone: input.phone });
  if (!pw.ok) errors.push({ path: 'newPassword', message: pw.message });
  if (!input.confirmPassword) errors.push({ path: 'confirmPassword', message: '请再次输入新密码' });
  else if (input.confirmPassword !== input.newPassword) {
    errors.push({ path: 'confirmPassword', message: '两次输入的密码不一致' });
  }
  if (!/^\d{6}$/.test(input.smsCode.trim())) errors.push({ path: 'smsCode', message: '请输入6位短信验证码' });
  return errors;
}

/** What the portal knows about the signed-in accountant; personal data masked. */
export const meResponse = z.object({
  id: z.string(),
  maskedName: z.string(),
  idType: z.string(),
  maskedIdNumber: z.string(),
  maskedPhone: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  realnameVerified: z.boolean(),
  /** the 个人信息保护政策 in force is newer than the one this person agreed to: asked again before anything else */
  consentRequired: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const publicConfigResponse = z.object({
  demo: z.boolean(),
  passwordPolicy: z.object({ minLength: z.number(), maxLength: z.number(), minClasses: z.number() }),
  smsResendSeconds: z.number(),
  smsValidSeconds: z.number(),
  today: z.string(),
});
export type PublicConfig = z.infer<typeof publicConfigResponse>;

/* ---------- management portal ---------- */

/**
 * Roles and the kind of scope each has (server/src/platform/review/scope.ts): reviewer and supervisor
 * a department subtree (the reviewer its own department, the supervisor also every one below; 财政部's
 * supervisor is national); admin administers staff accounts inside its department's subtree; an exam
 * office holds one exam row (a province, 计划单列市, 兵团 or 中央单位); the system administrator the
 * system (staff, help centre, policies) and no business decisions.
 */
export const STAFF_ROLES = ['sysadmin', 'admin', 'reviewer', 'supervisor', 'exam_office'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  sysadmin: '系统管理员',
  admin: '部门管理员',
  reviewer: '审核员',
  supervisor: '主管',
  exam_office: '考试管理机构',
};

export const staffLoginRequest = z
  .object({
    username: str('用户名', 64),
    password: str('密码', 200),
    captchaId: str('验证码', 64),
    captchaText: str('验证码', 10),
  })
  .strict();

/** After the password: the second screen, either a code from the enrolled authenticator or enrolment. */
export const staffLoginResponse = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp'), ticket: z.string(), expiresIn: z.number() }),
  z.object({ next: z.literal('enrol'), ticket: z.string(), expiresIn: z.number(), secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
]);
export type StaffLoginResponse = z.infer<typeof staffLoginResponse>;

export const secondFactorRequest = z
  .object({
    ticket: str('登录凭据', 100),
    code: z.string().max(12).optional(),
    recoveryCode: z.string().max(20).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.code?.trim() || v.recoveryCode?.trim()), { path: ['code'], message: '请输入6位动态验证码' });

export const staffMeResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type StaffMe = z.infer<typeof staffMeResponse>;

/** The session is open: who signed in, and after enrolment the ten recovery codes, shown this once. */
export const secondFactorResponse = staffMeResponse.extend({ recoveryCodes: z.array(z.string()).optional() });
export type SecondFactorResponse = z.infer<typeof secondFactorResponse>;

export const staffSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type StaffSummary = z.infer<typeof staffSummary>;

export const staffListResponse = z.object({ items: z.array(staffSummary) });

export const createStaffRequest = z
  .object({
    username: z
      .string({ error: '请输入用户名' })
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为3至32位小写字母、数字、下划线、点或短横线，以字母开头'),
    displayName: z.string({ error: '请输入姓名' }).trim().min(2, '请输入姓名').max(30, '姓名不能超过30个字'),
    role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
    departmentCode: z.string().max(12).nullable(),
    password: z.string({ error: '请输入初始密码' }).max(200),
  })
  .strict();
export type CreateStaffRequest = z.infer<typeof createStaffRequest>;

export const updateStaffRequest = z
  .object({ disabled: z.boolean().optional(), password: z.string().max(200).optional() })
  .strict();

export const departmentOption = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});
export const departmentListResponse = z.object({ items: z.array(departmentOption) });
