import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMainlandId, type CollectionState } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { loginCookie, staffCookie } from '../helpers/factories';
import { collecting, edu, expectField, fieldPaths, rand, VALID_CC, WRONG_CHECK_CC, work, type Method, type Person } from '../helpers/collecting';
import { makeJpeg, makePdf, makePng } from '../helpers/images';
import { seedCollectionDemo } from '../../src/modules/collection/collection-seed';

let t: TestApp;
const staff: Record<'bj' | 'bjSup' | 'sd' | 'admin', string> = { bj: '', bjSup: '', sd: '', admin: '' };

beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  staff.bj = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  staff.bjSup = await staffCookie(t.app, 'bj_supervisor', 'Review@2026');
  staff.sd = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
  staff.admin = await staffCookie(t.app, 'admin', 'Admin@2026');
});
afterAll(async () => t.close());

const { person, upload, fileId, chsiRecords, complete } = collecting(() => t);
const inject = (cookie: string | undefined, method: Method, url: string, payload?: object) => t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

const submit = (p: Person) => p.call('POST', '/api/collection/submit', { promise: true });
const decide = (cookie: string, id: string, action: 'approve' | 'reject' | 'return', note?: string) => inject(cookie, 'POST', `/api/admin/reviews/${id}/decision`, { action, ...(note ? { note } : {}) });
const state = async (p: Person) => (await p.call('GET', '/api/collection')).json();

describe(`access (${dialectName})`, () => {
  it('documents every route in the OpenAPI description under the collection tag', async () => {
    const doc = (await inject(undefined, 'GET', '/api/docs/json')).json();
    expect(doc.paths['/api/collection/education/{id}'].put.tags).toEqual(['collection']);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/collection/submit', '/api/codes/{list}', '/api/departments/children', '/api/admin/certificates/import']));
  });


  it('answers 401 without a session', async () => {
    for (const [m, url, body] of [['GET', '/api/collection', undefined], ['PUT', '/api/collection/scope', { scope: 'accountant' }], ['POST', '/api/collection/submit', { promise: true }]] as const) {
      expect((await inject(undefined, m, url, body)).statusCode).toBe(401);
    }
  });

  it('reads a draft without creating anything, and refuses writes with 403 before 实名认证', async () => {
    const p = await person({ verified: false });
    const s = await state(p);
    expect(s).toMatchObject({ status: 'draft', step: 'notice', realnameVerified: false, editable: false, scope: null, review: null, education: [], work: [] });
    expect(s.registration).toMatchObject({ name: p.name, maskedIdNumber: `${p.idNumber.slice(0, 3)}*****${p.idNumber.slice(-4)}` });
    expect(await t.app.ctx.db.selectFrom('collections').select('account_id').where('account_id', '=', p.accountId).executeTakeFirst()).toBeUndefined();
    const res = await p.call('PUT', '/api/collection/scope', { scope: 'accountant' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: '请先完成实名认证' });
    expect((await p.call('POST', '/api/collection/education', edu())).statusCode).toBe(403);
  });

  it('lets a person collect once 线上实名认证 has been approved by the city’s department', async () => {
    const p = await person({ verified: false });
    const ids: Record<string, string> = {};
    for (const side of ['front', 'back', 'handheld']) ids[side] = (await upload(p, `realname_${side}`, `${side}.png`, makePng(400, 250))).json().id;
    const rn = await p.call('POST', '/api/realname/online', { frontFileId: ids.front, backFileId: ids.back, handheldFileId: ids.handheld, provinceCode: '110000', cityCode: '110101' });
    expect(rn.statusCode, rn.body).toBe(201);
    expect((await decide(staff.bjSup, rn.json().online.id, 'approve')).statusCode).toBe(200);
    expect((await state(p)).realnameVerified).toBe(true);
    expect((await p.call('PUT', '/api/collection/scope', { scope: 'accountant' })).statusCode).toBe(200);
  });

  it('refuses unknown body fields (status, department, reviewer) with 400', async () => {
    const p = await person();
    expectField(await p.call('PUT', '/api/collection/basic', { ethnicity: '01', status: 'approved' }), 'status', '不允许');
    expectField(await p.call('PUT', '/api/collection/scope', { scope: 'accountant', departmentCode: '110101' }), 'departmentCode');
    expectField(await p.call('POST', '/api/collection/work', { ...work(), reviewerId: 'x' }), 'reviewerId');
    expectField(await p.call('POST', '/api/collection/submit', { promise: true, currentReviewId: 'x' }), 'currentReviewId');
    expect((await p.call('POST', '/api/collection/submit', { promise: false })).statusCode).toBe(400);
  });

  it('keeps each person’s entries and files their own: another person’s ids answer 404 or are refused', async () => {
    const a = await person();
    const b = await person();
    const bEdu = (await b.call('POST', '/api/collection/education', edu())).json().id;
    const bPhoto = await fileId(b, 'collection_photo');
    expect((await a.call('PUT', `/api/collection/education/${bEdu}`, edu())).statusCode).toBe(404);
    expect((await a.call('DELETE', `/api/collection/education/${bEdu}`)).statusCode).toBe(404);
    expect((await a.call('PUT', `/api/collection/work/${bEdu}`, work())).statusCode).toBe(404);
    expect((await a.call('GET', `/api/files/${bPhoto}`)).statusCode).toBe(404);
    expectField(await a.call('PUT', '/api/collection/basic', { photoFileId: bPhoto }), 'photoFileId', '附件不存在');
    expectField(await a.call('PUT', '/api/collection/basic', { photoFileId: await fileId(a, 'work_proof') }), 'photoFileId', '用途不符');
    expect((await state(b)).education).toHaveLength(1);
  });
});

