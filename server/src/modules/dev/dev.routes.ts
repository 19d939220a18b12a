import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { SecondFactorService } from '../management/second-factor.service';

/**
 * Test hooks, registered only when AUSM_DEMO=1 (never in production; a test proves it): the latest
 * SMS code delivered to a phone by the simulator, the answer of an image captcha, and a staff member's
 * current TOTP code.
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  const secondFactor = new SecondFactorService(ctx);
  app.get(
    '/api/dev/totp',
    { config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: '演示模式：查看某工作人员身份验证器此刻的6位动态验证码（按应用时钟；fresh=1：只给当前或下一时间步、不会在下一边界前过期的验证码）',
        querystring: z.object({ username: z.string().max(64), fresh: z.enum(['1']).optional() }),
        response: { 200: z.object({ code: z.string() }) },
      },
    },
    async (req) => {
      const code = await secondFactor.currentCode(req.query.username.trim().toLowerCase(), { fresh: req.query.fresh === '1' });
      if (!code) throw AppError.notFound('已绑定身份验证器的工作人员');
      return { code };
    },
  );

  app.get(
    '/api/dev/sms',
    { config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: '演示模式：查看模拟短信网关发给某手机号的最新验证码',
        querystring: z.object({ phone: z.string().max(20) }),
        response: { 200: z.object({ code: z.string(), body: z.string(), sentAt: z.string() }) },
      },
    },
    async (req) => {
      const msg = await ctx.integrations.simulators?.sms.latest(req.query.phone.trim());
      const code = msg?.body.match(/验证码为(\d{6})/)?.[1];
      if (!msg || !code) throw AppError.notFound('短信');
      return { code, body: msg.body, sentAt: msg.createdAt };
    },
  );

  app.get(
    '/api/dev/sms/messages',
    { config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: '演示模式：模拟短信网关发给某手机号的最近几条短信（含通知类短信）',
        querystring: z.object({ phone: z.string().max(20) }),
        response: { 200: z.object({ messages: z.array(z.object({ body: z.string(), sentAt: z.string() })) }) },
      },
    },
    async (req) => ({ messages: (await ctx.integrations.simulators?.sms.recent(req.query.phone.trim(), 5)) ?? [] }),
  );

  app.get(
    '/api/dev/captcha',
    { config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: '演示模式：查看图形验证码答案',
        querystring: z.object({ id: z.string().max(64) }),
        response: { 200: z.object({ text: z.string() }) },
      },
    },
    async (req) => {
      const text = await ctx.captcha.peek(req.query.id);
      if (!text) throw AppError.notFound('验证码');
      return { text };
    },
  );
};
