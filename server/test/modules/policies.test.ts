import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { login, register, staffCookie } from '../helpers/factories';
import { makeStaff } from '../factories/index';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await makeTestApp({ AUSM_LOGIN_MAX_FAILURES: '5', AUSM_LOGIN_LOCK_MINUTES: '30' }, { seedDemo: true });
  admin = await staffCookie(t.app, 'admin', 'Admin@2026');
});
afterAll(async () => t.close());

const list = async () => (await t.app.inject({ method: 'GET', url: '/api/admin/policies', headers: { cookie: admin } })).json();
const create = (body: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/admin/policies', headers: { cookie }, payload: body });
const day = (offset: number) => new Date(t.clock.now().getTime() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe(`policy as data: versions with effective dates (${dialectName})`, () => {
  it('starts from the deployment configuration, and a new version applies from its date, not before', async () => {
    const first = (await list()).policies.find((p: { name: string }) => p.name === 'login.lockout');
    expect(first.versions).toEqual([expect.objectContaining({ effectiveFrom: '2000-01-01', provinceCode: null, value: { maxFailures: 5, lockMinutes: 30 }, current: true, createdBy: null })]);
    const res = await create({ name: 'login.lockout', provinceCode: null, effectiveFrom: day(1), value: { maxFailures: 3, lockMinutes: 60 }, note: '等保测评整改：降低失败次数' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ effectiveFrom: day(1), value: { maxFailures: 3, lockMinutes: 60 }, current: false });
    expect((await t.app.ctx.policies.current<{ maxFailures: number }>('login.lockout')).value.maxFailures).toBe(5);
    t.clock.advance(86_400_000);
    const now = await t.app.ctx.policies.current<{ maxFailures: number }>('login.lockout');
    expect(now).toEqual({ id: res.json().id, value: { maxFailures: 3, lockMinutes: 60 } });
    const audited = await t.app.ctx.db.selectFrom('audit_log').select(['action', 'target_id', 'actor_kind']).where('action', '=', 'policy.create').execute();
    expect(audited).toEqual([{ action: 'policy.create', target_id: res.json().id, actor_kind: 'staff' }]);
  });

  it('locks an account by the version in force and records that version on the lock', async () => {
    const p = await register(t.app);
    const inForce = await t.app.ctx.policies.current<{ maxFailures: number; lockMinutes: number }>('login.lockout');
    for (let i = 0; i < inForce.value.maxFailures - 1; i++) expect((await login(t.app, p.idNumber, 'Wrong#pass1')).statusCode).toBe(401);
    const locked = await login(t.app, p.idNumber, 'Wrong#pass1');
    expect(locked.statusCode).toBe(423);
    const lock = await t.app.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'account.lock').where('target_id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(JSON.parse(lock.detail ?? '{}')).toMatchObject({ policy: inForce.id });
    const account = await t.app.ctx.db.selectFrom('accounts').select('locked_until').where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(Date.parse(account.locked_until ?? '') - t.clock.now().getTime()).toBe(inForce.value.lockMinutes * 60_000);
  });

  it('refuses a version dated in the past, out of bounds, per province where nationwide, twice on one date, or by a non-administrator', async () => {
    // (the clock moved a day on: a fresh administrator session)
    admin = (await makeStaff(t.app, 'sysadmin', null)).cookie;
    const base = { name: 'login.lockout', provinceCode: null, effectiveFrom: day(3), value: { maxFailures: 4, lockMinutes: 30 }, note: '调整' };
    const past = await create({ ...base, effectiveFrom: day(-1) });
    expect([past.statusCode, past.json().fields[0]]).toEqual([400, { path: 'effectiveFrom', message: '生效日期不能早于今天：已作出的决定按当时的版本，不能追溯修改' }]);
    const low = await create({ ...base, value: { maxFailures: 1, lockMinutes: 30 } });
    expect([low.statusCode, low.json().fields[0]]).toEqual([400, { path: 'value.maxFailures', message: '连续错误次数不能小于3次' }]);
    expect((await create({ ...base, value: { maxFailures: 4, lockMinutes: 30, extra: 1 } })).statusCode).toBe(400);
    expect((await create({ ...base, provinceCode: '370000' })).json().fields[0].path).toBe('provinceCode');
    expect((await create({ ...base, name: 'no.such' })).json().fields[0]).toEqual({ path: 'name', message: '没有这项政策参数' });
    expect((await create({ ...base, note: '  ' })).statusCode).toBe(400);
    expect((await create(base)).statusCode).toBe(201);
    const again = await create(base);
    expect([again.statusCode, again.json().message]).toEqual([409, '该日期已有一个版本：请选择其他生效日期']);
    const reviewer = await makeStaff(t.app, 'supervisor', '000000');
    expect((await create(base, reviewer.cookie)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/policies', headers: { cookie: reviewer.cookie } })).statusCode).toBe(403);
  });
});
