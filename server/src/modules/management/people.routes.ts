import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { departmentHonorRequest, honorRecord, peopleQuery, peopleResponse, personArchiveResponse, personParams } from '@ausm/domain';
import { loadStaff } from '../../platform/auth';
import { PeopleService } from './people.service';
import { HonorsService } from '../honors/honors.service';
import { reviewsPolicy } from './reviews.policy';

const tags = ['management'];

/** 人员查询: the people a department holds, one person's archive (audited), and 奖惩 recorded by the department. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const people = new PeopleService(app.ctx);
  const honors = new HonorsService(app.ctx);
  const reviewers = reviewsPolicy.reviewers;

  app.get(
    '/api/admin/people',
    { preValidation: reviewers, schema: { tags, summary: '人员查询：本部门（主管含下级）所辖会计人员，按提交时间倒序，游标分页；证件号码脱敏', querystring: peopleQuery, response: { 200: peopleResponse } } },
    async (req) => people.list(await loadStaff(req), req.query),
  );
  app.get(
    '/api/admin/people/:accountId',
    { preValidation: reviewers, schema: { tags, summary: '会计人员档案（查看记入审计日志）', params: personParams, response: { 200: personArchiveResponse } } },
    async (req) => people.archive(await loadStaff(req), req.params.accountId, req.ip),
  );
  app.post(
    '/api/admin/people/:accountId/honors',
    { preValidation: reviewers, schema: { tags, summary: '部门直接录入奖惩信息（注明文号，录入即审核通过）', params: personParams, body: departmentHonorRequest, response: { 201: honorRecord } } },
    async (req, reply) => reply.code(201).send(await honors.record(await loadStaff(req), req.params.accountId, req.body, req.ip)),
  );
};
