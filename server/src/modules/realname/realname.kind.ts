import { REALNAME_WORKFLOW, regionName, realnameReviewPayload } from '@ausm/domain';
import { defineReviewKind } from '../../platform/review/kind';

/** 线上实名认证: three ID images, decided by the department of the city the applicant chose. */
export const realnameKind = defineReviewKind({
  workflow: REALNAME_WORKFLOW,
  payload: realnameReviewPayload,
  openKey: ({ accountId }) => accountId,
  openItemMessage: '您的线上实名认证正在审核中，请耐心等待',
  async apply(trx, review, change) {
    if (change.to !== 'approved') return;
    // (an account verified through Alipay meanwhile stays as it is)
    await trx
      .updateTable('accounts')
      .set({ realname_verified: 1, realname_method: 'online', realname_at: change.at })
      .where('id', '=', review.account_id)
      .where('realname_verified', '=', 0)
      .execute();
  },
  present: {
    title: () => REALNAME_WORKFLOW.label,
    summary: (p) => `所在地：${regionName(p.provinceCode) ?? p.provinceCode}${regionName(p.cityCode) ?? p.cityCode}`,
  },
});
