import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, cookieOf, type TestApp } from '../helpers/test-app';
import { captcha, login, loginCookie, newPerson, register, sendSms, staffCookie } from '../helpers/factories';
import { collecting, type Person } from '../helpers/collecting';
import { barrierOnTransactions } from '../helpers/race';

let t: TestApp;
const c = collecting(() => t);
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
});
afterAll(async () => t.close());

async function messages(phone: string): Promise<string[]> {
  return ((await t.app.inject({ method: 'GET', url: `/api/dev/sms/messages?phone=${phone}` })).json() as { messages: Array<{ body: string }> }).messages.map((m) => m.body);
}
async function code(p: Person, url: string, body: object = {}) {
  // as three minutes after registering: the phone may have another code
  await t.app.ctx.smsCodes.releaseResendWindow(p.phone);
  const res = await p.call('POST', url, { ...body, ...(await captcha(t.app)) });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}
const latestCode = async (phone: string) => ((await t.app.inject({ method: 'GET', url: `/api/dev/sms?phone=${phone}` })).json() as { code: string }).code;
const registration = (p = newPerson()) => ({ ...p, confirmPassword: p.password });

describe(`个人信息保护政策: consent at registration, again when it changes (${dialectName})`, () => {
  it('registration needs the version in force; the consent is recorded with it', async () => {
    const notice = (await t.app.inject({ method: 'GET', url: '/api/privacy-notice' })).json();
    expect(notice).toMatchObject({ version: 1, title: '个人信息保护政策' });
    expect(notice.body).toContain('五、保存期限');
    const q = newPerson();
    const missing = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...registration(q), smsCode: await sendSms(t.app, q.phone) } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toContainEqual({ path: 'privacyVersion', message: '请阅读并同意《个人信息保护政策》' });
    const stale = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...registration(q), privacyVersion: 7, smsCode: '000000' } });
    expect(stale.json()).toMatchObject({ code: 'PRIVACY_NOTICE_CHANGED' });
    const p = newPerson();
    const { accountId } = await register(t.app, p);
    const rows = await t.app.ctx.db.selectFrom('consents').select(['notice_version', 'ip']).where('account_id', '=', accountId).execute();
    expect(rows).toEqual([{ notice_version: 1, ip: '127.0.0.1' }]);
    const cookie = await loginCookie(t.app, p.idNumber, p.password);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().consentRequired).toBe(false);
  });
});

