import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRateLimiter } from '../../src/platform/rate-limit';
import { freshDb, makeTestApp, type TestApp } from '../helpers/test-app';
import { genPhone, requestSms } from '../helpers/factories';
import type { DbHandle } from '../../src/db/index';

const url = process.env.REDIS_URL;

/**
 * With REDIS_URL set, SMS send windows and throttles are shared by every instance. Two app instances
 * over one database and one Redis stand in for two servers behind a load balancer.
 */
describe.skipIf(!url)('rate limits shared through Redis (REDIS_URL)', () => {
  let db: DbHandle;
  let a: TestApp;
  let b: TestApp;
  const prefix = `ausm-test:${crypto.randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    db = await freshDb();
    a = await makeTestApp({ AUSM_SMS_IP_PER_HOUR: '2' }, { db, limiter: new RedisRateLimiter(url ?? '', prefix), seedDemo: true });
    b = await makeTestApp({ AUSM_SMS_IP_PER_HOUR: '2' }, { db, limiter: new RedisRateLimiter(url ?? '', prefix), seedDemo: true });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await a.app.ctx.limiter.close();
    await b.app.ctx.limiter.close();
    await db.close();
  });

  it('a phone that got a code from one instance cannot get another from the other', async () => {
    const phone = genPhone();
    const first = await requestSms(a.app, phone, 'register', '10.7.0.1');
    expect(first.statusCode).toBe(200);
    const second = await requestSms(b.app, phone, 'register', '10.7.0.2');
    expect(second.statusCode).toBe(429);
    expect(second.json().code).toBe('SMS_SEND_TOO_FREQUENT');
    expect(second.json().retryAfter).toBeGreaterThan(170);
  });

  it('the per-IP cap counts sends on both instances together', async () => {
    const ip = '10.7.1.1';
    const send = (t: TestApp) => requestSms(t.app, genPhone(), 'register', ip);
    expect((await send(a)).statusCode).toBe(200);
    expect((await send(b)).statusCode).toBe(200);
    expect((await send(a)).statusCode).toBe(429);
    expect((await send(b)).statusCode).toBe(429);
  });

  it('windows expire by TTL', async () => {
    const limiter = new RedisRateLimiter(url ?? '', prefix);
    try {
      expect((await limiter.acquire('ttl-check', 1)).allowed).toBe(true);
      expect((await limiter.acquire('ttl-check', 1)).allowed).toBe(false);
      await expect.poll(async () => (await limiter.acquire('ttl-check', 1)).allowed, { timeout: 3000, interval: 200 }).toBe(true);
    } finally {
      await limiter.close();
    }
  });
});
