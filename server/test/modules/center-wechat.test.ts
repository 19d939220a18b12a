import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeTestApp, dialectName, cookieOf, type TestApp } from '../helpers/test-app';
import { loginCookie, register } from '../helpers/factories';
import { barrierOnTransactions } from '../helpers/race';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object): Promise<LightMyRequestResponse> =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload });

async function person() {
  const p = await register(t.app);
  return { ...p, cookie: await loginCookie(t.app, p.idNumber, p.password) };
}

/** What the simulated phone does: scan (opening its page), then confirm as a WeChat user (created with a nickname). */
async function scan(ticket: string, login: string, confirm = true, between?: () => Promise<void>) {
  expect((await inject('GET', `/api/sim/wechat/${ticket}`)).statusCode).toBe(200);
  await between?.();
  return inject('POST', `/api/sim/wechat/${ticket}/answer`, undefined, { login, nickname: `昵称${login}`, confirm });
}

async function bind(cookie: string, login: string) {
  const { ticket } = (await inject('POST', '/api/center/wechat/tickets', cookie)).json() as { ticket: string };
  const poll = () => inject('POST', `/api/center/wechat/tickets/${ticket}`, cookie);
  expect((await poll()).json().status).toBe('waiting');
  const answered = await scan(ticket, login, true, async () => expect((await poll()).json().status).toBe('scanned'));
  expect(answered.statusCode).toBe(200);
  return poll();
}

/** The login page: a QR for this browser (its ausm_wx cookie), scanned as `login`, then polled. */
async function qrLogin(login: string) {
  const start = await inject('POST', '/api/session/wechat');
  const browser = cookieOf(start, 'ausm_wx');
  const { ticket } = start.json() as { ticket: string };
  await scan(ticket, login);
  const poll = await inject('POST', `/api/session/wechat/${ticket}`, browser);
  return { poll, ticket, browser, session: cookieOf(poll, 'ausm_sid') };
}

const wxLogin = () => `wx${Math.random().toString(36).slice(2, 10)}`;

