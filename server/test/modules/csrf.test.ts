import { makeMainlandId } from '@ausm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { makePerson, makeStaff } from '../factories/index';
import { makePng, multipart } from '../helpers/images';

/**
 * State-changing requests are accepted only from the platform's own pages: Sec-Fetch-Site must be
 * same-origin (or none), else Origin must be the public origin; bodies are JSON (or the route's own
 * file / CSV type), never text/plain or a form. The browser replay of the two attacks is
 * e2e/csrf.spec.ts.
 */
let t: TestApp;
let pub: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  pub = await makeTestApp({ AUSM_PUBLIC_URL: 'https://kj.example.gov.cn/' });
});
afterAll(async () => {
  await t.close();
  await pub.close();
});

const certificates = async (app: TestApp) => Number((await app.app.ctx.db.selectFrom('certificates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const csv = (no: string) => `证书编号,姓名,证件号码,级别,取得年份,发证机关\r\nC${no},张三,${makeMainlandId('110105', '19900101', '123')},高级,2015,北京市财政局`;

describe(`cross-site requests (${dialectName})`, () => {
  it('refuses an import sent from another port of the same host (Sec-Fetch-Site: same-site), and imports nothing', async () => {
    const admin = await makeStaff(t.app, 'sysadmin', null);
    const before = await certificates(t);
    for (const site of ['same-site', 'cross-site']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', payload: { csv: csv(`X${site}`) }, headers: { cookie: admin.cookie, 'sec-fetch-site': site, origin: 'http://localhost:8081' } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED', message: expect.stringContaining('本平台') });
    }
    expect(await certificates(t)).toBe(before);
    const own = await t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', payload: { csv: csv('OWN1') }, headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(own.json()).toEqual({ imported: 1, skipped: 0, errors: [] });
  });

  it('refuses a file upload from another origin, with or without Sec-Fetch-Site', async () => {
    const person = await makePerson(t.app);
    const mp = multipart('a.png', makePng(400, 260));
    const send = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/files?purpose=realname_front', payload: mp.payload, headers: { ...mp.headers, cookie: person.cookie, ...headers } });
    expect((await send({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await send({ origin: 'http://localhost:8081' })).statusCode).toBe(403);
    expect((await send({ origin: 'null' })).statusCode).toBe(403);
    const files = await t.app.ctx.db.selectFrom('files').select('id').where('account_id', '=', person.accountId).execute();
    expect(files).toHaveLength(0);
    // the server's own origin (no AUSM_PUBLIC_URL) and a request with neither header pass
    expect((await send({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    expect((await send({})).statusCode).toBe(201);
  });

  it('with AUSM_PUBLIC_URL, accepts only that origin', async () => {
    const person = await makePerson(pub.app);
    const send = (origin: string) => pub.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: person.cookie, origin } });
    expect((await send('http://localhost:80')).statusCode).toBe(403);
    expect((await send('https://kj.example.gov.cn.evil.cn')).statusCode).toBe(403);
    expect((await send('https://kj.example.gov.cn')).statusCode).toBe(200);
  });

  it('builds the QR code’s link from AUSM_PUBLIC_URL, whatever the Host header says', async () => {
    const person = await makePerson(pub.app);
    await pub.app.ctx.db.updateTable('accounts').set({ realname_verified: 0, realname_method: null, realname_at: null }).where('id', '=', person.accountId).execute();
    const res = await pub.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: person.cookie, host: 'evil.example:8080' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().scanUrl).toMatch(/^https:\/\/kj\.example\.gov\.cn\//);
  });

  it('does not stand in the way of reading (GET) from anywhere the cookie goes', async () => {
    const person = await makePerson(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: person.cookie, 'sec-fetch-site': 'same-site' } })).statusCode).toBe(200);
  });

  it('takes JSON bodies only: a text/plain or form body is 415, in the app format', async () => {
    const admin = await makeStaff(t.app, 'sysadmin', null);
    const before = await certificates(t);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', payload: csv(`P${type.length}`), headers: { cookie: admin.cookie, 'content-type': type } });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JSON') });
    }
    expect(await certificates(t)).toBe(before);
  });
});
