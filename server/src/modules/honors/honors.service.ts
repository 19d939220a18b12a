import { honorReviewPayload, honorTypeName, type DepartmentHonorRequest, type HonorRecord, type HonorRequest, type HonorsState } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Review, Staff } from '../../db/types';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';
import { isRealDate } from '../collection/collection.rules';
import { departmentInScope } from '../../platform/review/scope';

/**
 * 奖惩信息: the person applies with the document and their department reviews; a department records
 * one for a person it holds, approved as it is recorded (both audited through the engine).
 */
export class HonorsService {
  constructor(private readonly ctx: AppContext) {}

  private async holder(accountId: string) {
    const row = await this.ctx.db.selectFrom('collections').select(['status', 'department_code']).where('account_id', '=', accountId).executeTakeFirst();
    return row?.status === 'approved' && row.department_code ? row.department_code : null;
  }

  private checkDate(date: string): void {
    if (!isRealDate(date)) throw AppError.validation([{ path: 'date', message: '请选择正确的奖惩时间' }]);
    if (date > shanghaiDate(this.ctx.clock.now())) throw AppError.validation([{ path: 'date', message: '奖惩时间不能晚于今天' }]);
  }

  async state(accountId: string): Promise<HonorsState> {
    return { allowed: (await this.holder(accountId)) !== null, records: await this.records(accountId) };
  }

  /** The person's 奖惩, newest first: approved ones are the record; open and refused ones are theirs to see. */
  async records(accountId: string, opts: { approvedOnly?: boolean } = {}): Promise<HonorRecord[]> {
    let q = this.ctx.db.selectFrom('reviews').selectAll().where('account_id', '=', accountId).where('kind', '=', 'honor');
    if (opts.approvedOnly) q = q.where('status', '=', 'approved');
    return (await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(200).execute()).map(toHonorRecord);
  }

  async apply(accountId: string, input: HonorRequest, ip: string): Promise<HonorRecord> {
    const department = await this.holder(accountId);
    if (!department) throw new AppError('CHANGE_NOT_ALLOWED', '信息采集审核通过后才能申请登记奖惩信息');
    this.checkDate(input.date);
    const documentFileId = await this.ctx.files.assertOwned(accountId, input.documentFileId, ['honor_proof'], 'documentFileId');
    const account = await this.ctx.db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirstOrThrow();
    const payload = honorReviewPayload.parse({
      type: input.type, typeName: honorTypeName(input.type), title: input.title, authority: input.authority, date: input.date,
      documentNo: input.documentNo?.trim() || null, description: input.description?.trim() || null, documentFileId, recordedBy: 'self', applicantName: account.name,
    });
    const review = await this.ctx.db.transaction().execute((trx) => this.ctx.reviews.submit(trx, { kind: 'honor', accountId, departmentCode: department, payload, ip }));
    return toHonorRecord(review);
  }

  /** A department records one for a person whose archive it holds: submitted and approved by the same staff member. */
  async record(staff: Staff, accountId: string, input: DepartmentHonorRequest, ip: string): Promise<HonorRecord> {
    const department = await this.holder(accountId);
    if (!department || !(await departmentInScope(this.ctx.db, staff, department))) throw AppError.notFound('会计人员');
    this.checkDate(input.date);
    // the document the department uploaded to the person's archive, if it did
    const documentFileId = input.documentFileId ? await this.ctx.files.assertOwned(accountId, input.documentFileId, ['honor_proof'], 'documentFileId') : null;
    const account = await this.ctx.db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirstOrThrow();
    const payload = honorReviewPayload.parse({
      type: input.type, typeName: honorTypeName(input.type), title: input.title, authority: input.authority, date: input.date,
      documentNo: input.documentNo, description: input.description?.trim() || null, documentFileId, recordedBy: 'department', applicantName: account.name,
    });
    const actor = { kind: 'staff' as const, staff };
    const review = await this.ctx.db.transaction().execute(async (trx) => {
      const r = await this.ctx.reviews.submit(trx, { kind: 'honor', accountId, departmentCode: department, payload, actor, ip });
      return this.ctx.reviews.applyTransition(trx, { reviewId: r.id, action: 'approve', actor, note: '部门直接录入', ip });
    });
    return toHonorRecord(review);
  }
}

export function toHonorRecord(r: Review): HonorRecord {
  const p = honorReviewPayload.parse(JSON.parse(r.payload));
  return {
    id: r.id, type: p.type, typeName: p.typeName, title: p.title, authority: p.authority, date: p.date, documentNo: p.documentNo, description: p.description,
    documentFileId: p.documentFileId, recordedBy: p.recordedBy, status: r.status, submittedAt: r.submitted_at, decisionNote: r.decision_note,
  };
}
