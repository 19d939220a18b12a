import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REVIEW_STATUSES } from '@ausm/domain';
import { submissionsPolicy } from './submissions.policy';

/** What a person may do with their own submissions, whatever their kind: withdraw a pending one. */
export const submissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/api/my/reviews/:id/withdraw',
    {
      preValidation: submissionsPolicy.owner,
      schema: {
        tags: ['reviews'],
        summary: '撤回本人尚在审核中的申请（撤回后可修改再提交）',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ idempotencyKey: z.string().min(8).max(64).optional() }).strict().nullish(),
        response: { 200: z.object({ id: z.string(), status: z.enum(REVIEW_STATUSES) }) },
      },
    },
    async (req) => {
      const r = await ctx.reviews.transition({
        reviewId: req.params.id,
        action: 'withdraw',
        actor: { kind: 'owner', accountId: req.accountantId ?? '' },
        idempotencyKey: req.body?.idempotencyKey,
        ip: req.ip,
      });
      return { id: r.id, status: r.status };
    },
  );
};
