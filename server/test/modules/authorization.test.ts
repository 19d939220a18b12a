import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { inScope, reviewInScope } from '../../src/platform/review/scope';
import { makePdf } from '../helpers/images';
import { makeApprovedCollection, makePendingRealname, makePerson, makeStaff, type MadePerson } from '../factories/index';

/*
 * Who reaches which item, as a table: role × item × route. Items sit around 历下区 (370102): itself,
 * a sibling county, its city, a county of another city in the province, and another province. Each
 * role's expected set is written out, so widening or narrowing any scope turns a cell red.
 */
const ITEMS = { own: '370102', sibling: '370103', city: '370100', cousin: '370202', otherProvince: '110101' } as const;
type Item = keyof typeof ITEMS;
const ALL = Object.keys(ITEMS) as Item[];

const ROLES: ReadonlyArray<{ name: string; role: StaffRole; department: string | null; sees: ReadonlyArray<Item> | 'forbidden' }> = [
  { name: 'county reviewer 历下区', role: 'reviewer', department: '370102', sees: ['own'] },
  { name: 'county supervisor 历下区', role: 'supervisor', department: '370102', sees: ['own'] },
  { name: 'city reviewer 济南市', role: 'reviewer', department: '370100', sees: ['city'] },
  { name: 'city supervisor 济南市', role: 'supervisor', department: '370100', sees: ['own', 'sibling', 'city'] },
  { name: 'province supervisor 山东省', role: 'supervisor', department: '370000', sees: ['own', 'sibling', 'city', 'cousin'] },
  { name: 'national supervisor 财政部', role: 'supervisor', department: '000000', sees: ALL },
  { name: 'reviewer of another province 东城区', role: 'reviewer', department: '110101', sees: ['otherProvince'] },
  { name: 'province supervisor of another province 北京市', role: 'supervisor', department: '110000', sees: ['otherProvince'] },
  { name: 'system administrator', role: 'sysadmin', department: null, sees: 'forbidden' },
  { name: 'department administrator 山东省', role: 'admin', department: '370000', sees: 'forbidden' },
  { name: 'exam office 山东省', role: 'exam_office', department: '370000', sees: 'forbidden' },
];

let t: TestApp;
const items = {} as Record<Item, { id: string; fileId: string; person: MadePerson; archive: { accountId: string; fileId: string; draftFileId: string } }>;

beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: false });
  for (const item of ALL) {
    const person = await makePerson(t.app, `申请人${item}`);
    const { review, fileIds } = await makePendingRealname(t.app, person, ITEMS[item]);
    const held = await makePerson(t.app, `档案${item}`);
    const archive = await makeApprovedCollection(t.app, held, ITEMS[item]);
    // an upload the person never submitted with anything: part of no item, so of no archive either
    const draft = await t.app.ctx.files.store(held.accountId, 'work_proof', 'draft.pdf', makePdf());
    items[item] = { id: review.id, fileId: fileIds[0] ?? '', person, archive: { accountId: held.accountId, fileId: archive.photoFileId, draftFileId: draft.id } };
  }
  // the 工作台 counts come from the summary its job refreshes
  expect((await t.app.ctx.jobs.runOnce('review-counts')).ran).toBe(true);
});
afterAll(async () => t.close());

