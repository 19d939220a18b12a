import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeTestApp, dialectName, cookieOf, type TestApp } from '../helpers/test-app';
import { captcha, genMainlandId, newPerson, register, sendSms } from '../helpers/factories';
import { barrierOnTransactions, type RaceBarrier } from '../helpers/race';
import { makePendingRealname, makePerson, makeStaff } from '../factories/index';
import { makePng } from '../helpers/images';
import { hashPassword } from '../../src/platform/passwords';
import { base32Decode, stepAt, totpCode } from '../../src/platform/totp';

/**
 * N simultaneous requests → exactly one effect, for every action a double click, a replayed callback
 * or twenty browser tabs could repeat: registration, a password reset with one SMS code, a staff
 * second-factor ticket, a staff account, each submit, each decision, an idempotent replay, a
 * withdrawal and the Alipay result. Each burst goes through a barrier at the start of the write
 * transactions (helpers/race.ts), so all N have passed their checks before any writes — on SQLite as
 * on PostgreSQL — and `met` is asserted, so a burst that never raced cannot pass. (The lockout under a
 * burst is lockout-race.test.ts; the collection submit, collection.test.ts.)
 */
let t: TestApp;
let barrier: RaceBarrier | undefined;
beforeAll(async () => {
  t = await makeTestApp();
});
afterEach(() => barrier?.release());
afterAll(async () => t.close());

const N = 20;

