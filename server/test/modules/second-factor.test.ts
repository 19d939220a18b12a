import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, cookieOf, dialectName, type TestApp } from '../helpers/test-app';
import { captcha } from '../helpers/factories';
import { hashPassword } from '../../src/platform/passwords';
import { base32Decode, stepAt, totpCode } from '../../src/platform/totp';
import { createFirstAdmin } from '../../src/create-admin';

/**
 * The staff second factor: the password opens no session; the authenticator's code does, once per
 * step, against the app clock; a member not yet enrolled enrols on the second screen and gets ten
 * recovery codes once; wrong codes lock like wrong passwords; the ticket between the two is single use.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const PASSWORD = 'Right#Pass1';
async function newStaff(): Promise<{ id: string; username: string }> {
  const now = t.clock.now().toISOString();
  const s = { id: crypto.randomUUID(), username: `mfa_${crypto.randomInt(1e9)}` };
  await t.app.ctx.db
    .insertInto('staff')
    .values({ ...s, display_name: '二次验证', password_hash: await hashPassword(PASSWORD), role: 'reviewer', department_code: '110105', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now, totp_secret_enc: null, totp_enrolled_at: null, totp_last_step: null })
    .execute();
  return s;
}
const password = async (username: string) => (await t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password: PASSWORD, ...(await captcha(t.app)) } })).json();
const second = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/admin/session/second-factor', payload });
const codeAt = (secret: string, offset = 0) => totpCode(base32Decode(secret), stepAt(t.clock.now()) + offset);

/** Enrols a new member; returns the secret and the recovery codes. */
async function enrolled() {
  const s = await newStaff();
  const first = await password(s.username);
  const res = await second({ ticket: first.ticket, code: codeAt(first.secret) });
  expect(res.statusCode).toBe(200);
  return { ...s, secret: first.secret as string, recoveryCodes: res.json().recoveryCodes as string[] };
}

describe(`staff second factor (${dialectName})`, () => {
  it('enrols at the first login: QR code and secret, confirmed by a code, ten recovery codes shown once', async () => {
    const s = await newStaff();
    const first = await password(s.username);
    expect(first).toMatchObject({ next: 'enrol', secret: expect.stringMatching(/^[A-Z2-7]{32}$/), otpauthUrl: expect.stringContaining('otpauth://totp/'), qrSvg: expect.stringContaining('<svg') });
    const wrong = await second({ ticket: first.ticket, code: codeAt(first.secret, 5) });
    expect([wrong.statusCode, wrong.json().code, wrong.json().fields[0].path]).toEqual([401, 'SECOND_FACTOR_INVALID', 'code']);
    const ok = await second({ ticket: first.ticket, code: codeAt(first.secret) });
    expect(ok.statusCode).toBe(200);
    expect(cookieOf(ok, 'ausm_staff_sid')).toBeDefined();
    expect(ok.json().recoveryCodes).toHaveLength(10);
    const row = await t.app.ctx.db.selectFrom('staff').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).not.toContain(first.secret); // SM4 at rest
    t.clock.advance(30_000);
    const again = await password(s.username);
    expect(again).toEqual({ next: 'totp', ticket: expect.any(String), expiresIn: 300 });
    const res = await second({ ticket: again.ticket, code: codeAt(first.secret) });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toBeUndefined();
  });

  it('accepts each code once, and only within a step of the app clock', async () => {
    const s = await enrolled();
    t.clock.advance(60_000);
    const code = codeAt(s.secret);
    expect((await second({ ticket: (await password(s.username)).ticket, code })).statusCode).toBe(200);
    const replay = await second({ ticket: (await password(s.username)).ticket, code });
    expect([replay.statusCode, replay.json().code]).toEqual([401, 'SECOND_FACTOR_INVALID']);
    expect((await second({ ticket: (await password(s.username)).ticket, code: codeAt(s.secret, 2) })).statusCode).toBe(401);
    t.clock.advance(60_000);
    expect((await second({ ticket: (await password(s.username)).ticket, code: codeAt(s.secret) })).statusCode).toBe(200);
  });

  it('locks the account after 5 wrong codes, like wrong passwords', async () => {
    const s = await enrolled();
    t.clock.advance(30_000);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await second({ ticket: (await password(s.username)).ticket, code: codeAt(s.secret, 7) })).json().code);
    expect(codes).toEqual(['SECOND_FACTOR_INVALID', 'SECOND_FACTOR_INVALID', 'SECOND_FACTOR_INVALID', 'SECOND_FACTOR_INVALID', 'ACCOUNT_LOCKED']);
    const afterwards = await t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { username: s.username, password: PASSWORD, ...(await captcha(t.app)) } });
    expect(afterwards.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('takes a recovery code once in place of the authenticator', async () => {
    const s = await enrolled();
    const code = s.recoveryCodes[0] ?? '';
    expect((await second({ ticket: (await password(s.username)).ticket, recoveryCode: code.toLowerCase() })).statusCode).toBe(200);
    const again = await second({ ticket: (await password(s.username)).ticket, recoveryCode: code });
    expect([again.statusCode, again.json().fields[0].path]).toEqual([401, 'recoveryCode']);
  });

  it('uses a ticket once, and not after 5 minutes', async () => {
    const s = await enrolled();
    t.clock.advance(30_000);
    const first = await password(s.username);
    expect((await second({ ticket: first.ticket, code: codeAt(s.secret) })).statusCode).toBe(200);
    t.clock.advance(30_000);
    expect((await second({ ticket: first.ticket, code: codeAt(s.secret) })).json().code).toBe('SESSION_EXPIRED');
    const late = await password(s.username);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await second({ ticket: late.ticket, code: codeAt(s.secret) })).json().code).toBe('SESSION_EXPIRED');
  });

  it('asks for enrolment again after an administrator resets the password', async () => {
    const s = await enrolled();
    await t.app.ctx.db.updateTable('staff').set({ role: 'reviewer' }).where('id', '=', s.id).execute();
    const { StaffService } = await import('../../src/modules/management/staff.service');
    const admin = { id: crypto.randomUUID(), username: 'x', display_name: 'x', password_hash: '', role: 'sysadmin' as const, department_code: null, disabled: 0, failed_logins: 0, locked_until: null, created_at: '', updated_at: '', totp_secret_enc: null, totp_enrolled_at: null, totp_last_step: null };
    await new StaffService(t.app.ctx).update(admin, s.id, { password: PASSWORD }, '127.0.0.1');
    expect((await password(s.username)).next).toBe('enrol');
  });

  it('lets the first system administrator in with what create-admin printed, and nothing else', async () => {
    const made = await createFirstAdmin(t.app.ctx, `root${crypto.randomInt(1e6)}`);
    expect(made.recoveryCodes).toHaveLength(10);
    const first = (await t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { username: made.username, password: made.password, ...(await captcha(t.app)) } })).json();
    expect(first.next).toBe('totp'); // enrolled already: the printed secret is the authenticator
    const res = await second({ ticket: first.ticket, code: codeAt(made.secret) });
    expect([res.statusCode, res.json().role]).toEqual([200, 'sysadmin']);
    await expect(createFirstAdmin(t.app.ctx, made.username)).rejects.toThrow(/exists already/);
  });
});

