import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HonorRecord, PersonListItem } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { staffCookie } from '../helpers/factories';
import { collecting, expectField, type Person } from '../helpers/collecting';
import { makePdf, makePng, multipart } from '../helpers/images';

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
    expectField(await p.call('POST', '/api/honors', honor({ documentFileId: await honorFile(p), date: '2099-01-01' })), 'date', '不能晚于今天');
    const sent = await p.call('POST', '/api/honors', honor({ documentFileId: await honorFile(p) }));
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
    const refused = await draft.call('POST', '/api/honors', honor({ documentFileId: await honorFile(draft) }));
    expect(refused.json()).toMatchObject({ code: 'CHANGE_NOT_ALLOWED' });
    const p = await approvedPerson();
    expectField(await p.call('POST', '/api/honors', honor({ documentFileId: await honorFile(draft) })), 'documentFileId');
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

  it('the department’s own document goes into the person’s archive: uploaded in scope only, the person sees it', async () => {
    const p = await approvedPerson();
    const send = (cookie: string) => {
      const m = multipart('处罚决定书.pdf', makePdf());
      return t.app.inject({ method: 'POST', url: `/api/admin/people/${p.accountId}/files?purpose=honor_proof`, payload: m.payload, headers: { ...m.headers, cookie } });
    };
    expect((await send(staff.sd)).statusCode).toBe(404);
    const up = await send(staff.bj);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const other = await approvedPerson();
    const notTheirs = await as(staff.bj, 'POST', `/api/admin/people/${p.accountId}/honors`, honor({ documentFileId: await honorFile(other) }));
    expect(notTheirs.statusCode).toBe(400);
    const rec = await as(staff.bj, 'POST', `/api/admin/people/${p.accountId}/honors`, honor({ title: '通报批评', type: 'penalty', documentFileId: fileId }));
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await p.call('GET', '/api/honors')).json().records[0]).toMatchObject({ title: '通报批评', documentFileId: fileId });
    expect((await p.call('GET', `/api/files/${fileId}`)).statusCode).toBe(200);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'file.upload_for_person').where('target_id', '=', fileId).execute();
    expect(audit).toHaveLength(1);
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

/** The stored entries of a zip, by name (the central directory says where each one is). */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    files.set(name, buf.subarray(start, start + size).toString());
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return files;
}

describe(`人员查询 export (${dialectName})`, () => {
  it('streams an xlsx of the filtered list, masked, page by page, and audits the export', async () => {
    const people = [await approvedPerson(), await approvedPerson()];
    const res = await as(staff.bj, 'GET', '/api/admin/people/export?status=approved');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const body = res.rawPayload;
    expect(body.subarray(0, 2).toString()).toBe('PK');
    const files = unzip(body);
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']);
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<t xml:space="preserve">证件号码</t>');
    for (const p of people) {
      expect(sheet).toContain(p.name);
      expect(sheet).not.toContain(p.idNumber);
    }
    // every approved person of the department, as many as the list holds (the list pages by 100)
    const listed = (await as(staff.bj, 'GET', '/api/admin/people?status=approved&limit=100')).json().items.length;
    expect(sheet.match(/<row /g)?.length).toBe(listed + 1);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'people.export').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect((await as(staff.sd, 'GET', '/api/admin/people/export')).statusCode).toBe(200);
    expect(unzip((await as(staff.sd, 'GET', '/api/admin/people/export')).rawPayload).get('xl/worksheets/sheet1.xml')).not.toContain(people[0]?.name ?? '');
  });
});

describe(`人员统计 from the summary table (${dialectName})`, () => {
  it('counts per department and status in the caller’s scope, as of the last refresh', async () => {
    await approvedPerson();
    expect((await t.app.ctx.jobs.runOnce('collection-counts')).ran).toBe(true);
    const mine = (await as(staff.bj, 'GET', '/api/admin/people/stats')).json();
    expect(mine.asOf).toEqual(expect.any(String));
    const approvedHere = mine.items.find((i: { departmentCode: string; status: string }) => i.departmentCode === '110101' && i.status === 'approved');
    const direct = await t.app.ctx.db.selectFrom('collections').select((eb) => eb.fn.countAll<number>().as('n')).where('department_code', '=', '110101').where('status', '=', 'approved').executeTakeFirstOrThrow();
    expect(approvedHere?.count).toBe(Number(direct.n));
    expect(mine.items.every((i: { departmentCode: string }) => i.departmentCode === '110101')).toBe(true);
    const sd = (await as(staff.sd, 'GET', '/api/admin/people/stats')).json();
    expect(sd.items.some((i: { departmentCode: string }) => i.departmentCode === '110101')).toBe(false);
    const sup = (await as(staff.bjSup, 'GET', '/api/admin/people/stats')).json();
    expect(sup.items.map((i: { departmentCode: string }) => i.departmentCode)).toContain('110101');
  });
});
