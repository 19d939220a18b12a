import { z } from 'zod';

/**
 * Policy is data (DEVELOPERS.md): every number a regulation or a finance bureau could change is a
 * versioned row with an effective date and, where provinces differ, a province. Each definition says
 * what its value holds; the server stores versions and records the version each decision used.
 */
export interface PolicyField {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
}

export interface PolicyDefinition {
  name: string;
  label: string;
  description: string;
  /** may a province set its own value (otherwise nationwide only) */
  perProvince: boolean;
  fields: ReadonlyArray<PolicyField>;
}

export const LOGIN_LOCKOUT_POLICY = {
  name: 'login.lockout',
  label: '登录失败锁定',
  description: '会计人员与管理端工作人员连续输错密码达到次数后，账号锁定的时长（等保三级要求登录失败处理）。',
  perProvince: false,
  fields: [
    { key: 'maxFailures', label: '连续错误次数', unit: '次', min: 3, max: 20 },
    { key: 'lockMinutes', label: '锁定时长', unit: '分钟', min: 5, max: 1440 },
  ],
} as const satisfies PolicyDefinition;
export type LoginLockoutPolicy = { maxFailures: number; lockMinutes: number };

/**
 * How long personal data is kept (docs/operations.md, 保存期限): the retention job deletes what is older.
 * Audit rows: the Cybersecurity Law (art. 21) asks at least six months of network logs.
 */
export const RETENTION_POLICY = {
  name: 'retention',
  label: '个人信息保存期限',
  description: '扫码票据、审计日志与已注销账号的保存天数；到期由每日的保存期限任务删除（网络日志不少于六个月）。短信验证码在失效一天后即删除。',
  perProvince: false,
  fields: [
    { key: 'ticketDays', label: '微信、支付宝扫码票据', unit: '天', min: 1, max: 365 },
    { key: 'auditDays', label: '审计日志', unit: '天', min: 180, max: 3650 },
    { key: 'closedAccountDays', label: '已注销账号的个人信息与材料', unit: '天', min: 180, max: 10950 },
  ],
} as const satisfies PolicyDefinition;
export type RetentionPolicy = { ticketDays: number; auditDays: number; closedAccountDays: number };
export const RETENTION_DEFAULTS: RetentionPolicy = { ticketDays: 7, auditDays: 1095, closedAccountDays: 1825 };

export const POLICY_DEFINITIONS: ReadonlyArray<PolicyDefinition> = [LOGIN_LOCKOUT_POLICY, RETENTION_POLICY];

export function policyDefinition(name: string): PolicyDefinition | undefined {
  return POLICY_DEFINITIONS.find((p) => p.name === name);
}

/** The value schema of a definition: its fields as whole numbers within their bounds, nothing else. */
export function policyValueSchema(def: PolicyDefinition) {
  return z.strictObject(
    Object.fromEntries(
      def.fields.map((f) => [f.key, z.number({ error: `请填写${f.label}` }).int(`${f.label}应为整数`).min(f.min, `${f.label}不能小于${f.min}${f.unit}`).max(f.max, `${f.label}不能大于${f.max}${f.unit}`)]),
    ),
  );
}

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

export const policyVersion = z.object({
  id: z.string(),
  name: z.string(),
  /** null: nationwide */
  provinceCode: z.string().nullable(),
  effectiveFrom: z.string(),
  value: z.record(z.string(), z.number()),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** the version in force today (for its scope) */
  current: z.boolean(),
});
export type PolicyVersion = z.infer<typeof policyVersion>;

export const policyListResponse = z.object({
  today: z.string(),
  policies: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      description: z.string(),
      perProvince: z.boolean(),
      fields: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), min: z.number(), max: z.number() })),
      versions: z.array(policyVersion),
    }),
  ),
});

export const policyCreateRequest = z.strictObject({
  name: z.string().max(60),
  provinceCode: z.string().regex(/^\d{6}$/, '省份代码无效').nullable(),
  effectiveFrom: dateOnly,
  value: z.record(z.string().max(40), z.unknown()),
  note: z.string().trim().min(1, '请填写调整依据或说明').max(200, '说明不能超过200字'),
});
export type PolicyCreateRequest = z.infer<typeof policyCreateRequest>;
