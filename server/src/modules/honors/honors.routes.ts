import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { honorRecord, honorRequest, honorsResponse } from '@ausm/domain';
import { HonorsService } from './honors.service';
import { honorsPolicy } from './honors.policy';

const tags = ['honors'];
const me = (req: { accountantId?: string }) => req.accountantId ?? '';

/** 奖惩信息 of the accountant: the record and applications with their documents. */
export const honorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new HonorsService(app.ctx);
  app.get(
    '/api/honors',
    { preValidation: honorsPolicy.owner, schema: { tags, summary: '奖惩信息：本人的奖惩记录与申请', response: { 200: honorsResponse } } },
    async (req) => service.state(me(req)),
  );
  app.post(
    '/api/honors',
    { preValidation: honorsPolicy.owner, schema: { tags, summary: '申请登记奖惩信息（附奖惩文件，由所属会计管理部门审核）', body: honorRequest, response: { 201: honorRecord } } },
    async (req, reply) => reply.code(201).send(await service.apply(me(req), req.body, req.ip)),
  );
};
