import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '@ausm/domain';
import { makeApprovedCollection, makePendingRealname, makePerson, makeStaff, type MadePerson } from '../factories/index';
import { makePng } from './images';
import type { Operation } from './openapi';

/**
 * Real items for every path parameter of the API, all belonging to one accountant (the owner) or
 * held at 东城区 (110101), and the callers the suites need: each staff role in scope (东城区 or
 * 北京市), and strangers — another accountant, a reviewer and a supervisor of 上海市 — for whom
 * every one of these items is someone else's.
 */
export interface RouteResources {
  owner: MadePerson;
  stranger: MadePerson;
  /** a session cookie of each staff role, in scope of the items */
  staff: Record<StaffRole, string>;
  /** staff of another province */
  outOfScope: { reviewer: string; supervisor: string; admin: string };
  /** the real item a path parameter of this route names */
  pathValue(op: Operation, name: string): string;
}

export async function makeRouteResources(app: FastifyInstance, now: () => string): Promise<RouteResources> {
  const ids: Record<string, string> = {};
  const owner = await makePerson(app);
  const stranger = await makePerson(app);
  ids.file = (await app.ctx.files.store(owner.accountId, 'realname_front', 'a.png', makePng(400, 260))).id;
  ids.myReview = (await makePendingRealname(app, owner, '110101')).review.id;
  // a draft collection with one education and one work entry, so that edits reach the handler
  await app.inject({ method: 'PUT', url: '/api/collection/scope', headers: { cookie: owner.cookie }, payload: { scope: 'accountant' } });
  const at = now();
  const empty = { created_at: at, updated_at: at, start_date: null, end_date: null, locked_fields: null };
  // one pair for the collection's routes (which may delete them) and one for the 信息变更 routes
  for (const [edu, wk] of [['education', 'work'], ['changeEducation', 'changeWork']] as const) {
    ids[edu] = crypto.randomUUID();
    ids[wk] = crypto.randomUUID();
    await app.ctx.db
      .insertInto('education_entries')
      .values({ id: ids[edu], account_id: owner.accountId, ...empty, mode: null, school: null, education_level: null, degree: null, major_code: null, edu_cert_no: null, degree_cert_no: null, proof_file_id: null, abroad_cert_file_id: null })
      .execute();
    await app.ctx.db
      .insertInto('work_entries')
      .values({ id: ids[wk], account_id: owner.accountId, ...empty, company: null, credit_code: null, unit_type: null, industry: null, address: null, phone: null, accounting_rows: null, accounting_proof_file_id: null, title: null, title_date: null, title_file_id: null })
      .execute();
  }
  // a 属地关系调转 of the owner's, held by 历下区 (made through the engine: the owner's collection is a draft)
  const transferProof = await app.ctx.files.store(owner.accountId, 'transfer_proof', 'proof.png', makePng(400, 260));
  ids.transfer = (
    await app.ctx.db.transaction().execute((trx) =>
      app.ctx.reviews.submit(trx, {
        kind: 'transfer', accountId: owner.accountId, departmentCode: '370102',
        payload: { reason: 'residence', reasonName: '户籍所在地或居住地变动', applicantName: owner.name, from: { code: '110101', name: '北京市东城区财政局', path: '' }, to: { code: '370102', name: '济南市历下区财政局', path: '' }, details: [], proofFileId: transferProof.id },
      }),
    )
  ).id;
  const review = await makePendingRealname(app, await makePerson(app), '110101');
  ids.review = review.review.id;
  ids.reviewFile = review.fileIds[0] ?? '';
  const archived = await makePerson(app);
  ids.archiveFile = (await makeApprovedCollection(app, archived, '110101')).photoFileId;
  ids.archivePerson = archived.accountId;
  const staff = {} as Record<StaffRole, string>;
  for (const role of ['sysadmin', 'admin', 'reviewer', 'supervisor', 'exam_office'] as const) {
    staff[role] = (await makeStaff(app, role, role === 'sysadmin' ? null : role === 'reviewer' ? '110101' : '110000')).cookie;
  }
  ids.staff = (await makeStaff(app, 'reviewer', '110101')).staff.id;
  const faq = await app.inject({ method: 'POST', url: '/api/admin/faq', headers: { cookie: staff.sysadmin }, payload: { category: '注册登录', question: '测试问题', answer: '测试答案' } });
  ids.faq = (faq.json() as { id: string }).id;
  // the Alipay certification of the owner (made while unverified, as it must be)
  await app.ctx.db.updateTable('accounts').set({ realname_verified: 0 }).where('id', '=', owner.accountId).execute();
  ids.alipay = ((await app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: owner.cookie } })).json() as { id: string }).id;
  await app.ctx.db.updateTable('accounts').set({ realname_verified: 1 }).where('id', '=', owner.accountId).execute();
  // a 微信绑定 QR of the owner's
  ids.wechat = ((await app.inject({ method: 'POST', url: '/api/center/wechat/tickets', headers: { cookie: owner.cookie } })).json() as { ticket: string }).ticket;
  const outOfScope = {
    reviewer: (await makeStaff(app, 'reviewer', '310101')).cookie,
    supervisor: (await makeStaff(app, 'supervisor', '310000')).cookie,
    admin: (await makeStaff(app, 'admin', '310000')).cookie,
  };

  return {
    owner,
    stranger,
    staff,
    outOfScope,
    pathValue(op, name) {
      const p = op.path;
      if (name === 'list') return 'ethnicities';
      if (p.startsWith('/api/files/')) return ids.file ?? '';
      if (p.includes('/my/reviews/')) return ids.myReview ?? '';
      if (p.startsWith('/api/transfers/')) return ids.transfer ?? '';
      if (p.startsWith('/api/changes/')) return (p.includes('/education/') ? ids.changeEducation : ids.changeWork) ?? '';
      if (p.includes('/education/')) return ids.education ?? '';
      if (p.includes('/work/')) return ids.work ?? '';
      if (p.includes('/people/')) return (name === 'fileId' ? ids.archiveFile : ids.archivePerson) ?? '';
      if (p.includes('/reviews/')) return (name === 'fileId' ? ids.reviewFile : ids.review) ?? '';
      if (p.includes('/staff/')) return ids.staff ?? '';
      if (p.includes('/faq/')) return ids.faq ?? '';
      if (p.includes('/alipay/')) return ids.alipay ?? '';
      if (p.includes('/wechat/')) return ids.wechat ?? '';
      return crypto.randomUUID();
    },
  };
}
