import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferRecord, TransfersState } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { staffCookie } from '../helpers/factories';
import { collecting, edu, expectField, type Person } from '../helpers/collecting';
import { makePng } from '../helpers/images';

/*
 * 属地关系调转 (guide §5, issue 12): refused before an approved collection, while an application of a
 * blocking kind is open and to the same department; decided by the receiving department, read by the
 * sending one while open; on approval the person's department changes and later items go there.
 */

let t: TestApp;
const staff = { bj: '', sd: '', sh: '' };
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  staff.bj = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  staff.sd = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

const { person, upload, approved } = collecting(() => t);
const LIXIA = '370102';

async function proof(p: Person): Promise<string> {
  const res = await upload(p, 'transfer_proof', 'proof.png', makePng(800, 600));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const work = (o: Record<string, unknown> = {}) => ({
  reason: 'work', companyName: '济南泉城会计服务有限公司', creditCode: '91110000600037341L', unitType: '4007', industry: 'L', address: '山东省济南市历下区泉城路1号', startDate: '2024-03-01', toDepartmentCode: LIXIA, ...o,
});
const state = async (p: Person) => (await p.call('GET', '/api/transfers')).json<TransfersState>();
const review = (cookie: string, id: string) => t.app.inject({ method: 'GET', url: `/api/admin/reviews/${id}`, headers: { cookie } });
const decide = (cookie: string, id: string, action: 'approve' | 'reject' | 'return', note?: string) =>
  t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, payload: { action, ...(note ? { note } : {}) }, headers: { cookie } });

async function approvedPerson(): Promise<Person & { eduId: string }> {
  const p = await person();
  return { ...p, ...(await approved(p, staff.bj)) };
}

