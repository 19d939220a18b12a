import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, ChangesState } from '@ausm/domain';
import { makeMainlandId } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { login, staffCookie } from '../helpers/factories';
import { collecting, edu, expectField, work, type Person } from '../helpers/collecting';

/*
 * 信息变更 (guide §4, issue 12): after an approved collection, each section changes through a review
 * item of its own kind — 基本信息 decided by the system unless 身份证明, 姓名 or the document change;
 * 教育经历 / 工作经历 修改, 删除 and 新增 by the person's department; 采集范围 by the system when its
 * consequences are met. One open change per section; a change whose target moved is refused.
 */

let t: TestApp;
const staff = { bj: '', sd: '' };
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  staff.bj = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  staff.sd = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

const { person, fileId, chsiRecords, complete, approved } = collecting(() => t);

const changes = async (p: Person) => (await p.call('GET', '/api/changes')).json<ChangesState>();
const decide = (cookie: string, id: string, action: 'approve' | 'reject', note?: string) =>
  t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, payload: { action, ...(note ? { note } : {}) }, headers: { cookie } });
const changed = (r: ChangeRecord) => r.diff.filter((d) => d.changed).map((d) => d.key);

/** The 进行变更 form as it opens: the current basic information. */
async function basicForm(p: Person): Promise<Record<string, unknown>> {
  const s = (await p.call('GET', '/api/collection')).json();
  return { name: s.registration.name, idType: s.registration.idType, photoFileId: s.basic.photoFileId, politicalStatus: s.basic.politicalStatus, ethnicity: s.basic.ethnicity, email: s.basic.email, address: s.basic.address, postcode: s.basic.postcode, identityProofFileId: s.basic.identityProofFileId };
}

async function approvedPerson(): Promise<Person & { eduId: string; workId: string }> {
  const p = await person();
  const ids = await approved(p, staff.bj);
  return { ...p, ...ids };
}

describe(`信息变更 only after an approved collection (${dialectName})`, () => {
  it('answers 401 without a session and 409 CHANGE_NOT_ALLOWED while collecting or under review, naming the state', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/changes' })).statusCode).toBe(401);
    const p = await person();
    await complete(p);
    const draft = await p.call('POST', '/api/changes/scope', { scope: 'qualified' });
    expect(draft.statusCode).toBe(409);
    expect(draft.json()).toMatchObject({ code: 'CHANGE_NOT_ALLOWED', message: '仅在信息采集审核通过状态下允许变更，您的信息采集当前为“未提交”' });
    expect((await p.call('POST', '/api/collection/submit', { promise: true })).statusCode).toBe(200);
    const pending = await p.call('POST', '/api/changes/education', edu({ startDate: '2013-09-01', endDate: '2016-07-01', educationLevel: '11', degree: '3' }));
    expect(pending.json()).toMatchObject({ code: 'CHANGE_NOT_ALLOWED', message: expect.stringContaining('审核中') });
    expect(await changes(p)).toMatchObject({ allowed: false, collectionStatus: 'pending', records: [] });
  });
});

