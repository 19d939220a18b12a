import type { Config } from '../config';
import type { Db, Dialect } from '../db/index';
import type { Clock } from './clock';
import type { FieldCrypto } from './crypto';
import type { AuditLog } from './audit';
import type { RateLimiter } from './rate-limit';
import type { SessionStore } from './sessions';
import type { CaptchaService } from './captcha';
import type { SimulatedSmsGateway } from '../integrations/sms/sms-gateway';
import type { SmsCodeService } from '../modules/identity/sms-codes.service';
import type { FileService } from './files';
import type { ReviewEngine } from './review/review-engine';
import type { SimulatedAlipayIdentity } from '../integrations/alipay/alipay-identity';

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
  smsGateway: SimulatedSmsGateway;
  smsCodes: SmsCodeService;
  files: FileService;
  reviews: ReviewEngine;
  alipay: SimulatedAlipayIdentity;
  alipayMerchantKey: Buffer;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    accountantId?: string;
    staffId?: string;
  }
}
