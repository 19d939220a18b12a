import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { COLLECTION_STATUS_LABELS, beijingDateTime, departmentHonorRequest, honorRecord, peopleQuery, peopleResponse, peopleStatsResponse, personArchiveResponse, personParams } from '@ausm/domain';
import { loadStaff } from '../../platform/auth';
import { PeopleService } from './people.service';
import { HonorsService } from '../honors/honors.service';
import { reviewsPolicy } from './reviews.policy';
import { xlsxStream } from '../../platform/xlsx';

const PEOPLE_COLUMNS = ['姓名', '证件号码', '手机尾号', '采集状态', '采集范围', '所属会计管理部门', '提交时间', '审核时间'];
const shanghai = (iso: string) => beijingDateTime(iso, { seconds: true });

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
    '/api/admin/people/stats',
    { preValidation: reviewers, schema: { tags, summary: '人员统计：本部门（主管含下级）各部门、各采集状态的人数（每分钟汇总一次）', response: { 200: peopleStatsResponse } } },
    async (req) => people.stats(await loadStaff(req)),
  );

  app.get(
    '/api/admin/people/export',
    {
      preValidation: reviewers,
      schema: { tags, summary: '导出人员查询结果（xlsx，逐页读取、流式输出；证件号码脱敏；导出记入审计日志）', querystring: peopleQuery.omit({ cursor: true, limit: true }) },
    },
    async (req, reply) => {
      const staff = await loadStaff(req);
      await app.ctx.audit.record(app.ctx.db, { actorKind: 'staff', actorId: staff.id, action: 'people.export', ip: req.ip, detail: { filters: req.query } });
      async function* rows() {
        let cursor: string | undefined;
        do {
          const page = await people.list(staff, { ...req.query, limit: 100, ...(cursor ? { cursor } : {}) });
          for (const p of page.items) {
            yield [p.name, p.maskedIdNumber, p.phoneTail, COLLECTION_STATUS_LABELS[p.status], p.scopeName ?? '', p.departmentName, p.submittedAt ? shanghai(p.submittedAt) : '', p.decidedAt ? shanghai(p.decidedAt) : ''];
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      const stamp = shanghai(app.ctx.clock.now().toISOString()).slice(0, 10);
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="people-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`会计人员-${stamp}.xlsx`)}`)
        .send(Readable.from(xlsxStream('会计人员', PEOPLE_COLUMNS, rows())));
    },
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
