import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meResponse, wechatTicketResponse, wechatTicketState } from '@ausm/domain';
import { ACCOUNTANT_COOKIE, setSessionCookie } from '../../platform/auth';
import { linkOrigin } from '../../platform/csrf';
import { AccountsService } from '../identity/accounts.service';
import { WechatService } from './wechat.service';

const tags = ['identity'];
/** the login QR's browser secret: sent only to the poll route, gone when the QR is */
const WX_COOKIE = 'ausm_wx';
const ticketParams = z.object({ ticket: z.string().max(64) });

/** 微信扫码登录 on the login page (guide §2.1). */
export const wechatLoginRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const wechat = new WechatService(ctx);
  const accounts = new AccountsService(ctx);

  app.post(
    '/api/session/wechat',
    { config: { access: 'public' }, schema: { tags, summary: '微信扫码登录：获取二维码', response: { 200: wechatTicketResponse } } },
    async (req, reply) => {
      const { browserSecret, ...ticket } = await wechat.startLogin(req.ip, linkOrigin(req));
      reply.setCookie(WX_COOKIE, browserSecret, { path: '/api/session/wechat', httpOnly: true, sameSite: 'strict', secure: ctx.config.cookieSecure, maxAge: 600 });
      return ticket;
    },
  );
  app.post(
    '/api/session/wechat/:ticket',
    {
      config: { access: 'public' },
      schema: { tags, summary: '微信扫码登录：扫码结果（已绑定的微信确认后即登录）', params: ticketParams, response: { 200: z.object({ state: wechatTicketState, me: meResponse.nullable() }) } },
    },
    async (req, reply) => {
      const poll = await wechat.pollLogin(req.params.ticket, req.cookies[WX_COOKIE], req.ip);
      if (!poll.accountId) return { state: poll.state, me: null };
      await ctx.sessions.destroy(req.cookies[ACCOUNTANT_COOKIE]);
      const token = await ctx.sessions.create('accountant', poll.accountId, req.ip);
      setSessionCookie(req, reply, ACCOUNTANT_COOKIE, token);
      reply.clearCookie(WX_COOKIE, { path: '/api/session/wechat' });
      return { state: poll.state, me: await accounts.toMe(await accounts.getById(poll.accountId)) };
    },
  );
};

/** The simulated WeChat phone (demo mode only; outside it /api/sim/* does not exist). */
export const wechatSimRoutes: FastifyPluginAsyncZod = async (app) => {
  const sim = app.ctx.integrations.simulators?.wechat;
  if (!sim) return;
  app.get(
    '/api/sim/wechat/:ticket',
    {
      config: { access: 'public' },
      schema: { tags: ['simulators'], summary: '微信模拟器：扫码后的手机页面信息', params: ticketParams, response: { 200: z.object({ purpose: z.enum(['login', 'bind']), status: z.string(), expiresAt: z.string(), app: z.string() }) } },
    },
    async (req) => {
      await sim.scan(req.params.ticket);
      return { ...(await sim.session(req.params.ticket)), app: '全国会计人员统一服务管理平台' };
    },
  );
  app.post(
    '/api/sim/wechat/:ticket/answer',
    {
      config: { access: 'public' },
      schema: {
        tags: ['simulators'],
        summary: '微信模拟器：以某个微信号确认或取消',
        params: ticketParams,
        body: z.object({ login: z.string().trim().min(1, '请输入微信号').max(40), nickname: z.string().trim().max(32).optional(), confirm: z.boolean() }).strict(),
        response: { 200: z.object({ status: z.string() }) },
      },
    },
    async (req) => ({ status: await sim.answer(req.params.ticket, req.body.login, req.body.nickname || undefined, req.body.confirm) }),
  );
};
