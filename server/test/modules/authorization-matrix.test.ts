import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { STAFF_ROLES, type StaffRole } from '@ausm/domain';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { makePerson, makeStaff } from '../factories/index';
import type { RoutePolicy } from '../../src/platform/auth';

/**
 * Every route of the OpenAPI document × every kind of caller, against the policy the route declares
 * (its guard from a module's *.policy.ts, or `config: { access: 'public' }`): anonymous callers and
 * the wrong cookie kind get 401 where a session is needed, a staff role outside the guard's roles gets
 * 403 from the guard, and every caller the policy admits gets past it. No answer is a 5xx. A route
 * that declares no policy fails here; so does widening any guard (try requireStaff() on the review
 * routes). Item-level scope (own department, child, sibling, another province) is
 * authorization.test.ts.
 */
let t: TestApp;
type Caller = 'anonymous' | 'accountant' | StaffRole;
const subjects: Partial<Record<Caller, string>> = {};
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  subjects.accountant = (await makePerson(t.app)).accountId;
  for (const role of STAFF_ROLES) subjects[role] = (await makeStaff(t.app, role, role === 'sysadmin' ? null : role === 'admin' || role === 'exam_office' ? '110000' : '110101')).staff.id;
});

/** A new session for each request: the matrix calls the logout routes too. */
async function cookieOf(who: Caller): Promise<string | undefined> {
  const id = subjects[who];
  if (!id) return undefined;
  const kind = who === 'accountant' ? 'accountant' : 'staff';
  return `${kind === 'accountant' ? 'ausm_sid' : 'ausm_staff_sid'}=${await t.app.ctx.sessions.create(kind, id, null)}`;
}
afterAll(async () => t.close());

const GUARD_REFUSAL = '您的角色无权执行此操作';
type Declared = RoutePolicy | { kind: 'public' };

function declaredPolicy(route: RouteOptions): Declared | undefined {
  const guards = [route.preValidation].flat().filter(Boolean) as Array<{ policy?: RoutePolicy }>;
  const policy = guards.find((g) => g.policy)?.policy;
  if (policy) return policy;
  return route.config && (route.config as { access?: string }).access === 'public' ? { kind: 'public' } : undefined;
}

function concreteUrl(path: string): string {
  return path.replace(/\{list\}/g, 'ethnicities').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

describe(`authorization matrix, generated from the OpenAPI document (${dialectName})`, () => {
  it('declares a policy on every route, and each route answers each kind of caller as its policy says', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    expect(operations.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const op of operations) {
      const fastifyPath = op.path.replace(/\{([^}]+)\}/g, ':$1');
      const route = t.app.routeTable.find((r) => r.url === fastifyPath && [r.method].flat().includes(op.method as never));
      const policy = route && declaredPolicy(route);
      if (!policy) {
        problems.push(`${op.method} ${op.path}: no declared policy (a guard from a *.policy.ts, or config.access = 'public')`);
        continue;
      }
      for (const who of ['anonymous', 'accountant', ...STAFF_ROLES] as Caller[]) {
        const cookie = await cookieOf(who);
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: concreteUrl(op.path),
          headers: cookie ? { cookie } : {},
          ...(['POST', 'PUT', 'PATCH'].includes(op.method) ? { payload: {} } : {}),
        });
        const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as { message?: string }) : {};
        const where = `${op.method} ${op.path} as ${who}: ${res.statusCode} ${body.message ?? ''}`;
        if (res.statusCode >= 500) problems.push(`${where} (a 5xx)`);
        const admitted = policy.kind === 'public' || (policy.kind === 'accountant' ? who === 'accountant' : who !== 'anonymous' && who !== 'accountant' && (policy.roles.length === 0 || policy.roles.includes(who as StaffRole)));
        const sessionKind = policy.kind === 'accountant' ? 'accountant' : policy.kind === 'staff' ? 'staff' : null;
        const hasRightCookie = sessionKind === 'accountant' ? who === 'accountant' : sessionKind === 'staff' ? who !== 'anonymous' && who !== 'accountant' : true;
        if (!hasRightCookie && res.statusCode !== 401) problems.push(`${where} (expected 401)`);
        if (hasRightCookie && !admitted && !(res.statusCode === 403 && body.message === GUARD_REFUSAL)) problems.push(`${where} (expected 403 from the guard)`);
        if (admitted && (res.statusCode === 401 || body.message === GUARD_REFUSAL)) problems.push(`${where} (the policy admits this caller)`);
      }
    }
    if (problems.length) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
  });

  it('matches the reviewed table of who may call what (widening a guard changes it)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const table: Record<string, string> = {};
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) {
        const route = t.app.routeTable.find((r) => r.url === path.replace(/\{([^}]+)\}/g, ':$1') && [r.method].flat().includes(m.toUpperCase() as never));
        const p = route && declaredPolicy(route);
        table[`${m.toUpperCase()} ${path}`] = !p ? 'UNDECLARED' : p.kind === 'staff' ? `staff: ${p.roles.length ? p.roles.join(', ') : 'any role'}` : p.kind;
      }
    }
    // demo-only routes are listed only in demo mode; the table is of the demo app, which has them all
    const reviewed = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'authorization-policies.json'), 'utf8')) as Record<string, string>;
    if (process.env.WRITE_POLICY_TABLE) fs.writeFileSync(path.join(import.meta.dirname, 'authorization-policies.json'), `${JSON.stringify(table, null, 2)}\n`);
    expect(table).toEqual(reviewed);
  });
});
