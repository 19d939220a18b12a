import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HonorRecord, PersonListItem } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { staffCookie } from '../helpers/factories';
import { collecting, expectField, type Person } from '../helpers/collecting';
import { makePdf, makePng } from '../helpers/images';

/*
 * 奖惩信息 and 人员查询 (issue 12): the accountant applies with the document and the department
 * decides; a department records one directly; pending ones block a 调转. Staff find the people their
 * department holds, masked, and open a person's archive — each read audited, others' 404.
 */

let t: TestApp;
const staff = { bj: '', bjSup: '', sd: '' };
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  staff.bj = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  staff.bjSup = await staffCookie(t.app, 'bj_supervisor', 'Review@2026');
  staff.sd = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

const { person, upload, approved } = collecting(() => t);
const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });
const honor = (o: Record<string, unknown> = {}) => ({ type: 'reward', title: '先进会计工作者', authority: '北京市财政局', date: '2024-12-20', documentNo: '京财会〔2024〕12号', ...o });

let n = 0;
const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];
/** a name no other person of the run has, so a name search finds exactly them */
const uniqueName = () => `${SURNAMES[n % 8]}${'甲乙丙丁戊己庚辛'[Math.floor(n / 8) % 8]}${String.fromCodePoint(0x4e00 + 500 + n++)}`;

async function approvedPerson(): Promise<Person> {
  const p = await person({ overrides: { name: uniqueName() } });
  await approved(p, staff.bj);
  return p;
}
async function honorFile(p: Person): Promise<string> {
  const res = await upload(p, 'honor_proof', 'decision.pdf', makePdf());
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe(`奖惩信息 (${dialectName})`, () => {
  it('the accountant applies with the document; the department approves it into the record; an open one blocks a 调转', async () => {
    const p = await approvedPerson();
    expectField(await p.call('POST', '/api/honors', honor({ fileId: await honorFile(p), date: '2099-01-01' })), 'date', '不能晚于今天');
    const sent = await p.call('POST', '/api/honors', honor({ fileId: await honorFile(p) }));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<HonorRecord>()).toMatchObject({ status: 'pending', recordedBy: 'self', typeName: '奖励' });
    expect((await p.call('GET', '/api/transfers')).json().blocked).toBe('您有一项奖惩信息申请正在审核中，审核完成前不能提交调转申请');
    expect((await as(staff.sd, 'POST', `/api/admin/reviews/${sent.json().id}/decision`, { action: 'approve' })).statusCode).toBe(404);
    expect((await as(staff.bj, 'POST', `/api/admin/reviews/${sent.json().id}/decision`, { action: 'approve' })).statusCode).toBe(200);
    expect((await p.call('GET', '/api/honors')).json().records[0]).toMatchObject({ status: 'approved', title: '先进会计工作者' });
    expect((await p.call('GET', '/api/transfers')).json().blocked).toBeNull();
  });

  it('needs an approved collection and the person’s own document', async () => {
    const draft = await person();
    const refused = await draft.call('POST', '/api/honors', honor({ fileId: await honorFile(draft) }));
    expect(refused.json()).toMatchObject({ code: 'CHANGE_NOT_ALLOWED' });
    const p = await approvedPerson();
    expectField(await p.call('POST', '/api/honors', honor({ fileId: await honorFile(draft) })), 'fileId');
    const png = await upload(p, 'honor_proof', 'decision.png', makePng(600, 400));
    expect(png.statusCode).toBe(201);
  });

  it('a department records one for a person it holds, approved as recorded; another department cannot', async () => {
    const p = await approvedPerson();
    expect((await as(staff.sd, 'POST', `/api/admin/people/${p.accountId}/honors`, honor({ type: 'penalty', title: '警告' }))).statusCode).toBe(404);
    const rec = await as(staff.bj, 'POST', `/api/admin/people/${p.accountId}/honors`, honor({ type: 'penalty', title: '警告', authority: '北京市东城区财政局', documentNo: '东财罚〔2025〕3号' }));
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json<HonorRecord>()).toMatchObject({ status: 'approved', recordedBy: 'department', typeName: '惩戒', documentNo: '东财罚〔2025〕3号' });
    expect((await p.call('GET', '/api/honors')).json().records.map((r: HonorRecord) => r.title)).toEqual(['警告']);
    const missing = await as(staff.bj, 'POST', `/api/admin/people/${p.accountId}/honors`, honor({ documentNo: '' }));
    expect(missing.statusCode).toBe(400);
  });
});

describe(`人员查询 (${dialectName})`, () => {
  it('lists the people a department holds, masked, with filters and keyset pages; a supervisor sees the districts below', async () => {
    const a = await approvedPerson();
    const b = await approvedPerson();
    const list = async (cookie: string, query = '') => (await as(cookie, 'GET', `/api/admin/people?limit=100${query}`)).json<{ items: PersonListItem[]; nextCursor: string | null }>();
    const mine = await list(staff.bj, `&q=${encodeURIComponent(a.name)}`);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ accountId: a.accountId, status: 'approved', departmentName: '北京市东城区财政局', scopeName: '会计人员', phoneTail: a.phone.slice(-4) });
    expect(mine.items[0]?.maskedIdNumber).not.toContain(a.idNumber.slice(6, 14));
    expect((await list(staff.bj, `&q=${a.idNumber}`)).items.map((i) => i.accountId)).toEqual([a.accountId]);
    expect((await list(staff.bjSup, `&q=${encodeURIComponent(b.name)}`)).items.map((i) => i.accountId)).toEqual([b.accountId]);
    expect((await list(staff.sd, `&q=${encodeURIComponent(a.name)}`)).items).toEqual([]);
    // keyset pages: one at a time, no repeats
    const first = await list(staff.bj, '&status=approved');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await as(staff.bj, 'GET', `/api/admin/people?status=approved&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = page.json<{ items: PersonListItem[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.accountId));
      cursor = body.nextCursor;
    } while (cursor && seen.length < 200);
    expect(seen).toEqual(first.items.map((i) => i.accountId));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('opens a person’s archive for the holding department only, and audits every read', async () => {
    const p = await approvedPerson();
    expect((await as(staff.sd, 'GET', `/api/admin/people/${p.accountId}`)).statusCode).toBe(404);
    const res = await as(staff.bj, 'GET', `/api/admin/people/${p.accountId}`);
    expect(res.statusCode, res.body).toBe(200);
    const archive = res.json();
    expect(archive.collection).toMatchObject({ status: 'approved', departmentCode: '110101' });
    expect(archive.collection.registration.maskedIdNumber).not.toBe(p.idNumber);
    expect(archive.history[0]).toMatchObject({ kindLabel: '会计人员信息采集', status: 'approved', readable: true });
    const audit = await t.app.ctx.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'person.read').where('target_id', '=', p.accountId).execute();
    expect(audit).toHaveLength(1);
  });
});
