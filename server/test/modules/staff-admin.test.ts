import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { makeStaff } from '../factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: false });
});
afterAll(async () => t.close());

const PASSWORD = 'Review@2026x';
const create = (cookie: string, body: { username: string; role: string; departmentCode: string | null }) =>
  t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { cookie }, payload: { displayName: '新同事', password: PASSWORD, ...body } });

describe(`delegated administration of staff accounts (${dialectName})`, () => {
  it('lets a province administrator manage accounts in its province only, and nobody above or beside it', async () => {
    const province = await makeStaff(t.app, 'admin', '370000');
    const inside = await makeStaff(t.app, 'reviewer', '370202');
    const outside = await makeStaff(t.app, 'reviewer', '110101');
    const sysadmin = await makeStaff(t.app, 'sysadmin', null);
    const peer = await makeStaff(t.app, 'admin', '370000');

    const ok = await create(province.cookie, { username: 'jn_reviewer2', role: 'reviewer', departmentCode: '370102' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await create(province.cookie, { username: 'jn_admin', role: 'admin', departmentCode: '370100' })).statusCode).toBe(201);
    const forbidden: Array<[string, string | null, string]> = [
      ['reviewer', '110101', '只能为本部门及下级部门新建工作人员'],
      ['admin', '370000', '部门管理员只能为下级部门新建部门管理员'],
      ['sysadmin', null, '只有系统管理员可以新建系统管理员'],
      ['supervisor', '000000', '只能为本部门及下级部门新建工作人员'],
    ];
    for (const [role, departmentCode, message] of forbidden) {
      const res = await create(province.cookie, { username: `x_${role}_${departmentCode ?? 'n'}`, role, departmentCode });
      expect([role, res.statusCode, res.json().message]).toEqual([role, 403, message]);
    }

    const listed = (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: province.cookie } })).json().items.map((s: { id: string }) => s.id);
    expect(listed).toContain(inside.staff.id);
    expect(listed).toContain(province.staff.id);
    for (const hidden of [outside, sysadmin, peer]) expect(listed).not.toContain(hidden.staff.id);

    const patch = (cookie: string, id: string, body: object) => t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${id}`, headers: { cookie }, payload: body });
    expect((await patch(province.cookie, inside.staff.id, { disabled: true })).statusCode).toBe(200);
    expect((await patch(province.cookie, inside.staff.id, { password: PASSWORD })).statusCode).toBe(200);
    // beside, above or a peer: as if it did not exist
    for (const other of [outside, sysadmin, peer]) expect((await patch(province.cookie, other.staff.id, { disabled: true })).statusCode).toBe(404);
    expect((await t.app.ctx.db.selectFrom('staff').select('disabled').where('id', '=', outside.staff.id).executeTakeFirstOrThrow()).disabled).toBe(0);
  });

  it('keeps a city administrator to its city, and gives neither administrators nor exam offices the review queue', async () => {
    const city = await makeStaff(t.app, 'admin', '370100');
    expect((await create(city.cookie, { username: 'jn_lixia', role: 'reviewer', departmentCode: '370102' })).statusCode).toBe(201);
    expect((await create(city.cookie, { username: 'qd_shinan', role: 'reviewer', departmentCode: '370202' })).statusCode).toBe(403);
    const exam = await makeStaff(t.app, 'exam_office', '370000');
    for (const who of [city, exam]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/admin/reviews', headers: { cookie: who.cookie } })).statusCode).toBe(403);
    }
    const reviewer = await makeStaff(t.app, 'supervisor', '370000');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: { cookie: reviewer.cookie } })).statusCode).toBe(403);
    expect((await create(reviewer.cookie, { username: 'nope_x', role: 'reviewer', departmentCode: '370102' })).statusCode).toBe(403);
  });
});
