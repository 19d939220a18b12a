import type { RouteOptions } from 'fastify';
import type { Config } from '../config';
import type { Account, Staff } from '../db/types';
import type { Db, Dialect } from '../db/index';
import type { Clock } from './clock';
import type { FieldCrypto } from './crypto';
import type { AuditLog } from './audit';
import type { RateLimiter } from './rate-limit';
import type { SessionStore } from './sessions';
import type { CaptchaService } from './captcha';
import type { SmsCodeService } from '../modules/identity/sms-codes.service';
import type { FileService } from './files';
import type { ReviewEngine } from './review/review-engine';
import type { Integrations } from '../integrations/integrations';
import type { JobRunner } from './jobs';
import type { PolicyStore } from './policies';

/** Everything a route or service needs, built once per app instance (tests build their own). */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  audit: AuditLog;
  limiter: RateLimiter;
  sessions: SessionStore;
  captcha: CaptchaService;
  smsCodes: SmsCodeService;
  files: FileService;
  reviews: ReviewEngine;
  /** outside services by interface; simulators only in demo mode */
  integrations: Integrations;
  alipayMerchantKey: Buffer;
  /** background jobs; main.ts starts them, tests run them one at a time */
  jobs: JobRunner;
  /** versioned policy values (login lockout, …) */
  policies: PolicyStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** every route as registered (method, url, guard, config), for the authorization matrix */
    routeTable: ReadonlyArray<RouteOptions>;
  }
  interface FastifyRequest {
    accountantId?: string;
    /** the signed-in accountant's account, read with the session */
    account?: Account;
    staffId?: string;
    /** the signed-in staff member, loaded once per request by the guard */
    staff?: Staff;
  }
}
