import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/index';
import { dialectName, freshPostgresDatabase, TEST_KEY } from '../helpers/test-app';
import { genMainlandId, genPhone } from '../helpers/factories';

/**
 * kill -9 of the app process (never of the shared PostgreSQL server) in the middle of a burst of
 * writes — FAQ entries by a system administrator, registrations by new accountants — then: every
 * write the app had acknowledged is there, SQLite's integrity_check says ok, and the app starts
 * again on the same data and serves. The app runs as a real process (node + tsx, demo mode), reached
 * over HTTP.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;
let pgDb: { url: string; drop(): Promise<void> } | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-crash-'));
  if (process.env.DATABASE_URL) pgDb = await freshPostgresDatabase(process.env.DATABASE_URL);
});
afterAll(async () => {
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts the app as production starts it (node, a port, env), in demo mode; resolves once it is ready. */
async function startApp(): Promise<Running> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    AUSM_KEY: TEST_KEY,
    AUSM_DATA_DIR: dataDir,
    AUSM_DEMO: '1',
    PORT: String(port),
    AUSM_LOGIN_IP_PER_MINUTE: '100000',
    AUSM_SMS_IP_PER_HOUR: '100000',
    AUSM_SMS_PHONE_PER_DAY: '100000',
    AUSM_API_PER_MINUTE: '1000000',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const base = `http://127.0.0.1:${port}`;
  // ready when it says so on its port; a process that exits first fails with what it printed
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${base}/api/ready`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited') throw new Error(`the app exited before it was ready:\n${output}`);
  return { child, base, exited };
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function captchaOf(base: string): Promise<{ captchaId: string; captchaText: string }> {
  const { id } = await json<{ id: string }>(await fetch(`${base}/api/captcha`));
  const { text } = await json<{ text: string }>(await fetch(`${base}/api/dev/captcha?id=${id}`));
  return { captchaId: id, captchaText: text };
}

const post = (base: string, url: string, body: unknown, cookie?: string) =>
  fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

/** The demo system administrator, signed in through both factors. */
async function sysadminCookie(base: string): Promise<string> {
  const first = await json<{ ticket: string }>(await post(base, '/api/admin/session', { username: 'admin', password: 'Admin@2026', ...(await captchaOf(base)) }));
  const { code } = await json<{ code: string }>(await fetch(`${base}/api/dev/totp?username=admin`));
  const res = await post(base, '/api/admin/session/second-factor', { ticket: first.ticket, code });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ausm_staff_sid='));
  if (!res.ok || !cookie) throw new Error(`sysadmin sign-in failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0] ?? '';
}

async function registerOne(base: string): Promise<string | undefined> {
  const phone = genPhone();
  const sent = await post(base, '/api/sms/send', { phone, purpose: 'register', ...(await captchaOf(base)) });
  if (!sent.ok) return undefined;
  const { code } = await json<{ code: string }>(await fetch(`${base}/api/dev/sms?phone=${phone}`));
  const res = await post(base, '/api/accounts', { idType: 'mainland_id', idNumber: genMainlandId(), name: '崩溃测试', password: 'Crash#Passw0rd', confirmPassword: 'Crash#Passw0rd', privacyVersion: 1, phone, smsCode: code });
  return res.status === 201 ? (await json<{ accountId: string }>(res)).accountId : undefined;
}

describe(`kill -9 during a write burst (${dialectName})`, () => {
  it('keeps every acknowledged write, a sound database, and starts again', async () => {
    const first = await startApp();
    const cookie = await sysadminCookie(first.base);
    const faqs: string[] = [];
    const accounts: string[] = [];
    let inFlight = 0;
    let stopped = false;
    let killedWithRequestsInFlight = 0;
    // eight writers without pause; the process is killed once 40 writes are acknowledged
    const enough = new Promise<void>((resolve) => {
      const writer = async (n: number) => {
        for (let i = 0; !stopped; i++) {
          inFlight += 1;
          try {
            if (n % 4 === 0) {
              const id = await registerOne(first.base);
              if (id && !stopped) accounts.push(id);
            } else {
              const res = await post(first.base, '/api/admin/faq', { category: '崩溃测试', question: `写入${n}-${i}`, answer: '确认写入后必须仍在' }, cookie);
              if (res.status === 201 && !stopped) faqs.push((await json<{ id: string }>(res)).id);
            }
          } catch {
            /* the connection died with the process: not acknowledged */
          } finally {
            inFlight -= 1;
          }
          if (faqs.length + accounts.length >= 40) resolve();
        }
      };
      for (let n = 0; n < 8; n++) void writer(n);
    });
    await enough;
    killedWithRequestsInFlight = inFlight;
    stopped = true;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(killedWithRequestsInFlight).toBeGreaterThan(0);

    let db: DbHandle | undefined;
    try {
      if (!pgDb) {
        const file = path.join(dataDir, 'ausm.sqlite');
        const raw = new SQLite(file);
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();
        db = openDb({ sqliteFile: file });
      } else db = openDb({ databaseUrl: pgDb.url });
      const storedFaqs = new Set((await db.db.selectFrom('faq').select('id').where('category', '=', '崩溃测试').execute()).map((r) => r.id));
      const storedAccounts = new Set((await db.db.selectFrom('accounts').select('id').where('name', '=', '崩溃测试').execute()).map((r) => r.id));
      expect(faqs.filter((id) => !storedFaqs.has(id))).toEqual([]);
      expect(accounts.filter((id) => !storedAccounts.has(id))).toEqual([]);
      console.log(`crash (${dialectName}): killed with ${killedWithRequestsInFlight} requests in flight; acknowledged ${faqs.length} FAQ entries and ${accounts.length} registrations, all present; stored ${storedFaqs.size} and ${storedAccounts.size}`);
    } finally {
      await db?.close();
    }

    // and the app starts again on what the crash left, and serves it
    const second = await startApp();
    try {
      const list = await json<{ items: Array<{ id: string }> }>(await fetch(`${second.base}/api/help/faq`));
      const served = new Set(list.items.map((f) => f.id));
      expect(faqs.filter((id) => !served.has(id))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