describe(`微信绑定 and 微信扫码登录 (${dialectName})`, () => {
  it('bind → QR login → 换绑 → 解绑 → QR login refused, each step audited', async () => {
    const p = await person();
    expect((await inject('GET', '/api/center/wechat', p.cookie)).json()).toMatchObject({ available: true, bound: false });
    const first = wxLogin();
    expect((await bind(p.cookie, first)).json()).toMatchObject({ status: 'done' });
    expect((await inject('GET', '/api/center/wechat', p.cookie)).json()).toMatchObject({ bound: true, nickname: `昵称${first}` });

    const signedIn = await qrLogin(first);
    expect(signedIn.poll.json().state.status).toBe('done');
    expect(signedIn.poll.json().me.id).toBe(p.accountId);
    expect((await inject('GET', '/api/me', signedIn.session)).json().id).toBe(p.accountId);

    const second = wxLogin();
    expect((await bind(p.cookie, second)).json().status).toBe('done');
    // the old WeChat user no longer signs in; the new one does
    expect((await qrLogin(first)).poll.json()).toMatchObject({ state: { status: 'refused', code: 'WECHAT_NOT_BOUND' }, me: null });
    expect((await qrLogin(second)).poll.json().me.id).toBe(p.accountId);

    expect((await inject('DELETE', '/api/center/wechat', p.cookie)).statusCode).toBe(200);
    const refused = await qrLogin(second);
    expect(refused.poll.json().state).toMatchObject({ status: 'refused', code: 'WECHAT_NOT_BOUND' });
    expect(refused.poll.json().state.message).toContain('个人中心 → 微信绑定');
    expect(refused.session).toBeUndefined();
    expect((await inject('DELETE', '/api/center/wechat', p.cookie)).json().code).toBe('WECHAT_NOT_BOUND');

    const actions = (await t.app.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', p.accountId).where('action', 'like', 'wechat.%').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['wechat.bind', 'wechat.rebind', 'wechat.unbind']);
  });

  it('one WeChat user binds one account: a second account is told to unbind it first', async () => {
    const a = await person();
    const b = await person();
    const login = wxLogin();
    expect((await bind(a.cookie, login)).json().status).toBe('done');
    const second = (await bind(b.cookie, login)).json();
    expect(second).toMatchObject({ status: 'refused', code: 'WECHAT_ALREADY_BOUND' });
    expect(second.message).toBe('该微信已绑定其他平台账号，请先在原账号中解绑');
    expect((await inject('GET', '/api/center/wechat', b.cookie)).json().bound).toBe(false);
  });

  it('twenty simultaneous polls of one confirmed bind: one binding, one audit row, the same answer for all', async () => {
    const p = await person();
    const { ticket } = (await inject('POST', '/api/center/wechat/tickets', p.cookie)).json() as { ticket: string };
    await scan(ticket, wxLogin());
    const barrier = barrierOnTransactions(t.app.ctx.db, 20);
    const answers = await Promise.all(Array.from({ length: 20 }, () => inject('POST', `/api/center/wechat/tickets/${ticket}`, p.cookie)));
    barrier.release();
    expect(barrier.met).toBe(true);
    expect(answers.map((r) => r.json().status)).toEqual(Array(20).fill('done'));
    const audits = await t.app.ctx.db.selectFrom('audit_log').select('id').where('actor_id', '=', p.accountId).where('action', 'in', ['wechat.bind', 'wechat.rebind']).execute();
    expect(audits).toHaveLength(1);
  });

  it('twenty simultaneous polls of one confirmed login QR: exactly one session', async () => {
    const p = await person();
    const login = wxLogin();
    await bind(p.cookie, login);
    const start = await inject('POST', '/api/session/wechat');
    const browser = cookieOf(start, 'ausm_wx');
    const { ticket } = start.json() as { ticket: string };
    await scan(ticket, login);
    const before = (await t.app.ctx.db.selectFrom('sessions').select('id_hash').where('subject_id', '=', p.accountId).execute()).length;
    const barrier = barrierOnTransactions(t.app.ctx.db, 20);
    const polls = await Promise.all(Array.from({ length: 20 }, () => inject('POST', `/api/session/wechat/${ticket}`, browser)));
    barrier.release();
    expect(barrier.met).toBe(true);
    expect(polls.filter((r) => cookieOf(r, 'ausm_sid')).length).toBe(1);
    const after = (await t.app.ctx.db.selectFrom('sessions').select('id_hash').where('subject_id', '=', p.accountId).execute()).length;
    expect(after - before).toBe(1);
  });

  it('only the browser that opened the login QR receives the session', async () => {
    const p = await person();
    const login = wxLogin();
    await bind(p.cookie, login);
    const start = await inject('POST', '/api/session/wechat');
    const { ticket } = start.json() as { ticket: string };
    await scan(ticket, login);
    // someone who read the ticket off the QR, without the opener's cookie
    expect((await inject('POST', `/api/session/wechat/${ticket}`)).statusCode).toBe(404);
    expect((await inject('POST', `/api/session/wechat/${ticket}`, 'ausm_wx=guessed')).statusCode).toBe(404);
    const owner = await inject('POST', `/api/session/wechat/${ticket}`, cookieOf(start, 'ausm_wx'));
    expect(cookieOf(owner, 'ausm_sid')).toBeTruthy();
  });

  it('a QR expires after five minutes; a cancelled scan says so; another account cannot poll a bind QR', async () => {
    const p = await person();
    const { ticket } = (await inject('POST', '/api/center/wechat/tickets', p.cookie)).json() as { ticket: string };
    const other = await person();
    expect((await inject('POST', `/api/center/wechat/tickets/${ticket}`, other.cookie)).statusCode).toBe(404);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await inject('POST', `/api/center/wechat/tickets/${ticket}`, p.cookie)).json().status).toBe('expired');
    const late = await scan(ticket, wxLogin());
    expect(late.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: '二维码已过期，请在电脑上刷新二维码后重新扫描' });

    const next = (await inject('POST', '/api/center/wechat/tickets', p.cookie)).json() as { ticket: string };
    await scan(next.ticket, wxLogin(), false);
    expect((await inject('POST', `/api/center/wechat/tickets/${next.ticket}`, p.cookie)).json().status).toBe('cancelled');
    expect((await inject('GET', '/api/center/wechat', p.cookie)).json().bound).toBe(false);
  });

  it('a result whose signature does not verify is refused and binds nothing', async () => {
    const p = await person();
    const { ticket } = (await inject('POST', '/api/center/wechat/tickets', p.cookie)).json() as { ticket: string };
    await scan(ticket, wxLogin());
    const wechat = t.app.ctx.integrations.wechat;
    if (!wechat) throw new Error('demo mode has the WeChat simulator');
    const real = wechat.query.bind(wechat);
    wechat.query = async (id) => ({ ...(await real(id)), openid: 'o-someone-else' });
    try {
      const res = await inject('POST', `/api/center/wechat/tickets/${ticket}`, p.cookie);
      expect(res.statusCode).toBe(502);
      expect(res.json().code).toBe('INTEGRATION_BAD_RESPONSE');
    } finally {
      wechat.query = real;
    }
    expect((await inject('GET', '/api/center/wechat', p.cookie)).json().bound).toBe(false);
  });
});
