import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectName, freshDb, makeTestApp, type TestApp } from '../helpers/test-app';
import type { DbHandle } from '../../src/db/index';

/**
 * The per-IP API budget counts by the route fastify matched, so `/%61pi/config` (the same route,
 * spelled with a percent-encoded letter) counts like `/api/config` and gets `Cache-Control: no-store`;
 * an attack run found it skipped both. With REDIS_URL, instances share one counter per IP.
 */
const BUDGET = 4;
const ip = () => `10.${crypto.randomInt(200)}.${crypto.randomInt(250)}.${crypto.randomInt(250)}`;

describe(`the API budget (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ AUSM_API_PER_MINUTE: String(BUDGET) });
  });
  afterAll(async () => t.close());

  it('counts a percent-encoded spelling of an API path like the path itself', async () => {
    const from = ip();
    const spelled = await t.app.inject({ method: 'GET', url: '/%61pi/config', remoteAddress: from });
    expect(spelled.statusCode).toBe(200); // the same route …
    expect(spelled.headers['cache-control']).toBe('no-store'); // … with the API's headers
    for (let i = 1; i < BUDGET; i++) expect((await t.app.inject({ method: 'GET', url: i % 2 ? '/api/config' : '/%61pi/config', remoteAddress: from })).statusCode).toBe(200);
    const over = await t.app.inject({ method: 'GET', url: '/%61pi/config', remoteAddress: from });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // another address has its own budget; the probes operators poll are outside it
    expect((await t.app.inject({ method: 'GET', url: '/api/config', remoteAddress: ip() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: from })).statusCode).toBe(200);
  });

  it('counts requests that match no route', async () => {
    const from = ip();
    for (let i = 0; i < BUDGET; i++) expect((await t.app.inject({ method: 'GET', url: `/api/nothing-${i}`, remoteAddress: from })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/config', remoteAddress: from })).statusCode).toBe(429);
  });
});

const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)('the API budget shared through Redis (REDIS_URL)', () => {
  let db: DbHandle;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await freshDb();
    const env = { AUSM_API_PER_MINUTE: String(BUDGET), REDIS_URL: redisUrl ?? '' };
    a = await makeTestApp(env, { db });
    b = await makeTestApp(env, { db });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.close();
  });

  it('is one counter per address for every instance', async () => {
    const from = ip();
    const statuses = [];
    for (let i = 0; i <= BUDGET; i++) statuses.push((await (i % 2 ? a : b).app.inject({ method: 'GET', url: '/api/config', remoteAddress: from })).statusCode);
    expect(statuses).toEqual([...Array(BUDGET).fill(200), 429]);
  });
});
