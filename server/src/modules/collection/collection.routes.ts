import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateImportRequest,
  certificateImportResponse,
  certificateListResponse,
  certificateSearchQuery,
  collectionBasicRequest,
  collectionDepartmentRequest,
  collectionEntryParams,
  collectionResponse,
  collectionScopeRequest,
  collectionSubmitRequest,
  educationEntry,
  educationEntryRequest,
  workEntry,
  workEntryRequest,
} from '@ausm/domain';
import { loadStaff, requireAccountant, requireStaff } from '../../platform/auth';
import { chsiFromEnv } from '../../integrations/chsi/chsi-verifier';
import { CollectionService, applyCollectionDecision } from './collection.service';
import { CertificateLibrary } from './certificates.service';
import { referenceRoutes } from './reference.routes';

const tags = ['collection'];
const me = (req: { accountantId?: string }) => req.accountantId ?? '';

/** 会计人员信息采集 (accountant), its reference data (public) and the certificate library (system administrator). */
export const collectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = new CollectionService(ctx, chsiFromEnv(ctx.db));
  ctx.reviews.register({ kind: 'collection', onDecision: (trx, review, status) => applyCollectionDecision(trx, review, status, ctx.clock.now().toISOString()) });

  await app.register(referenceRoutes);
  await app.register(certificateRoutes);

  app.get(
    '/api/collection',
    { preHandler: requireAccountant, schema: { tags, summary: '信息采集：当前填写情况与审核状态', response: { 200: collectionResponse } } },
    async (req) => service.state(me(req)),
  );

  app.put(
    '/api/collection/scope',
    { preHandler: requireAccountant, schema: { tags, summary: '采集须知：选择采集范围', body: collectionScopeRequest, response: { 200: collectionResponse } } },
    async (req) => service.saveScope(me(req), req.body.scope),
  );

  app.put(
    '/api/collection/basic',
    {
      preHandler: requireAccountant,
      schema: { tags, summary: '基本信息：照片、政治面貌、民族、联系方式、其他证件（号码不传则保留原值）', body: collectionBasicRequest, response: { 200: collectionResponse } },
    },
    async (req) => service.saveBasic(me(req), req.body),
  );

  app.post(
    '/api/collection/education',
    { preHandler: requireAccountant, schema: { tags, summary: '新增教育经历', body: educationEntryRequest, response: { 201: educationEntry } } },
    async (req, reply) => reply.code(201).send(await service.addEducation(me(req), req.body)),
  );

  app.put(
    '/api/collection/education/:id',
    {
      preHandler: requireAccountant,
      schema: { tags, summary: '编辑教育经历（原省平台数据只能补充缺失项）', params: collectionEntryParams, body: educationEntryRequest, response: { 200: educationEntry } },
    },
    async (req) => service.updateEducation(me(req), req.params.id, req.body),
  );

  app.delete(
    '/api/collection/education/:id',
    { preHandler: requireAccountant, schema: { tags, summary: '删除教育经历', params: collectionEntryParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteEducation(me(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/collection/work',
    { preHandler: requireAccountant, schema: { tags, summary: '新增工作经历（含本单位会计工作经历）', body: workEntryRequest, response: { 201: workEntry } } },
    async (req, reply) => reply.code(201).send(await service.addWork(me(req), req.body)),
  );

  app.put(
    '/api/collection/work/:id',
    {
      preHandler: requireAccountant,
      schema: { tags, summary: '编辑工作经历（原省平台数据只能补充缺失项）', params: collectionEntryParams, body: workEntryRequest, response: { 200: workEntry } },
    },
    async (req) => service.updateWork(me(req), req.params.id, req.body),
  );

  app.delete(
    '/api/collection/work/:id',
    { preHandler: requireAccountant, schema: { tags, summary: '删除工作经历', params: collectionEntryParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteWork(me(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/collection/department',
    { preHandler: requireAccountant, schema: { tags, summary: '会计管理部门：选择省、市、区县', body: collectionDepartmentRequest, response: { 200: collectionResponse } } },
    async (req) => service.saveDepartment(me(req), req.body.departmentCode),
  );

  app.post(
    '/api/collection/submit',
    {
      preHandler: requireAccountant,
      schema: { tags, summary: '承诺所提供信息真实有效并提交审核（学信网核验、证书库核验在此进行）', body: collectionSubmitRequest, response: { 200: collectionResponse } },
    },
    async (req) => service.submit(me(req), req.ip),
  );
};

const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const library = new CertificateLibrary(app.ctx);
  // the import takes the CSV file itself as well as JSON; parsers added here stay in this plugin
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/admin/certificates/import',
    {
      preHandler: requireStaff('sysadmin'),
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['management'],
        summary: '导入全国会计资格职称库证书（CSV：证书编号,姓名,证件号码,级别,取得年份,发证机关；任一行有误则全部不导入；已有证书编号跳过并计数）',
        body: z.union([z.string(), certificateImportRequest]),
        response: { 200: certificateImportResponse, 400: certificateImportResponse.extend({ code: z.string(), message: z.string() }) },
      },
    },
    async (req, reply) => {
      const staff = await loadStaff(req);
      const csv = typeof req.body === 'string' ? req.body : req.body.csv;
      const result = await library.import(csv, staff.id, req.ip);
      if (result.errors.length > 0) {
        const first = result.errors[0];
        const message = `第${first?.line ?? 1}行：${first?.message ?? ''}（共${result.errors.length}处错误，未导入任何数据）`;
        return reply.code(400).send({ code: 'VALIDATION_FAILED', message, ...result });
      }
      return result;
    },
  );

  app.get(
    '/api/admin/certificates',
    { preHandler: requireStaff('sysadmin'), schema: { tags: ['management'], summary: '查询全国会计资格职称库（证书编号、完整证件号码或姓名）', querystring: certificateSearchQuery, response: { 200: certificateListResponse } } },
    async (req) => ({ items: await library.search(req.query.q, req.query.limit) }),
  );
};
