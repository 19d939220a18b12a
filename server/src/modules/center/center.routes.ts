import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  closeAccountRequest,
  closureCodeRequest,
  closureInfoResponse,
  consentRequest,
  okResponse,
  phoneChangeRequest,
  phoneCodeRequest,
  privacyNoticeResponse,
  smsSendResponse,
  wechatBindingResponse,
  wechatTicketResponse,
  wechatTicketState,
} from '@ausm/domain';
import { ACCOUNTANT_COOKIE, clearSessionCookie } from '../../platform/auth';
import { linkOrigin } from '../../platform/csrf';
import { sm3 } from '../../platform/crypto';
import type { Account } from '../../db/types';
import { CenterService } from './center.service';
import { WechatService } from './wechat.service';
import { personalDataCopy } from './export.service';
import { currentPrivacyNotice } from './privacy';
import { centerPolicy } from './center.policy';

const tags = ['center'];
const ticketParams = z.object({ ticket: z.string().max(64) });
const account = (req: { account?: Account }): Account => {
  if (!req.account) throw new Error('centerPolicy.self ran before this handler');
  return req.account;
};

/** 个人中心 (guide §9): the person's own consent, WeChat binding, phone, data and account. */
export const centerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const center = new CenterService(ctx);
  const wechat = new WechatService(ctx);
  const self = centerPolicy.self;

  app.get(
    '/api/privacy-notice',
    { config: { access: 'public' }, schema: { tags, summary: '现行的个人信息保护政策（注册前阅读并同意）', response: { 200: privacyNoticeResponse } } },
    async () => currentPrivacyNotice(ctx),
  );
  app.post(
    '/api/center/consent',
    { preValidation: self, schema: { tags, summary: '同意新版个人信息保护政策', body: consentRequest, response: { 200: okResponse } } },
    async (req) => {
      await center.consent(account(req).id, req.body.version, req.ip);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/center/wechat',
    { preValidation: self, schema: { tags, summary: '微信绑定状态', response: { 200: wechatBindingResponse } } },
    async (req) => wechat.binding(account(req).id),
  );
  app.post(
    '/api/center/wechat/tickets',
    { preValidation: self, schema: { tags, summary: '绑定或换绑微信：获取二维码', response: { 200: wechatTicketResponse } } },
    async (req) => wechat.startBind(account(req).id, linkOrigin(req)),
  );
  app.post(
    '/api/center/wechat/tickets/:ticket',
    { preValidation: self, schema: { tags, summary: '绑定二维码的扫码结果（确认后完成绑定，只生效一次）', params: ticketParams, response: { 200: wechatTicketState } } },
    async (req) => wechat.pollBind(account(req).id, req.params.ticket, req.ip),
  );
  app.delete(
    '/api/center/wechat',
    { preValidation: self, schema: { tags, summary: '解绑微信（不能再扫码登录，不再接收公众号消息）', response: { 200: okResponse } } },
    async (req) => {
      await wechat.unbind(account(req).id, req.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/center/phone/code',
    { preValidation: self, schema: { tags, summary: '修改手机号：向新手机号发送验证码', body: phoneCodeRequest, response: { 200: smsSendResponse } } },
    async (req) => center.sendPhoneCode(account(req), req.body.newPhone, req.ip, req.body),
  );
  app.post(
    '/api/center/phone',
    { preValidation: self, schema: { tags, summary: '修改注册手机号（其他设备上的登录随之退出）', body: phoneChangeRequest, response: { 200: z.object({ maskedPhone: z.string() }) } } },
    async (req) => center.changePhone(account(req), sm3(req.cookies[ACCOUNTANT_COOKIE] ?? ''), req.body, req.ip),
  );

  app.get(
    '/api/center/export',
    { preValidation: self, schema: { tags, summary: '下载个人数据副本（JSON，记入审计日志）' } },
    async (req, reply) => {
      const copy = await personalDataCopy(ctx, account(req), req.ip);
      return reply
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="personal-data.json"; filename*=UTF-8''${encodeURIComponent(copy.fileName)}`)
        .send(copy.body);
    },
  );
  app.get(
    '/api/center/closure',
    { preValidation: self, schema: { tags, summary: '注销账号：将删除和依法保留的信息及期限', response: { 200: closureInfoResponse } } },
    async (req) => center.closureInfo(account(req)),
  );
  app.post(
    '/api/center/closure/code',
    { preValidation: self, schema: { tags, summary: '注销账号：向当前手机号发送验证码', body: closureCodeRequest, response: { 200: smsSendResponse } } },
    async (req) => center.sendClosureCode(account(req), req.ip, req.body),
  );
  app.post(
    '/api/center/closure',
    { preValidation: self, schema: { tags, summary: '注销账号', body: closeAccountRequest, response: { 200: okResponse } } },
    async (req, reply) => {
      await center.close(account(req), req.body, req.ip);
      clearSessionCookie(req, reply, ACCOUNTANT_COOKIE);
      return { ok: true as const };
    },
  );
};