describe(`信息修改: the registered phone (${dialectName})`, () => {
  it('checks the password and the new phone, ends the other sessions and tells the old number', async () => {
    const p = await c.person();
    const elsewhere = await loginCookie(t.app, p.phone, p.password);
    const newPhone = newPerson().phone;
    expect((await p.call('POST', '/api/center/phone/code', { newPhone: p.phone })).json()).toMatchObject({ code: 'PHONE_UNCHANGED' });
    const taken = '13900000001'; // the demo accountant's
    expect((await p.call('POST', '/api/center/phone/code', { newPhone: taken, ...(await captcha(t.app)) })).json()).toMatchObject({ code: 'PHONE_ALREADY_REGISTERED', fields: [{ path: 'newPhone' }] });
    await code(p, '/api/center/phone/code', { newPhone });
    const smsCode = await latestCode(newPhone);
    const wrong = await p.call('POST', '/api/center/phone', { password: 'Wrong#Pass1', newPhone, smsCode });
    expect(wrong.json()).toMatchObject({ code: 'PASSWORD_WRONG', fields: [{ path: 'password', message: '密码错误' }] });
    const ok = await p.call('POST', '/api/center/phone', { password: p.password, newPhone: ` ${newPhone.slice(0, 3)} ${newPhone.slice(3)} `, smsCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().maskedPhone).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(7)}`);
    // this browser stays signed in; the other one is signed out
    expect((await p.call('GET', '/api/me')).json().maskedPhone).toBe(ok.json().maskedPhone);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    expect(await messages(p.phone)).toContainEqual(expect.stringContaining(`修改为${ok.json().maskedPhone}`));
    expect((await login(t.app, p.phone, p.password)).statusCode).toBe(401);
    expect((await login(t.app, newPhone, p.password)).statusCode).toBe(200);
    // the code was used: a replay changes nothing
    expect((await p.call('POST', '/api/center/phone', { password: p.password, newPhone: taken, smsCode })).statusCode).toBe(400);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('detail').where('actor_id', '=', p.accountId).where('action', '=', 'account.change_phone').where('outcome', '=', 'success').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain(newPhone);
  });

  it('twenty simultaneous submits of one change: one change, one notice, nothing half-stored', async () => {
    const p = await c.person();
    const newPhone = newPerson().phone;
    await code(p, '/api/center/phone/code', { newPhone });
    const smsCode = await latestCode(newPhone);
    const barrier = barrierOnTransactions(t.app.ctx.db, 5);
    const res = await Promise.all(Array.from({ length: 20 }, () => p.call('POST', '/api/center/phone', { password: p.password, newPhone, smsCode })));
    barrier.release();
    for (const r of res) expect(r.statusCode, r.body).toBeLessThan(500);
    // the lockout reserves at most five password checks at a time (maxFailures): those five reach the
    // write together and one code decides; the others wait their turn as 423 and lock nothing after
    expect(barrier.met).toBe(true);
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(new Set(res.filter((r) => r.statusCode !== 200).map((r) => r.json().code))).toEqual(new Set(['SMS_CODE_INVALID', 'ACCOUNT_LOCKED']));
    expect((await login(t.app, newPhone, p.password)).statusCode).toBe(200);
    const changes = await t.app.ctx.db.selectFrom('audit_log').select('id').where('actor_id', '=', p.accountId).where('action', '=', 'account.change_phone').where('outcome', '=', 'success').execute();
    expect(changes).toHaveLength(1);
    expect((await messages(p.phone)).filter((m) => m.includes('修改为'))).toHaveLength(1);
  });

  it('wrong passwords at 信息修改 count toward the login lockout', async () => {
    const p = await c.person();
    const newPhone = newPerson().phone;
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await p.call('POST', '/api/center/phone', { password: `Wrong#Pass${i}`, newPhone, smsCode: '000000' })).json().code);
    expect(answers).toEqual(['PASSWORD_WRONG', 'PASSWORD_WRONG', 'PASSWORD_WRONG', 'PASSWORD_WRONG', 'ACCOUNT_LOCKED']);
    // the right password does not get in now, here or at login
    expect((await p.call('POST', '/api/center/phone', { password: p.password, newPhone, smsCode: '000000' })).json().code).toBe('ACCOUNT_LOCKED');
    expect((await login(t.app, p.phone, p.password)).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('a code sent for another purpose does not change the phone', async () => {
    const p = await c.person();
    const newPhone = newPerson().phone;
    const registerCode = await sendSms(t.app, newPhone, 'register');
    expect((await p.call('POST', '/api/center/phone', { password: p.password, newPhone, smsCode: registerCode })).json().code).toBe('SMS_CODE_INVALID');
    // and the public SMS route does not send the signed-in purposes
    expect((await t.app.inject({ method: 'POST', url: '/api/sms/send', payload: { phone: newPhone, purpose: 'change_phone' } })).statusCode).toBe(400);
  });
});

describe(`下载个人数据 (${dialectName})`, () => {
  it('is the full, unmasked copy of the person’s own data, audited, five an hour', async () => {
    const p = await c.person();
    const res = await p.call('GET', '/api/center/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('个人数据-'));
    expect(res.headers['cache-control']).toBe('no-store');
    const copy = res.json();
    expect(copy.账号).toMatchObject({ 证件号码: p.idNumber, 手机号: p.phone, 姓名: p.name });
    expect(copy.个人信息保护政策同意记录).toHaveLength(1);
    expect(copy.信息采集.status).toBeDefined();
    expect(copy.最近的账号安全记录.map((r: { 操作: string }) => r.操作)).toContain('account.login');
    expect(Object.keys(copy)).toEqual(expect.arrayContaining(['信息变更', '属地关系调转', '奖惩信息', '审核记录', '上传的材料', '微信绑定']));
    for (let i = 0; i < 4; i++) expect((await p.call('GET', '/api/center/export')).statusCode).toBe(200);
    expect((await p.call('GET', '/api/center/export')).statusCode).toBe(429);
    const audits = await t.app.ctx.db.selectFrom('audit_log').select('id').where('actor_id', '=', p.accountId).where('action', '=', 'account.export').execute();
    expect(audits).toHaveLength(5);
  });
});

describe(`注销账号 (${dialectName})`, () => {
  it('says what goes and what is kept, and is refused while an item is under review', async () => {
    const p = await c.person();
    const info = (await p.call('GET', '/api/center/closure')).json();
    expect(info.blockers).toEqual([]);
    // the number the code goes to, masked as everywhere
    expect(info.maskedPhone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(7)}`);
    expect(info.kept.map((k: { days: number }) => k.days)).toEqual([1825, 1825, 1095]);
    await c.complete(p);
    expect((await p.call('POST', '/api/collection/submit', { promise: true })).statusCode).toBe(200);
    const blocked = (await p.call('GET', '/api/center/closure')).json();
    expect(blocked.blockers[0]).toContain('您有审核中的事项');
    const refused = await p.call('POST', '/api/center/closure', { password: p.password, smsCode: '000000', confirmText: '注销' });
    expect(refused.json().code).toBe('ACCOUNT_HAS_OPEN_ITEMS');
  });

  it('closes: signed out everywhere, login refused, WeChat unbound, phone and document free to register again', async () => {
    const p = await c.person();
    const other = await loginCookie(t.app, p.phone, p.password);
    await t.app.ctx.db.insertInto('wechat_bindings').values({ account_id: p.accountId, openid: `o-${p.accountId}`, nickname: '微信用户', bound_at: t.clock.now().toISOString() }).execute();
    expect((await p.call('POST', '/api/center/closure', { password: p.password, smsCode: '000000', confirmText: '确认' })).json().fields[0].path).toBe('confirmText');
    await code(p, '/api/center/closure/code');
    const smsCode = await latestCode(p.phone);
    expect((await p.call('POST', '/api/center/closure', { password: 'Nope#1234', smsCode, confirmText: '注销' })).json().code).toBe('PASSWORD_WRONG');
    const closed = await p.call('POST', '/api/center/closure', { password: p.password, smsCode, confirmText: '注销' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(cookieOf(closed, 'ausm_sid')).toBeUndefined();
    for (const cookie of [p.cookie, other]) expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login(t.app, p.phone, p.password)).statusCode).toBe(401);
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(401);
    expect(await messages(p.phone)).toContainEqual(expect.stringContaining('您的账号已于'));
    expect(await t.app.ctx.db.selectFrom('wechat_bindings').select('openid').where('account_id', '=', p.accountId).execute()).toEqual([]);
    await t.app.ctx.smsCodes.releaseResendWindow(p.phone);
    const again = await register(t.app, { ...newPerson(), idNumber: p.idNumber, phone: p.phone });
    expect(again.accountId).not.toBe(p.accountId);
    const row = await t.app.ctx.db.selectFrom('accounts').select(['closed_at', 'name']).where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    expect(row.name).toBe(p.name);
  });
});

describe(`保存期限: the retention job (${dialectName})`, () => {
  it('deletes old audit rows only through a recorded grant, and purges accounts closed past their period', async () => {
    const { db } = t.app.ctx;
    // the database refuses to delete audit rows without a grant
    await expect(db.deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    const p = await c.person();
    const { reviewId } = await c.approved(p, await staffCookie(t.app, 'bj_reviewer', 'Review@2026'));
    await code(p, '/api/center/closure/code');
    expect((await p.call('POST', '/api/center/closure', { password: p.password, smsCode: await latestCode(p.phone), confirmText: '注销' })).statusCode).toBe(200);
    const recent = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    t.clock.advance(1096 * 86_400_000);
    await t.app.ctx.audit.record(db, { actorKind: 'system', action: 'test.marker' });
    const run = await t.app.ctx.jobs.runOnce('retention');
    expect(run.ran).toBe(true);
    const left = await db.selectFrom('audit_log').select('action').execute();
    // every row older than three years is gone; the newer marker and the job's own row stay
    expect(left.map((r) => r.action).sort()).toEqual(['retention.purge', 'test.marker']);
    const purge = await db.selectFrom('audit_log').select('detail').where('action', '=', 'retention.purge').executeTakeFirstOrThrow();
    expect(JSON.parse(purge.detail ?? '{}').auditRows).toBe(Number(recent.n));
    expect(await db.selectFrom('retention_grants').select('table_name').execute()).toEqual([{ table_name: 'audit_log' }]);
    // the closed account is kept for five years
    expect((await db.selectFrom('accounts').select('name').where('id', '=', p.accountId).executeTakeFirstOrThrow()).name).toBe(p.name);
    t.clock.advance(730 * 86_400_000);
    await t.app.ctx.jobs.runOnce('retention');
    const purged = await db.selectFrom('accounts').select(['name', 'birth_date']).where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(purged).toEqual({ name: '已注销用户', birth_date: null });
    expect(await db.selectFrom('files').select('id').where('account_id', '=', p.accountId).execute()).toEqual([]);
    expect(await db.selectFrom('consents').select('id').where('account_id', '=', p.accountId).execute()).toEqual([]);
    expect(await db.selectFrom('education_entries').select('id').where('account_id', '=', p.accountId).execute()).toEqual([]);
    expect(await db.selectFrom('work_entries').select('id').where('account_id', '=', p.accountId).execute()).toEqual([]);
    // the department's record stays: the item, its status and history, without what the person submitted
    const item = await db.selectFrom('reviews').select(['status', 'payload']).where('id', '=', reviewId).executeTakeFirstOrThrow();
    expect(item).toEqual({ status: 'approved', payload: '{}' });
    expect((await db.selectFrom('review_actions').select('action').where('review_id', '=', reviewId).execute()).length).toBeGreaterThan(0);
  });
});