describe(`基本信息变更 (${dialectName})`, () => {
  it('is decided by the system when 身份证明 and identity stay: applied at once and shown in 变更记录 with the changed field', async () => {
    const p = await approvedPerson();
    const res = await p.call('POST', '/api/changes/basic', { ...(await basicForm(p)), politicalStatus: '01', address: '北京市东城区新地址2号' });
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json<ChangeRecord>();
    expect(rec).toMatchObject({ section: 'basic', kindLabel: '基本信息变更', mode: 'auto', status: 'approved', method: 'modify' });
    expect(changed(rec)).toEqual(['politicalStatusName', 'address']);
    expect(rec.diff.find((d) => d.key === 'politicalStatusName')).toMatchObject({ before: '群众', after: '中共党员' });
    const s = (await p.call('GET', '/api/collection')).json();
    expect(s.basic).toMatchObject({ politicalStatus: '01', address: '北京市东城区新地址2号' });
    expect((await changes(p)).records.map((r) => r.id)).toEqual([rec.id]);
  });

  it('refuses a request that changes nothing, a bad code, and someone else’s file, next to the field', async () => {
    const p = await approvedPerson();
    const form = await basicForm(p);
    const none = await p.call('POST', '/api/changes/basic', form);
    expect(none.json()).toMatchObject({ code: 'NOTHING_CHANGED' });
    expect(none.statusCode).toBe(400);
    expectField(await p.call('POST', '/api/changes/basic', { ...form, ethnicity: '99x' }), 'ethnicity', '请选择民族');
    const other = await person();
    expectField(await p.call('POST', '/api/changes/basic', { ...form, photoFileId: await fileId(other, 'collection_photo') }), 'photoFileId');
    expect((await changes(p)).records).toEqual([]);
  });

  it('a new name needs a new 身份证明 and the department: one open at a time, approval renames the account', async () => {
    const p = await approvedPerson();
    const form = await basicForm(p);
    expectField(await p.call('POST', '/api/changes/basic', { ...form, name: '张新名' }), 'identityProofFileId', '须上传新的身份证明');
    const proof = await fileId(p, 'identity_proof');
    const sent = await p.call('POST', '/api/changes/basic', { ...form, name: '张新名', identityProofFileId: proof });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ mode: 'manual', status: 'pending' });
    const second = await p.call('POST', '/api/changes/basic', { ...form, politicalStatus: '01' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'OPEN_ITEM_EXISTS', message: '您有一项基本信息变更正在审核中，审核完成前不能再次提交基本信息变更' });
    expect((await changes(p)).pending).toEqual({ basic: true, education: false, work: false, scope: false });
    // another county cannot see it; 东城区 sees 变更前 / 变更后 and decides
    expect((await decide(staff.sd, sent.json().id, 'approve')).statusCode).toBe(404);
    const view = (await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${sent.json().id}`, headers: { cookie: staff.bj } })).json();
    expect(view.diff.filter((d: { changed: boolean }) => d.changed).map((d: { key: string }) => d.key)).toEqual(['name', 'identityProof']);
    expect((await decide(staff.bj, sent.json().id, 'approve')).statusCode).toBe(200);
    expect((await p.call('GET', '/api/collection')).json().registration.name).toBe('张新名');
    expect((await changes(p)).pending.basic).toBe(false);
  });

  it('a new ID number changes the login, the blind index and uniqueness at approval, in one transaction', async () => {
    const p = await approvedPerson();
    const form = await basicForm(p);
    const taken = await person();
    expectField(await p.call('POST', '/api/changes/basic', { ...form, idNumber: taken.idNumber, identityProofFileId: await fileId(p, 'identity_proof') }), 'idNumber', '已被其他账号注册');
    const newId = makeMainlandId('110101', '19900307', String(100 + Math.floor(Math.random() * 800)));
    const sent = await p.call('POST', '/api/changes/basic', { ...form, idNumber: newId, identityProofFileId: await fileId(p, 'identity_proof') });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(changed(sent.json())).toEqual(expect.arrayContaining(['maskedIdNumber', 'identityProof']));
    expect((await decide(staff.bj, sent.json().id, 'approve')).statusCode).toBe(200);
    expect((await login(t.app, newId, p.password)).statusCode).toBe(200);
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(401);
    expect((await p.call('GET', '/api/collection')).json().registration).toMatchObject({ birthDate: '1990-03-07' });
  });

  it('refuses at approval a number another account registered meanwhile, and keeps the item open', async () => {
    const p = await approvedPerson();
    const newId = makeMainlandId('110101', '19880808', String(100 + Math.floor(Math.random() * 800)));
    const sent = await p.call('POST', '/api/changes/basic', { ...(await basicForm(p)), idNumber: newId, identityProofFileId: await fileId(p, 'identity_proof') });
    expect(sent.statusCode, sent.body).toBe(201);
    await person({ overrides: { idNumber: newId } });
    const late = await decide(staff.bj, sent.json().id, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ID_ALREADY_REGISTERED' });
    expect((await changes(p)).records[0]).toMatchObject({ status: 'pending' });
    expect((await login(t.app, p.idNumber, p.password)).statusCode).toBe(200);
  });
});

describe(`教育经历 / 工作经历 变更 (${dialectName})`, () => {
  it('变更 of an education entry waits for the department, shows the changed fields, and is applied on approval', async () => {
    const p = await approvedPerson();
    const current = (await p.call('GET', '/api/collection')).json().education[0];
    // 新增 may not overlap an entry
    expectField(await p.call('POST', '/api/changes/education', edu({ startDate: '2010-09-01' })), 'startDate', '时间重叠');
    const e = { ...edu(), school: current.school, eduCertNo: current.eduCertNo, degreeCertNo: current.degreeCertNo, majorCode: '120201K' };
    const sent = await p.call('POST', `/api/changes/education/${p.eduId}`, e);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ mode: 'manual', status: 'pending', method: 'modify', subject: '教育经历：首都财经学院' });
    expect(changed(sent.json())).toEqual(['majorName']);
    // the record is unchanged until the department approves
    expect((await p.call('GET', '/api/collection')).json().education[0].majorCode).toBe('120203K');
    expect((await p.call('POST', `/api/changes/education/${p.eduId}/deletion`)).json()).toMatchObject({ code: 'OPEN_ITEM_EXISTS' });
    expect((await decide(staff.bj, sent.json().id, 'approve')).statusCode).toBe(200);
    expect((await p.call('GET', '/api/collection')).json().education[0].majorCode).toBe('120201K');
  });

  it('a change whose entry moved since it was submitted is refused at approval with 409 STALE_CHANGE', async () => {
    const p = await approvedPerson();
    const current = (await p.call('GET', '/api/collection')).json().work[0];
    const sent = await p.call('POST', `/api/changes/work/${p.workId}`, work({ accountingProofFileId: current.accountingProofFileId, phone: '010-12345678' }));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(changed(sent.json())).toEqual(['phone']);
    // the entry changes underneath (a data correction by an operator)
    await t.app.ctx.db.updateTable('work_entries').set({ address: '北京市东城区另一地址9号' }).where('id', '=', p.workId).execute();
    const late = await decide(staff.bj, sent.json().id, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'STALE_CHANGE' });
    expect((await changes(p)).records[0]).toMatchObject({ status: 'pending' });
    // it can still be rejected, and then a new change goes in
    expect((await decide(staff.bj, sent.json().id, 'reject', '单位信息已更正，请重新提交')).statusCode).toBe(200);
    expect((await changes(p)).records[0]).toMatchObject({ status: 'rejected', decisionNote: '单位信息已更正，请重新提交' });
  });

  it('新增 with 学信网 at once (an upload only when it cannot verify), 变更删除, and the rules that keep the record whole', async () => {
    const p = await approvedPerson();
    const master = edu({ startDate: '2012-09-01', endDate: '2015-07-01', educationLevel: '11', degree: '3', school: '首都财经学院研究生院' });
    const unverified = await p.call('POST', '/api/changes/education', master);
    expectField(unverified, 'proofFileId', '学信网未能核验');
    await chsiRecords(p, { school: master.school, eduCertNo: master.eduCertNo, degreeCertNo: master.degreeCertNo });
    const added = await p.call('POST', '/api/changes/education', master);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ method: 'add', subject: '教育经历：首都财经学院研究生院' });
    expect((await decide(staff.bj, added.json().id, 'approve')).statusCode).toBe(200);
    expect((await p.call('GET', '/api/collection')).json().education).toHaveLength(2);
    // the only 会计工作经历 of a 会计人员 cannot be deleted; the last education entry neither
    const lone = await p.call('POST', `/api/changes/work/${p.workId}/deletion`);
    expect(lone.statusCode).toBe(400);
    expect(lone.json().message).toContain('须在工作经历中填写会计工作经历');
    const del = await p.call('POST', `/api/changes/education/${p.eduId}/deletion`);
    expect(del.statusCode, del.body).toBe(201);
    expect(del.json()).toMatchObject({ method: 'delete' });
    expect((await decide(staff.bj, del.json().id, 'approve')).statusCode).toBe(200);
    expect((await p.call('GET', '/api/collection')).json().education).toHaveLength(1);
    const remaining = (await p.call('GET', '/api/collection')).json().education[0].id;
    expect((await p.call('POST', `/api/changes/education/${remaining}/deletion`)).json().message).toBe('请至少保留一条教育经历');
  });

  it('another person’s entry is not found', async () => {
    const a = await approvedPerson();
    const b = await approvedPerson();
    expect((await b.call('POST', `/api/changes/education/${a.eduId}/deletion`)).statusCode).toBe(404);
    expect((await b.call('POST', `/api/changes/work/${a.workId}`, work())).statusCode).toBe(404);
  });
});

describe(`采集范围变更 (${dialectName})`, () => {
  it('checks the new scope’s consequences as at collection, and is decided by the system when they are met', async () => {
    const p = await approvedPerson();
    expectField(await p.call('POST', '/api/changes/scope', { scope: 'qualified' }), 'scope', '全国会计资格职称库');
    expectField(await p.call('POST', '/api/changes/scope', { scope: 'doctoral' }), 'scope', '博士学位');
    expect((await p.call('POST', '/api/changes/scope', { scope: 'accountant' })).json()).toMatchObject({ code: 'NOTHING_CHANGED' });
    const admin = await staffCookie(t.app, 'admin', 'Admin@2026');
    const csv = `证书编号,姓名,证件号码,级别,取得年份,发证机关\nC${Date.now()},${p.name},${p.idNumber},初级,2016,北京市财政局`;
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', payload: csv, headers: { cookie: admin, 'content-type': 'text/csv; charset=utf-8' } })).statusCode).toBe(200);
    const res = await p.call('POST', '/api/changes/scope', { scope: 'qualified' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'auto', status: 'approved', diff: [{ key: 'scopeName', before: '会计人员', changed: true }] });
    expect((await p.call('GET', '/api/collection')).json()).toMatchObject({ scope: 'qualified', certVerified: true });
  });
});
