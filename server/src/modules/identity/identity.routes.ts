import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  captchaResponse,
  loginRequest,
  meResponse,
  okResponse,
  publicConfigResponse,
  registerRequest,
  registerResponse,
  resetPasswordRequest,
  smsSendRequest,
  smsSendResponse,
} from '@ausm/domain';
import { AccountsService } from './accounts.service';
import { ACCOUNTANT_COOKIE, clearSessionCookie, setSessionCookie } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';
import { identityPolicy } from './identity.policy';

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const accounts = new AccountsService(ctx);

  app.get(
    '/api/config',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '前端所需的公开配置', response: { 200: publicConfigResponse } } },
    async () => ({
      demo: ctx.config.demo,
      passwordPolicy: ctx.config.passwordPolicy,
      smsResendSeconds: ctx.config.sms.resendSeconds,
      smsValidSeconds: ctx.config.sms.validSeconds,
      today: shanghaiDate(ctx.clock.now()),
    }),
  );

  app.get(
    '/api/captcha',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '获取图形验证码', response: { 200: captchaResponse } } },
    async (_req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return ctx.captcha.create();
    },
  );

  app.post(
    '/api/sms/send',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '免费获取短信验证码', body: smsSendRequest, response: { 200: smsSendResponse } } },
    async (req) => {
      const { phone, purpose, captchaId, captchaText } = req.body;
      return ctx.smsCodes.send(phone, purpose, req.ip, {
        captchaId,
        captchaText,
        captcha: (id, text) => ctx.captcha.consume(id, text),
        // after every limit: a registered phone is told so only at the pace the limits allow
        beforeSend: async (p) => {
          if (purpose === 'register' && (await accounts.phoneRegistered(p))) {
            const message = '该手机号已被其他账号使用';
            throw new AppError('PHONE_ALREADY_REGISTERED', message, [{ path: 'phone', message }]);
          }
        },
      });
    },
  );

  app.post(
    '/api/accounts',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '会计人员注册', body: registerRequest, response: { 201: registerResponse } } },
    async (req, reply) => {
      const result = await accounts.register(req.body, req.ip);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/session',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '会计人员登录', body: loginRequest, response: { 200: meResponse } } },
    async (req, reply) => {
      const account = await accounts.login(req.body, req.ip);
      // Rotate: whatever session id the browser presented is destroyed, and a new one issued.
      await ctx.sessions.destroy(req.cookies[ACCOUNTANT_COOKIE]);
      const token = await ctx.sessions.create('accountant', account.id, req.ip);
      setSessionCookie(req, reply, ACCOUNTANT_COOKIE, token);
      return await accounts.toMe(account);
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: '当前是否已登录（未登录时为 null，不以401表示：页面每次打开都会询问）',
        response: { 200: z.object({ me: meResponse.nullable() }) },
      },
    },
    async (req) => {
      const session = await ctx.sessions.resolveAccountant(req.cookies[ACCOUNTANT_COOKIE]);
      return { me: session ? await accounts.toMe(session.account) : null };
    },
  );

  app.delete(
    '/api/session',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '退出登录', response: { 200: okResponse } } },
    async (req, reply) => {
      const token = req.cookies[ACCOUNTANT_COOKIE];
      const session = await ctx.sessions.resolve('accountant', token);
      await ctx.sessions.destroy(token);
      if (session) await ctx.audit.record(ctx.db, { actorKind: 'accountant', actorId: session.subjectId, action: 'account.logout', ip: req.ip });
      clearSessionCookie(req, reply, ACCOUNTANT_COOKIE);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    { preValidation: identityPolicy.self, schema: { tags: ['identity'], summary: '当前登录的会计人员', response: { 200: meResponse } } },
    async (req) => await accounts.toMe(req.account ?? (await accounts.getById(req.accountantId ?? ''))),
  );

  app.post(
    '/api/password-reset',
    { config: { access: 'public' }, schema: { tags: ['identity'], summary: '找回密码', body: resetPasswordRequest, response: { 200: okResponse } } },
    async (req, reply) => {
      await accounts.resetPassword(req.body, req.ip);
      clearSessionCookie(req, reply, ACCOUNTANT_COOKIE);
      return { ok: true as const };
    },
  );
};
