import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeMainlandId } from '@ausm/domain';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ManualClock } from '../../src/platform/clock';
import { integrationsFor } from '../../src/integrations/integrations';
import { dialectName, freshDb, makeTestApp, TEST_KEY } from '../helpers/test-app';

const prodEnv = {
  NODE_ENV: 'production',
  AUSM_KEY: TEST_KEY,
  DATABASE_URL: 'postgres://unused.invalid/ausm',
  AUSM_PUBLIC_URL: 'https://kj.example.gov.cn',
  AUSM_DATA_DIR: path.join(os.tmpdir(), 'ausm-test-prod-integrations'),
};

describe(`production without simulators (${dialectName})`, () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let cookie: string;
  beforeAll(async () => {
    const db = await freshDb();
    app = await buildApp(loadConfig(prodEnv), { db, clock: new ManualClock(new Date('2026-03-01T02:00:00.000Z')), webDist: null, logger: false });
    close = async () => {
      await app.close();
      await db.close();
    };
    // an accountant as a production deployment would have one (no SMS here to register through)
    const { db: kdb, fieldCrypto, sessions, clock } = app.ctx;
    const id = crypto.randomUUID();
    const idNumber = makeMainlandId('110105', '19900101', '123');
    const now = clock.now().toISOString();
    await kdb
      .insertInto('accounts')
      .values({
        id, id_type: 'mainland_id', id_number_enc: fieldCrypto.encrypt(idNumber), id_number_index: fieldCrypto.blindIndex('id_number', idNumber), login_index: fieldCrypto.blindIndex('id_number', idNumber), identity_version: 2, name: '钱生产',
        nationality: null, phone_enc: fieldCrypto.encrypt('13800000009'), phone_index: fieldCrypto.blindIndex('phone', '13800000009'), password_hash: 'x', sex: 'male',
        birth_date: '1990-01-01', locked_until: null, realname_method: null, realname_at: null, created_at: now, updated_at: now,
      })
      .execute();
    cookie = `ausm_sid=${await sessions.create('accountant', id, null)}`;
  });
  afterAll(async () => close());

  it('has no /api/sim/* and no /api/dev/* routes', async () => {
    for (const [method, url] of [['GET', '/api/sim/alipay/x'], ['POST', '/api/sim/alipay/x/confirm'], ['GET', '/api/dev/sms?phone=13800000009'], ['GET', '/api/dev/captcha?id=x'], ['GET', '/api/sim/wechat/x'], ['POST', '/api/sim/wechat/x/answer']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { login: 'a@b.cn' } : undefined });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
    }
    expect(app.hasRoute({ method: 'GET', url: '/api/sim/alipay/:id' })).toBe(false);
    expect(app.ctx.integrations.simulators).toBeNull();
  });

  it('lists every integration as unavailable in /api/ready, and is still ready', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready', database: 'ok', redis: 'not_configured',
      integrations: [
        { name: 'sms', label: '短信网关', state: 'unavailable' },
        { name: 'alipay', label: '支付宝身份验证', state: 'unavailable' },
        { name: 'chsi', label: '学信网学历学位核验', state: 'unavailable' },
        { name: 'wechat', label: '微信开放平台（扫码登录、绑定）', state: 'unavailable' },
      ],
    });
  });

  it('answers 503 INTEGRATION_UNAVAILABLE in Chinese where a feature needs one, and Alipay real-name cannot pass', async () => {
    const sms = await app.inject({ method: 'POST', url: '/api/sms/send', payload: { phone: '13800000010', purpose: 'register' } });
    expect(sms.statusCode).toBe(503);
    expect(sms.json()).toEqual({ code: 'INTEGRATION_UNAVAILABLE', message: '短信服务暂不可用，暂时无法发送验证码，请稍后再试' });
    for (const [url, withCookie] of [['/api/session/wechat', false], ['/api/center/wechat/tickets', true]] as const) {
      const wx = await app.inject({ method: 'POST', url, headers: withCookie ? { cookie } : {} });
      expect(wx.statusCode, url).toBe(503);
      expect(wx.json()).toEqual({ code: 'INTEGRATION_UNAVAILABLE', message: '微信服务暂不可用，请使用账号密码登录' });
    }
    expect((await app.inject({ method: 'GET', url: '/api/center/wechat', headers: { cookie } })).json()).toMatchObject({ available: false, bound: false });
    const start = await app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie } });
    expect(start.statusCode).toBe(503);
    expect(start.json()).toEqual({ code: 'INTEGRATION_UNAVAILABLE', message: '支付宝实名认证暂不可用，请使用线上实名认证（上传证件照片）' });
    const status = await app.inject({ method: 'GET', url: '/api/realname', headers: { cookie } });
    expect(status.json()).toMatchObject({ verified: false, alipayAvailable: false });
    expect(await app.ctx.db.selectFrom('alipay_certifications').select('id').execute()).toEqual([]);
  });
});

describe('integrations at start-up', () => {
  it('uses the simulators in demo mode and lists them as such', async () => {
    const t = await makeTestApp({}, { seedDemo: true });
    try {
      const ready = (await t.app.inject({ method: 'GET', url: '/api/ready' })).json();
      expect(ready.integrations.map((i: { name: string; state: string }) => [i.name, i.state])).toEqual([['sms', 'simulator'], ['alipay', 'simulator'], ['chsi', 'simulator'], ['wechat', 'simulator']]);
      expect((await t.app.inject({ method: 'GET', url: '/api/realname' })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('stops the start when a configured adapter fails its self-check, naming it', async () => {
    const db = await freshDb();
    try {
      const config = loadConfig(prodEnv);
      const failing = buildApp(config, {
        db, webDist: null, logger: false,
        integrations: (deps) => ({
          ...integrationsFor(loadConfig({ ...prodEnv, NODE_ENV: 'test', AUSM_DEMO: '1' }), deps),
          simulators: null,
          sms: { send: async () => ({ messageId: 'x' }), selfCheck: async () => { throw new Error('401 bad credentials'); } },
        }),
      });
      await expect(failing).rejects.toThrow('integration sms (短信网关) failed its self-check: 401 bad credentials');
    } finally {
      await db.close();
    }
  });
});
