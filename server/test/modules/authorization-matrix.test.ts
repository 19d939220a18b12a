import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '@ausm/domain';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { makePerson, makeStaff } from '../factories/index';
import { operationsOf, type Operation } from '../helpers/openapi';
import { makeRouteResources, type RouteResources } from '../helpers/route-resources';
import { appTables, businessState, changedTables, validValue } from '../helpers/fuzz';
import { genMainlandId, genPhone } from '../helpers/factories';

const fresh = { phone: genPhone, idNumber: () => genMainlandId(), username: () => `m.${crypto.randomInt(1e9)}` };

/**
 * Every route of the OpenAPI document × every kind of caller, against the policy the route declares
 * (its guard from a module's *.policy.ts, or `config: { access: 'public' }`): anonymous callers and
 * the wrong cookie kind get 401 where a session is needed, a staff role outside the guard's roles gets
 * 403 from the guard, and every caller the policy admits gets past it. No answer is a 5xx. A route
 * that declares no policy fails here; so does widening any guard (try requireStaff() on the review
 * routes). Item-level scope (own department, child, sibling, another province) is
 * authorization.test.ts; here every route that names an item in its path is also called by the item's
 * owner and by a stranger (another accountant; a reviewer and a supervisor of another province): the
 * stranger gets 404, as if the item did not exist, and nothing changes.
 */
let t: TestApp;
let r: RouteResources;
type Caller = 'anonymous' | 'accountant' | StaffRole;
const subjects: Partial<Record<Caller, string>> = {};
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  subjects.accountant = (await makePerson(t.app)).accountId;
  for (const role of STAFF_ROLES) subjects[role] = (await makeStaff(t.app, role, role === 'sysadmin' ? null : role === 'admin' || role === 'exam_office' ? '110000' : '110101')).staff.id;
  r = await makeRouteResources(t.app, () => t.clock.now().toISOString());
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
function concreteUrl(path: string): string {
  return path.replace(/\{list\}/g, 'ethnicities').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

describe(`authorization matrix, generated from the OpenAPI document (${dialectName})`, () => {
  it('declares a policy on every route, and each route answers each kind of caller as its policy says', async () => {
    const operations = await operationsOf(t.app);
    expect(operations.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const policy = op.policy;
      if (!policy) {
        problems.push(`${op.method} ${op.path}: no declared policy (a guard from a *.policy.ts, or config.access = 'public')`);
        continue;
      }
      for (const who of ['anonymous', 'accountant', ...STAFF_ROLES] as Caller[]) {
        cells += 1;
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
    console.log(`authorization matrix: ${operations.length} routes × ${2 + STAFF_ROLES.length} callers = ${cells} requests`);
    expect(problems).toEqual([]);
  });

  it('matches the reviewed table of who may call what (widening a guard changes it)', async () => {
    const table: Record<string, string> = {};
    for (const { method, path: p, policy } of await operationsOf(t.app)) {
      table[`${method} ${p}`] = !policy ? 'UNDECLARED' : policy.kind === 'staff' ? `staff: ${policy.roles.length ? policy.roles.join(', ') : 'any role'}` : policy.kind;
    }
    // demo-only routes are listed only in demo mode; the table is of the demo app, which has them all
    const reviewed = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'authorization-policies.json'), 'utf8')) as Record<string, string>;
    if (process.env.WRITE_POLICY_TABLE) fs.writeFileSync(path.join(import.meta.dirname, 'authorization-policies.json'), `${JSON.stringify(table, null, 2)}\n`);
    expect(table).toEqual(reviewed);
  });

  it("refuses another's item on every route that names one, and changes nothing; the owner and staff in scope reach it", async () => {
    const tables = await appTables(t.app.ctx.db);
    const itemRoutes = (await operationsOf(t.app)).filter((op) => op.params.some((p) => p.in === 'path' && p.name !== 'list') && op.policy && op.policy.kind !== 'public');
    const call = (op: Operation, cookie: string) =>
      // with a body the schema accepts, so that the item is what decides
      t.app.inject({ method: op.method as 'GET', url: op.path.replace(/\{([^}]+)\}/g, (_, n: string) => r.pathValue(op, n)), headers: { cookie }, ...(op.body ? { payload: validValue('', op.body, fresh) as object } : {}) });
    const problems: string[] = [];
    let cells = 0;
    // strangers first, for every route: nothing of the owner's may be gone or changed when the owner calls
    for (const op of itemRoutes) {
      const strangers: Array<[string, string]> =
        op.policy?.kind === 'accountant' ? [['another accountant', r.stranger.cookie]] : op.path.includes('/reviews/') || op.path.includes('/people/') ? [['reviewer of 上海市', r.outOfScope.reviewer], ['supervisor of 上海市', r.outOfScope.supervisor]] : op.path.includes('/staff/') ? [['administrator of 上海市', r.outOfScope.admin]] : [];
      for (const [who, cookie] of strangers) {
        cells += 1;
        const before = await businessState(t.app.ctx.db, tables, dialectName);
        const res = await call(op, cookie);
        const changed = changedTables(before, await businessState(t.app.ctx.db, tables, dialectName));
        if (res.statusCode !== 404) problems.push(`${op.method} ${op.path} as ${who}: ${res.statusCode} ${res.body.slice(0, 120)} (expected 404)`);
        if (changed.length) problems.push(`${op.method} ${op.path} as ${who}: changed ${changed.join(', ')}`);
      }
    }
    for (const op of itemRoutes) {
      cells += 1;
      const cookie = op.policy?.kind === 'accountant' ? r.owner.cookie : op.path.includes('/staff/') ? r.staff.admin : op.path.includes('/faq/') ? r.staff.sysadmin : r.staff.supervisor;
      const res = await call(op, cookie);
      if ([401, 403, 404].includes(res.statusCode) || res.statusCode >= 500) problems.push(`${op.method} ${op.path} as the owner or staff in scope: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    console.log(`item routes: ${itemRoutes.length}, calls by owners, strangers and staff in and out of scope: ${cells}`);
    expect(problems).toEqual([]);
    expect(itemRoutes.length).toBeGreaterThanOrEqual(15);
  });
});
