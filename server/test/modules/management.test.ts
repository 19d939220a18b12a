import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig } from '../../src/config';
import { base32Decode, stepAt, totpCode } from '../../src/platform/totp';
import { hashPassword } from '../../src/platform/passwords';
import { DEMO_ACCOUNTANT } from '../../src/seed';
import { TEST_KEY, cookieOf, dialectName, makeProductionApp, makeTestApp, type TestApp } from '../helpers/test-app';
import { captcha, loginCookie, staffCookie } from '../helpers/factories';

let t: TestApp;
let adminCookie: string;
let reviewerCookie: string;

beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  adminCookie = await staffCookie(t.app, 'admin', 'Admin@2026');
  reviewerCookie = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

const staffLogin = async (username: string, password: string, c?: { captchaId: string; captchaText: string }) =>
  t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password, ...(c ?? (await captcha(t.app))) } });

const adminMe = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/admin/me', headers: { cookie } });

let seq = 0;
/** A new reviewer of 北京市东城区财政局, created through the API by the system administrator. */
async function newStaff(overrides: Record<string, unknown> = {}): Promise<{ id: string; username: string; password: string }> {
  const username = `t${crypto.randomBytes(3).toString('hex')}${seq++}`;
  const password = 'Staff#2026a';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/staff',
    headers: { cookie: adminCookie },
    payload: { username, displayName: '测试审核员', role: 'reviewer', departmentCode: '110101', password, ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`create staff failed: ${res.body}`);
  return { id: (res.json() as { id: string }).id, username, password };
}

const auditFor = (targetId: string) =>
  t.app.ctx.db.selectFrom('audit_log').select(['action', 'actor_id', 'outcome']).where('target_id', '=', targetId).orderBy('id').execute();

const sessionsOf = async (subjectId: string) =>
  (await t.app.ctx.db.selectFrom('sessions').select('id_hash').where('kind', '=', 'staff').where('subject_id', '=', subjectId).execute()).length;

describe(`management login (${dialectName})`, () => {
  it('logs a staff member in with a captcha and answers /api/admin/me with role and department', async () => {
    const first = await staffLogin('bj_supervisor', 'Review@2026');
    expect(first.statusCode).toBe(200);
    // the password alone opens no session: the second screen asks for the authenticator's code
    expect(first.json()).toMatchObject({ next: 'totp', expiresIn: 300 });
    expect(cookieOf(first, 'ausm_staff_sid')).toBeUndefined();
    const { code } = (await t.app.inject({ method: 'GET', url: '/api/dev/totp?username=bj_supervisor' })).json() as { code: string };
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/session/second-factor', payload: { ticket: first.json().ticket, code } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'bj_supervisor', role: 'supervisor', departmentCode: '110000', departmentName: '北京市财政局' });
    const cookie = cookieOf(res, 'ausm_staff_sid');
    expect(cookie).toBeDefined();
    const me = await adminMe(cookie ?? '');
    expect(me.statusCode).toBe(200);
    expect(me.json().displayName).toBe('赵主管');
    const c = res.cookies.find((x) => x.name === 'ausm_staff_sid');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Lax');
    expect(c?.secure).toBeFalsy();
  });

  it('refuses a wrong captcha with 400 CAPTCHA_INVALID at the captcha field, and a captcha works once', async () => {
    const c = await captcha(t.app);
    const wrong = await staffLogin('admin', 'Admin@2026', { captchaId: c.captchaId, captchaText: c.captchaText === 'zzzz' ? 'yyyy' : 'zzzz' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('CAPTCHA_INVALID');
    expect(wrong.json().fields).toEqual([{ path: 'captchaText', message: expect.stringContaining('验证码') }]);
    // checking burned it: the right answer no longer works either
    const replay = await staffLogin('admin', 'Admin@2026', c);
    expect(replay.json().code).toBe('CAPTCHA_INVALID');
  });

  it('gives the same 401 answer for an unknown user and a wrong password', async () => {
    const unknown = await staffLogin('nobody_here', 'Admin@2026');
    const wrong = await staffLogin('bj_supervisor', 'Wrong#Pass1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    // the failed attempt on bj_supervisor must not count towards a lock forever: a good login resets it
    expect((await staffLogin('bj_supervisor', 'Review@2026')).statusCode).toBe(200);
  });

  it('locks after 5 wrong passwords with 423 ACCOUNT_LOCKED, and the lock expires after 30 minutes', async () => {
    const s = await newStaff();
    for (let i = 0; i < 4; i++) expect((await staffLogin(s.username, 'Wrong#Pass1')).json().code).toBe('LOGIN_FAILED');
    const fifth = await staffLogin(s.username, 'Wrong#Pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message).toContain('锁定');
    // even the right password is refused while locked
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(423);
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: adminCookie } })).json();
    expect(list.items.find((x: { id: string }) => x.id === s.id).locked).toBe(true);
    t.clock.advance(29 * 60_000);
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(200);
    const audit = await auditFor(s.id);
    expect(audit.filter((a) => a.action === 'staff.lock')).toHaveLength(1);
    // keep the long-lived cookies of this file alive across the clock jump
    adminCookie = await staffCookie(t.app, 'admin', 'Admin@2026');
    reviewerCookie = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  });

  it('records logins, failures and logouts in the audit log', async () => {
    const s = await newStaff();
    await staffLogin(s.username, 'Wrong#Pass1');
    const cookie = await staffCookie(t.app, s.username, s.password);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await adminMe(cookie)).statusCode).toBe(401);
    const rows = await t.app.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_id', '=', s.id).orderBy('id').execute();
    expect(rows).toEqual([
      { action: 'staff.login', outcome: 'failure' },
      { action: 'staff.login_password', outcome: 'success' }, // the first factor
      { action: 'staff.totp_enrolled', outcome: 'success' }, // a new member enrols at the first login
      { action: 'staff.login', outcome: 'success' },
      { action: 'staff.logout', outcome: 'success' },
    ]);
  });
});