const get = (cookie: string | undefined, url: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe(`authorization: role × item × route (${dialectName})`, () => {
  for (const r of ROLES) {
    it(`${r.name}`, async () => {
      const { cookie } = await makeStaff(t.app, r.role, r.department);
      const visible = new Set(r.sees === 'forbidden' ? [] : r.sees);
      const denied = r.sees === 'forbidden' ? 403 : 404;
      const cells: string[] = [];
      const expectCell = (route: string, item: Item, got: number, want: number) => {
        if (got !== want) cells.push(`${route} ${item}: ${got}, expected ${want}`);
      };
      for (const item of ALL) {
        const { id, fileId, archive } = items[item];
        const sees = visible.has(item);
        expectCell('detail', item, (await get(cookie, `/api/admin/reviews/${id}`)).statusCode, sees ? 200 : denied);
        // a decision without its required reason: 400 where the item may be decided, else refused before that
        const decide = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, headers: { cookie }, payload: { action: 'reject' } });
        expectCell('decision', item, decide.statusCode, sees ? 400 : denied);
        expectCell('file (item)', item, (await get(cookie, `/api/admin/reviews/${id}/files/${fileId}`)).statusCode, sees ? 200 : denied);
        // the item's file is not the archive's: never readable through another item or path
        expectCell('file (other item)', item, (await get(cookie, `/api/admin/reviews/${id}/files/${archive.fileId}`)).statusCode, r.sees === 'forbidden' ? 403 : 404);
        expectCell('file (archive)', item, (await get(cookie, `/api/admin/people/${archive.accountId}/files/${archive.fileId}`)).statusCode, sees ? 200 : denied);
        expectCell('file (archive, never submitted)', item, (await get(cookie, `/api/admin/people/${archive.accountId}/files/${archive.draftFileId}`)).statusCode, r.sees === 'forbidden' ? 403 : 404);
        expectCell('file (archive path, item file)', item, (await get(cookie, `/api/admin/people/${items[item].person.accountId}/files/${fileId}`)).statusCode, r.sees === 'forbidden' ? 403 : 404);
      }
      expect(cells).toEqual([]);

      const queue = await get(cookie, '/api/admin/reviews?status=pending&limit=100');
      const stats = await get(cookie, '/api/admin/reviews/stats');
      const exported = await get(cookie, '/api/admin/reviews/export?status=pending');
      if (r.sees === 'forbidden') {
        expect([queue.statusCode, stats.statusCode, exported.statusCode]).toEqual([403, 403, 403]);
        return;
      }
      const expectedNames = [...visible].map((i) => items[i].person.name).sort();
      expect(queue.json().items.map((i: { applicantName: string }) => i.applicantName).sort()).toEqual(expectedNames);
      const pending = stats.json().items.find((i: { kind: string; status: string }) => i.kind === 'realname' && i.status === 'pending');
      expect(pending?.count ?? 0).toBe(visible.size);
      const rows = exported.body.trim().split('\r\n').slice(1).map((line) => line.split(',')[2] ?? '');
      expect(rows.sort()).toEqual(expectedNames);
    });
  }

  it('a scope missing its code matches nothing (fails closed), in SQL and for a row already read', async () => {
    const { db } = t.app.ctx;
    const broken = [{ column: 'city_code' as const, code: null, all: false }, { column: null, code: '370100', all: false }];
    for (const scope of broken) {
      expect(await db.selectFrom('reviews').select('id').where(inScope(scope)).execute()).toEqual([]);
      expect(reviewInScope(scope, { department_code: '370102', city_code: null, province_code: '370000' })).toBe(false);
    }
    // an item without a city code is not in every city's scope
    expect(reviewInScope({ column: 'city_code', code: '370100', all: false }, { department_code: '370102', city_code: null, province_code: '370000' })).toBe(false);
    expect(await db.selectFrom('reviews').select('id').where(inScope({ column: null, code: null, all: true })).execute()).toHaveLength(ALL.length * 2);
  });

  it('checks who is calling before the body: an anonymous caller with a bad body gets 401, not the field rules', async () => {
    const calls: Array<[method: 'POST' | 'PUT', url: string, body: object]> = [
      ['PUT', '/api/collection/scope', { scope: 'nonsense', extra: 1 }],
      ['POST', '/api/realname/online', { frontFileId: 1 }],
      ['POST', '/api/my/reviews/x/withdraw', { unknown: true }],
      ['POST', '/api/admin/reviews/x/decision', { action: 'nope' }],
      ['POST', '/api/admin/staff', { username: '' }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method, url, payload });
      expect([url, res.statusCode, res.json().code]).toEqual([url, 401, 'UNAUTHENTICATED']);
    }
  });

  it('anonymous callers and accountants get 401 on every management route', async () => {
    const { id, fileId, archive } = items.own;
    const urls = [`/api/admin/reviews`, `/api/admin/reviews/stats`, `/api/admin/reviews/export`, `/api/admin/reviews/${id}`, `/api/admin/reviews/${id}/files/${fileId}`, `/api/admin/people/${archive.accountId}/files/${archive.fileId}`];
    for (const url of urls) {
      expect((await get(undefined, url)).statusCode, url).toBe(401);
      expect((await get(items.own.person.cookie, url)).statusCode, url).toBe(401);
    }
    const decide = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, headers: { cookie: items.own.person.cookie }, payload: { action: 'approve' } });
    expect(decide.statusCode).toBe(401);
  });
});
