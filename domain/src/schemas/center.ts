import { z } from 'zod';

/* 个人中心 (guide §9, issue 13): WeChat binding and QR sign-in, phone change, consent, data, closing. */

const str = (label: string, max = 100) => z.string({ error: `请输入${label}` }).max(max, `${label}过长`);
const captcha = { captchaId: z.string().max(64).optional(), captchaText: z.string().max(16).optional() };

export const privacyNoticeResponse = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  effectiveFrom: z.string(),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeResponse>;

export const consentRequest = z.object({ version: z.number().int().min(1).max(1_000_000) }).strict();

export const wechatBindingResponse = z.object({
  /** false where no WeChat adapter is configured (production without a contract) */
  available: z.boolean(),
  bound: z.boolean(),
  nickname: z.string().nullable(),
  boundAt: z.string().nullable(),
});
export type WechatBinding = z.infer<typeof wechatBindingResponse>;

export const wechatTicketResponse = z.object({ ticket: z.string(), qrUrl: z.string(), qrSvg: z.string(), expiresAt: z.string() });
export type WechatTicket = z.infer<typeof wechatTicketResponse>;

export const WECHAT_TICKET_STATES = ['waiting', 'scanned', 'done', 'expired', 'cancelled', 'refused'] as const;
export const wechatTicketState = z.object({
  status: z.enum(WECHAT_TICKET_STATES),
  /** refused: why (WECHAT_NOT_BOUND, WECHAT_ALREADY_BOUND) */
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type WechatTicketState = z.infer<typeof wechatTicketState>;

export const phoneCodeRequest = z.object({ newPhone: str('新手机号', 20), ...captcha }).strict();
export const phoneChangeRequest = z.object({ password: str('当前密码', 200), newPhone: str('新手机号', 20), smsCode: str('短信验证码', 10) }).strict();
export type PhoneChangeRequest = z.infer<typeof phoneChangeRequest>;

export const closureCodeRequest = z.object({ ...captcha }).strict();
export const CLOSE_CONFIRM_TEXT = '注销';
export const closeAccountRequest = z
  .object({ password: str('登录密码', 200), smsCode: str('短信验证码', 10), confirmText: str('确认文字', 20) })
  .strict();
export type CloseAccountRequest = z.infer<typeof closeAccountRequest>;

export const closureInfoResponse = z.object({
  /** why the account cannot be closed now (an item under review); empty when it can */
  blockers: z.array(z.string()),
  deletedAtOnce: z.array(z.string()),
  /** since: the period runs from closing the account, or from when each record was written */
  kept: z.array(z.object({ what: z.string(), why: z.string(), days: z.number(), since: z.enum(['closure', 'record']) })),
  maskedPhone: z.string(),
  policyId: z.string(),
});
export type ClosureInfo = z.infer<typeof closureInfoResponse>;

/* 管理端 → 政策参数: the notice's versions, and publishing a new one (system administrator; audited). */
export const privacyNoticeVersion = privacyNoticeResponse.extend({ createdAt: z.string(), current: z.boolean() });
export const privacyNoticeListResponse = z.object({ today: z.string(), notices: z.array(privacyNoticeVersion) });
export type PrivacyNoticeList = z.infer<typeof privacyNoticeListResponse>;
export const privacyNoticeCreateRequest = z
  .object({
    title: z.string({ error: '请输入标题' }).trim().min(1, '请输入标题').max(60, '标题不能超过60个字'),
    body: z.string({ error: '请输入正文' }).trim().min(20, '正文过短').max(20_000, '正文不能超过20000个字'),
    effectiveFrom: z.string({ error: '请选择生效日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD'),
  })
  .strict();
export type PrivacyNoticeCreateRequest = z.infer<typeof privacyNoticeCreateRequest>;
