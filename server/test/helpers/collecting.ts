import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { creditCodeCheckChar } from '@ausm/domain';
import type { TestApp } from './test-app';
import { loginCookie, newPerson, register, type TestPerson } from './factories';
import { makeJpeg, makePdf, multipart } from './images';

/*
 * People who collect (信息采集) in API tests: registered, verified, signed in, with valid entries, a
 * complete collection and, through the department, an approved one. `collecting(() => t)` binds them
 * to a test file's app; each function also takes another app.
 */

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';
export type Person = TestPerson & { accountId: string; cookie: string; call: (method: Method, url: string, payload?: object) => Promise<LightMyRequestResponse> };

export const rand = () => crypto.randomBytes(4).toString('hex').toUpperCase();
export const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);
export const VALID_CC = creditCode('91110101MA01ABCD3');
export const WRONG_CHECK_CC = VALID_CC.slice(0, 17) + (VALID_CC.endsWith('1') ? '2' : '1');

export function expectField(res: LightMyRequestResponse, path: string, text?: string): void {
  expect(res.statusCode, res.body).toBe(400);
  const f = (res.json().fields as Array<{ path: string; message: string }> | undefined)?.find((x) => x.path === path);
  expect(f, `${path} in ${res.body}`).toBeDefined();
  if (text) expect(f?.message).toContain(text);
}
export const fieldPaths = (res: LightMyRequestResponse): string[] => (res.json().fields ?? []).map((f: { path: string }) => f.path);

export const edu = (o: Record<string, unknown> = {}) => ({
  mode: '1', school: '首都财经学院', startDate: '2008-09-01', endDate: '2012-07-01', ongoing: false, educationLevel: '21', degree: '4', majorCode: '120203K', eduCertNo: `E${rand()}`, degreeCertNo: `D${rand()}`, ...o });
export const work = (o: Record<string, unknown> = {}) => ({
  startDate: '2012-08-01', endDate: null, ongoing: true, company: '北京测试商贸有限公司', creditCode: VALID_CC, unitType: '4007', industry: 'F', address: '北京市东城区测试路1号',
  hasAccounting: true, accountingRows: [{ level: '3', post: '01', startDate: '2012-08-01', endDate: null }], ...o });

export function collecting(current: () => TestApp) {
  async function person(opts: { verified?: boolean; app?: TestApp; overrides?: Partial<TestPerson> } = {}): Promise<Person> {
    const app = (opts.app ?? current()).app;
    const p = await register(app, newPerson(opts.overrides));
    if (opts.verified ?? true) await app.ctx.db.updateTable('accounts').set({ realname_verified: 1, realname_method: 'alipay' }).where('id', '=', p.accountId).execute();
    const cookie = await loginCookie(app, p.idNumber, p.password);
    return { ...p, cookie, call: (method, url, payload) => app.inject({ method, url, payload, headers: { cookie } }) };
  }

  function upload(p: Person, purpose: string, name: string, bytes: Buffer, app = current()) {
    const m = multipart(name, bytes);
    return app.app.inject({ method: 'POST', url: `/api/files?purpose=${purpose}`, payload: m.payload, headers: { ...m.headers, cookie: p.cookie } });
  }

  async function fileId(p: Person, purpose: string, app = current()): Promise<string> {
    const res = await upload(p, purpose, 'f.jpg', purpose === 'collection_photo' ? makeJpeg(300, 420, 20_000) : makePdf(), app);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  /** 学信网's records of an entry's certificates (the simulator finds them). */
  async function chsiRecords(p: Person, e: { school: string; eduCertNo: string; degreeCertNo?: string }, app = current()): Promise<void> {
    const base = { name: p.name, id_number_index: app.app.ctx.fieldCrypto.blindIndex('id_number', p.idNumber), school: e.school, level: '本科', graduation_date: '2012-07-01' };
    await app.app.ctx.db.insertInto('chsi_records').values({ id: crypto.randomUUID(), kind: '学历', cert_no: e.eduCertNo, ...base }).execute();
    if (e.degreeCertNo) await app.app.ctx.db.insertInto('chsi_records').values({ id: crypto.randomUUID(), kind: '学位', cert_no: e.degreeCertNo, ...base }).execute();
  }

  /** A complete 会计人员 collection at 110101 whose education 学信网 verifies; returns the entry ids. */
  async function complete(p: Person, app = current()): Promise<{ eduId: string; workId: string }> {
    expect((await p.call('PUT', '/api/collection/scope', { scope: 'accountant' })).statusCode).toBe(200);
    const basic = await p.call('PUT', '/api/collection/basic', { photoFileId: await fileId(p, 'collection_photo', app), politicalStatus: '13', ethnicity: '01', email: 'a@example.com', postcode: '100010' });
    expect(basic.statusCode, basic.body).toBe(200);
    const e = edu();
    await chsiRecords(p, e, app);
    const er = await p.call('POST', '/api/collection/education', e);
    expect(er.statusCode, er.body).toBe(201);
    const wr = await p.call('POST', '/api/collection/work', work({ accountingProofFileId: await fileId(p, 'work_proof', app) }));
    expect(wr.statusCode, wr.body).toBe(201);
    expect((await p.call('PUT', '/api/collection/department', { departmentCode: '110101' })).statusCode).toBe(200);
    return { eduId: er.json().id, workId: wr.json().id };
  }

  /** A complete collection, submitted and approved by 东城区's reviewer (the cookie given). */
  async function approved(p: Person, reviewerCookie: string, app = current()): Promise<{ eduId: string; workId: string; reviewId: string }> {
    const ids = await complete(p, app);
    const sent = await p.call('POST', '/api/collection/submit', { promise: true });
    expect(sent.statusCode, sent.body).toBe(200);
    const reviewId = sent.json().review.id as string;
    const ok = await app.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, payload: { action: 'approve' }, headers: { cookie: reviewerCookie } });
    expect(ok.statusCode, ok.body).toBe(200);
    return { ...ids, reviewId };
  }

  return { person, upload, fileId, chsiRecords, complete, approved };
}
