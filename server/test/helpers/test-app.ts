import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Migrator, type Kysely } from 'kysely';
import { buildApp } from '../../src/app';
import { migrations } from '../../migrations/index';
import { loadConfig } from '../../src/config';
import { migrateToLatest, openDb, type DbHandle } from '../../src/db/index';
import { ManualClock } from '../../src/platform/clock';
import type { RateLimiter } from '../../src/platform/rate-limit';
import type { AnyReviewKind } from '../../src/platform/review/kind';

// a fixed key (tests compare ciphertexts across app instances), random-looking as a real one must be
export const TEST_KEY = '3f9c1a7e5b2d48c6a0e7f1b93d5c2a8e6b4f0d1c9a7e3b5f2d8c6a4e0b1f9d37';

/**
 * A new, empty PostgreSQL database beside DATABASE_URL's, and how to drop it (waiting for the last
 * connections to close first, so that the forced drop does not end one of ours mid-close).
 */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ausm_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      for (let i = 0; i < 100; i++) {
        const r = await a.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if ((r.rows[0] as { n: number }).n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * A fresh database for one test file: in-memory SQLite, or, when DATABASE_URL is set, a new
 * PostgreSQL database created for the file and dropped afterwards. Same tests, both dialects.
 */
export async function freshDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDb({ sqliteFile: ':memory:' });
  const created = await freshPostgresDatabase(url);
  const handle = openDb({ databaseUrl: created.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

/**
 * A fresh database migrated up to `migration` and no further: the schema an older main left, for the
 * tests of the data migrations after it. Rows are written to it untyped, as that main wrote them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- older schemas do not follow today's table types
export async function freshDbAt(migration: string): Promise<{ handle: DbHandle; db: Kysely<any> }> {
  const handle = await freshDb();
  const r = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } }).migrateTo(migration);
  if (r.error) throw new Error(`migrating to ${migration} failed: ${String(r.error)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { handle, db: handle.db as unknown as Kysely<any> };
}

export const dialectName = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * An app on a fresh database, demo mode (simulators, /api/dev). Demo data (staff, demo people) is
 * opt-in with `seedDemo: true`; a test that needs less makes its own with server/test/factories.
 */
export async function makeTestApp(
  env: Record<string, string> = {},
  opts: { limiter?: RateLimiter; db?: DbHandle; clock?: ManualClock; extraReviewKinds?: ReadonlyArray<AnyReviewKind>; seedDemo?: boolean } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? new ManualClock(new Date('2026-03-01T02:00:00.000Z'));
  const db = opts.db ?? (await freshDb());
  await migrateToLatest(db.db);
  // each app its own data folder (uploads), removed when it closes
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-test-'));
  const config = loadConfig({
    AUSM_KEY: TEST_KEY,
    AUSM_DATA_DIR: dataDir,
    AUSM_DEMO: '1',
    AUSM_SMS_IP_PER_HOUR: '1000',
    AUSM_SMS_PHONE_PER_DAY: '1000',
    AUSM_LOGIN_IP_PER_MINUTE: '1000',
    AUSM_API_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp(config, { clock, db, webDist: null, logger: false, limiter: opts.limiter, extraReviewKinds: opts.extraReviewKinds, seedDemo: opts.seedDemo ?? false }).catch(async (err: unknown) => {
    if (!opts.db) await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    app,
    clock,
    close: async () => {
      await app.close();
      if (!opts.db) await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Set-Cookie value of a named cookie, ready for a Cookie header. */
export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  const c = res.cookies.find((x) => x.name === name);
  return c && c.value ? `${name}=${c.value}` : undefined;
}

/** The environment of a production start (no demo mode), with a database URL that is never used. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AUSM_KEY: TEST_KEY,
  DATABASE_URL: 'postgres://unused.invalid/ausm',
  AUSM_PUBLIC_URL: 'https://kj.example.gov.cn',
} as const;

/** An app started as in production — no simulators, no demo hooks — on a fresh test database. */
export async function makeProductionApp(env: Record<string, string> = {}): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const db = await freshDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-test-prod-'));
  const app = await buildApp(loadConfig({ ...PRODUCTION_ENV, AUSM_DATA_DIR: dataDir, ...env }), { db, clock: new ManualClock(new Date('2026-03-01T02:00:00.000Z')), webDist: null, logger: false });
  return {
    app,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
