import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { REGIONS, departmentTree } from '@ausm/domain';
import type { DbHandle } from '../../src/db/index';
import { dialectName, freshDbAt, makeTestApp } from '../helpers/test-app';


/** The department tree as main seeded it before issue 10 (its seedDepartments, kept here as it was). */
function mainTree() {
  const regions = REGIONS.filter((r) => !/^(71|81|82)/.test(r.code));
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const nameOf = (name: string, level: string, parentName?: string) =>
    level === 'province' ? (/^(北京|天津|上海|重庆)/.test(name) ? `${name}财政局` : `${name}财政厅`) : level === 'city' ? `${name}财政局` : `${parentName && parentName !== name && !/市辖区|直辖/.test(parentName) ? parentName : ''}${name}财政局`;
  return [
    { code: '000000', name: '中华人民共和国财政部', parent_code: null, level: 'national', sort: 0 },
    ...regions.map((r, i) => ({ code: r.code, name: nameOf(r.name, r.level, r.parentCode ? names.get(r.parentCode) : undefined), parent_code: r.parentCode ?? '000000', level: r.level, sort: i + 1 })),
    { code: '660000', name: '新疆生产建设兵团财政局', parent_code: '000000', level: 'province', sort: 90000 },
    { code: '990000', name: '中央单位会计管理部门（财政部会计司）', parent_code: '000000', level: 'province', sort: 90001 },
  ];
}

const byLevel = (rows: ReadonlyArray<{ level: string }>) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.level]: (acc[r.level] ?? 0) + 1 }), {});

describe(`the corrected department tree on a database as main left it (${dialectName})`, () => {
  let handle: DbHandle;
  afterAll(async () => handle?.close());

  it('renames, re-parents, adds 兵团 师 and 中央单位, moves records off removed codes, recomputes routing, and reports it', async () => {
    let db;
    ({ handle, db } = await freshDbAt('0012-employer-without-code'));
    const old = mainTree();
    for (let i = 0; i < old.length; i += 200) await db.insertInto('departments').values(old.slice(i, i + 200)).execute();
    await db.insertInto('meta').values({ key: 'seed:reference:v1', value: 'main' }).execute();
    const now = '2026-06-01T00:00:00.000Z';
    const staffAt = async (code: string) => {
      const id = crypto.randomUUID();
      await db.insertInto('staff').values({ id, username: `old_${code}_${id.slice(0, 4)}`, display_name: '旧', password_hash: 'x', role: 'reviewer', department_code: code, locked_until: null, created_at: now, updated_at: now }).execute();
      return id;
    };
    const reviewAt = async (department: string, province: string, city: string | null) => {
      const id = crypto.randomUUID();
      const accountId = crypto.randomUUID();
      await db.insertInto('accounts').values({ id: accountId, id_type: 'mainland_id', id_number_enc: 'x', id_number_index: accountId, name: '旧', phone_enc: 'p', phone_index: accountId, password_hash: 'h', created_at: now, updated_at: now, identity_version: 2 }).execute();
      await db.insertInto('reviews').values({ id, kind: 'realname', account_id: accountId, department_code: department, province_code: province, city_code: city, status: 'pending', mode: 'manual', payload: '{}', before: null, version: 1, submitted_at: now, open_key: null }).execute();
      return id;
    };
    const cityStaff = await staffAt('110100');
    const zoneStaff = await staffAt('130171');
    const bingtuanStaff = await staffAt('660000');
    const inZone = await reviewAt('130171', '130000', '130100');
    const inDistrict = await reviewAt('110101', '110000', '110100');
    const inShihezi = await reviewAt('659001', '650000', '659000');
    const inXiantao = await reviewAt('429004', '420000', '429000');

    const t = await makeTestApp({}, { db: handle });
    try {
      const { db: kdb } = t.app.ctx;
      const rows = await kdb.selectFrom('departments').selectAll().execute();
      const wanted = departmentTree();
      expect(rows.length).toBe(wanted.length);
      expect(byLevel(rows)).toEqual(byLevel(wanted));
      const dept = new Map(rows.map((r) => [r.code, r]));
      expect(dept.get('110101')).toMatchObject({ name: '北京市东城区财政局', parent_code: '110000' });
      expect(dept.get('500229')).toMatchObject({ name: '重庆市城口县财政局', parent_code: '500000' });
      expect(dept.get('659001')).toMatchObject({ name: '石河子市财政局', parent_code: '991800' });
      expect(dept.get('210200')).toMatchObject({ separately_planned: 1 });
      expect(dept.get('991000')).toMatchObject({ gb: 0, level: 'province' });
      for (const gone of ['110100', '500200', '130171', '441901', '429000', '659000', '660000']) expect(dept.has(gone), gone).toBe(false);

      const staff = new Map((await kdb.selectFrom('staff').select(['id', 'department_code']).execute()).map((s) => [s.id, s.department_code]));
      expect([staff.get(cityStaff), staff.get(zoneStaff), staff.get(bingtuanStaff)]).toEqual(['110000', '130100', '991000']);
      const reviews = new Map((await kdb.selectFrom('reviews').select(['id', 'department_code', 'province_code', 'city_code']).execute()).map((r) => [r.id, r]));
      expect(reviews.get(inZone)).toMatchObject({ department_code: '130100', province_code: '130000', city_code: '130100' });
      expect(reviews.get(inDistrict)).toMatchObject({ department_code: '110101', province_code: '110000', city_code: null });
      expect(reviews.get(inShihezi)).toMatchObject({ department_code: '659001', province_code: '991000', city_code: '991800' });
      expect(reviews.get(inXiantao)).toMatchObject({ department_code: '429004', province_code: '420000', city_code: null });

      const stored = await kdb.selectFrom('data_migrations').selectAll().where('name', '=', 'departments-v2').executeTakeFirstOrThrow();
      const report = JSON.parse(stored.report) as { before: Record<string, number>; after: Record<string, number>; removed: number; moved: Record<string, number>; rerouted: number };
      expect(report.before).toEqual({ national: 1, ...byLevel(old.filter((d) => d.level !== 'national')) });
      expect(report.after).toEqual(byLevel(wanted));
      expect(report.moved).toMatchObject({ staff: 3, reviews: 1 });
      // the item moved off the 开发区 already had 130100's province and city
      expect(report.rerouted).toBe(3);
      console.log(`departments (${dialectName}): before ${JSON.stringify(report.before)}, after ${JSON.stringify(report.after)}, removed ${report.removed}, moved ${JSON.stringify(report.moved)}, rerouted ${report.rerouted}`);
    } finally {
      await t.close();
    }
  });
});
