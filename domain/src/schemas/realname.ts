import { applicantReview } from './reviews';
import { z } from 'zod';

export const REALNAME_METHOD_LABELS = { alipay: '支付宝实名认证', online: '线上实名认证' } as const;

export const alipayCertificationResponse = z.object({
  id: z.string(),
  status: z.enum(['init', 'scanned', 'passed', 'failed', 'expired']),
  reason: z.string().nullable(),
  /** the page the QR code opens on the (simulated) phone */
  scanUrl: z.string(),
  /** the QR code as an SVG document */
  qrSvg: z.string(),
  expiresAt: z.string(),
});
export type AlipayCertification = z.infer<typeof alipayCertificationResponse>;

export const onlineRealnameRequest = z
  .object({
    frontFileId: z.string({ error: '请上传证件人像面' }).min(1, '请上传证件人像面').max(64),
    backFileId: z.string({ error: '请上传证件非人像面' }).min(1, '请上传证件非人像面').max(64),
    handheldFileId: z.string({ error: '请上传手持证件人像面' }).min(1, '请上传手持证件人像面').max(64),
    provinceCode: z.string({ error: '请选择所在省份' }).regex(/^\d{6}$/, '请选择所在省份'),
    cityCode: z.string({ error: '请选择所在城市' }).regex(/^\d{6}$/, '请选择所在城市'),
  })
  .strict();
export type OnlineRealnameRequest = z.infer<typeof onlineRealnameRequest>;

export const realnameStatusResponse = z.object({
  verified: z.boolean(),
  /** false where no Alipay identity gateway is configured: only the upload path is offered */
  alipayAvailable: z.boolean(),
  method: z.enum(['alipay', 'online']).nullable(),
  verifiedAt: z.string().nullable(),
  /** the latest online (upload) application, if any */
  online: applicantReview.nullable(),
});
export type RealnameStatus = z.infer<typeof realnameStatusResponse>;

/** The Alipay simulator's phone page: sign in as a (simulated) Alipay user and authorise. */
export const alipaySimConfirmRequest = z
  .object({
    login: z.string({ error: '请输入支付宝账号' }).trim().min(3, '请输入支付宝账号').max(64),
    /** when the simulated Alipay account does not exist yet: its verified identity */
    name: z.string().max(60).optional(),
    idNumber: z.string().max(30).optional(),
  })
  .strict();

export const alipaySimSessionResponse = z.object({
  id: z.string(),
  status: z.enum(['init', 'scanned', 'passed', 'failed', 'expired']),
  merchant: z.string(),
  maskedName: z.string(),
  reason: z.string().nullable(),
  expiresAt: z.string(),
});
