import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { reindexIdentities } from './modules/identity/identity-keys';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maskNumbersInText, replaceBadCharacters, type ApiErrorBody, type FieldError } from '@ausm/domain';
import type { Config } from './config';
import { migrateToLatest, openDb, type DbHandle } from './db/index';
import { systemClock, type Clock } from './platform/clock';
import { FieldCrypto } from './platform/crypto';
import { AuditLog } from './platform/audit';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './platform/rate-limit';
import { SessionStore } from './platform/sessions';
import { CaptchaService } from './platform/captcha';
import { AppError } from './platform/errors';
import type { AppContext } from './platform/context';
import { SmsCodeService } from './modules/identity/sms-codes.service';
import { JobRunner } from './platform/jobs';
import { PolicyStore } from './platform/policies';
import { collectionCountsJob, purgeExpiredJob, reviewCountsJob } from './jobs';
import { retentionJob } from './retention-job';
import { identityRoutes } from './modules/identity/identity.routes';
import { managementRoutes } from './modules/management/management.routes';
import { helpRoutes } from './modules/help/help.routes';
import { devRoutes } from './modules/dev/dev.routes';
import { opsRoutes } from './modules/ops/ops.routes';
import { seed } from './seed';
import multipart from '@fastify/multipart';
import { refuseBadCharacters } from './platform/input-guard';
import { csrfGuard } from './platform/csrf';
import { loadStaff } from './platform/auth';
import { registerApiBudget } from './platform/api-budget';
import { FileService } from './platform/files';
import { ReviewEngine } from './platform/review/review-engine';
import { ReviewKindRegistry, type AnyReviewKind } from './platform/review/kind';
import { REVIEW_KIND_DEFINITIONS } from './review-kinds';
import { filesRoutes } from './modules/files/files.routes';
import { alipaySimRoutes, realnameRoutes } from './modules/realname/realname.routes';
import { collectionRoutes } from './modules/collection/collection.routes';
import { changesRoutes } from './modules/changes/changes.routes';
import { transfersRoutes } from './modules/transfers/transfers.routes';
import { honorsRoutes } from './modules/honors/honors.routes';
import { peopleRoutes } from './modules/management/people.routes';
import { reviewRoutes } from './modules/management/reviews.routes';
import { policiesRoutes } from './modules/management/policies.routes';
import { submissionsRoutes } from './modules/submissions/submissions.routes';
import { centerRoutes } from './modules/center/center.routes';
import { wechatLoginRoutes, wechatSimRoutes } from './modules/center/wechat.routes';
import { alipayMerchantKey, integrationsFor, selfCheckIntegrations, type Integrations } from './integrations/integrations';

z.config(z.locales.zhCN());

export interface BuildOptions {
  clock?: Clock;
  db?: DbHandle;
  limiter?: RateLimiter;
  /** folder of the built web app; defaults to web/dist next to the server */
  webDist?: string | null;
  logger?: boolean;
  seedDemo?: boolean;
  /** kinds registered next to the platform's own (tests declare sketch kinds this way) */
  extraReviewKinds?: ReadonlyArray<AnyReviewKind>;
  /** adapters in place of the ones config chooses (tests: a failing self-check, production without simulators) */
  integrations?: (ctx: { db: DbHandle['db']; clock: Clock; fieldCrypto: FieldCrypto }) => Integrations;
}

export async function createContext(config: Config, opts: BuildOptions = {}): Promise<AppContext & { close(): Promise<void> }> {
  const clock = opts.clock ?? systemClock;
  const handle = opts.db ?? openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'ausm.sqlite') });
  await migrateToLatest(handle.db);
  const limiter = opts.limiter ?? (config.redisUrl ? new RedisRateLimiter(config.redisUrl) : new MemoryRateLimiter(clock));
  const fieldCrypto = new FieldCrypto(config.masterKey);
  const audit = new AuditLog(clock);
  const deps = { db: handle.db, clock, fieldCrypto };
  const integrations = opts.integrations ? opts.integrations(deps) : integrationsFor(config, deps);
  await selfCheckIntegrations(integrations);
  const ctx: AppContext = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    fieldCrypto,
    audit,
    limiter,
    sessions: new SessionStore(handle.db, clock, config.session),
    captcha: new CaptchaService(handle.db, clock, config.captcha.validSeconds, (id, answer) => fieldCrypto.blindIndex('captcha', `${id}:${answer}`), config.demo),
    smsCodes: new SmsCodeService(handle.db, clock, fieldCrypto, limiter, integrations.sms, config.sms),
    files: new FileService(handle.db, clock, config.dataDir, fieldCrypto),
    reviews: new ReviewEngine(handle.db, clock, audit, new ReviewKindRegistry([...REVIEW_KIND_DEFINITIONS, ...(opts.extraReviewKinds ?? [])])),
    integrations,
    alipayMerchantKey: alipayMerchantKey(config),
    jobs: new JobRunner(handle.db, clock),
    policies: new PolicyStore(handle.db, clock, audit),
  };
  const converted = await ctx.files.encryptStoredPlainFiles();
  if (converted > 0) {
    await audit.record(handle.db, { actorKind: 'system', action: 'files.encrypted_at_rest', detail: { files: converted, migration: '0010' } });
    console.warn(`migration 0010: encrypted ${converted} uploaded files stored in plain bytes (SM4)`);
  }
  const reindexed = await reindexIdentities(ctx);
  if (reindexed) {
    console.warn(
      `migration 0011: re-indexed ${reindexed.reindexed} of ${reindexed.accounts} accounts on the person key (${reindexed.reducedToPerson} stored with a renewal count); ` +
        `${reindexed.duplicates.length} duplicates and ${reindexed.invalid.length} numbers the rules now refuse are listed in data_migrations for an operator (docs/operations.md)`,
    );
  }
  ctx.jobs.register(purgeExpiredJob(ctx));
  ctx.jobs.register(reviewCountsJob(ctx));
  ctx.jobs.register(collectionCountsJob(ctx));
  ctx.jobs.register(retentionJob(ctx));
  return {
    ...ctx,
    close: async () => {
      ctx.jobs.stop();
      if (!opts.limiter) await limiter.close();
      if (!opts.db) await handle.close();
    },
  };
}

function defaultWebDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/ in development and tests, dist/ when bundled: both sit in server/
  return path.resolve(here, '../../web/dist');
}

function zodFields(issues: ReadonlyArray<{ keyword?: string; instancePath?: string; message?: string; params?: unknown }>): FieldError[] {
  return issues.map((i) => {
    const base = (i.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const keys = (i.params as { keys?: string[] } | undefined)?.keys ?? [];
    if (i.keyword === 'unrecognized_keys') {
      // the keys are the caller's bytes: never echo a control character or a lone surrogate
      const shown = keys.map(replaceBadCharacters);
      return { path: [base, shown[0]].filter(Boolean).join('.'), message: `不允许的字段：${shown.join('、')}` };
    }
    return { path: base, message: i.message ?? '输入有误' };
  });
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const ctx = await createContext(config, opts);
  if (opts.seedDemo ?? config.demo) await seed(ctx, { demo: config.demo });
  else await seed(ctx, { demo: false });

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.body.password'],
            // a search's ?q= may be a full ID or phone number: request lines carry it masked
            serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: maskNumbersInText(req.url), remoteAddress: req.ip }) },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // errors fastify answers before any route runs (a malformed URL …) keep the app's format too
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      void reply.code(status).send({ code: 'BAD_REQUEST', message: status === 414 ? '请求地址过长' : '请求地址有误' } satisfies ApiErrorBody);
    },
  }).withTypeProvider<ZodTypeProvider>();
  // every route as registered, with its guard and config: what the authorization matrix checks
  const routeTable: RouteOptions[] = [];
  app.addHook('onRoute', (r) => void routeTable.push(r as RouteOptions));
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => ctx.close());

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body: ApiErrorBody;
    let status: number;
    if (err instanceof AppError) {
      status = err.status;
      body = { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.retryAfter ? { retryAfter: err.retryAfter } : {}) };
      if (err.retryAfter) reply.header('Retry-After', String(err.retryAfter));
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const fields = zodFields(err.validation);
      body = { code: 'VALIDATION_FAILED', message: fields[0]?.message ?? '提交的信息有误', fields };
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      status = 413;
      body = { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode === 415 ? 415 : 400;
      body = status === 415 ? { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求格式有误：请以 JSON 格式提交' } : { code: 'BAD_REQUEST', message: '请求格式有误' };
    } else {
      if (isResponseSerializationError(err)) req.log.error({ err }, 'response did not match its schema');
      else req.log.error({ err }, 'unhandled error');
      status = 500;
      body = { code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    }
    return reply.code(status).send(body);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    hsts: config.production,
  });

  // state-changing requests only from the platform's own pages (platform/csrf.ts)
  app.addHook('onRequest', csrfGuard(config));
  // JSON only: fastify's built-in text/plain parser is what a form on another page could post
  app.removeContentTypeParser('text/plain');

  // One per-IP budget for the whole API, keyed on the route fastify matched — never on the raw URL,
  // which `/%61pi/…` spells differently (platform/api-budget.ts)
  await registerApiBudget(app, config);
  // no control characters or lone surrogates in any string of any request (platform/input-guard.ts)
  app.addHook('preHandler', refuseBadCharacters);
  // nothing is cached unless it says so (the static files and index.html set their own)
  app.addHook('onSend', async (_req, reply) => {
    if (!reply.getHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      info: { title: '全国会计人员统一服务管理平台 API', version: '0.1.0', description: 'AUSM 会计人员端与管理端接口' },
    },
    transform: jsonSchemaTransform,
  });
  // the API documentation is public in development; in production only signed-in staff read it
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    ...(config.production ? { uiHooks: { onRequest: async (req: FastifyRequest) => void (await loadStaff(req)) } } : {}),
  });

  await app.register(opsRoutes);
  await app.register(identityRoutes);
  await app.register(managementRoutes);
  await app.register(helpRoutes);
  await app.register(filesRoutes);
  await app.register(realnameRoutes);
  await app.register(collectionRoutes);
  await app.register(changesRoutes);
  await app.register(transfersRoutes);
  await app.register(honorsRoutes);
  await app.register(peopleRoutes);
  await app.register(reviewRoutes);
  await app.register(policiesRoutes);
  await app.register(submissionsRoutes);
  await app.register(centerRoutes);
  await app.register(wechatLoginRoutes);
  if (config.demo) {
    await app.register(devRoutes);
    await app.register(alipaySimRoutes);
    await app.register(wechatSimRoutes);
  }

  const webDist = opts.webDist === undefined ? defaultWebDist() : opts.webDist;
  const hasWeb = webDist !== null && fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // the build wrote .br and .gz copies (web/vite.config.ts): sent as they are, by Accept-Encoding
      preCompressed: true,
      // hashed file names under /assets/ never change: cached for a year; everything else revalidates
      setHeaders: (reply, filePath) => {
        reply.header('Cache-Control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.code(404).send({ code: 'NOT_FOUND', message: '请求的资源不存在' } satisfies ApiErrorBody);
    }
    // the web app routes on the client: every other GET gets index.html
    return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
  });

  return app;
}
