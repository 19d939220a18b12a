import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  askRequest,
  askResponse,
  createFaqRequest,
  createFaqResponse,
  deleteFaqResponse,
  faqIdParams,
  faqListQuery,
  faqListResponse,
  updateFaqRequest,
  updateFaqResponse,
} from '@ausm/domain';
import { AppError } from '../../platform/errors';
import { HelpService } from './help.service';
import { helpPolicy } from './help.policy';

/** the staff member requireStaff() resolved for this request */
function actorOf(req: FastifyRequest): string {
  if (!req.staffId) throw AppError.unauthenticated();
  return req.staffId;
}

/** 帮助中心 (FAQ), 咨询答疑 (ask) and the system administrator's FAQ maintenance. */
export const helpRoutes: FastifyPluginAsyncZod = async (app) => {
  const help = new HelpService(app.ctx);
  const sysadmin = helpPolicy.editors;

  app.get(
    '/api/help/faq',
    { config: { access: 'public' }, schema: { tags: ['help'], summary: '帮助中心常见问题（可按关键词搜索）', querystring: faqListQuery, response: { 200: faqListResponse } } },
    async (req) => help.listFaq(req.query.q),
  );

  app.post(
    '/api/help/ask',
    { config: { access: 'public' }, schema: { tags: ['help'], summary: '咨询答疑：从常见问题和操作说明中检索答案', body: askRequest, response: { 200: askResponse } } },
    async (req) => ({ answers: await help.ask(req.body.question) }),
  );

  app.post(
    '/api/admin/faq',
    { preValidation: sysadmin, config: { multiline: ['answer'] }, schema: { tags: ['help'], summary: '新增常见问题', body: createFaqRequest, response: { 201: createFaqResponse } } },
    async (req, reply) => reply.code(201).send(await help.createFaq(actorOf(req), req.body, req.ip)),
  );

  app.patch(
    '/api/admin/faq/:id',
    {
      preValidation: sysadmin,
      config: { multiline: ['answer'] },
      schema: { tags: ['help'], summary: '修改常见问题', params: faqIdParams, body: updateFaqRequest, response: { 200: updateFaqResponse } },
    },
    async (req) => help.updateFaq(actorOf(req), req.params.id, req.body, req.ip),
  );

  app.delete(
    '/api/admin/faq/:id',
    { preValidation: sysadmin, schema: { tags: ['help'], summary: '删除常见问题', params: faqIdParams, response: { 200: deleteFaqResponse } } },
    async (req) => {
      await help.deleteFaq(actorOf(req), req.params.id, req.ip);
      return { ok: true as const };
    },
  );
};
