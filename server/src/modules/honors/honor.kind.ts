import { HONOR_WORKFLOW, honorReviewPayload, type HonorReviewPayload } from '@ausm/domain';
import { defineReviewKind } from '../../platform/review/kind';

/**
 * 奖惩信息 as a review kind: sent to the person's department, which decides it; an approved item is
 * the record itself (no table of its own to drift from it). Open ones block a 属地关系调转.
 */
export const honorKind = defineReviewKind<HonorReviewPayload>({
  workflow: HONOR_WORKFLOW,
  payload: honorReviewPayload,
  // several at once are normal (a reward and a penalty, two awards of a year): one open item per document
  openKey: ({ accountId, payload }) => `${accountId}:${payload.type}:${payload.title}:${payload.date}`,
  openItemMessage: '该奖惩信息已提交，正在审核中，请勿重复提交',
  blocksTransfer: true,
  present: {
    title: (_r, p) => `${p.applicantName}的奖惩信息`,
    summary: (p) => `${p.typeName}：${p.title}（${p.authority}，${p.date}${p.documentNo ? `，${p.documentNo}` : ''}）${p.recordedBy === 'department' ? '，部门录入' : ''}`,
  },
});