describe(`uploads are judged by content (${dialectName})`, () => {
  it('accepts a PNG named .jpg as a PNG and refuses small, tiny-pixel or PDF photos naming the rule', async () => {
    const p = await person();
    const png = await upload(p, 'collection_photo', 'photo.jpg', makePng(300, 420, { noise: true }));
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ type: 'png', width: 300, height: 420 });
    const small = await upload(p, 'collection_photo', 'p.jpg', makeJpeg(200, 300, 20_000));
    expect(small.statusCode).toBe(400);
    expect(small.json().message).toContain('295×413');
    const light = await upload(p, 'collection_photo', 'p.jpg', makeJpeg(295, 413, 5_000));
    expect(light.statusCode).toBe(400);
    expect(light.json().message).toContain('10KB');
    const pdf = await upload(p, 'collection_photo', 'p.jpg', makePdf());
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().message).toContain('JPG、PNG');
    // title / appointment proofs: one jpg or png of 20 KB – 500 KB (RULES.md §9)
    const titles = await Promise.all([makePdf(), makeJpeg(600, 800, 10_000), makeJpeg(600, 800, 600_000), makeJpeg(600, 800, 100_000)].map((b) => upload(p, 'title_proof', 't.jpg', b)));
    expect(titles.map((r) => r.statusCode)).toEqual([415, 400, 413, 201]);
    expect(titles.slice(1, 3).map((r) => r.json().message)).toEqual([expect.stringContaining('20KB'), expect.stringContaining('500KB')]);
  });
});

