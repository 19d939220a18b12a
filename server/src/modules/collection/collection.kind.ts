import { COLLECTION_WORKFLOW, collectionReviewPayload, type CollectionStatus, type ReviewStatus } from '@ausm/domain';
import { defineReviewKind } from '../../platform/review/kind';
import { AppError } from '../../platform/errors';

/** The collection's own status follows its current review; a withdrawn review leaves a draft again. */
const MIRROR: Readonly<Record<ReviewStatus, CollectionStatus>> = {
  pending: 'pending',
  returned: 'returned',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'draft',
};

/** The collection states a transition may start from: a new submit from a draft or a rejection. */
const SUBMITTABLE: ReadonlyArray<CollectionStatus> = ['draft', 'rejected'];

/** 会计人员信息采集: decided by the department the applicant chose; 退回补正 lets them correct the same item. */
export const collectionKind = defineReviewKind({
  workflow: COLLECTION_WORKFLOW,
  payload: collectionReviewPayload,
  openKey: ({ accountId }) => accountId,
  openItemMessage: '信息采集已提交，正在审核中，请勿重复提交',
  async apply(trx, review, change) {
    if (change.stageChanged && change.to === 'pending' && change.action === 'approve') return;
    const next = MIRROR[change.to];
    let q = trx
      .updateTable('collections')
      .set((eb) => ({
        status: next,
        current_review_id: review.id,
        decided_at: next === 'approved' || next === 'rejected' || next === 'returned' ? change.at : null,
        updated_at: change.at,
        version: eb('version', '+', 1),
      }))
      .where('account_id', '=', review.account_id);
    q = change.action === 'submit' ? q.where('status', 'in', SUBMITTABLE) : q.where('current_review_id', '=', review.id).where('status', '=', MIRROR[change.from ?? 'pending']);
    const r = await q.executeTakeFirst();
    // the collection mirrors exactly one review: anything else rolls the transition back
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '信息采集的状态与审核事项不一致，请刷新后查看');
  },
  present: {
    title: (_r, p) => `${p.registration.name}的${COLLECTION_WORKFLOW.label}`,
    summary: (p) => `采集范围：${p.scopeName ?? '—'}；教育经历${p.education.length}条，工作经历${p.work.length}条`,
  },
});