describe(`separate staff and accountant sessions (${dialectName})`, () => {
  it('an accountant cookie cannot call /api/admin/me and a staff cookie cannot call /api/me', async () => {
    const accountant = await loginCookie(t.app, DEMO_ACCOUNTANT.idNumber, DEMO_ACCOUNTANT.password);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: accountant } })).statusCode).toBe(200);
    expect((await adminMe(accountant)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: accountant } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: adminCookie } })).statusCode).toBe(401);
    // nor does a token work when moved to the other portal's cookie name
    const accountantToken = accountant.split('=')[1] ?? '';
    const staffToken = adminCookie.split('=')[1] ?? '';
    expect((await adminMe(`ausm_staff_sid=${accountantToken}`)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ausm_sid=${staffToken}` } })).statusCode).toBe(401);
    // and signing out of one portal leaves the other signed in
    const both = `${accountant}; ${adminCookie}`;
    await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: both } });
    expect((await adminMe(adminCookie)).statusCode).toBe(200);
  });
});

describe(`staff register: access (${dialectName})`, () => {
  const calls = [
    ['GET', '/api/admin/staff', undefined],
    ['POST', '/api/admin/staff', { username: 'someone', displayName: '某某', role: 'reviewer', departmentCode: '110101', password: 'Staff#2026a' }],
    ['PATCH', `/api/admin/staff/${crypto.randomUUID()}`, { disabled: true }],
  ] as const;

  it.each(calls)('%s %s: anonymous → 401, reviewer and supervisor → 403', async (method, url, payload) => {
    const anon = await t.app.inject({ method, url, payload });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('UNAUTHENTICATED');
    const reviewer = await t.app.inject({ method, url, payload, headers: { cookie: reviewerCookie } });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json().code).toBe('FORBIDDEN');
    const supervisor = await staffCookie(t.app, 'bj_supervisor', 'Review@2026');
    expect((await t.app.inject({ method, url, payload, headers: { cookie: supervisor } })).statusCode).toBe(403);
  });

  it('lists staff for the system administrator without any password material', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items.find((s) => s.username === 'bj_reviewer')).toMatchObject({ role: 'reviewer', departmentCode: '110101', disabled: false, locked: false });
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('lets any signed-in staff member read the department tree, with parents', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/departments', headers: { cookie: reviewerCookie } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ code: string; parentCode: string | null; name: string }>;
    expect(items.length).toBeGreaterThan(3000);
    expect(items.find((d) => d.code === '110101')).toMatchObject({ parentCode: expect.any(String), name: expect.stringContaining('财政局') });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/departments' })).statusCode).toBe(401);
  });
});

describe(`staff register: create (${dialectName})`, () => {
  const valid = { username: 'new_reviewer', displayName: '钱审核', role: 'reviewer', departmentCode: '370102', password: 'Staff#2026a' };
  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['a username with capitals', { username: 'Reviewer1' }, 'username', '用户名'],
    ['a two-letter username', { username: 'ab' }, 'username', '用户名'],
    ['a username starting with a digit', { username: '1reviewer' }, 'username', '用户名'],
    ['a short password', { password: 'Ab#1' }, 'password', '密码长度'],
    ['a password of one character class', { password: 'abcdefghijk' }, 'password', '至少包含'],
    ['a reviewer without a department', { departmentCode: null }, 'departmentCode', '会计管理部门'],
    ['a supervisor without a department', { role: 'supervisor', departmentCode: null }, 'departmentCode', '会计管理部门'],
    ['an unknown department', { departmentCode: '999999' }, 'departmentCode', '不存在'],
    ['an unknown role', { role: 'root' }, 'role', ''],
    ['a missing name', { displayName: '' }, 'displayName', '姓名'],
    ['an unknown field', { disabled: false }, 'disabled', '不允许'],
  ];
  it.each(bad)('refuses %s with 400, the field path and a Chinese message, and stores nothing', async (_n, patch, field, text) => {
    const before = (await t.app.ctx.db.selectFrom('staff').select('id').execute()).length;
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: adminCookie }, payload: { ...valid, ...patch } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const f = body.fields.find((x: { path: string }) => x.path === field);
    expect(f, JSON.stringify(body)).toBeDefined();
    expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(f.message).toContain(text);
    expect((await t.app.ctx.db.selectFrom('staff').select('id').execute()).length).toBe(before);
  });

  it('creates a reviewer who can then sign in, audited with the actor', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: adminCookie }, payload: valid });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ username: 'new_reviewer', displayName: '钱审核', role: 'reviewer', departmentCode: '370102', disabled: false, locked: false });
    expect(created.departmentName).toContain('历下区财政局');
    expect(created.createdAt).toBe(t.clock.now().toISOString());
    const row = await t.app.ctx.db.selectFrom('staff').select('password_hash').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect((await staffLogin('new_reviewer', 'Staff#2026a')).statusCode).toBe(200);
    const admin = (await adminMe(adminCookie)).json();
    const audit = await auditFor(created.id);
    expect(audit).toContainEqual({ action: 'staff.create', actor_id: admin.id, outcome: 'success' });
  });

  it('refuses a duplicate username with 409 USERNAME_TAKEN at the username field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: adminCookie }, payload: { ...valid, username: 'bj_reviewer' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('USERNAME_TAKEN');
    expect(res.json().fields).toEqual([{ path: 'username', message: '用户名已存在' }]);
  });

  it('creates a system administrator without a department, ignoring one if sent', async () => {
    const s = await newStaff({ role: 'sysadmin', departmentCode: null });
    const other = await newStaff({ role: 'sysadmin', departmentCode: '110101' });
    const rows = await t.app.ctx.db.selectFrom('staff').select(['id', 'department_code']).where('id', 'in', [s.id, other.id]).execute();
    expect(rows.map((r) => r.department_code)).toEqual([null, null]);
  });
});

describe(`staff register: disable, enable, reset password (${dialectName})`, () => {
  const patch = (id: string, payload: Record<string, unknown>, cookie = adminCookie) =>
    t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${id}`, headers: { cookie }, payload });

  it('disabling ends the person’s sessions at once and blocks login with 403 ACCOUNT_DISABLED; enabling restores it', async () => {
    const s = await newStaff();
    const cookie = await staffCookie(t.app, s.username, s.password);
    const second = await staffCookie(t.app, s.username, s.password);
    expect(await sessionsOf(s.id)).toBe(2);
    const res = await patch(s.id, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect(await sessionsOf(s.id)).toBe(0);
    expect((await adminMe(cookie)).statusCode).toBe(401);
    expect((await adminMe(second)).statusCode).toBe(401);
    const login = await staffLogin(s.username, s.password);
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('ACCOUNT_DISABLED');
    // a wrong password on a disabled account still gets only the generic answer
    expect((await staffLogin(s.username, 'Wrong#Pass1')).json().code).toBe('LOGIN_FAILED');

    const enabled = await patch(s.id, { disabled: false });
    expect(enabled.json().disabled).toBe(false);
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(200);
    const actions = (await auditFor(s.id)).map((a) => a.action);
    expect(actions).toContain('staff.disable');
    expect(actions).toContain('staff.enable');
  });

  it('a password reset by the administrator ends sessions; the new password works and the old does not', async () => {
    const s = await newStaff();
    const cookie = await staffCookie(t.app, s.username, s.password);
    const weak = await patch(s.id, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([{ path: 'password', message: expect.stringContaining('密码') }]);
    expect((await adminMe(cookie)).statusCode).toBe(200);

    const res = await patch(s.id, { password: 'Fresh#Pass2026' });
    expect(res.statusCode).toBe(200);
    expect((await adminMe(cookie)).statusCode).toBe(401);
    expect(await sessionsOf(s.id)).toBe(0);
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(401);
    expect((await staffLogin(s.username, 'Fresh#Pass2026')).statusCode).toBe(200);
    expect((await auditFor(s.id)).map((a) => a.action)).toContain('staff.reset_password');
  });

  it('a password reset unlocks a locked account', async () => {
    const s = await newStaff();
    for (let i = 0; i < 5; i++) await staffLogin(s.username, 'Wrong#Pass1');
    expect((await staffLogin(s.username, s.password)).statusCode).toBe(423);
    await patch(s.id, { password: 'Fresh#Pass2026' });
    expect((await staffLogin(s.username, 'Fresh#Pass2026')).statusCode).toBe(200);
  });

  it('an administrator cannot disable themselves', async () => {
    const admin = (await adminMe(adminCookie)).json();
    const res = await patch(admin.id, { disabled: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'disabled', message: '不能停用自己的账号' }]);
    expect((await adminMe(adminCookie)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown staff id, 400 for a malformed one or unknown fields', async () => {
    expect((await patch(crypto.randomUUID(), { disabled: true })).statusCode).toBe(404);
    const malformed = await patch('not-a-uuid', { disabled: true });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
    const s = await newStaff();
    const extra = await patch(s.id, { role: 'sysadmin' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().fields[0]).toEqual({ path: 'role', message: expect.stringContaining('不允许') });
    const row = await t.app.ctx.db.selectFrom('staff').select('role').where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.role).toBe('reviewer');
  });

  it('every administrative action names the acting administrator in the audit log', async () => {
    const admin = (await adminMe(adminCookie)).json();
    const s = await newStaff();
    await patch(s.id, { disabled: true });
    await patch(s.id, { disabled: false });
    await patch(s.id, { password: 'Fresh#Pass2026' });
    const audit = await auditFor(s.id);
    expect(audit).toEqual([
      { action: 'staff.create', actor_id: admin.id, outcome: 'success' },
      { action: 'staff.disable', actor_id: admin.id, outcome: 'success' },
      { action: 'staff.enable', actor_id: admin.id, outcome: 'success' },
      { action: 'staff.reset_password', actor_id: admin.id, outcome: 'success' },
    ]);
  });
});

describe(`production mode (${dialectName})`, () => {
  const prodEnv = {
    NODE_ENV: 'production',
    AUSM_KEY: TEST_KEY,
    DATABASE_URL: 'postgres://unused.invalid/ausm',
    AUSM_PUBLIC_URL: 'https://kj.example.gov.cn',
    AUSM_DATA_DIR: path.join(os.tmpdir(), 'ausm-test-prod'),
  };

  it('refuses to start without AUSM_KEY, with a placeholder key, with AUSM_DEMO=1, or without DATABASE_URL or AUSM_PUBLIC_URL', () => {
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: '0'.repeat(64) })).toThrow(/not a random key/);
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: 'ab'.repeat(32) })).toThrow(/not a random key/);
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: '0123456'.repeat(10).slice(0, 64) })).toThrow(/not a random key/);
    expect(() => loadConfig({ ...prodEnv, AUSM_PUBLIC_URL: undefined })).toThrow(/AUSM_PUBLIC_URL/);
    expect(() => loadConfig({ ...prodEnv, AUSM_PUBLIC_URL: 'kj.example.gov.cn' })).toThrow(/AUSM_PUBLIC_URL/);
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: undefined })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: undefined })).toThrow(/AUSM_KEY/);
    expect(() => loadConfig({ ...prodEnv, AUSM_KEY: 'short' })).toThrow(/AUSM_KEY/);
    expect(() => loadConfig({ ...prodEnv, AUSM_DEMO: '1' })).toThrow(/AUSM_DEMO/);
    expect(() => loadConfig({ ...prodEnv, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/);
    const config = loadConfig(prodEnv);
    expect(config.production).toBe(true);
    expect(config.demo).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  describe('a production app', () => {
    let app: FastifyInstance;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, close } = await makeProductionApp({ AUSM_LOGIN_IP_PER_MINUTE: '1000' }));
    });
    afterAll(async () => close());

    it('has no /api/dev/* routes: even a real captcha id gets a plain 404', async () => {
      const { id } = (await app.inject({ method: 'GET', url: '/api/captcha' })).json() as { id: string };
      const dev = await app.inject({ method: 'GET', url: `/api/dev/captcha?id=${id}` });
      expect(dev.statusCode).toBe(404);
      expect(dev.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
      expect((await app.inject({ method: 'GET', url: '/api/dev/sms?phone=13900000001' })).statusCode).toBe(404);
      expect(app.hasRoute({ method: 'GET', url: '/api/dev/captcha' })).toBe(false);
      expect(app.hasRoute({ method: 'GET', url: '/api/dev/sms' })).toBe(false);
    });

    it('seeds no demo accounts', async () => {
      expect(await app.ctx.db.selectFrom('staff').select('id').execute()).toHaveLength(0);
      expect(await app.ctx.db.selectFrom('accounts').select('id').execute()).toHaveLength(0);
    });

    it('sets the staff session cookie Secure, HttpOnly and SameSite=Lax', async () => {
      const now = new Date().toISOString();
      await app.ctx.db
        .insertInto('staff')
        .values({
          id: crypto.randomUUID(),
          username: 'prod_admin',
          display_name: '生产管理员',
          password_hash: await hashPassword('Prod#Admin2026'),
          role: 'sysadmin',
          department_code: null,
          locked_until: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const { id } = (await app.inject({ method: 'GET', url: '/api/captcha' })).json() as { id: string };
      // production stores only a keyed digest of the answer and has no demo hook: this test is about
      // the cookie, so the captcha check is stood in for
      vi.spyOn(app.ctx.captcha, 'consume').mockResolvedValueOnce(true);
      const captchaText = 'test';
      const first = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { username: 'prod_admin', password: 'Prod#Admin2026', captchaId: id, captchaText } });
      expect(first.json()).toMatchObject({ next: 'enrol' });
      const code = totpCode(base32Decode(first.json().secret), stepAt(app.ctx.clock.now()));
      const res = await app.inject({ method: 'POST', url: '/api/admin/session/second-factor', payload: { ticket: first.json().ticket, code } });
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === 'ausm_staff_sid');
      expect(c?.secure).toBe(true);
      expect(c?.httpOnly).toBe(true);
      expect(c?.sameSite).toBe('Lax');
      const out = await app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { cookie: `ausm_staff_sid=${c?.value ?? ''}` } });
      expect(out.cookies.find((x) => x.name === 'ausm_staff_sid')?.secure).toBe(true);
    });
  });
});
