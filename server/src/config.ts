import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { DENGBAO_PASSWORD_POLICY, type PasswordPolicy } from '@ausm/domain';

/**
 * Typed configuration, read once from the environment at start-up. Every policy number that a
 * finance bureau could change lives here, not in code.
 */
export interface Config {
  production: boolean;
  demo: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** 32 bytes: SM4 key material and blind-index key are derived from it */
  masterKey: Buffer;
  cookieSecure: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number; ipPerMinute: number };
  sms: { validSeconds: number; resendSeconds: number; maxTries: number; ipPerHour: number; phonePerDay: number };
  captcha: { validSeconds: number };
  passwordPolicy: PasswordPolicy;
  /** global per-IP API budget per minute */
  apiPerMinute: number;
  logLevel: string;
  /**
   * The origin people reach the platform at (AUSM_PUBLIC_URL, e.g. https://kj.mof.gov.cn): the one
   * origin a state-changing request may come from, and the base of links the platform hands out (QR
   * codes). Unset, the running server's own origin is used for both.
   */
  publicOrigin: string | undefined;
  /** further origins allowed to send state-changing requests (AUSM_ALLOWED_ORIGINS; `npm run dev` adds the Vite origin) */
  allowedOrigins: string[];
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1/0/true/false, got "${raw}"`);
}

function parseKey(raw: string, name: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError(`${name} must be 64 hex characters (32 bytes)`);
  const key = Buffer.from(raw, 'hex');
  // all zeros, one repeated byte or a short pattern repeated: a placeholder, not a key (generate one with `openssl rand -hex 32`)
  if (new Set(key).size < 8) throw new ConfigError(`${name} is not a random key (too few distinct bytes); generate one with: openssl rand -hex 32`);
  return key;
}

function origin(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://kj.example.gov.cn, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return url.origin;
}

/** In development a key is generated into the data folder once, so restarts can read old data. */
function devKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'dev-master.key');
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8').trim(), file);
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.AUSM_DATA_DIR || './data');
  const demo = flag(env, 'AUSM_DEMO', !production);
  if (production && demo) throw new ConfigError('AUSM_DEMO cannot be on when NODE_ENV=production');
  let masterKey: Buffer;
  if (env.AUSM_KEY) masterKey = parseKey(env.AUSM_KEY, 'AUSM_KEY');
  else if (production) throw new ConfigError('AUSM_KEY is required in production (64 hex characters)');
  else masterKey = devKey(dataDir);
  if (production && !env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required in production (PostgreSQL)');
  }
  if (production && !env.AUSM_PUBLIC_URL) {
    throw new ConfigError('AUSM_PUBLIC_URL is required in production (the https address people use, e.g. https://kj.example.gov.cn)');
  }
  return {
    production,
    demo,
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    masterKey,
    cookieSecure: flag(env, 'AUSM_COOKIE_SECURE', production),
    trustProxy: flag(env, 'AUSM_TRUST_PROXY', false),
    session: {
      idleMinutes: int(env, 'AUSM_SESSION_IDLE_MINUTES', 30),
      absoluteHours: int(env, 'AUSM_SESSION_ABSOLUTE_HOURS', 12),
    },
    login: {
      maxFailures: int(env, 'AUSM_LOGIN_MAX_FAILURES', 5),
      lockMinutes: int(env, 'AUSM_LOGIN_LOCK_MINUTES', 30),
      ipPerMinute: int(env, 'AUSM_LOGIN_IP_PER_MINUTE', 30),
    },
    sms: {
      validSeconds: int(env, 'AUSM_SMS_VALID_SECONDS', 180),
      resendSeconds: int(env, 'AUSM_SMS_RESEND_SECONDS', 180),
      maxTries: int(env, 'AUSM_SMS_MAX_TRIES', 5),
      ipPerHour: int(env, 'AUSM_SMS_IP_PER_HOUR', 20),
      phonePerDay: int(env, 'AUSM_SMS_PHONE_PER_DAY', 10),
    },
    captcha: { validSeconds: int(env, 'AUSM_CAPTCHA_VALID_SECONDS', 300) },
    passwordPolicy: {
      minLength: int(env, 'AUSM_PASSWORD_MIN_LENGTH', DENGBAO_PASSWORD_POLICY.minLength),
      maxLength: int(env, 'AUSM_PASSWORD_MAX_LENGTH', DENGBAO_PASSWORD_POLICY.maxLength),
      minClasses: int(env, 'AUSM_PASSWORD_MIN_CLASSES', DENGBAO_PASSWORD_POLICY.minClasses),
    },
    apiPerMinute: int(env, 'AUSM_API_PER_MINUTE', 600),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    publicOrigin: env.AUSM_PUBLIC_URL ? origin(env.AUSM_PUBLIC_URL, 'AUSM_PUBLIC_URL') : undefined,
    allowedOrigins: (env.AUSM_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => origin(o, 'AUSM_ALLOWED_ORIGINS')),
  };
}
