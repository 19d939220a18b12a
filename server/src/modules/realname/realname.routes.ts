import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alipayCertificationResponse,
  alipaySimConfirmRequest,
  alipaySimSessionResponse,
  maskName,
  onlineRealnameRequest,
  realnameStatusResponse,
} from '@ausm/domain';
import { RealnameService } from './realname.service';
import { linkOrigin as originOf } from '../../platform/csrf';
import { realnamePolicy } from './realname.policy';

export const realnameRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = new RealnameService(ctx, ctx.alipayMerchantKey);

  app.get(
    '/api/realname',
    { preValidation: realnamePolicy.owner, schema: { tags: ['realname'], summary: '实名认证状态', response: { 200: realnameStatusResponse } } },
    async (req) => service.status(req.accountantId ?? ''),
  );

  app.post(
    '/api/realname/alipay',
    { preValidation: realnamePolicy.owner, schema: { tags: ['realname'], summary: '发起支付宝实名认证（返回二维码）', response: { 201: alipayCertificationResponse } } },
    async (req, reply) => reply.code(201).send(await service.startAlipay(req.accountantId ?? '', originOf(req))),
  );

  app.get(
    '/api/realname/alipay/:id',
    {
      preValidation: realnamePolicy.owner,
      schema: { tags: ['realname'], summary: '查询支付宝实名认证结果', params: z.object({ id: z.string().max(64) }), response: { 200: alipayCertificationResponse } },
    },
    async (req) => service.pollAlipay(req.accountantId ?? '', req.params.id, originOf(req)),
  );

  app.post(
    '/api/realname/online',
    { preValidation: realnamePolicy.owner, schema: { tags: ['realname'], summary: '提交线上实名认证（上传证件照片，由所选城市的会计管理部门审核）', body: onlineRealnameRequest, response: { 201: realnameStatusResponse } } },
    async (req, reply) => reply.code(201).send(await service.submitOnline(req.accountantId ?? '', req.body, req.ip)),
  );
};

/**
 * The Alipay simulator's phone page API (no platform session: it runs on "the phone"). Registered only
 * in demo mode, with the simulator itself; outside it /api/sim/* does not exist.
 */
export const alipaySimRoutes: FastifyPluginAsyncZod = async (app) => {
  const sim = app.ctx.integrations.simulators?.alipay;
  if (!sim) return;
  app.get(
    '/api/sim/alipay/:id',
    { config: { access: 'public' }, schema: { tags: ['simulators'], summary: '支付宝模拟器：扫码后的手机页面信息', params: z.object({ id: z.string().max(64) }), response: { 200: alipaySimSessionResponse } } },
    async (req) => {
      await sim.scan(req.params.id);
      const s = await sim.session(req.params.id);
      return { id: s.id, status: s.status, merchant: '全国会计人员统一服务管理平台', maskedName: maskName(s.expected_name), reason: s.reason, expiresAt: s.expires_at };
    },
  );

  app.post(
    '/api/sim/alipay/:id/confirm',
    { config: { access: 'public' },
      schema: {
        tags: ['simulators'],
        summary: '支付宝模拟器：以某个支付宝账号登录并同意授权',
        params: z.object({ id: z.string().max(64) }),
        body: alipaySimConfirmRequest,
        response: { 200: z.object({ status: z.string() }) },
      },
    },
    async (req) => {
      const identity = req.body.name && req.body.idNumber ? { name: req.body.name, idNumber: req.body.idNumber } : undefined;
      return { status: await sim.confirm(req.params.id, req.body.login, identity) };
    },
  );
};
