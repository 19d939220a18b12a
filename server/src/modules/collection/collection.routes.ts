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
  errorResponse,
} from '@ausm/domain';
import { loadStaff } from '../../platform/auth';
import { unavailableChsi } from '../../integrations/chsi/chsi-verifier';
import { CollectionService } from './collection.service';
import { CertificateLibrary } from './certificates.service';
import { referenceRoutes } from './reference.routes';
import { collectionPolicy } from './collection.policy';

const tags = ['collection'];
const me = (req: { accountantId?: string }) => req.accountantId ?? '';

/** 会计人员信息采集 (accountant), its reference data (public) and the certificate library (system administrator). */
export const collectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = new CollectionService(ctx, ctx.integrations.chsi ?? unavailableChsi);

  await app.register(referenceRoutes);
  await app.register(certificateRoutes);

  app.get(
    '/api/collection',
    { preValidation: collectionPolicy.owner, schema: { tags, summary: '信息采集：当前填写情况与审核状态', response: { 200: collectionResponse } } },
    async (req) => service.state(me(req)),
  );

  app.put(
    '/api/collection/scope',
    { preValidation: collectionPolicy.owner, schema: { tags, summary: '采集须知：选择采集范围', body: collectionScopeRequest, response: { 200: collectionResponse } } },
    async (req) => service.saveScope(me(req), req.body.scope),
  );

  app.put(
    '/api/collection/basic',
    {
      preValidation: collectionPolicy.owner,
      schema: { tags, summary: '基本信息：照片、政治面貌、民族、联系方式、其他证件（号码不传则保留原值）', body: collectionBasicRequest, response: { 200: collectionResponse } },
    },
    async (req) => service.saveBasic(me(req), req.body),
  );

  entryRoutes(app, {
    kind: 'education',
    noun: '教育经历',
    addSummary: '新增教育经历',
    body: educationEntryRequest,
    entry: educationEntry,
    add: (accountId, input) => service.addEducation(accountId, input),
    update: (accountId, id, input) => service.updateEducation(accountId, id, input),
    remove: (accountId, id) => service.deleteEducation(accountId, id),
  });
  entryRoutes(app, {
    kind: 'work',
    noun: '工作经历',
    addSummary: '新增工作经历（含本单位会计工作经历）',
    body: workEntryRequest,
    entry: workEntry,
    add: (accountId, input) => service.addWork(accountId, input),
    update: (accountId, id, input) => service.updateWork(accountId, id, input),
    remove: (accountId, id) => service.deleteWork(accountId, id),
  });

  app.put(
    '/api/collection/department',
    { preValidation: collectionPolicy.owner, schema: { tags, summary: '会计管理部门：选择省、市、区县', body: collectionDepartmentRequest, response: { 200: collectionResponse } } },
    async (req) => service.saveDepartment(me(req), req.body.departmentCode),
  );

  app.post(
    '/api/collection/submit',
    {
      preValidation: collectionPolicy.owner,
      schema: { tags, summary: '承诺所提供信息真实有效并提交审核（学信网核验、证书库核验在此进行）', body: collectionSubmitRequest, response: { 200: collectionResponse } },
    },
    async (req) => service.submit(me(req), req.ip),
  );
};

/**
 * 新增 / 编辑 / 删除 of one kind of entry: education and work entries are kept alike, so their routes
 * differ only in path, wording, schemas and the service calls. Registered on the caller's instance,
 * in place, so the routes stay where they were among the others.
 */
function entryRoutes<Body extends z.ZodType, Entry extends z.ZodType>(
  app: Parameters<FastifyPluginAsyncZod>[0],
  spec: {
    kind: 'education' | 'work';
    noun: string;
    addSummary: string;
    body: Body;
    entry: Entry;
    add: (accountId: string, input: z.infer<Body>) => Promise<z.infer<Entry>>;
    update: (accountId: string, id: string, input: z.infer<Body>) => Promise<z.infer<Entry>>;
    remove: (accountId: string, id: string) => Promise<void>;
  },
): void {
  const { kind, noun, body, entry } = spec;
  // the Zod type provider cannot resolve types from a generic schema: the route generics below let the
  // replies type-check, and the body is cast, safely, as the schema has validated it before the handler runs
  const input = (req: { body: unknown }) => req.body as z.infer<Body>;
  app.post<{ Body: z.infer<Body> }>(
    `/api/collection/${kind}`,
    { preValidation: collectionPolicy.owner, schema: { tags, summary: spec.addSummary, body, response: { 201: entry } } },
    async (req, reply) => reply.code(201).send(await spec.add(me(req), input(req))),
  );

  app.put<{ Params: z.infer<typeof collectionEntryParams>; Body: z.infer<Body> }>(
    `/api/collection/${kind}/:id`,
    {
      preValidation: collectionPolicy.owner,
      schema: { tags, summary: `编辑${noun}（原省平台数据只能补充缺失项）`, params: collectionEntryParams, body, response: { 200: entry } },
    },
    async (req) => spec.update(me(req), req.params.id, input(req)),
  );

  app.delete<{ Params: z.infer<typeof collectionEntryParams> }>(
    `/api/collection/${kind}/:id`,
    { preValidation: collectionPolicy.owner, schema: { tags, summary: `删除${noun}`, params: collectionEntryParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await spec.remove(me(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}

const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const library = new CertificateLibrary(app.ctx);
  // The import takes the CSV file itself (text/csv) as well as JSON; the parser added here stays in this
  // plugin. Not text/plain: that is what an HTML form on another site can send without a preflight.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/api/admin/certificates/import',
    {
      preValidation: collectionPolicy.certificateLibrary,
      bodyLimit: 5 * 1024 * 1024,
      config: { multiline: ['', 'csv'] },
      schema: {
        tags: ['management'],
        summary: '导入全国会计资格职称库证书（CSV：证书编号,姓名,证件号码,级别,取得年份,发证机关；任一行有误则全部不导入；已有证书编号跳过并计数）',
        body: z.union([z.string(), certificateImportRequest]),
        // a 400 is either the error format or, for rows that failed, that format plus the import's counts and errors
        response: { 200: certificateImportResponse, 400: z.union([certificateImportResponse.extend({ code: z.string(), message: z.string() }), errorResponse]) },
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
    { preValidation: collectionPolicy.certificateLibrary, schema: { tags: ['management'], summary: '查询全国会计资格职称库（证书编号、完整证件号码或姓名）', querystring: certificateSearchQuery, response: { 200: certificateListResponse } } },
    async (req) => ({ items: await library.search(req.query.q, req.query.limit) }),
  );
};
