import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { loginCookie, staffCookie } from '../helpers/factories';
import { collecting } from '../helpers/collecting';

/* A new 个人信息保护政策 version, published in 管理端 → 政策参数, asks everyone again from its date. */

let t: TestApp;
let admin: string;
const c = collecting(() => t);
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  admin = await staffCookie(t.app, 'admin', 'Admin@2026');
});
afterAll(async () => t.close());

const day = (offset: number) => new Date(t.clock.now().getTime() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const publish = (payload: object, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/admin/privacy-notices', headers: { cookie }, payload });
const body = '一、我们收集的信息：……（第二版，增加了微信绑定的说明）\n\n二、使用目的：……';

describe(`个人信息保护政策 versions (${dialectName})`, () => {
  it('publishes from a date, never backwards; from that date everyone who agreed to an older one is asked again', async () => {
    const p = await c.person();
    expect((await publish({ title: '个人信息保护政策', body, effectiveFrom: day(-1) })).json().fields[0]).toEqual({ path: 'effectiveFrom', message: '生效日期不能早于今天' });
    const reviewer = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
    expect((await publish({ title: '个人信息保护政策', body, effectiveFrom: day(1) }, reviewer)).statusCode).toBe(403);
    const created = await publish({ title: '个人信息保护政策', body, effectiveFrom: day(1) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 2, effectiveFrom: day(1) });
    // a third version may not take effect before the second
    expect((await publish({ title: '个人信息保护政策', body, effectiveFrom: day(0) })).json().fields[0].message).toContain('不能早于第2版的生效日期');
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/privacy-notices', headers: { cookie: admin } })).json();
    expect(list.notices.map((n: { version: number; current: boolean }) => [n.version, n.current])).toEqual([[2, false], [1, true]]);
    // not yet in force: nothing changes today
    expect((await p.call('GET', '/api/me')).json().consentRequired).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/privacy-notice' })).json().version).toBe(1);

    t.clock.advance(86_400_000);
    const cookie = await loginCookie(t.app, p.phone, p.password);
    const me = (url: string, payload?: object) => t.app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect((await me('/api/me')).json().consentRequired).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/privacy-notice' })).json()).toMatchObject({ version: 2, body });
    expect((await me('/api/center/consent', { version: 1 })).json().code).toBe('PRIVACY_NOTICE_CHANGED');
    expect((await me('/api/center/consent', { version: 2 })).statusCode).toBe(200);
    expect((await me('/api/me')).json().consentRequired).toBe(false);
    const versions = (await t.app.ctx.db.selectFrom('consents').select('notice_version').where('account_id', '=', p.accountId).orderBy('consented_at').execute()).map((r) => r.notice_version);
    expect(versions).toEqual([1, 2]);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'privacy.publish').execute();
    expect(audit).toHaveLength(1);
  });
});
