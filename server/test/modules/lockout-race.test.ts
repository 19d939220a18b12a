import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { captcha, register } from '../helpers/factories';
import { hashPassword } from '../../src/platform/passwords';

/**
 * The lockout holds under concurrency: a burst of simultaneous logins, each with its own captcha and
 * from its own address, gets at most maxFailures (5) password verifies per lock window — whatever
 * the order in which the verifies finish, and whether or not the right password is in the burst.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const BURST = 25;
const MAX_FAILURES = 5;

async function burst(url: string, body: (i: number) => Record<string, string>) {
  const captchas = await Promise.all(Array.from({ length: BURST }, () => captcha(t.app)));
  return Promise.all(captchas.map((c, i) => t.app.inject({ method: 'POST', url, payload: { ...body(i), ...c }, remoteAddress: `10.9.${i}.1` })));
}

/** Password verifies are what the audit log records as a wrong password or a successful login. */
async function verifiedAttempts(action: string, actorId: string) {
  const rows = await t.app.ctx.db.selectFrom('audit_log').select(['outcome', 'detail']).where('action', '=', action).where('actor_id', '=', actorId).execute();
  return rows.filter((r) => r.outcome === 'success' || String(r.detail ?? '').includes('wrong_password')).length;
}

describe(`lockout under concurrency (${dialectName})`, () => {
  it('verifies at most 5 of 25 simultaneous wrong passwords for an accountant, and locks once', async () => {
    const p = await register(t.app);
    const res = await burst('/api/session', () => ({ account: p.idNumber, password: 'Wrong#Pass1' }));
    const codes = res.map((r) => r.json().code as string);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(MAX_FAILURES - 1);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(BURST - (MAX_FAILURES - 1));
    expect(await verifiedAttempts('account.login', p.accountId)).toBe(MAX_FAILURES);
    const locks = await t.app.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'account.lock').where('target_id', '=', p.accountId).execute();
    expect(locks).toHaveLength(1);
    // the right password afterwards meets the lock
    const c = await captcha(t.app);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { account: p.idNumber, password: p.password, ...c } })).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('lets the right password among 25 guesses through only if it was one of the 5 verified', async () => {
    for (let round = 0; round < 4; round++) {
      const p = await register(t.app);
      const right = crypto.randomInt(BURST);
      const res = await burst('/api/session', (i) => ({ account: p.idNumber, password: i === right ? p.password : 'Wrong#Pass1' }));
      expect(await verifiedAttempts('account.login', p.accountId)).toBeLessThanOrEqual(MAX_FAILURES);
      const row = await t.app.ctx.db.selectFrom('accounts').select('locked_until').where('id', '=', p.accountId).executeTakeFirstOrThrow();
      // the right password was either verified (and signed in) or refused because the guesses had locked the account
      const mine = res[right];
      if (mine?.statusCode === 200) expect(row.locked_until).toBeNull();
      else expect([mine?.json().code, row.locked_until !== null]).toEqual(['ACCOUNT_LOCKED', true]);
    }
  });

  it('verifies at most 5 of 25 simultaneous wrong passwords for a staff member', async () => {
    const now = t.clock.now().toISOString();
    const id = crypto.randomUUID();
    const username = `race_${crypto.randomInt(1e9)}`;
    await t.app.ctx.db
      .insertInto('staff')
      .values({ id, username, display_name: '并发测试', password_hash: await hashPassword('Right#Pass1'), role: 'reviewer', department_code: '110105', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now })
      .execute();
    const res = await burst('/api/admin/session', () => ({ username, password: 'Wrong#Pass1' }));
    expect(res.filter((r) => r.json().code === 'ACCOUNT_LOCKED')).toHaveLength(BURST - (MAX_FAILURES - 1));
    expect(await verifiedAttempts('staff.login', id)).toBe(MAX_FAILURES);
  });
});
