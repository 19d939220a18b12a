import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMainlandId } from '@ausm/domain';
import { makeTestApp, dialectName, freshDbAt, type TestApp } from '../helpers/test-app';
import { captcha, genMainlandId, genPhone, newPerson, sendSms } from '../helpers/factories';
import { makePerson } from '../factories/index';
import { FieldCrypto } from '../../src/platform/crypto';
import { TEST_KEY } from '../helpers/test-app';
import type { DbHandle } from '../../src/db/index';

/**
 * One account per person, whatever the printed number (RULES.md §1), and what people type normalised
 * before any of it is checked: at registration, login and reset.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

async function registerAs(fields: Record<string, string | undefined>) {
  const phone = fields.phone ?? genPhone();
  const smsCode = await sendSms(t.app, phone.replace(/\D/g, '').slice(-11));
  const p = newPerson();
  return t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, phone, smsCode, ...fields } });
}
const loginWith = async (account: string, password = newPerson().password) =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { account, password, ...(await captcha(t.app)) } });

describe(`document identity and what people type (${dialectName})`, () => {
  it('registers a mainland ID typed in full-width with spaces and a +86 phone, and signs in with either as typed', async () => {
    const id = genMainlandId();
    const phone = genPhone();
    const typedId = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('').replace(/(.{6})/, '$1 ');
    const res = await registerAs({ idNumber: typedId, phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.app.ctx.db.selectFrom('accounts').selectAll().where('id', '=', (res.json() as { accountId: string }).accountId).executeTakeFirstOrThrow();
    expect(t.app.ctx.fieldCrypto.decrypt(row.id_number_enc)).toBe(id);
    expect(t.app.ctx.fieldCrypto.decrypt(row.phone_enc)).toBe(phone);
    expect((await loginWith(id.toLowerCase())).statusCode).toBe(200);
    expect((await loginWith(`８６${phone}`)).statusCode).toBe(200);
  });

  it('refuses a residence-permit number as a mainland ID, pointing to the right document', async () => {
    const res = await registerAs({ idNumber: '810000199408230021' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({ path: 'idNumber', message: expect.stringContaining('港澳居民来往内地通行证') });
    expect((await registerAs({ idNumber: '110105491231002' })).json().fields).toContainEqual({ path: 'idNumber', message: expect.stringContaining('2013年') });
  });

  it('makes H12345678 and H1234567801 one account, keeps the renewal count apart, and signs in with either', async () => {
    const base = `H${String(crypto.randomInt(1e7, 1e8))}`;
    const first = await registerAs({ idType: 'hk_macao_permit', idNumber: `${base}01`, name: '陈大文', sex: 'male', birthDate: '1988-04-02' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await registerAs({ idType: 'hk_macao_permit', idNumber: base, name: '陈大文', sex: 'male', birthDate: '1988-04-02' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ID_ALREADY_REGISTERED']);
    const row = await t.app.ctx.db.selectFrom('accounts').selectAll().where('id', '=', (first.json() as { accountId: string }).accountId).executeTakeFirstOrThrow();
    expect([t.app.ctx.fieldCrypto.decrypt(row.id_number_enc), row.id_renewal, row.sex, row.birth_date]).toEqual([base, '01', 'male', '1988-04-02']);
    expect((await loginWith(base, newPerson().password)).statusCode).toBe(200);
    expect((await loginWith(`${base}02`.toLowerCase(), newPerson().password)).statusCode).toBe(200);
  });

  it('asks a non-mainland registrant for sex and birth date, and stores nothing without them', async () => {
    const before = await t.app.ctx.db.selectFrom('accounts').select('id').execute();
    const res = await registerAs({ idType: 'taiwan_permit', idNumber: String(crypto.randomInt(1e7, 1e8)), name: '林志明' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['sex', 'birthDate']));
    const future = await registerAs({ idType: 'taiwan_permit', idNumber: String(crypto.randomInt(1e7, 1e8)), name: '林志明', sex: 'female', birthDate: '2999-01-01' });
    expect(future.json().fields).toContainEqual({ path: 'birthDate', message: '出生日期不能晚于今天' });
    expect(await t.app.ctx.db.selectFrom('accounts').select('id').execute()).toHaveLength(before.length);
  });

  it('reduces a pre-2008 Taiwan permit to its 8 digits and tells a 身分證 number apart', async () => {
    const eight = String(crypto.randomInt(1e7, 1e8));
    const res = await registerAs({ idType: 'taiwan_permit', idNumber: `${eight}(03)`, name: '林志明', sex: 'female', birthDate: '1979-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await registerAs({ idType: 'taiwan_permit', idNumber: eight, name: '林志明', sex: 'female', birthDate: '1979-12-31' })).json().code).toBe('ID_ALREADY_REGISTERED');
    const card = await registerAs({ idType: 'taiwan_permit', idNumber: 'A123456789', name: '林志明', sex: 'female', birthDate: '1979-12-31' });
    expect(card.json().fields).toContainEqual({ path: 'idNumber', message: expect.stringContaining('台湾身分证号码') });
  });

  it('keys a passport on nationality and number: one number of two countries is two people, signing in by phone', async () => {
    const number = `E${crypto.randomInt(1e7, 1e8)}`;
    const a = await registerAs({ idType: 'foreign_passport', idNumber: number, nationality: 'USA', name: 'John Smith', sex: 'male', birthDate: '1970-01-01' });
    const b = await registerAs({ idType: 'foreign_passport', idNumber: number.toLowerCase(), nationality: 'GBR', name: 'Jane Smith', sex: 'female', birthDate: '1971-01-01' });
    const c = await registerAs({ idType: 'foreign_passport', idNumber: number, nationality: 'USA', name: 'John Smith', sex: 'male', birthDate: '1970-01-01' });
    expect([a.statusCode, b.statusCode, c.json().code]).toEqual([201, 201, 'ID_ALREADY_REGISTERED']);
    expect((await loginWith(number)).json()).toEqual({ code: 'ACCOUNT_AMBIGUOUS', message: '该证件号码对应多个账号，请使用手机号登录' });
  });
});

describe(`性别 and 出生日期 of an earlier permit registration (${dialectName})`, () => {
  it('are given once in 基本信息, then are registration data; a mainland card’s are never typed', async () => {
    const person = await makePerson(t.app, '陈大文');
    await t.app.ctx.db.updateTable('accounts').set({ id_type: 'hk_macao_permit', sex: null, birth_date: null }).where('id', '=', person.accountId).execute();
    const call = (payload: object) => t.app.inject({ method: 'PUT', url: '/api/collection/basic', headers: { cookie: person.cookie }, payload });
    await t.app.inject({ method: 'PUT', url: '/api/collection/scope', headers: { cookie: person.cookie }, payload: { scope: 'accountant' } });
    expect((await call({ sex: 'male', birthDate: '2999-01-01' })).json().fields).toContainEqual({ path: 'birthDate', message: '出生日期不能晚于今天' });
    const saved = await call({ sex: 'male', birthDate: '1988-04-02' });
    expect(saved.json().registration).toMatchObject({ sex: 'male', birthDate: '1988-04-02' });
    expect((await call({ sex: 'female' })).json().fields).toContainEqual({ path: 'sex', message: '性别和出生日期为注册信息，不能在此修改' });
    const mainland = await makePerson(t.app);
    await t.app.inject({ method: 'PUT', url: '/api/collection/scope', headers: { cookie: mainland.cookie }, payload: { scope: 'accountant' } });
    const refused = await t.app.inject({ method: 'PUT', url: '/api/collection/basic', headers: { cookie: mainland.cookie }, payload: { sex: 'female' } });
    expect(refused.statusCode).toBe(400);
  });
});

describe(`migration 0011 on a database as main left it (${dialectName})`, () => {
  let handle: DbHandle;
  afterAll(async () => handle?.close());

  it('re-indexes every account on the person key, reports duplicates and refused numbers, and changes nothing else', async () => {
    let db;
    ({ handle, db } = await freshDbAt('0010-secrets-at-rest'));
    // as main stored them: the index of the number as typed (trimmed, upper case)
    const fc = new FieldCrypto(Buffer.from(TEST_KEY, 'hex'));
    const now = '2026-01-01T00:00:00.000Z';
    const account = async (idType: string, number: string, nationality: string | null = null) => {
      const id = crypto.randomUUID();
      const phone = genPhone();
      await db
        .insertInto('accounts')
        .values({ id, id_type: idType, id_number_enc: fc.encrypt(number), id_number_index: fc.blindIndex('id_number', number), name: '旧账号', nationality, phone_enc: fc.encrypt(phone), phone_index: fc.blindIndex('phone', phone), password_hash: 'h', created_at: now, updated_at: now })
        .execute();
      return id;
    };
    const mainland = await account('mainland_id', makeMainlandId('110105', '19900307', '002'));
    const hkShort = await account('hk_macao_permit', 'H87654321');
    const hkLong = await account('hk_macao_permit', 'H8765432101');
    const twLong = await account('taiwan_permit', '1234567801');
    const passport = await account('foreign_passport', 'E55554444', 'USA');
    const residence = await account('mainland_id', '810000199408230021');

    const t2 = await makeTestApp({}, { db: handle });
    try {
      const rows = await t2.app.ctx.db.selectFrom('accounts').selectAll().execute();
      const byId = new Map(rows.map((x) => [x.id, x]));
      const key = (v: string) => fc.blindIndex('id_number', v);
      expect(rows.every((x) => x.identity_version === 2 && x.login_index)).toBe(true);
      expect(byId.get(mainland)?.id_number_index).toBe(key(makeMainlandId('110105', '19900307', '002')));
      expect(byId.get(hkShort)?.id_number_index).toBe(key('H87654321'));
      // the second H8765432… is the same person: left as it was, reported
      expect(byId.get(hkLong)?.id_number_index).toBe(key('H8765432101'));
      expect([fc.decrypt(byId.get(twLong)?.id_number_enc ?? ''), byId.get(twLong)?.id_renewal, byId.get(twLong)?.id_number_index]).toEqual(['12345678', '01', key('12345678')]);
      expect(byId.get(passport)?.id_number_index).toBe(key('USA:E55554444'));
      expect(byId.get(residence)?.id_number_index).toBe(key('810000199408230021'));

      const stored = await t2.app.ctx.db.selectFrom('data_migrations').selectAll().where('name', '=', '0011-person-identity').executeTakeFirstOrThrow();
      const report = (JSON.parse(stored.report) as { runs: Array<Record<string, unknown>> }).runs[0];
      expect(report).toMatchObject({
        accounts: 6,
        reindexed: 4,
        reducedToPerson: 1,
        duplicates: [{ idType: 'hk_macao_permit', accountIds: [hkShort, hkLong] }],
        invalid: [{ idType: 'mainland_id', accountId: residence, reason: expect.stringContaining('港澳台居民居住证') }],
      });
      const audit = await t2.app.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'account.duplicate_identity').execute();
      expect(audit).toEqual([{ action: 'account.duplicate_identity', target_id: hkLong }]);
    } finally {
      await t2.close();
    }
  });
});