describe(`steps and basic information (${dialectName})`, () => {
  it('saves each step as a draft and moves `step` forward only', async () => {
    const p = await person();
    expect((await p.call('PUT', '/api/collection/scope', { scope: 'doctoral' })).json()).toMatchObject({ step: 'notice', scope: 'doctoral', status: 'draft', editable: true });
    expect((await p.call('PUT', '/api/collection/basic', { ethnicity: '01', email: '' })).json().step).toBe('basic');
    expect((await p.call('POST', '/api/collection/education', edu())).statusCode).toBe(201);
    expect((await p.call('PUT', '/api/collection/scope', { scope: 'accountant' })).json()).toMatchObject({ step: 'education', scope: 'accountant' });
  });

  it.each([
    [{ ethnicity: '99' }, 'ethnicity', '民族'],
    [{ politicalStatus: '77' }, 'politicalStatus', '政治面貌'],
    [{ email: 'not-an-email' }, 'email', '邮箱'],
    [{ postcode: '12345' }, 'postcode', '6位'],
    [{ extraIdType: 'hmt_residence', extraIdNumber: '810000199408230021' }, 'extraIdType', '内地居民身份证'],
  ])('refuses basic info %j at %s', async (body, path, text) => {
    expectField(await (await person()).call('PUT', '/api/collection/basic', body), path, text);
  });

  it('takes a 港澳台居民居住证 from a 港澳通行证 holder, checks it, stores it encrypted and shows it masked', async () => {
    const p = await person({ overrides: { idType: 'hk_macao_permit' as 'mainland_id', idNumber: `H${String(crypto.randomInt(1e7, 1e8))}`, name: '陈大文' } });
    expectField(await p.call('PUT', '/api/collection/basic', { extraIdType: 'hmt_residence', extraIdNumber: '810000199408230022' }), 'extraIdNumber', '校验位');
    expectField(await p.call('PUT', '/api/collection/basic', { extraIdType: 'foreign_permanent', extraIdNumber: '810000199408230021' }), 'extraIdType');
    const ok = await p.call('PUT', '/api/collection/basic', { extraIdType: 'hmt_residence', extraIdNumber: '810000199408230021' });
    expect(ok.json().basic).toMatchObject({ extraIdType: 'hmt_residence', maskedExtraIdNumber: '810*****0021' });
    const row = await t.app.ctx.db.selectFrom('collections').selectAll().where('account_id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('810000199408230021');
    // the number is write-only: saving again without it keeps it
    expect((await p.call('PUT', '/api/collection/basic', { extraIdType: 'hmt_residence', ethnicity: '01' })).json().basic.maskedExtraIdNumber).toBe('810*****0021');
  });
});

describe(`education (${dialectName})`, () => {
  it.each([
    [{ startDate: '2012-09-01', endDate: '2010-07-01' }, 'endDate', '不能早于入学时间'],
    [{ startDate: '2026-09-01', endDate: null, ongoing: true }, 'startDate', '不能晚于今天'],
    [{ ongoing: true }, 'endDate', '至今'],
    [{ endDate: null }, 'endDate', '毕业时间'],
    [{ startDate: '2011-02-30' }, 'startDate', '有效日期'],
    [{ educationLevel: '31', degree: '4' }, 'degree', '大学专科'],
    [{ majorCode: '1202' }, 'majorCode', '具体专业'],
    [{ mode: '9' }, 'mode', '培养方式'],
    [{ eduCertNo: null }, 'eduCertNo', '学历证书编号'],
    [{ degreeCertNo: '' }, 'degreeCertNo', '学位证书编号'],
    [{ abroadCertFileId: 'x' }, 'abroadCertFileId', '留学'],
  ])('refuses %j at %s', async (patch, path, text) => {
    expectField(await (await person()).call('POST', '/api/collection/education', edu(patch)), path, text);
  });

  it('refuses overlapping periods naming the other entry, allows adjacent ones and editing an entry in place', async () => {
    const p = await person();
    const first = (await p.call('POST', '/api/collection/education', edu({ school: '甲大学' }))).json();
    expectField(await p.call('POST', '/api/collection/education', edu({ school: '乙大学', startDate: '2011-09-01', endDate: '2014-07-01' })), 'startDate', '甲大学”（2008-09-01至2012-07-01）');
    const second = await p.call('POST', '/api/collection/education', edu({ school: '乙大学', startDate: '2012-07-01', endDate: '2015-07-01', educationLevel: '14', degree: '3' }));
    expect(second.statusCode, second.body).toBe(201);
    expect((await p.call('PUT', `/api/collection/education/${first.id}`, edu({ school: '甲大学', endDate: '2012-06-30' }))).statusCode).toBe(200);
    expect((await p.call('DELETE', `/api/collection/education/${first.id}`)).statusCode).toBe(204);
    expect((await state(p)).education.map((e: { school: string }) => e.school)).toEqual(['乙大学']);
  });

  it('checks 大专+ with 学信网 on save: verified needs no upload, not found needs the certificate, a corrected number is checked again', async () => {
    const p = await person();
    const { eduId } = await complete(p);
    const other = (await p.call('POST', '/api/collection/education', edu({ school: '首都财经学院', startDate: '2012-09-01', endDate: '2015-07-01', educationLevel: '14', degree: '3' }))).json();
    expect(other.chsiStatus).toBe('not_found');
    const res = await submit(p);
    expectField(res, `education.${other.id}.proofFileId`, '学信网');
    expect(fieldPaths(res).some((f) => f.startsWith(`education.${eduId}`))).toBe(false);
    const s = await state(p);
    expect(s.education.map((e: { chsiStatus: string }) => e.chsiStatus)).toEqual(['verified', 'not_found']);
    const { id: _id, chsiStatus: _c, legacy: _l, lockedFields: _f, ...body } = s.education[1];
    const corrected = { ...body, eduCertNo: `E${rand()}`, degreeCertNo: `D${rand()}` };
    await chsiRecords(p, { school: body.school, eduCertNo: corrected.eduCertNo, degreeCertNo: corrected.degreeCertNo });
    expect((await p.call('PUT', `/api/collection/education/${other.id}`, corrected)).json().chsiStatus).toBe('verified');
    expect((await submit(p)).statusCode).toBe(200);
  });

  it('always wants the certificate below 大专, and the 留学服务中心 certificate for 本科+ abroad', async () => {
    const p = await person();
    const { eduId } = await complete(p);
    await p.call('DELETE', `/api/collection/education/${eduId}`);
    const school = (await p.call('POST', '/api/collection/education', edu({ educationLevel: '61', degree: '0', degreeCertNo: null, startDate: '2002-09-01', endDate: '2005-07-01' }))).json();
    const abroad = (await p.call('POST', '/api/collection/education', edu({ abroad: true, school: 'University of Sydney' }))).json();
    expect(abroad.chsiStatus).toBe('not_applicable');
    const res = await submit(p);
    expectField(res, `education.${school.id}.proofFileId`, '大专以下');
    expectField(res, `education.${abroad.id}.abroadCertFileId`, '教育部留学服务中心认证书');
  });

  it('treats an unavailable 学信网 like "not found", so the person can upload instead (AUSM_CHSI_SIMULATE=down)', async () => {
    process.env.AUSM_CHSI_SIMULATE = 'down';
    const down = await makeTestApp({}, { seedDemo: true }).finally(() => delete process.env.AUSM_CHSI_SIMULATE);
    try {
      const p = await person({ app: down });
      const { eduId } = await complete(p, down);
      expectField(await p.call('POST', '/api/collection/submit', { promise: true }), `education.${eduId}.proofFileId`, '学信网');
    } finally {
      await down.close();
    }
  });
});

describe(`work (${dialectName})`, () => {
  it.each([
    [{ creditCode: '91110101MA01ABCD3XYZ' }, 'creditCode', '18位'],
    [{ creditCode: '91110101MA01ABCDIO' }, 'creditCode', '不含I、O'],
    [{ creditCode: '000000000000000000' }, 'creditCode', '占位符'],
    [{ creditCode: '014403007084611364' }, 'creditCode', '第1位'],
    [{ creditCode: '', noCreditCodeReason: '无' }, 'noCreditCodeReason', '原因'],
    [{ noCreditCodeReason: '单位已于2012年注销' }, 'creditCode', '请清空'],
    [{ unitType: '40' }, 'unitType', '具体的单位类型'],
    [{ industry: 'Z' }, 'industry', '所属行业'],
    [{ startDate: '2012-08-01', endDate: '2011-01-01', ongoing: false }, 'endDate', '不能早于工作开始时间'],
    [{ title: '3', titleDate: '2010-01-01' }, 'titleDate', '不能早于工作开始时间'],
    [{ title: '3' }, 'titleDate', '聘任时间'],
    [{ title: '1', titleDate: '2019-01-11' }, 'title', '助理会计师'],
    [{ titleDate: '2015-01-01' }, 'title', '会计专业职务'],
    [{ accountingRows: [{ level: '3', post: '01', startDate: '2011-08-01', endDate: null }] }, 'accountingRows.0.startDate', '不能早于工作开始时间'],
    [{ accountingRows: [{ level: '3', post: '01', startDate: '2012-08-01', endDate: '2015-01-01' }, { level: '2', post: '03', startDate: '2014-01-01', endDate: null }] }, 'accountingRows.1.startDate', '重叠'],
    [{ accountingRows: [{ level: '7', post: '99', startDate: '2012-08-01', endDate: null }] }, 'accountingRows.0.post', '岗位'],
    [{ ongoing: false, endDate: '2015-01-01' }, 'accountingRows.0.endDate', '至今'],
    [{ hasAccounting: false }, 'accountingRows', '无会计工作经历'],
  ])('refuses %j at %s', async (patch, path, text) => {
    expectField(await (await person()).call('POST', '/api/collection/work', work(patch)), path, text);
  });

  it.each([
    [{ creditCode: WRONG_CHECK_CC.toLowerCase() }, { creditCode: WRONG_CHECK_CC, noCreditCodeReason: null }, '校验位不符'],
    [{ creditCode: '', noCreditCodeReason: '单位已于2012年注销' }, { creditCode: null, noCreditCodeReason: '单位已于2012年注销' }, '无统一社会信用代码（原因：单位已于2012年注销）'],
  ])('saves %j with a warning that the review notes for manual review', async (patch, saved, note) => {
    const p = await person();
    const { workId } = await complete(p);
    const w = (await state(p)).work[0];
    const res = await p.call('PUT', `/api/collection/work/${workId}`, { ...work({ accountingProofFileId: w.accountingProofFileId }), ...patch });
    expect(res.json()).toMatchObject({ ...saved, creditCodeWarning: true });
    const sub = await submit(p);
    expect(sub.statusCode, sub.body).toBe(200);
    const payload = (await decideView(sub.json().review.id)).payload;
    expect(payload.flags.creditCodeWarning).toBe(true);
    expect(payload.notes[0]).toContain(note);
    expect(payload.notes[0]).toContain('人工核实');
  });

  it('refuses overlapping work periods, and wants rows, proof and 聘任文件 by submit', async () => {
    const p = await person();
    const { workId } = await complete(p);
    expectField(await p.call('POST', '/api/collection/work', work({ company: '另一家公司', startDate: '2020-01-01' })), 'startDate', '北京测试商贸有限公司”（2012-08-01至今）');
    await p.call('PUT', `/api/collection/work/${workId}`, work({ accountingRows: [], title: '2', titleDate: '2013-01-01' }));
    const res = await submit(p);
    expectField(res, `work.${workId}.accountingRows`, '会计工作经历');
    expectField(res, `work.${workId}.accountingProofFileId`, '证明');
    expectField(res, `work.${workId}.titleFileId`, '聘任文件');
  });
});

describe(`原省平台 legacy entries (${dialectName})`, () => {
  it('lets missing fields be filled but refuses a change to a locked field; deleting is allowed', async () => {
    const p = await person();
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await t.app.ctx.db.insertInto('education_entries').values({
      id, account_id: p.accountId, mode: '1', school: '山东科技大学', start_date: '2005-09-05', end_date: '2009-07-01', ongoing: 0, education_level: '21', degree: '4',
      major_code: null, edu_cert_no: '323232323', degree_cert_no: null, abroad: 0, proof_file_id: null, abroad_cert_file_id: null, legacy: 1,
      locked_fields: JSON.stringify(['mode', 'school', 'startDate', 'endDate', 'educationLevel', 'degree', 'eduCertNo', 'degreeCertNo']), created_at: now, updated_at: now,
    }).execute();
    const same = { mode: '1', school: '山东科技大学', startDate: '2005-09-05', endDate: '2009-07-01', ongoing: false, educationLevel: '21', degree: '4', eduCertNo: '323232323' };
    expect((await state(p)).education[0]).toMatchObject({ legacy: true, majorCode: null, lockedFields: expect.arrayContaining(['school']) });
    const filled = await p.call('PUT', `/api/collection/education/${id}`, { ...same, majorCode: '120204', degreeCertNo: '3232323' });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({ majorCode: '120204', degreeCertNo: '3232323', legacy: true });
    expectField(await p.call('PUT', `/api/collection/education/${id}`, { ...same, majorCode: '120204', degreeCertNo: '3232323', school: '山东大学' }), 'school', '原省平台数据不可修改，如有误请删除后新增');
    expectField(await p.call('PUT', `/api/collection/education/${id}`, { ...same, majorCode: '120204', degreeCertNo: '9999' }), 'degreeCertNo', '原省平台');
    expect((await p.call('DELETE', `/api/collection/education/${id}`)).statusCode).toBe(204);
  });

  it('locks a legacy work entry’s fields the same way (a code in other letter case is the same value)', async () => {
    const p = await person();
    const [id, now] = [crypto.randomUUID(), new Date().toISOString()];
    await t.app.ctx.db.insertInto('work_entries').values({
      id, account_id: p.accountId, start_date: '2012-08-01', end_date: null, ongoing: 1, company: '北京测试商贸有限公司', credit_code: VALID_CC, unit_type: null, industry: 'F',
      address: '北京市东城区测试路1号', phone: null, has_accounting: 1, accounting_rows: JSON.stringify(work().accountingRows), accounting_proof_file_id: null, title: null,
      title_date: null, title_file_id: null, legacy: 1, locked_fields: JSON.stringify(['startDate', 'company', 'creditCode', 'industry', 'hasAccounting', 'accountingRows']), created_at: now, updated_at: now,
    }).execute();
    for (const [patch, path] of [[{ company: '北京改名有限公司' }, 'company'], [{ industry: 'L' }, 'industry'], [{ accountingRows: [{ level: '2', post: '03', startDate: '2012-08-01', endDate: null }] }, 'accountingRows']] as const) {
      expectField(await p.call('PUT', `/api/collection/work/${id}`, work(patch)), path, '原省平台数据不可修改');
    }
    expect((await p.call('PUT', `/api/collection/work/${id}`, work({ creditCode: VALID_CC.toLowerCase() }))).json()).toMatchObject({ unitType: '4007', legacy: true });
  });
});

describe(`department and scope consequences (${dialectName})`, () => {
  it('accepts a county or a city or province-level department itself (本级), not 财政部 or a removed code, and shows its path', async () => {
    const p = await person();
    for (const code of ['110100', '130171', '660000', '000000', '123456']) expectField(await p.call('PUT', '/api/collection/department', { departmentCode: code }), 'departmentCode');
    expect((await p.call('PUT', '/api/collection/department', { departmentCode: '370100' })).json().departmentPath).toEqual([{ code: '370000', name: '山东省财政厅' }, { code: '370100', name: '济南市财政局' }]);
    expect((await p.call('PUT', '/api/collection/department', { departmentCode: '990100' })).json().departmentPath.map((d: { name: string }) => d.name)).toEqual(['中央单位会计管理部门', '中共中央直属机关事务管理局（中直管理局）']);
    const s = (await p.call('PUT', '/api/collection/department', { departmentCode: '110101' })).json();
    expect(s.departmentPath).toEqual([{ code: '110000', name: '北京市财政局' }, { code: '110101', name: '北京市东城区财政局' }]);
    expect(s.step).toBe('department');
  });

  it('会计人员 needs accounting experience; 博士 scope needs a 博士 degree and, not working or studying, an ID proof', async () => {
    const p = await person();
    const { workId } = await complete(p);
    await p.call('PUT', `/api/collection/work/${workId}`, work({ hasAccounting: false, accountingRows: [] }));
    expectField(await submit(p), 'work', '会计工作经历');
    await p.call('DELETE', `/api/collection/work/${workId}`);
    await p.call('PUT', '/api/collection/scope', { scope: 'doctoral' });
    const res = await submit(p);
    expectField(res, 'education', '博士学位');
    expectField(res, 'basic.identityProofFileId', '身份证或居住证');
    // the draft says what a submit would still refuse, so the page can drop a problem once fixed
    const open = () => p.call('GET', '/api/collection').then((r) => r.json<CollectionState>().openProblems.map((o) => o.path));
    expect(await open()).toEqual(['basic.identityProofFileId', 'education']);
    await p.call('PUT', '/api/collection/scope', { scope: 'accountant' });
    expect(await open()).toEqual(['basic.identityProofFileId', 'work']);
  });

  it('不从事会计工作但具有资格: checks the certificate library (2001+, same ID and name) and marks 已核验全国证书库', async () => {
    const p = await person();
    const { workId } = await complete(p);
    await p.call('PUT', `/api/collection/work/${workId}`, work({ hasAccounting: false, accountingRows: [] }));
    await p.call('PUT', '/api/collection/scope', { scope: 'qualified' });
    expectField(await submit(p), 'scope.certificate', '全国会计资格职称库');
    const csv = (rows: string[]) => ['证书编号,姓名,证件号码,级别,取得年份,发证机关', ...rows].join('\r\n');
    const importCsv = (body: string, cookie = staff.admin) => t.app.inject({ method: 'POST', url: '/api/admin/certificates/import', payload: body, headers: { cookie, 'content-type': 'text/csv; charset=utf-8' } });
    const no = rand();
    const goodId = makeMainlandId('110105', '19900101', '123');
    const badId = goodId.slice(0, 17) + (goodId.endsWith('1') ? '2' : '1');
    const bad = await importCsv(csv([`C${no}1,${p.name},${p.idNumber},中级,2015,北京市财政局`, `C${no}2,李四,${badId},初级,2020,北京市财政局`, `C${no}3,王五,${makeMainlandId('110101', '19900101', '011')},初级,2000,北京市财政局`, `C${no}4,赵六,${makeMainlandId('110101', '19900101', '013')},特级,2010,北京市财政局`]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', imported: 0 });
    expect(bad.json().errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(bad.json().errors[1].message).toContain('2001');
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/certificates?q=C${no}1`, headers: { cookie: staff.admin } })).json().items).toEqual([]);
    expect((await importCsv(csv([`C${no}1,${p.name},${p.idNumber},中级,2015,北京市财政局`]), staff.bj)).statusCode).toBe(403);
    const ok = await importCsv(csv([`C${no}1,${p.name},${p.idNumber},中级,2015,"北京市财政局,会计处"`]));
    expect(ok.json()).toEqual({ imported: 1, skipped: 0, errors: [] });
    const again = await inject(staff.admin, 'POST', '/api/admin/certificates/import', { csv: csv([`C${no}1,${p.name},${p.idNumber},中级,2015,北京市财政局`]) });
    expect(again.json()).toEqual({ imported: 0, skipped: 1, errors: [] });
    expect((await inject(staff.admin, 'GET', `/api/admin/certificates?q=${p.idNumber}`)).json().items).toEqual([expect.objectContaining({ certNo: `C${no}1`, level: '中级', year: 2015, issuer: '北京市财政局,会计处' })]);
    const sub = await submit(p);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().certVerified).toBe(true);
    expect((await decideView(sub.json().review.id)).payload.certificate).toMatchObject({ certNo: `C${no}1`, label: '已核验全国证书库' });
  });
});

async function decideView(reviewId: string) {
  const res = await inject(staff.bj, 'GET', `/api/admin/reviews/${reviewId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe(`submit and review (${dialectName})`, () => {
  it('submits once: then every write is refused with 409 while pending, and 20 concurrent submits make one review', async () => {
    const p = await person();
    const { eduId } = await complete(p);
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(p)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    const reviews = await t.app.ctx.db.selectFrom('reviews').select(['id', 'status']).where('account_id', '=', p.accountId).where('kind', '=', 'collection').execute();
    expect(reviews).toEqual([{ id: expect.any(String), status: 'pending' }]);
    const s = await state(p);
    expect(s).toMatchObject({ status: 'pending', step: 'result', editable: false, review: { id: reviews[0]?.id, status: 'pending', departmentName: '北京市东城区财政局', reason: null } });
    for (const [m, url, body] of [['PUT', '/api/collection/basic', { ethnicity: '01' }], ['DELETE', `/api/collection/education/${eduId}`, undefined], ['PUT', '/api/collection/scope', { scope: 'qualified' }]] as const) {
      const r = await p.call(m, url, body);
      expect(r.statusCode).toBe(409);
      expect(r.json().message).toBe('信息采集审核中，暂不能修改');
    }
  });

  it('a withdrawn collection goes back to 未提交, can be changed and resubmitted; the department cannot decide the withdrawn item', async () => {
    const p = await person();
    await complete(p);
    const first = (await submit(p)).json().review.id;
    const w = await p.call('POST', `/api/my/reviews/${first}/withdraw`, { idempotencyKey: `withdraw-${first}` });
    expect(w.statusCode).toBe(200);
    const again = await p.call('POST', `/api/my/reviews/${first}/withdraw`, { idempotencyKey: `withdraw-${first}` });
    expect(again.statusCode).toBe(200); // the same key: one effect, the same answer
    expect(await state(p)).toMatchObject({ status: 'draft', editable: true });
    expect((await decide(staff.bj, first, 'approve')).statusCode).toBe(409);
    expect((await p.call('PUT', '/api/collection/scope', { scope: 'accountant' })).statusCode).toBe(200);
    const second = (await submit(p)).json().review;
    expect(second.id).not.toBe(first);
    expect(second.status).toBe('pending');
  });

  it('is visible to the county reviewer and the province supervisor, not to another county; approval shows on the person’s page', async () => {
    const p = await person();
    await complete(p);
    const id = (await submit(p)).json().review.id;
    expect((await inject(staff.sd, 'GET', `/api/admin/reviews/${id}`)).statusCode).toBe(404);
    expect((await decide(staff.sd, id, 'approve')).statusCode).toBe(404);
    const detail = await inject(staff.bjSup, 'GET', `/api/admin/reviews/${id}`);
    expect(detail.json()).toMatchObject({ kind: 'collection', payload: { scope: 'accountant', department: { code: '110101' } } });
    expect(detail.json().files.map((f: { purpose: string }) => f.purpose).sort()).toEqual(['collection_photo', 'work_proof']);
    expect((await decide(staff.bj, id, 'approve')).statusCode).toBe(200);
    const s = await state(p);
    expect(s).toMatchObject({ status: 'approved', editable: false, review: { status: 'approved', departmentName: '北京市东城区财政局', decidedAt: expect.any(String) } });
    expect((await decide(staff.bj, id, 'approve')).statusCode).toBe(409);
    const edit = await p.call('PUT', '/api/collection/basic', { ethnicity: '01' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('信息采集已审核通过，如需修改请通过信息变更办理');
  });

  it('after a rejection with a reason the person edits and resubmits: a new pending review, the old one stays rejected', async () => {
    const p = await person();
    await complete(p);
    const first = (await submit(p)).json().review.id;
    expect((await decide(staff.bj, first, 'reject')).statusCode).toBe(400);
    expect((await decide(staff.bj, first, 'reject', '照片不清晰，请重新上传')).statusCode).toBe(200);
    expect(await state(p)).toMatchObject({ status: 'rejected', editable: true, review: { id: first, status: 'rejected', reason: '照片不清晰，请重新上传' } });
    const edited = await p.call('PUT', '/api/collection/basic', { photoFileId: await fileId(p, 'collection_photo'), politicalStatus: '13', ethnicity: '01' });
    expect(edited.json()).toMatchObject({ status: 'rejected', editable: true });
    const again = await submit(p);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().review).toMatchObject({ status: 'pending', reason: null });
    expect(again.json().review.id).not.toBe(first);
    const old = await t.app.ctx.db.selectFrom('reviews').select(['status', 'decision_note']).where('id', '=', first).executeTakeFirstOrThrow();
    expect(old).toEqual({ status: 'rejected', decision_note: '照片不清晰，请重新上传' });
  });

  it('退回补正: the person corrects and resubmits the same review, which the department then approves', async () => {
    const p = await person();
    await complete(p);
    const id = (await submit(p)).json().review.id;
    expect([(await decideView(id)).availableActions, (await decide(staff.bj, id, 'return', '请补充会计工作经历证明')).statusCode]).toEqual([['approve', 'reject', 'return'], 200]);
    expect(await state(p)).toMatchObject({ status: 'returned', editable: true, review: { id, status: 'returned', reason: '请补充会计工作经历证明' } });
    expect([(await decideView(id)).availableActions, (await decide(staff.bj, id, 'approve')).statusCode]).toEqual([[], 409]);
    await p.call('PUT', '/api/collection/basic', { photoFileId: await fileId(p, 'collection_photo'), politicalStatus: '13', ethnicity: '02' });
    expect((await submit(p)).json()).toMatchObject({ status: 'pending', editable: false, review: { id, status: 'pending', reason: null } });
    const view = await decideView(id);
    expect([view.payload.basic.ethnicity, view.actions.map((a: { action: string }) => a.action), (await decide(staff.bj, id, 'approve')).statusCode]).toEqual(['02', ['submit', 'return', 'resubmit'], 200]);
    expect([(await state(p)).review, await t.app.ctx.db.selectFrom('reviews').select('id').where('account_id', '=', p.accountId).execute()]).toMatchObject([{ id, status: 'approved' }, [{ id }]]);
  });

  it('lets exactly one of two reviewers deciding at once win', async () => {
    const p = await person();
    await complete(p);
    const id = (await submit(p)).json().review.id;
    const [a, b] = await Promise.all([decide(staff.bj, id, 'approve'), decide(staff.bjSup, id, 'reject', '材料不全')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const actions = await t.app.ctx.db.selectFrom('review_actions').select('action').where('review_id', '=', id).where('action', '<>', 'submit').execute();
    expect(actions).toHaveLength(1);
    expect((await state(p)).status).toBe(actions[0]?.action === 'approve' ? 'approved' : 'rejected');
  });
});

describe(`demo data (${dialectName})`, () => {
  it('seeds the demo people once: approved, nothing yet, legacy records, waiting for review', async () => {
    const people = await seedCollectionDemo(t.app.ctx);
    expect(await seedCollectionDemo(t.app.ctx)).toEqual(people);
    expect(people.map((x) => x.phone)).toEqual(['13900000001', '13900000002', '13900000003', '13900000004']);
    const login = async (i: number) => {
      const x = people[i];
      const cookie = await loginCookie(t.app, x?.idNumber ?? '', x?.password ?? '');
      return (await inject(cookie, 'GET', '/api/collection')).json();
    };
    const approved = await login(0);
    expect(approved).toMatchObject({ status: 'approved', scope: 'accountant', review: { status: 'approved', departmentName: '北京市东城区财政局' } });
    expect(approved.education[0].chsiStatus).toBe('verified');
    expect(approved.work[0]).toMatchObject({ ongoing: true, hasAccounting: true, creditCodeWarning: false });
    expect(await login(1)).toMatchObject({ status: 'draft', realnameVerified: false });
    const legacy = await login(2);
    expect(legacy).toMatchObject({ status: 'draft', realnameVerified: true });
    expect([legacy.education[0].legacy, legacy.work[0].legacy, legacy.education[0].majorCode]).toEqual([true, true, null]);
    const pending = await login(3);
    expect(pending).toMatchObject({ status: 'pending', certVerified: true, review: { status: 'pending' } });
    const queue = (await inject(staff.bj, 'GET', '/api/admin/reviews?kind=collection&status=pending&limit=100')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toContain(pending.review.id);
    const count = await t.app.ctx.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).where('phone_index', '=', t.app.ctx.fieldCrypto.blindIndex('phone', '13900000004')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
