import { z } from 'zod';
import { REVIEW_ACTIONS, REVIEW_STATUSES, STAFF_REVIEW_ACTIONS } from '../workflow/review';
import { REVIEW_KINDS } from '../workflow/kinds';

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效');

/** What an applicant sees of one of their items, on every page that shows one (real-name, collection, …). */
export const applicantReview = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  departmentName: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** the department's reason, for 审核不通过 and 退回补正 */
  reason: z.string().nullable(),
});
export type ApplicantReview = z.infer<typeof applicantReview>;

export const reviewQueueQuery = z
  .object({
    kind: z.enum(REVIEW_KINDS).optional(),
    status: z.enum(REVIEW_STATUSES).optional(),
    from: dateOnly.optional(),
    to: dateOnly.optional(),
    /** applicant name (part) or full ID number */
    q: z.string().trim().max(30).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /**
     * participating: the open items the department reads without deciding (a transfer's 调出地);
     * otherwise the items the department decides or decided
     */
    view: z.enum(['mine', 'participating']).optional(),
    /** me: the items given to the caller; unassigned: those given to no one */
    assignee: z.enum(['me', 'unassigned']).optional(),
  })
  .strict();
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

export const reviewQueueItem = z.object({
  id: z.string(),
  /** a registered kind (tests register kinds of their own, so the response does not enumerate them) */
  kind: z.string(),
  kindLabel: z.string(),
  stageLabel: z.string(),
  status: z.enum(REVIEW_STATUSES),
  mode: z.enum(['auto', 'manual']),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  applicantName: z.string(),
  maskedIdNumber: z.string(),
  /** the reviewer the item is given to, if any */
  assigneeName: z.string().nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;

export const reviewQueueResponse = z.object({ items: z.array(reviewQueueItem), nextCursor: z.string().nullable() });

export const reviewFile = z.object({
  id: z.string(), purpose: z.string(), name: z.string(), type: z.string(), size: z.number(), width: z.number().nullable(), height: z.number().nullable(),
  /** where staff read it: through the item it was submitted with */
  url: z.string(),
});

export const reviewStage = z.object({ index: z.number(), count: z.number(), id: z.string(), label: z.string(), role: z.string() });

export const reviewFieldDiff = z.object({ key: z.string(), label: z.string(), before: z.string(), after: z.string(), changed: z.boolean() });

export const reviewDetailResponse = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  /** the kind's presenter: a title and a one-line summary of the payload */
  title: z.string(),
  summary: z.string(),
  stage: reviewStage,
  /** decide: the caller's department holds the current stage; read: a read-only participant */
  access: z.enum(['decide', 'read']),
  status: z.enum(REVIEW_STATUSES),
  mode: z.enum(['auto', 'manual']),
  version: z.number(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  applicant: z.object({
    name: z.string(),
    idType: z.string(),
    /** masked for staff too: the full number only through 查看完整证件号 (audited) */
    maskedIdNumber: z.string(),
    maskedPhone: z.string(),
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
  }),
  payload: z.unknown(),
  before: z.unknown().nullable(),
  /** before/after field by field, when the kind replaces something */
  diff: z.array(reviewFieldDiff).nullable(),
  files: z.array(reviewFile),
  actions: z.array(
    z.object({
      action: z.string(),
      actorKind: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
      /** the stage and department the action was taken at */
      stageLabel: z.string().nullable(),
      departmentName: z.string().nullable(),
    }),
  ),
  availableActions: z.array(z.enum(REVIEW_ACTIONS)),
  /** the department's reviewer the item is given to */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** to whom the caller may give it (deciding staff, while it is open) */
  assignableStaff: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReviewDetail = z.infer<typeof reviewDetailResponse>;

export const reviewAssignRequest = z.object({ assigneeId: z.string().max(64).nullable() }).strict();

export const reviewDecisionRequest = z
  .object({
    action: z.enum(STAFF_REVIEW_ACTIONS, { error: '请选择审核结果' }),
    note: z.string().max(500, '审核意见不能超过500字').optional(),
    idempotencyKey: z.string().min(8).max(64).optional(),
  })
  .strict();

/** 批量审核: several items at once near a deadline, each still its own decision (own transaction, own audit row). */
export const BATCH_DECISION_MAX = 50;
export const reviewBatchDecisionRequest = z
  .object({
    ids: z.array(z.string().max(64)).min(1, '请选择要审核的事项').max(BATCH_DECISION_MAX, `一次最多批量审核${BATCH_DECISION_MAX}件`),
    action: z.enum(['approve', 'reject'], { error: '请选择审核结果' }),
    note: z.string().max(500, '审核意见不能超过500字').optional(),
    /** one click: a replay answers each item as the first time did */
    idempotencyKey: z.string().min(8).max(48).optional(),
  })
  .strict();
export type ReviewBatchDecisionRequest = z.infer<typeof reviewBatchDecisionRequest>;

export const reviewBatchDecisionResponse = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.enum(REVIEW_STATUSES).nullable(), message: z.string().nullable() })),
});
export type ReviewBatchDecisionResult = z.infer<typeof reviewBatchDecisionResponse>;

export const reviewStatsResponse = z.object({
  scopeName: z.string(),
  /** when the counts were last refreshed (a job recounts every minute); null before the first */
  asOf: z.string().nullable(),
  items: z.array(z.object({ kind: z.string(), status: z.enum(REVIEW_STATUSES), count: z.number() })),
});

/** 查看完整证件号: the applicant's full document number, for one item the staff member may read (audited). */
export const revealIdNumberResponse = z.object({ idNumber: z.string() });
