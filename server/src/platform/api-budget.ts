import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { Config } from '../config';
import { AppError } from './errors';

/** Routes outside the budget: static files, the API documentation, and the probes operators poll. */
const EXEMPT = ['/api/docs', '/api/health', '/api/ready'];

/**
 * Whether a request counts against the per-IP API budget, by the route fastify matched (its
 * pattern, e.g. `/api/me`), so a percent-encoded spelling of the same path counts the same. A request
 * that matched no route (404) counts too: probing is traffic.
 */
export function countsAgainstBudget(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route === undefined) return true;
  return route.startsWith('/api/') && !EXEMPT.some((p) => route === p || route.startsWith(`${p}/`));
}

/**
 * The general per-IP budget (AUSM_API_PER_MINUTE per minute) with @fastify/rate-limit: in Redis when
 * REDIS_URL is set (one atomic counter per IP shared by every instance), in process otherwise. The
 * SMS send windows and the login throttle keep their own counters (platform/rate-limit.ts).
 */
export async function registerApiBudget(app: FastifyInstance, config: Config): Promise<void> {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => undefined)));
  await app.register(rateLimit, {
    global: true,
    max: config.apiPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => req.ip,
    allowList: (req) => !countsAgainstBudget(req),
    ...(redis ? { redis, nameSpace: 'ausm:api-budget:' } : {}),
    errorResponseBuilder: (_req, ctx) => AppError.rateLimited(Math.max(1, Math.ceil(ctx.ttl / 1000))),
  });
}
