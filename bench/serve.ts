/**
 * The app under test for `npm run bench`: started in-process by bench/run.mjs
 * (`node --import tsx bench/serve.ts`), in its own process so that the load generator does not share
 * the server's event loop.
 *
 * It opens a fresh database (a SQLite file in a temp folder, or a new PostgreSQL database when
 * DATABASE_URL is set), builds the app in demo mode with generous rate limits and no logger, adds a bare
 * route for the baseline, seeds data at scale, checks the queue's query plans, listens on a random port
 * of 127.0.0.1 and prints one line: `BENCH_READY {json}`. It cleans up (closes the app, drops the
 * database, removes the temp folder) when its stdin closes or on SIGINT/SIGTERM.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { verifyPassword } from '../server/src/platform/passwords';
import { openDb, type DbHandle } from '../server/src/db/index';
import { queuePlans } from './query-plans';
import { seedScale } from './seed-scale';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS || 20_000);

const log = (msg: string) => process.stderr.write(`[bench/serve] ${msg}\n`);

async function openFreshDb(tmp: string): Promise<DbHandle & { label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = path.join(tmp, 'ausm.sqlite');
    return { ...openDb({ sqliteFile: file }), label: file };
  }
  // Like server/test/helpers/test-app.ts freshDb: a new database, dropped afterwards.
  const name = `ausm_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = openDb({ databaseUrl: u.toString() });
  return {
    ...handle,
    label: `postgres database ${name}`,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-bench-'));
  const handle = await openFreshDb(tmp);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  // One cleanup however many signals arrive (stdin fires both 'end' and 'close'): every caller waits for it.
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      try {
        await app?.close();
      } finally {
        await handle.close();
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    })());
  const stop = () => {
    cleanup()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log(`cleanup failed: ${String(err)}`);
        process.exit(1);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    const config = loadConfig({
      AUSM_KEY: crypto.randomBytes(32).toString('hex'),
      AUSM_DATA_DIR: tmp,
      AUSM_DEMO: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      AUSM_API_PER_MINUTE: '1000000000',
      AUSM_LOGIN_IP_PER_MINUTE: '1000000',
      AUSM_SMS_IP_PER_HOUR: '1000000',
      AUSM_SMS_PHONE_PER_DAY: '1000000',
      LOG_LEVEL: 'silent',
    });
    log(`${handle.dialect}: ${handle.label}`);
    app = await buildApp(config, { db: handle, webDist: null, logger: false });
    // The baseline: a route with no work of its own, behind the same hooks (rate limit, headers) as the API.
    app.get('/api/bench/bare', async () => ({ ok: true }));
    // The floor of any route that reads the database: the bare route plus one trivial query (one round trip).
    const benchDb = app.ctx.db;
    app.get('/api/bench/db', async () => ({ ok: (await sql<{ one: number }>`select 1 as one`.execute(benchDb)).rows.length === 1 }));
    // Raw argon2id verifies with the accounts' own hash and parameters: what a login can at best approach.
    const demoHash = (await handle.db.selectFrom('accounts').select('password_hash').limit(1).executeTakeFirstOrThrow()).password_hash;
    app.get('/api/bench/argon2', async () => ({ ok: await verifyPassword(demoHash, 'Demo@2026') }));

    log(`seeding ${ACCOUNTS} accounts and reviews …`);
    const seeded = await seedScale(app.ctx, { accounts: ACCOUNTS, beijingShare: 0.4 });
    // PostgreSQL's autovacuum would analyse the new rows within a minute; do it now so plans are stable.
    if (handle.dialect === 'postgres') await sql`ANALYZE`.execute(app.ctx.db);
    log(`seeded in ${seeded.seconds.toFixed(1)} s`);

    // Query plans in the three scope shapes: a reviewer (department), a city supervisor (one added here), a province supervisor.
    const { db, sessions } = app.ctx;
    const now = new Date().toISOString();
    const bjSupervisor = await db.selectFrom('staff').select(['id', 'password_hash']).where('username', '=', 'bj_supervisor').executeTakeFirstOrThrow();
    const bjReviewer = await db.selectFrom('staff').select('id').where('username', '=', 'bj_reviewer').executeTakeFirstOrThrow();
    const citySupervisorId = crypto.randomUUID();
    await db
      .insertInto('staff')
      .values({ id: citySupervisorId, username: 'bench_city_supervisor', display_name: '基准测试市级主管', password_hash: bjSupervisor.password_hash, role: 'supervisor', department_code: '110100', locked_until: null, created_at: now, updated_at: now })
      .execute();
    const cookie = async (id: string) => `ausm_staff_sid=${await sessions.create('staff', id, '127.0.0.1')}`;
    const plans = await queuePlans(app, [
      { label: 'department_code, bj_reviewer', cookie: await cookie(bjReviewer.id) },
      { label: 'city_code, city supervisor', cookie: await cookie(citySupervisorId) },
      { label: 'province_code, bj_supervisor', cookie: await cookie(bjSupervisor.id) },
    ]);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    process.stdout.write(`BENCH_READY ${JSON.stringify({ port, dialect: handle.dialect, seeded, plans })}\n`);
  } catch (err) {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup().catch(() => undefined);
    process.exit(1);
  }

  // run.mjs closes our stdin when it is done (or dies): that is the signal to clean up.
  process.stdin.resume();
  process.stdin.once('end', stop);
  process.stdin.once('close', stop);
}

void main();
