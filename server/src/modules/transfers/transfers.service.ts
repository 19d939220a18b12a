import {
  ARCHIVE_MODES,
  REVIEW_KIND_LABELS,
  checkCreditCode,
  codeName,
  isOpenStatus,
  findUnitType,
  isUnitTypeLeaf,
  isValidCode,
  transferReasonName,
  transferReviewPayload,
  type FieldError,
  type ReviewKind,
  type TransferRecord,
  type TransferRequest,
  type TransfersState,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Review } from '../../db/types';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';
import { CollectionRepo } from '../collection/collection.repo';
import { isRealDate } from '../collection/collection.rules';

type Place = { code: string; name: string; path: string };

/**
 * 会计人员属地关系调转 (guide §5): refused while the collection is not approved, while any item of a
 * kind that blocks transfers is open, or to the department the person is at; otherwise an item of
 * the `transfer` kind that the receiving department decides (transfer.kind.ts).
 */
export class TransfersService {
  private readonly repo: CollectionRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new CollectionRepo(ctx.db);
  }

  private async place(code: string): Promise<Place> {
    const path = await this.repo.departmentPath(code);
    return { code, name: path.at(-1)?.name ?? code, path: path.map((p) => p.name).join(' / ') };
  }

  /** Why a new 调转申请 is refused now, in the guide's words; null when it may be made. */
  private async blockedReason(accountId: string): Promise<{ reason: string | null; departmentCode: string | null }> {
    const row = await this.repo.findCollection(accountId);
    if (!row || row.status !== 'approved' || !row.department_code) return { reason: '信息采集未完成或尚未审核通过，不能提交调转申请', departmentCode: null };
    const blocking = this.ctx.reviews.kinds.list().filter((k) => k.blocksTransfer).map((k) => k.workflow.kind);
    const open = await this.ctx.db
      .selectFrom('reviews')
      .select(['kind', 'status'])
      .where('account_id', '=', accountId)
      .where('kind', 'in', blocking)
      .where('open_key', 'is not', null)
      .execute();
    const first = open.find((r) => isOpenStatus(r.status));
    if (first) {
      const label = REVIEW_KIND_LABELS[first.kind as ReviewKind] ?? first.kind;
      return { reason: `您有${first.kind === 'transfer' ? '一项属地关系调转申请' : `一项${label}申请`}正在审核中，审核完成前不能提交调转申请`, departmentCode: row.department_code };
    }
    return { reason: null, departmentCode: row.department_code };
  }

  async state(accountId: string): Promise<TransfersState> {
    const { reason, departmentCode } = await this.blockedReason(accountId);
    const rows = await this.ctx.db
      .selectFrom('reviews')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('kind', '=', 'transfer')
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return { current: departmentCode ? await this.place(departmentCode) : null, blocked: reason, records: rows.map(toTransferRecord) };
  }

  async submit(accountId: string, input: TransferRequest, ip: string): Promise<TransferRecord> {
    const { reason, departmentCode } = await this.blockedReason(accountId);
    if (reason || !departmentCode) throw new AppError('TRANSFER_NOT_ALLOWED', reason ?? '信息采集未完成或尚未审核通过，不能提交调转申请');
    const errors: FieldError[] = [];
    const today = shanghaiDate(this.ctx.clock.now());
    const target = await this.ctx.db.selectFrom('departments').select(['code', 'level']).where('code', '=', input.toDepartmentCode).executeTakeFirst();
    if (!target || target.level === 'national') errors.push({ path: 'toDepartmentCode', message: '所选调入会计管理机构不存在' });
    else if (target.code === departmentCode) errors.push({ path: 'toDepartmentCode', message: '调入会计管理机构与当前所属会计管理机构相同，无需调转' });
    const details: Array<{ label: string; value: string }> = [];
    const notFuture = (v: string, path: string, label: string) => {
      if (!isRealDate(v)) errors.push({ path, message: `请选择正确的${label}` });
      else if (v > today) errors.push({ path, message: `${label}不能晚于今天` });
    };
    if (input.reason === 'work') {
      const credit = checkCreditCode(input.creditCode);
      if (!credit.ok) errors.push({ path: 'creditCode', message: credit.message });
      if (!isUnitTypeLeaf(input.unitType)) errors.push({ path: 'unitType', message: '请选择到具体的调入单位经济类型' });
      if (!isValidCode('industry', input.industry)) errors.push({ path: 'industry', message: '请选择调入单位所属行业' });
      notFuture(input.startDate, 'startDate', '调入单位工作开始时间');
      details.push(
        { label: '调入单位名称', value: input.companyName },
        { label: '调入单位统一社会信用代码', value: credit.ok ? credit.value : input.creditCode },
        { label: '调入单位经济类型', value: (findUnitType(input.unitType) ?? [input.unitType]).join(' / ') },
        { label: '调入单位所属行业', value: codeName('industry', input.industry) ?? input.industry },
        { label: '调入单位地址', value: input.address },
        { label: '调入单位电话', value: input.phone ?? '' },
        { label: '调入单位工作开始时间', value: input.startDate },
      );
    } else if (input.reason === 'school') {
      if (!isValidCode('major', input.majorCode)) errors.push({ path: 'majorCode', message: '请选择所学专业' });
      notFuture(input.enrolDate, 'enrolDate', '入学时间');
      details.push(
        { label: '调入学校名称', value: input.schoolName },
        { label: '所学专业', value: codeName('major', input.majorCode) ?? input.majorCode },
        { label: '档案方式', value: ARCHIVE_MODES.find((m) => m.code === input.archiveMode)?.name ?? input.archiveMode },
        { label: '入学时间', value: input.enrolDate },
      );
    }
    let proof: string | null = null;
    try {
      proof = await this.ctx.files.assertOwned(accountId, input.proofFileId, ['transfer_proof'], 'proofFileId');
    } catch (err) {
      if (err instanceof AppError && err.fields) errors.push(...err.fields);
      else throw err;
    }
    if (errors.length > 0 || !proof) throw AppError.validation(errors);
    const account = await this.repo.getAccount(accountId);
    const payload = transferReviewPayload.parse({
      reason: input.reason, reasonName: transferReasonName(input.reason), applicantName: account.name,
      from: await this.place(departmentCode), to: await this.place(input.toDepartmentCode), details, proofFileId: proof,
    });
    const review = await this.ctx.db.transaction().execute((trx) => this.ctx.reviews.submit(trx, { kind: 'transfer', accountId, departmentCode: input.toDepartmentCode, payload, ip }));
    return toTransferRecord(review);
  }

  /** 退回补正: the same application again with a better proof. */
  async resubmit(accountId: string, id: string, proofFileId: string, ip: string): Promise<TransferRecord> {
    const review = await this.ctx.db.selectFrom('reviews').selectAll().where('id', '=', id).where('account_id', '=', accountId).where('kind', '=', 'transfer').executeTakeFirst();
    if (!review) throw AppError.notFound('调转申请');
    const proof = await this.ctx.files.assertOwned(accountId, proofFileId, ['transfer_proof'], 'proofFileId');
    const payload = { ...transferReviewPayload.parse(JSON.parse(review.payload)), proofFileId: proof };
    const next = await this.ctx.reviews.transition({ reviewId: id, action: 'resubmit', actor: { kind: 'owner', accountId }, payload, ip, idempotencyKey: `resubmit-${id}-${proof}` });
    return toTransferRecord(next);
  }
}

export function toTransferRecord(r: Review): TransferRecord {
  const p = transferReviewPayload.parse(JSON.parse(r.payload));
  return {
    id: r.id,
    reason: p.reason,
    reasonName: p.reasonName,
    from: p.from,
    to: p.to,
    transferredAt: r.status === 'approved' ? r.decided_at : null,
    submittedAt: r.submitted_at,
    status: r.status,
    decisionNote: r.decision_note,
    proofFileId: p.proofFileId,
    details: p.details,
  };
}
