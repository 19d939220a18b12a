import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { basicChangeRequest, changeSubmitResponse, changesResponse, collectionEntryParams, educationEntryRequest, scopeChangeRequest, workEntryRequest } from '@ausm/domain';
import { unavailableChsi } from '../../integrations/chsi/chsi-verifier';
import { ChangesService } from './changes.service';
import { changesPolicy } from './changes.policy';

const tags = ['changes'];
const me = (req: { accountantId?: string }) => req.accountantId ?? '';

/** 会计人员信息变更 (guide §4): the accountant's change requests and their 变更记录. */
export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = new ChangesService(ctx, ctx.integrations.chsi ?? unavailableChsi);
  const owner = changesPolicy.owner;

  app.get(
    '/api/changes',
    { preValidation: owner, schema: { tags, summary: '信息变更：当前信息审核状态、各部分是否有审核中的变更、变更记录（含变更前/变更后）', response: { 200: changesResponse } } },
    async (req) => service.state(me(req)),
  );

  app.post(
    '/api/changes/basic',
    { preValidation: owner, schema: { tags, summary: '基本信息变更（身份证明、姓名、证件未变的自动审核通过）', body: basicChangeRequest, response: { 201: changeSubmitResponse } } },
    async (req, reply) => reply.code(201).send(await service.submitBasic(me(req), req.body, req.ip)),
  );

  app.post(
    '/api/changes/scope',
    { preValidation: owner, schema: { tags, summary: '采集范围变更（满足新采集范围条件的自动审核通过）', body: scopeChangeRequest, response: { 201: changeSubmitResponse } } },
    async (req, reply) => reply.code(201).send(await service.submitScope(me(req), req.body.scope, req.ip)),
  );

  for (const [section, noun, body] of [['education', '教育经历', educationEntryRequest], ['work', '工作经历', workEntryRequest]] as const) {
    app.post(
      `/api/changes/${section}`,
      { preValidation: owner, schema: { tags, summary: `新增${noun}（人工审核）`, body, response: { 201: changeSubmitResponse } } },
      async (req, reply) => reply.code(201).send(await service.submitEntry(section, me(req), 'add', null, req.body, req.ip)),
    );
    app.post(
      `/api/changes/${section}/:id`,
      { preValidation: owner, schema: { tags, summary: `变更${noun}（人工审核）`, params: collectionEntryParams, body, response: { 201: changeSubmitResponse } } },
      async (req, reply) => reply.code(201).send(await service.submitEntry(section, me(req), 'modify', req.params.id, req.body, req.ip)),
    );
    app.post(
      `/api/changes/${section}/:id/deletion`,
      { preValidation: owner, schema: { tags, summary: `变更删除${noun}（人工审核）`, params: collectionEntryParams, response: { 201: changeSubmitResponse } } },
      async (req, reply) => reply.code(201).send(await service.submitEntry(section, me(req), 'delete', req.params.id, null, req.ip)),
    );
  }
};
