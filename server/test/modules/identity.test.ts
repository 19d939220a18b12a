import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, cookieOf, dialectName, type TestApp } from '../helpers/test-app';
import { captcha, genMainlandId, genPhone, login, loginCookie, newPerson, register, requestSms, sendSms } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
});
afterAll(async () => t.close());

const countAccounts = async () => Number((await t.app.ctx.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`registration (${dialectName})`, () => {
  it('registers a person with a rare character in the name and derives sex and birth date', async () => {
    const p = await register(t.app, newPerson({ idNumber: genMainlandId('female'), name: '王𡒄' }));
    const cookie = await loginCookie(t.app, p.idNumber, p.password);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    expect(me.maskedName).toBe('王*');
    expect(me.sex).toBe('female');
    expect(me.birthDate).toBe(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`);
    expect(me.maskedPhone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);
  });

  it('stores ID and phone encrypted, never in plain text', async () => {
    const p = await register(t.app);
    const row = await t.app.ctx.db.selectFrom('accounts').selectAll().where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(p.idNumber);
    expect(JSON.stringify(row)).not.toContain(p.phone);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(t.app.ctx.fieldCrypto.decrypt(row.id_number_enc)).toBe(p.idNumber);
  });

  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['wrong check digit', { idNumber: '110105194912310021' }, 'idNumber', '校验位'],
    ['impossible birth date', { idNumber: '110105194902300020' }, 'idNumber', '出生日期'],
    ['unknown area code', { idNumber: '990105194912310020' }, 'idNumber', '地区码'],
    ['short phone', { phone: '1380013800' }, 'phone', '手机号'],
    ['phone not starting 1[3-9]', { phone: '12000138000' }, 'phone', '手机号'],
    ['weak password', { password: 'abcdefgh', confirmPassword: 'abcdefgh' }, 'password', '至少包含'],
    ['password with the phone', { password: 'Ab!13700000000', confirmPassword: 'Ab!13700000000', phone: '13700000000' }, 'password', '手机号'],
    ['confirmation mismatch', { confirmPassword: 'Other#1234' }, 'confirmPassword', '不一致'],
    ['latin name on an ID card', { name: 'John' }, 'name', '姓名'],
    ['one-character name', { name: '王' }, 'name', '2至30'],
    ['bad HK permit', { idType: 'hk_macao_permit', idNumber: 'X1234567' }, 'idNumber', '港澳'],
    ['passport without nationality', { idType: 'foreign_passport', idNumber: 'E12345678', name: 'John Smith' }, 'nationality', '国籍'],
    ['missing SMS code', { smsCode: '' }, 'smsCode', '验证码'],
    ['unknown field', { status: 'approved' }, 'status', '不允许'],
  ];
  it.each(bad)('rejects %s with 400, a Chinese message at the field, and stores nothing', async (_n, patch, field, text) => {
    const before = await countAccounts();
    const p = newPerson();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: '123456', ...patch },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const f = body.fields.find((x: { path: string }) => x.path === field);
    expect(f?.message).toContain(text);
    expect(await countAccounts()).toBe(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/accounts', headers: { 'content-type': 'application/json' }, payload: '{"idType":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });

  it('refuses a wrong SMS code and counts tries, then locks the code after 5', async () => {
    const p = newPerson();
    const code = await sendSms(t.app, p.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: wrong } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(i < 5 ? 'SMS_CODE_INVALID' : 'SMS_CODE_TOO_MANY_TRIES');
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: code } });
    expect(res.json().code).toBe('SMS_CODE_TOO_MANY_TRIES');
  });

  it('SMS codes expire after 3 minutes, and one phone gets one code per 3 minutes', async () => {
    const p = newPerson();
    const code = await sendSms(t.app, p.phone);
    const again = await requestSms(t.app, p.phone);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('SMS_SEND_TOO_FREQUENT');
    expect(again.json().retryAfter).toBeGreaterThan(170);
    t.clock.advance(181_000);
    const res = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: code } });
    expect(res.json().code).toBe('SMS_CODE_EXPIRED');
    const code2 = await sendSms(t.app, p.phone);
    const ok = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: code2 } });
    expect(ok.statusCode).toBe(201);
  });

  it('a code is single use and tied to its purpose', async () => {
    const p = await register(t.app);
    t.clock.advance(181_000);
    const code = await sendSms(t.app, p.phone, 'reset_password');
    const asRegister = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...newPerson({ phone: p.phone }), confirmPassword: 'Passw0rd!x', privacyVersion: 1, smsCode: code } });
    // a code of another purpose does not serve: refused as a code, before anything says the phone is taken
    expect(asRegister.statusCode).toBe(400);
    expect(asRegister.json().code).toBe('SMS_CODE_INVALID');
    const stored = await t.app.ctx.db.selectFrom('sms_codes').selectAll().where('used_at', 'is', null).execute();
    expect(stored.every((s) => !s.code_hash.includes(code))).toBe(true);
  });

  it('20 concurrent registrations of the same ID create exactly one account', async () => {
    const idNumber = genMainlandId();
    const people = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const p = newPerson({ idNumber });
        return { ...p, smsCode: await sendSms(t.app, p.phone) };
      }),
    );
    const results = await Promise.all(
      people.map((p) => t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1 } })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(results.every((r) => r.statusCode !== 500)).toBe(true);
    const idx = t.app.ctx.fieldCrypto.blindIndex('id_number', idNumber);
    const rows = await t.app.ctx.db.selectFrom('accounts').select('id').where('id_number_index', '=', idx).execute();
    expect(rows).toHaveLength(1);
  });

  it('one account per phone', async () => {
    const p = await register(t.app);
    t.clock.advance(181_000); // the phone's resend window comes first: limits before any look-up
    const res = await requestSms(t.app, p.phone);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PHONE_ALREADY_REGISTERED');
  });

  it('caps SMS sends per IP', async () => {
    const capped = await makeTestApp({ AUSM_SMS_IP_PER_HOUR: '3' }, { seedDemo: true });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const r = await requestSms(capped.app, genPhone(), 'register', '10.9.9.9');
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await requestSms(capped.app, genPhone(), 'register', '10.9.9.10');
      expect(other.statusCode).toBe(200);
    } finally {
      await capped.close();
    }
  });

  it('reports a failing SMS gateway without keeping the code or the send window', async () => {
    process.env.AUSM_SMS_SIMULATE = 'fail';
    const failing = await makeTestApp({}, { seedDemo: true });
    delete process.env.AUSM_SMS_SIMULATE;
    try {
      const phone = genPhone();
      const r = await requestSms(failing.app, phone);
      expect(r.statusCode).toBe(503);
      expect(r.json().message).toContain('短信发送失败');
      expect(await failing.app.ctx.db.selectFrom('sms_codes').selectAll().execute()).toHaveLength(0);
    } finally {
      await failing.close();
    }
  });
});

describe(`login, lockout and sessions (${dialectName})`, () => {
  it('logs in by ID number or phone with a captcha, and the captcha is single use', async () => {
    const p = await register(t.app);
    const c = await captcha(t.app);
    const ok = await t.app.inject({ method: 'POST', url: '/api/session', payload: { account: p.phone, password: p.password, ...c } });
    expect(ok.statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url: '/api/session', payload: { account: p.phone, password: p.password, ...c } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('CAPTCHA_INVALID');
    expect((await login(t.app, p.idNumber.toLowerCase(), p.password)).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const p = await register(t.app);
    const unknown = await login(t.app, genMainlandId(), p.password);
    const wrong = await login(t.app, p.idNumber, 'Wrong#Pass1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account for 30 minutes after 5 wrong passwords', async () => {
    const p = await register(t.app);
    for (let i = 0; i < 4; i++) expect((await login(t.app, p.idNumber, 'Wrong#Pass1')).json().code).toBe('LOGIN_FAILED');
    const fifth = await login(t.app, p.idNumber, 'Wrong#Pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await login(t.app, p.idNumber, p.password)).json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(29 * 60_000);
    expect((await login(t.app, p.idNumber, p.password)).json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(61_000);
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(200);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', p.accountId).where('action', '=', 'account.lock').execute();
    expect(audit).toHaveLength(1);
  });

  it('rotates the session id at login (no fixation)', async () => {
    const p = await register(t.app);
    const planted = 'ausm_sid=attacker-chosen-value';
    const res = await login(t.app, p.idNumber, p.password, planted);
    const issued = cookieOf(res, 'ausm_sid');
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: planted } })).statusCode).toBe(401);
    // logging in again from a signed-in browser also issues a new id and ends the old one
    const again = await login(t.app, p.idNumber, p.password, issued);
    expect(cookieOf(again, 'ausm_sid')).not.toBe(issued);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: issued ?? '' } })).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes but not while in use, and after 12 hours in any case', async () => {
    const p = await register(t.app);
    const cookie = await loginCookie(t.app, p.idNumber, p.password);
    const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    t.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(30 * 60_000 + 1000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');

    const c2 = await loginCookie(t.app, p.idNumber, p.password);
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      if ((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c2 } })).statusCode !== 200) break;
    }
    // 25 × 29 min > 12 h: the absolute lifetime ended it although it was never idle
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: c2 } })).statusCode).toBe(401);
  });

  it('logout destroys the session: replaying the cookie does not work', async () => {
    const p = await register(t.app);
    const cookie = await loginCookie(t.app, p.idNumber, p.password);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('sets HttpOnly, SameSite=Lax session cookies', async () => {
    const p = await register(t.app);
    const res = await login(t.app, p.idNumber, p.password);
    const c = res.cookies.find((x) => x.name === 'ausm_sid');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Lax');
    expect(c?.value.length).toBeGreaterThanOrEqual(43);
  });
});

describe(`password reset (${dialectName})`, () => {
  it('resets when ID, name and phone match, and ends all sessions', async () => {
    const p = await register(t.app);
    const cookie = await loginCookie(t.app, p.idNumber, p.password);
    t.clock.advance(181_000); // one SMS per phone per 3 minutes
    const smsCode = await sendSms(t.app, p.phone, 'reset_password');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { idNumber: p.idNumber, name: p.name, newPassword: 'New#Pass2026', confirmPassword: 'New#Pass2026', phone: p.phone, smsCode },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(401);
    expect((await login(t.app, p.idNumber, 'New#Pass2026')).statusCode).toBe(200);
  });

  it('refuses when the name does not match and keeps the old password', async () => {
    const p = await register(t.app);
    t.clock.advance(181_000); // one SMS per phone per 3 minutes
    const smsCode = await sendSms(t.app, p.phone, 'reset_password');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { idNumber: p.idNumber, name: '李四', newPassword: 'New#Pass2026', confirmPassword: 'New#Pass2026', phone: p.phone, smsCode },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('RESET_MISMATCH');
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(200);
  });

  it('unlocks a locked account', async () => {
    const p = await register(t.app);
    for (let i = 0; i < 5; i++) await login(t.app, p.idNumber, 'Wrong#Pass1');
    t.clock.advance(181_000); // one SMS per phone per 3 minutes
    const smsCode = await sendSms(t.app, p.phone, 'reset_password');
    await t.app.inject({
      method: 'POST',
      url: '/api/password-reset',
      payload: { idNumber: p.idNumber, name: p.name, newPassword: 'New#Pass2026', confirmPassword: 'New#Pass2026', phone: p.phone, smsCode },
    });
    expect((await login(t.app, p.idNumber, 'New#Pass2026')).statusCode).toBe(200);
  });
});

describe(`audit log (${dialectName})`, () => {
  it('records logins and refuses updates and deletes', async () => {
    const rows = await t.app.ctx.db.selectFrom('audit_log').select(['id', 'action', 'outcome']).execute();
    expect(rows.some((r) => r.action === 'account.login' && r.outcome === 'success')).toBe(true);
    expect(rows.some((r) => r.action === 'account.login' && r.outcome === 'failure')).toBe(true);
    await expect(t.app.ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.app.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
