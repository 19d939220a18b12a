import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { makePerson, makeStaff } from '../factories/index';
import { makePng, multipart, pngDeclaring } from '../helpers/images';

/**
 * Every error is the app's `{code, message}` in Chinese with the right status — also where the
 * framework or a broken body answers first — and uploads refuse images by declared pixel count.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const chinese = /[\u4e00-\u9fff]/;

describe(`error format (${dialectName})`, () => {
  it('answers a too-long URL with 414 in the app format', async () => {
    const person = await makePerson(t.app);
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${'a'.repeat(300)}`, headers: { cookie: person.cookie } });
    expect([res.statusCode, res.json()]).toEqual([414, { code: 'BAD_REQUEST', message: '请求地址过长' }]);
  });

  it('answers a truncated multipart body with 400, not 500', async () => {
    const person = await makePerson(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=realname_front',
      headers: { cookie: person.cookie, 'content-type': 'multipart/form-data; boundary=XX' },
      payload: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(chinese), fields: [{ path: 'file' }] });
  });

  it('answers bad certificate imports in Chinese with 400 (they were English 500s)', async () => {
    const admin = await makeStaff(t.app, 'sysadmin', null);
    for (const payload of [{ csv: 123 }, { csv: '' }, { other: 'x' }, []]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', headers: { cookie: admin.cookie }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(chinese);
    }
  });

  it('answers deeply nested JSON with 400', async () => {
    const payload = `{"account":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(chinese);
  });
});

describe(`image pixel limits (${dialectName})`, () => {
  const upload = (cookie: string, purpose: string, bytes: Buffer) => {
    const mp = multipart('a.png', bytes);
    return t.app.inject({ method: 'POST', url: `/api/files?purpose=${purpose}`, payload: mp.payload, headers: { ...mp.headers, cookie } });
  };

  it('refuses images that declare 20000×20000 or 65535×65535 pixels, whatever their byte size', async () => {
    const person = await makePerson(t.app);
    for (const [w, h] of [[20000, 20000], [65535, 65535], [5001, 5000]]) {
      const res = await upload(person.cookie, 'education_proof', pngDeclaring(w ?? 0, h ?? 0));
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].message).toContain('像素过大');
    }
    expect((await upload(person.cookie, 'education_proof', pngDeclaring(5000, 5000))).statusCode).toBe(201);
  });

  it('refuses ID images smaller than 400×250', async () => {
    const person = await makePerson(t.app);
    const small = await upload(person.cookie, 'realname_front', makePng(320, 200));
    expect(small.statusCode).toBe(400);
    expect(small.json().fields[0].message).toContain('400×250');
    expect((await upload(person.cookie, 'realname_front', makePng(400, 250))).statusCode).toBe(201);
  });
});
