import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  REVIEW_MODE_LABELS,
  beijingDateTime,
  REVIEW_STATUS_LABELS,
  reviewAssignRequest,
  reviewBatchDecisionRequest,
  reviewBatchDecisionResponse,
  reviewDecisionRequest,
  revealIdNumberResponse,
  reviewDetailResponse,
  reviewQueueQuery,
  reviewQueueResponse,
  reviewStatsResponse,
} from '@ausm/domain';
import { AppError } from '../../platform/errors';
import { loadStaff } from '../../platform/auth';
import { ReviewQueueService } from './reviews.service';
import { reviewsPolicy } from './reviews.policy';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const shanghai = (iso: string | null) => beijingDateTime(iso, { seconds: true });

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = new ReviewQueueService(ctx);
  const reviewers = reviewsPolicy.reviewers;

  app.get(
    '/api/admin/reviews',
    { preValidation: reviewers, schema: { tags: ['management'], summary: '审核队列（本部门，主管含下级部门；按提交时间倒序，游标分页）', querystring: reviewQueueQuery, response: { 200: reviewQueueResponse } } },
    async (req) => service.queue(await loadStaff(req), req.query),
  );

  app.get(
    '/api/admin/reviews/stats',
    { preValidation: reviewers, schema: { tags: ['management'], summary: '各类事项按状态的数量', response: { 200: reviewStatsResponse } } },
    async (req) => {
      const s = await service.stats(await loadStaff(req));
      return s as z.infer<typeof reviewStatsResponse>;
    },
  );

  app.get(
    '/api/admin/reviews/export',
    { preValidation: reviewers, schema: { tags: ['management'], summary: '导出筛选后的审核队列（CSV，证件号码脱敏）', querystring: reviewQueueQuery.omit({ cursor: true, limit: true }) } },
    async (req, reply) => {
      const staff = await loadStaff(req);
      const lines = ['序号,事项类型,申请人,证件号码,受理部门,审核方式,审核状态,提交时间,审核时间'];
      let cursor: string | undefined;
      let n = 0;
      // Walk the keyset pages so a large export never loads the whole table at once.
      for (let page = 0; page < 500; page++) {
        const r = await service.queue(staff, { ...req.query, cursor, limit: 100 });
        for (const it of r.items) {
          n++;
          lines.push([String(n), it.kindLabel, it.applicantName, it.maskedIdNumber, it.departmentName, REVIEW_MODE_LABELS[it.mode], REVIEW_STATUS_LABELS[it.status], shanghai(it.submittedAt), shanghai(it.decidedAt)].map(csvCell).join(','));
        }
        if (!r.nextCursor) break;
        cursor = r.nextCursor;
      }
      await ctx.audit.record(ctx.db, { actorKind: 'staff', actorId: staff.id, action: 'review.export', ip: req.ip, detail: { rows: n, filters: req.query } });
      const stamp = shanghai(ctx.clock.now().toISOString()).slice(0, 10);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="reviews-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`审核事项-${stamp}.csv`)}`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );

  app.post(
    '/api/admin/reviews/batch-decision',
    {
      preValidation: reviewers,
      config: { multiline: ['note'] },
      schema: {
        tags: ['management'],
        summary: '批量审核：对所选事项逐件作出同一审核决定（每件单独生效、单独留痕；审核不通过须填写原因）',
        body: reviewBatchDecisionRequest,
        response: { 200: reviewBatchDecisionResponse },
      },
    },
    async (req) => {
      const staff = await loadStaff(req);
      const { ids, action, note, idempotencyKey } = req.body;
      const results = [];
      // one item after the other, each its own transaction: one refusal does not undo the others
      for (const id of [...new Set(ids)]) {
        try {
          const r = await ctx.reviews.transition({ reviewId: id, action, actor: { kind: 'staff', staff }, note, idempotencyKey: idempotencyKey ? `${idempotencyKey}:${id}` : undefined, ip: req.ip });
          results.push({ id, ok: true, status: r.status, message: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id, ok: false, status: null, message: err.fields?.[0]?.message ?? err.message });
        }
      }
      return { results };
    },
  );

  app.post(
    '/api/admin/reviews/:id/assignee',
    {
      preValidation: reviewers,
      schema: { tags: ['management'], summary: '在受理部门内分配事项给审核人员（null：退回部门队列）；分配记入审计日志', params: z.object({ id: z.string().max(64) }), body: reviewAssignRequest, response: { 200: reviewDetailResponse } },
    },
    async (req) => {
      const staff = await loadStaff(req);
      await ctx.reviews.assign({ reviewId: req.params.id, staff, assigneeId: req.body.assigneeId, ip: req.ip });
      return service.detail(staff, req.params.id, req.ip);
    },
  );

  app.post(
    '/api/admin/reviews/:id/reveal-id-number',
    {
      preValidation: reviewers,
      schema: { tags: ['management'], summary: '查看完整证件号（仅限可查看该事项的审核人员；每次查看记入审计日志）', params: z.object({ id: z.string().max(64) }), response: { 200: revealIdNumberResponse } },
    },
    async (req) => service.revealIdNumber(await loadStaff(req), req.params.id, req.ip),
  );

  app.get(
    '/api/admin/reviews/:id',
    { preValidation: reviewers, schema: { tags: ['management'], summary: '审核事项详情（查看记入审计日志）', params: z.object({ id: z.string().max(64) }), response: { 200: reviewDetailResponse } } },
    async (req) => service.detail(await loadStaff(req), req.params.id, req.ip),
  );

  app.post(
    '/api/admin/reviews/:id/decision',
    {
      preValidation: reviewers,
      config: { multiline: ['note'] },
      schema: {
        tags: ['management'],
        summary: '审核决定：审核通过、退回补正或审核不通过（后两者须填写原因；以事项当前阶段允许的操作为准）',
        params: z.object({ id: z.string().max(64) }),
        body: reviewDecisionRequest,
        response: { 200: reviewDetailResponse },
      },
    },
    async (req) => {
      const staff = await loadStaff(req);
      await ctx.reviews.transition({ reviewId: req.params.id, action: req.body.action, actor: { kind: 'staff', staff }, note: req.body.note, idempotencyKey: req.body.idempotencyKey, ip: req.ip });
      return service.detail(staff, req.params.id, req.ip);
    },
  );
};
