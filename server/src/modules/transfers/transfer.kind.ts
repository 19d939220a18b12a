import { TRANSFER_WORKFLOW, transferReviewPayload, type TransferReviewPayload } from '@ausm/domain';
import { defineReviewKind } from '../../platform/review/kind';
import { AppError } from '../../platform/errors';

/**
 * 属地关系调转 (guide §5) as a review kind: held by the receiving department (调入地), read by the
 * sending one (调出地) while it is open, and on approval the person's department changes in the same
 * transaction — from the department the application was made at, or not at all.
 */
export const transferKind = defineReviewKind<TransferReviewPayload>({
  workflow: TRANSFER_WORKFLOW,
  payload: transferReviewPayload,
  openKey: ({ accountId }) => accountId,
  openItemMessage: '您有一项属地关系调转申请正在审核中，请勿重复提交',
  blocksTransfer: true,
  route: (_stage, _index, item) => item.payload.to.code,
  participants: (item) => [{ departmentCode: item.payload.from.code, role: '调出地会计管理部门' }],
  async apply(trx, review, change) {
    if (change.to !== 'approved') return;
    const p = transferReviewPayload.parse(JSON.parse(review.payload));
    const r = await trx
      .updateTable('collections')
      .set({ department_code: p.to.code, updated_at: change.at })
      .where('account_id', '=', review.account_id)
      .where('department_code', '=', p.from.code)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('STALE_CHANGE', '申请人的所属会计管理部门已变化，该调转申请不能再审核通过');
  },
  present: {
    title: (_r, p) => `${p.applicantName}的属地关系调转`,
    summary: (p) => `${p.reasonName}：由${p.from.path}调入${p.to.path}`,
  },
});
