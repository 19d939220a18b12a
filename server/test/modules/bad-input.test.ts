import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { captcha, newPerson, sendSms } from '../helpers/factories';
import { makePendingRealname, makePerson, makeStaff } from '../factories/index';
import { makePng, multipart } from '../helpers/images';

/**
 * Control characters and lone surrogates are refused with 400 INVALID_CHARACTERS and the field named,
 * wherever they come in — body, body keys, query string, path, multipart file name — and nothing is
 * stored. Without the guard, NUL is a 500 on PostgreSQL and is stored as it is on SQLite.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const count = async (table: 'accounts' | 'files' | 'review_actions') => Number((await t.app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function expectRefused(res: { statusCode: number; json(): { code: string; message: string; fields?: Array<{ path: string }> } }, path: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.code).toBe('INVALID_CHARACTERS');
  expect(body.message).toMatch(/字符/);
  expect(body.fields?.[0]?.path).toBe(path);
}

describe(`control characters and lone surrogates (${dialectName})`, () => {
  it('refuses NUL in the anonymous login (a 500 on PostgreSQL without the guard)', async () => {
    for (const account of ['110105\u0000199001010011', '\u0000', 'a\u0007b']) {
      expectRefused(await t.app.inject({ method: 'POST', url: '/api/session', payload: { account, password: 'x', ...(await captcha(t.app)) } }), 'account');
    }
    expectRefused(await t.app.inject({ method: 'POST', url: '/api/session', payload: { account: '13800000000', password: 'pa\u0000ss', ...(await captcha(t.app)) } }), 'password');
  });

  it('refuses a lone surrogate or a line break in a registration name, and stores nothing', async () => {
    const before = await count('accounts');
    for (const name of ['张\uD840', '\uDC00李', '王\n五']) {
      const p = newPerson({ name });
      const smsCode = await sendSms(t.app, p.phone);
      const res = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { ...p, confirmPassword: p.password, privacyVersion: 1, smsCode } });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields?.some((f: { path: string }) => f.path === 'name')).toBe(true);
    }
    expect(await count('accounts')).toBe(before);
  });

  it('refuses a NUL in a body key, a query string and a path parameter', async () => {
    const person = await makePerson(t.app);
    const reviewer = await makeStaff(t.app, 'supervisor', '110000');
    // a strict body refuses the unknown key first; its message must not echo the NUL back
    const key = await t.app.inject({ method: 'POST', url: '/api/session', payload: { account: 'a', password: 'b', ...(await captcha(t.app)), 'x\u0000': 1 } });
    expect(key.statusCode).toBe(400);
    expect(key.body).not.toMatch(/\\u0000/);
    expectRefused(await t.app.inject({ method: 'GET', url: '/api/admin/reviews?q=%00', headers: { cookie: reviewer.cookie } }), 'query.q');
    expectRefused(await t.app.inject({ method: 'GET', url: '/api/admin/reviews/ab%00cd', headers: { cookie: reviewer.cookie } }), 'params.id');
    // a lone surrogate cannot be percent-encoded as UTF-8: the URL itself is malformed, and is answered in the app's format
    const bad = await t.app.inject({ method: 'GET', url: '/api/files/%ED%A0%80', headers: { cookie: person.cookie } });
    expect([bad.statusCode, bad.json()]).toEqual([400, { code: 'BAD_REQUEST', message: '请求地址有误' }]);
  });

  it('refuses a NUL in an uploaded file name and stores no file', async () => {
    const person = await makePerson(t.app);
    const before = await count('files');
    const mp = multipart('photo\u0000.png', makePng(400, 260));
    expectRefused(await t.app.inject({ method: 'POST', url: '/api/files?purpose=realname_front', payload: mp.payload, headers: { ...mp.headers, cookie: person.cookie } }), 'file');
    expect(await count('files')).toBe(before);
  });

  it('keeps line breaks in a multi-line field (审核意见) but refuses NUL there', async () => {
    const person = await makePerson(t.app);
    const reviewer = await makeStaff(t.app, 'reviewer', '110105');
    const { review } = await makePendingRealname(t.app, person, '110105');
    const decide = (note: string) => t.app.inject({ method: 'POST', url: `/api/admin/reviews/${review.id}/decision`, headers: { cookie: reviewer.cookie }, payload: { action: 'reject', note } });
    const actions = await count('review_actions');
    expectRefused(await decide('照片不清晰\u0000'), 'note');
    expect(await count('review_actions')).toBe(actions);
    const ok = await decide('照片不清晰：\n1. 反面模糊\n2. 请重新上传');
    expect(ok.statusCode).toBe(200);
  });

  it('answers an anonymous caller 401 before looking at the characters', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/reviews?q=%00' });
    expect(res.statusCode).toBe(401);
  });
});
