import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { integrationStates } from '../../integrations/integrations';

const readyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'error']),
  /** the shared store of rate limits and SMS windows: in process without REDIS_URL */
  redis: z.enum(['ok', 'error', 'not_configured']),
  integrations: z.array(z.object({ name: z.string(), label: z.string(), state: z.enum(['simulator', 'available', 'unavailable']) })),
});

/**
 * For load balancers and operators (docs/operations.md): liveness without touching anything, and
 * readiness of what a request needs. An unavailable integration does not make the instance unready —
 * the platform works without it and says so — but it is listed.
 */
export const opsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: '存活检查（不访问数据库）', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: '就绪检查：数据库、Redis（配置时）与各外部服务的状态', response: { 200: readyResponse, 503: readyResponse } } },
    async (_req, reply) => {
      const database = await sql`select 1`.execute(ctx.db).then(() => 'ok' as const, () => 'error' as const);
      const redis = !ctx.config.redisUrl ? ('not_configured' as const) : await ctx.limiter.ping().then(() => 'ok' as const, () => 'error' as const);
      const ok = database === 'ok' && redis !== 'error';
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', database, redis, integrations: integrationStates(ctx.integrations) });
    },
  );
};
