import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { transferParams, transferRecord, transferRequest, transferResubmitRequest, transfersResponse } from '@ausm/domain';
import { TransfersService } from './transfers.service';
import { transfersPolicy } from './transfers.policy';

const tags = ['transfers'];
const me = (req: { accountantId?: string }) => req.accountantId ?? '';

/** 会计人员属地关系调转 (guide §5): 调转申请 and 调转信息. */
export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new TransfersService(app.ctx);
  const owner = transfersPolicy.owner;

  app.get(
    '/api/transfers',
    { preValidation: owner, schema: { tags, summary: '调转信息：当前所属会计管理机构、能否申请调转（不能的原因）、已提交的调转申请', response: { 200: transfersResponse } } },
    async (req) => service.state(me(req)),
  );

  app.post(
    '/api/transfers',
    { preValidation: owner, schema: { tags, summary: '调转申请：调档原因及其信息、调入会计管理机构、证明材料（由调入地审核）', body: transferRequest, response: { 201: transferRecord } } },
    async (req, reply) => reply.code(201).send(await service.submit(me(req), req.body, req.ip)),
  );

  app.post(
    '/api/transfers/:id/resubmit',
    { preValidation: owner, schema: { tags, summary: '退回补正后重新上传证明材料并重新提交', params: transferParams, body: transferResubmitRequest, response: { 200: transferRecord } } },
    async (req) => service.resubmit(me(req), req.params.id, req.body.proofFileId, req.ip),
  );
};