/** Sends the burst with the barrier armed for all N, and checks that they did meet at it. */
async function race(requests: Array<() => Promise<LightMyRequestResponse>>, parties = requests.length): Promise<LightMyRequestResponse[]> {
  barrier = barrierOnTransactions(t.app.ctx.db, parties);
  const res = await Promise.all(requests.map((r) => r()));
  expect(barrier.met, `all ${parties} reached their write transaction together (arrived: ${barrier.arrived})`).toBe(true);
  for (const r of res) expect(r.statusCode, r.body).toBeLessThan(500);
  return res;
}
const statuses = (res: LightMyRequestResponse[]) => res.map((r) => r.statusCode).sort();
const codes = (res: LightMyRequestResponse[]) => [...new Set(res.filter((r) => r.statusCode >= 400).map((r) => (r.json() as { code: string }).code))];
const audits = async (action: string, targetId: string) =>
  (await t.app.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', action).where('target_id', '=', targetId).execute()).filter((r) => r.outcome === 'success').length;

describe(`${N} simultaneous requests, one effect (${dialectName})`, () => {
  it('registers one account for one ID number', async () => {
    const idNumber = genMainlandId();
    const people = await Promise.all(Array.from({ length: N }, async () => {
      const p = newPerson({ idNumber });
      return { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode: await sendSms(t.app, p.phone) };
    }));
    const res = await race(people.map((p) => () => t.app.inject({ method: 'POST', url: '/api/accounts', payload: p })));
    expect(statuses(res)).toEqual([201, ...Array<number>(N - 1).fill(409)]);
    expect(codes(res)).toEqual(['ID_ALREADY_REGISTERED']);
    const rows = await t.app.ctx.db.selectFrom('accounts').select('id').where('id_number_index', '=', t.app.ctx.fieldCrypto.blindIndex('id_number', idNumber)).execute();
    expect(rows).toHaveLength(1);
  });

  it('resets a password once with one SMS code', async () => {
    const p = await register(t.app);
    t.clock.advance(181_000);
    const smsCode = await sendSms(t.app, p.phone, 'reset_password');
    const body = { idNumber: p.idNumber, name: p.name, phone: p.phone, smsCode, newPassword: 'N3w#Passw0rd', confirmPassword: 'N3w#Passw0rd' };
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'POST', url: '/api/password-reset', payload: body })));
    expect(statuses(res)).toEqual([200, ...Array<number>(N - 1).fill(400)]);
    expect(codes(res)).toEqual(['SMS_CODE_INVALID']);
    expect(await audits('account.reset_password', p.accountId)).toBe(1);
  });

  it('signs a staff member in once with one second-factor ticket', async () => {
    const username = `race_${crypto.randomInt(1e9)}`;
    const id = crypto.randomUUID();
    const now = t.clock.now().toISOString();
    await t.app.ctx.db
      .insertInto('staff')
      .values({ id, username, display_name: '并发', password_hash: await hashPassword('Right#Pass1'), role: 'reviewer', department_code: '110105', disabled: 0, failed_logins: 0, locked_until: null, created_at: now, updated_at: now })
      .execute();
    const first = await t.app.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password: 'Right#Pass1', ...(await captcha(t.app)) } });
    const step = first.json() as { ticket: string; secret: string };
    const code = totpCode(base32Decode(step.secret), stepAt(t.clock.now()));
    // the lockout lets at most 5 verifies be in flight at once, so at least 5 reach the transaction; the
    // rest may meet the momentary lock, which the winner's success lifts
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'POST', url: '/api/admin/session/second-factor', payload: { ticket: step.ticket, code } })), 5);
    expect(res.filter((r) => cookieOf(r, 'ausm_staff_sid'))).toHaveLength(1);
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const c of codes(res)) expect(['SESSION_EXPIRED', 'SECOND_FACTOR_INVALID', 'ACCOUNT_LOCKED']).toContain(c);
    expect(await t.app.ctx.db.selectFrom('staff').select(['failed_logins', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ failed_logins: 0, locked_until: null });
    const sessions = await t.app.ctx.db.selectFrom('sessions').select('id_hash').where('kind', '=', 'staff').where('subject_id', '=', id).execute();
    expect(sessions).toHaveLength(1);
    const staff = await t.app.ctx.db.selectFrom('staff').select('totp_enrolled_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(staff.totp_enrolled_at).not.toBeNull();
  });

  it('creates one staff account for one user name', async () => {
    const admin = await makeStaff(t.app, 'sysadmin', null);
    const username = `race.${crypto.randomInt(1e9)}`;
    const body = { username, displayName: '并发创建', role: 'reviewer', departmentCode: '110105', password: 'Init#Passw0rd1' };
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie: admin.cookie }, payload: body })));
    expect(statuses(res)).toEqual([201, ...Array<number>(N - 1).fill(409)]);
    expect(await t.app.ctx.db.selectFrom('staff').select('id').where('username', '=', username).execute()).toHaveLength(1);
  });

  it('opens one online real-name application', async () => {
    const person = await makePerson(t.app);
    await t.app.ctx.db.updateTable('accounts').set({ realname_verified: 0, realname_method: null, realname_at: null }).where('id', '=', person.accountId).execute();
    const ids: string[] = [];
    for (const purpose of ['realname_front', 'realname_back', 'realname_handheld'] as const) ids.push((await t.app.ctx.files.store(person.accountId, purpose, 'a.png', makePng(400, 260))).id);
    const body = { frontFileId: ids[0], backFileId: ids[1], handheldFileId: ids[2], provinceCode: '110000', cityCode: '110101' };
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'POST', url: '/api/realname/online', headers: { cookie: person.cookie }, payload: body })));
    expect(statuses(res)).toEqual([201, ...Array<number>(N - 1).fill(409)]);
    expect(codes(res)).toEqual(['OPEN_ITEM_EXISTS']);
    expect(await t.app.ctx.db.selectFrom('reviews').select('id').where('account_id', '=', person.accountId).execute()).toHaveLength(1);
  });

  it('records one Alipay result however many times the page polls after it passed', async () => {
    const person = await makePerson(t.app, '支付宝');
    await t.app.ctx.db.updateTable('accounts').set({ realname_verified: 0, realname_method: null, realname_at: null }).where('id', '=', person.accountId).execute();
    const start = await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: person.cookie } });
    const { id: certifyId } = start.json() as { id: string };
    const login = `u${crypto.randomInt(1e9)}@example.com`;
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/sim/alipay/${certifyId}/confirm`, payload: { login, name: person.name, idNumber: person.idNumber } });
    expect(confirmed.json()).toEqual({ status: 'passed' });
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'GET', url: `/api/realname/alipay/${certifyId}`, headers: { cookie: person.cookie } })));
    expect(statuses(res)).toEqual(Array<number>(N).fill(200));
    expect(await audits('realname.alipay_passed', person.accountId)).toBe(1);
  });
});

describe(`${N} simultaneous decisions on one item, one decision (${dialectName})`, () => {
  const decide = (cookie: string, id: string, body: Record<string, string>) => () => t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, headers: { cookie }, payload: body });
  const actions = async (reviewId: string) => (await t.app.ctx.db.selectFrom('review_actions').select('action').where('review_id', '=', reviewId).execute()).map((a) => a.action).sort();

  it('approves once when one reviewer clicks twenty times', async () => {
    const { review } = await makePendingRealname(t.app, await makePerson(t.app), '110105');
    const reviewer = await makeStaff(t.app, 'reviewer', '110105');
    const res = await race(Array.from({ length: N }, () => decide(reviewer.cookie, review.id, { action: 'approve' })));
    expect(statuses(res)).toEqual([200, ...Array<number>(N - 1).fill(409)]);
    expect(await actions(review.id)).toEqual(['approve', 'submit']);
  });

  it('lets one of two reviewers deciding differently at the same moment win, and the other learn it', async () => {
    const { review } = await makePendingRealname(t.app, await makePerson(t.app), '110105');
    const [a, b] = [await makeStaff(t.app, 'reviewer', '110105'), await makeStaff(t.app, 'reviewer', '110105')];
    const res = await race(Array.from({ length: N }, (_, i) => (i % 2 ? decide(a.cookie, review.id, { action: 'approve' }) : decide(b.cookie, review.id, { action: 'reject', note: '照片不清晰' }))));
    expect(statuses(res)).toEqual([200, ...Array<number>(N - 1).fill(409)]);
    const decided = await actions(review.id);
    expect(decided).toHaveLength(2);
    expect(['approve', 'reject']).toContain(decided.find((x) => x !== 'submit'));
  });

  it('answers twenty replays of one idempotency key with the one result', async () => {
    const { review } = await makePendingRealname(t.app, await makePerson(t.app), '110105');
    const reviewer = await makeStaff(t.app, 'reviewer', '110105');
    const res = await race(Array.from({ length: N }, () => decide(reviewer.cookie, review.id, { action: 'approve', idempotencyKey: 'click-0001-approve' })));
    expect(statuses(res)).toEqual(Array<number>(N).fill(200));
    expect(new Set(res.map((r) => (r.json() as { status: string }).status))).toEqual(new Set(['approved']));
    expect(await actions(review.id)).toEqual(['approve', 'submit']);
  });

  it('withdraws once when the applicant clicks twenty times', async () => {
    const person = await makePerson(t.app);
    const { review } = await makePendingRealname(t.app, person, '110105');
    const res = await race(Array.from({ length: N }, () => () => t.app.inject({ method: 'POST', url: `/api/my/reviews/${review.id}/withdraw`, headers: { cookie: person.cookie }, payload: {} })));
    expect(statuses(res)).toEqual([200, ...Array<number>(N - 1).fill(409)]);
    expect(await actions(review.id)).toEqual(['submit', 'withdraw']);
  });
});
