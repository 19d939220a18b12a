import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { FastifyInstance } from 'fastify';
import { freshDb, TEST_KEY } from '../helpers/test-app';
import type { DbHandle } from '../../src/db/index';

/** The built web app as the server sends it: precompressed hashed assets cached for a year, pages revalidated. */
let app: FastifyInstance;
let db: DbHandle;
let dist: string;
const script = `console.log(${JSON.stringify('全国会计人员统一服务管理平台'.repeat(100))});\n`;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>AUSM</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  const js = path.join(dist, 'assets', 'index-Ab12Cd34.js');
  fs.writeFileSync(js, script);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(Buffer.from(script)));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(Buffer.from(script)));
  db = await freshDb();
  app = await buildApp(loadConfig({ AUSM_KEY: TEST_KEY, AUSM_DATA_DIR: path.join(os.tmpdir(), 'ausm-test'), AUSM_DEMO: '0' }), { db, webDist: dist, logger: false, seedDemo: false });
});
afterAll(async () => {
  await app.close();
  await db.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('static files', () => {
  it('sends the brotli copy of a hashed asset, cached as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('falls back to gzip, then to the plain file, by Accept-Encoding', async () => {
    const gz = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never caches index.html: the page and every client route revalidate', async () => {
    for (const url of ['/', '/login', '/admin/reviews']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(res.body).toContain('<title>AUSM</title>');
    }
  });
});
