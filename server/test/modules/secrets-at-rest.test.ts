import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dialectName, makeProductionApp, makeTestApp, type TestApp } from '../helpers/test-app';
import { captcha, genPhone, sendSms } from '../helpers/factories';
import { makePerson, makeStaff } from '../factories/index';
import { makePng, multipart } from '../helpers/images';

/**
 * What the database holds of one-time secrets: captcha answers as keyed HMACs (the answer itself only
 * in demo mode, for its test hook), SMS bodies SM4-encrypted. And in production the API documentation
 * is for signed-in staff only.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

describe(`one-time secrets at rest (${dialectName})`, () => {
  it('keeps a captcha answer as a keyed HMAC; the right answer still passes once', async () => {
    const c = await captcha(t.app);
    const row = await t.app.ctx.db.selectFrom('captchas').selectAll().where('id', '=', c.captchaId).executeTakeFirstOrThrow();
    expect(row.answer).toMatch(/^[0-9a-f]{64}$/);
    expect(row.answer).not.toContain(c.captchaText);
    expect(await t.app.ctx.captcha.consume(c.captchaId, c.captchaText.toUpperCase())).toBe(true);
    expect(await t.app.ctx.captcha.consume(c.captchaId, c.captchaText)).toBe(false);
  });

  it('stores the SMS simulator’s messages SM4-encrypted; the demo hook still reads the code', async () => {
    const phone = genPhone();
    const code = await sendSms(t.app, phone);
    const rows = await t.app.ctx.db.selectFrom('sms_outbox').select('body').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.body.startsWith('v1:') && !r.body.includes(code))).toBe(true);
    const stored = await t.app.ctx.db.selectFrom('sms_codes').select('code_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(code);
  });
});

describe(`uploaded files at rest (${dialectName})`, () => {
  const diskPath = (key: string) => path.join(t.app.ctx.config.dataDir, 'uploads', key.slice(0, 2), key);

  it('stores an ID image SM4-encrypted and serves the original bytes to its owner', async () => {
    const person = await makePerson(t.app);
    const png = makePng(400, 260);
    const mp = multipart('front.png', png);
    const up = await t.app.inject({ method: 'POST', url: '/api/files?purpose=realname_front', payload: mp.payload, headers: { ...mp.headers, cookie: person.cookie } });
    expect(up.statusCode).toBe(201);
    const row = await t.app.ctx.db.selectFrom('files').selectAll().where('id', '=', up.json().id).executeTakeFirstOrThrow();
    const onDisk = fs.readFileSync(diskPath(row.storage_key));
    expect(row.encrypted).toBe(1);
    expect(onDisk.subarray(0, 8).toString()).toBe('AUSMENC1');
    expect(onDisk.includes(png.subarray(16, 64))).toBe(false);
    const got = await t.app.inject({ method: 'GET', url: `/api/files/${row.id}`, headers: { cookie: person.cookie } });
    expect(got.rawPayload.equals(png)).toBe(true);
  });

  it('encrypts files stored in plain bytes before migration 0010, once, at start-up', async () => {
    const person = await makePerson(t.app);
    const png = makePng(400, 260);
    const key = 'ab'.repeat(20);
    fs.mkdirSync(path.dirname(diskPath(key)), { recursive: true });
    fs.writeFileSync(diskPath(key), png);
    const id = crypto.randomUUID();
    await t.app.ctx.db
      .insertInto('files')
      .values({ id, account_id: person.accountId, purpose: 'realname_front', type: 'png', mime: 'image/png', size: png.length, width: 400, height: 260, sha256: crypto.createHash('sha256').update(png).digest('hex'), storage_key: key, original_name: 'old.png', created_at: t.clock.now().toISOString(), encrypted: 0 })
      .execute();
    expect(await t.app.ctx.files.encryptStoredPlainFiles()).toBe(1);
    expect(await t.app.ctx.files.encryptStoredPlainFiles()).toBe(0);
    const row = await t.app.ctx.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.encrypted, row.storage_key === key, fs.existsSync(diskPath(key))]).toEqual([1, false, false]);
    const got = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: person.cookie } });
    expect(got.rawPayload.equals(png)).toBe(true);
  });
});

describe(`production (${dialectName})`, () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await makeProductionApp());
  });
  afterAll(async () => close());

  it('keeps no captcha answer at all', async () => {
    const { id } = (await app.inject({ method: 'GET', url: '/api/captcha' })).json() as { id: string };
    const row = await app.ctx.db.selectFrom('captchas').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.demo_answer).toBeNull();
    expect(await app.ctx.captcha.peek(id)).toBeUndefined();
  });

  it('shows the API documentation to signed-in staff only', async () => {
    for (const url of ['/api/docs', '/api/docs/json']) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const staff = await makeStaff(app, 'reviewer', '110105');
    const doc = await app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie: staff.cookie } });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/admin/session/second-factor');
  });
});