describe(`调转申请: when it is refused (${dialectName})`, () => {
  it('before the collection is approved, with the guide’s reason', async () => {
    const p = await person();
    expect((await state(p)).blocked).toBe('信息采集未完成或尚未审核通过，不能提交调转申请');
    const res = await p.call('POST', '/api/transfers', { ...work(), proofFileId: await proof(p) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TRANSFER_NOT_ALLOWED' });
  });

  it('while a 信息变更 is under review, and to the department the person is at', async () => {
    const p = await approvedPerson();
    expect(await state(p)).toMatchObject({ blocked: null, current: { code: '110101', name: '北京市东城区财政局' } });
    expectField(await p.call('POST', '/api/transfers', { ...work({ toDepartmentCode: '110101' }), proofFileId: await proof(p) }), 'toDepartmentCode', '与当前所属会计管理机构相同');
    const cur = (await p.call('GET', '/api/collection')).json().education[0];
    const mod = await p.call('POST', `/api/changes/education/${p.eduId}`, { ...edu(), school: cur.school, eduCertNo: cur.eduCertNo, degreeCertNo: cur.degreeCertNo, majorCode: '120201K' });
    expect(mod.statusCode, mod.body).toBe(201);
    expect((await state(p)).blocked).toBe('您有一项教育经历变更申请正在审核中，审核完成前不能提交调转申请');
    const res = await p.call('POST', '/api/transfers', { ...work(), proofFileId: await proof(p) });
    expect(res.json()).toMatchObject({ code: 'TRANSFER_NOT_ALLOWED', message: '您有一项教育经历变更申请正在审核中，审核完成前不能提交调转申请' });
  });

  it('checks each reason’s fields and the proof’s rules, next to the field', async () => {
    const p = await approvedPerson();
    const file = await proof(p);
    expectField(await p.call('POST', '/api/transfers', { ...work({ creditCode: '123' }), proofFileId: file }), 'creditCode', '18位');
    expectField(await p.call('POST', '/api/transfers', { ...work({ startDate: '2099-01-01' }), proofFileId: file }), 'startDate', '不能晚于今天');
    expectField(await p.call('POST', '/api/transfers', { reason: 'school', schoolName: '山东财经大学', majorCode: 'XX', archiveMode: '1', enrolDate: '2026-09-01', toDepartmentCode: LIXIA, proofFileId: file }), 'majorCode');
    expectField(await p.call('POST', '/api/transfers', { reason: 'residence', toDepartmentCode: LIXIA }), 'proofFileId', '请上传证明材料');
    const big = await upload(p, 'transfer_proof', 'big.png', makePng(1200, 900, { noise: true }));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('200KB');
    const pdf = await upload(p, 'transfer_proof', 'proof.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBe(415);
    expect((await state(p)).records).toEqual([]);
  });
});

describe(`调转 decided by the receiving department (${dialectName})`, () => {
  it('from 北京 to 济南: 历下区 decides, 东城区 reads until then; on approval the person and later items belong to 历下区', async () => {
    const p = await approvedPerson();
    const sent = await p.call('POST', '/api/transfers', { ...work(), proofFileId: await proof(p) });
    expect(sent.statusCode, sent.body).toBe(201);
    const rec = sent.json<TransferRecord>();
    expect(rec).toMatchObject({ reason: 'work', reasonName: '工作单位所在地变动', status: 'pending', from: { code: '110101' }, to: { code: LIXIA, name: '济南市历下区财政局' }, transferredAt: null });
    expect((await state(p)).blocked).toBe('您有一项属地关系调转申请正在审核中，审核完成前不能提交调转申请');
    // the sending department reads it and cannot decide; the receiving one decides
    expect((await review(staff.bj, rec.id)).json()).toMatchObject({ access: 'read', availableActions: [] });
    const queue = (cookie: string, view = '') => t.app.inject({ method: 'GET', url: `/api/admin/reviews?kind=transfer${view}`, headers: { cookie } }).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await queue(staff.bj)).not.toContain(rec.id);
    expect(await queue(staff.bj, '&view=participating')).toContain(rec.id);
    expect(await queue(staff.sd)).toContain(rec.id);
    expect(await queue(staff.sd, '&view=participating')).not.toContain(rec.id);
    expect((await decide(staff.bj, rec.id, 'approve')).statusCode).toBe(403);
    expect((await review(staff.sd, rec.id)).json()).toMatchObject({ access: 'decide' });
    expect((await decide(staff.sd, rec.id, 'approve')).statusCode).toBe(200);
    const after = await state(p);
    expect(after.current).toMatchObject({ code: LIXIA });
    expect(after.records[0]).toMatchObject({ status: 'approved', transferredAt: expect.any(String) });
    expect((await p.call('GET', '/api/collection')).json().departmentCode).toBe(LIXIA);
    // the old department keeps only the history: the decided transfer is no longer theirs to read
    expect((await review(staff.bj, rec.id)).statusCode).toBe(404);
    expect(await queue(staff.bj, '&view=participating')).not.toContain(rec.id);
    // a later change goes to 历下区
    const change = await p.call('POST', '/api/changes/scope', { scope: 'doctoral' });
    expect(change.statusCode).toBe(400);
    const form = (await p.call('GET', '/api/collection')).json();
    const basic = await p.call('POST', '/api/changes/basic', { name: form.registration.name, idType: form.registration.idType, photoFileId: form.basic.photoFileId, politicalStatus: '01', ethnicity: form.basic.ethnicity, identityProofFileId: form.basic.identityProofFileId });
    expect(basic.statusCode, basic.body).toBe(201);
    const row = await t.app.ctx.db.selectFrom('reviews').select('department_code').where('id', '=', basic.json().id).executeTakeFirstOrThrow();
    expect(row.department_code).toBe(LIXIA);
  });

  it('退回补正 asks for a better proof: the same application comes back with the new one', async () => {
    const p = await approvedPerson();
    const sent = (await p.call('POST', '/api/transfers', { reason: 'residence', toDepartmentCode: LIXIA, proofFileId: await proof(p) })).json<TransferRecord>();
    expect((await decide(staff.sd, sent.id, 'return', '户籍证明不清晰，请重新上传')).statusCode).toBe(200);
    expect((await state(p)).records[0]).toMatchObject({ status: 'returned', decisionNote: '户籍证明不清晰，请重新上传' });
    const better = await proof(p);
    const again = await p.call('POST', `/api/transfers/${sent.id}/resubmit`, { proofFileId: better });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: sent.id, status: 'pending', proofFileId: better });
    // the receiving department reaches the new file through the item
    const file = await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${sent.id}/files/${better}`, headers: { cookie: staff.sd } });
    expect(file.statusCode).toBe(200);
  });

  it('another person’s application cannot be resubmitted', async () => {
    const a = await approvedPerson();
    const b = await approvedPerson();
    const sent = (await a.call('POST', '/api/transfers', { reason: 'residence', toDepartmentCode: LIXIA, proofFileId: await proof(a) })).json<TransferRecord>();
    expect((await decide(staff.sd, sent.id, 'return', '请补充')).statusCode).toBe(200);
    expect((await b.call('POST', `/api/transfers/${sent.id}/resubmit`, { proofFileId: await proof(b) })).statusCode).toBe(404);
  });
});
