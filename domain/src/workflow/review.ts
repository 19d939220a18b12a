/**
 * The review workflow as data (STYLE.md §1). The server refuses any action this table does not allow
 * with 409, and the web asks the same function which buttons to show.
 */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_ACTIONS = ['approve', 'reject', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Who performs an action: a reviewer in scope, the person who submitted, or the system (auto mode). */
export type ReviewActor = 'staff' | 'owner' | 'system';

export interface TransitionRule {
  to: ReviewStatus;
  by: ReadonlyArray<ReviewActor>;
  /** a reason is required (rejections) */
  requiresNote: boolean;
}

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewStatus, Partial<Record<ReviewAction, TransitionRule>>>> = {
  pending: {
    approve: { to: 'approved', by: ['staff', 'system'], requiresNote: false },
    reject: { to: 'rejected', by: ['staff', 'system'], requiresNote: true },
    withdraw: { to: 'withdrawn', by: ['owner'], requiresNote: false },
  },
  // decisions are final: a rejected item is corrected by submitting a new review
  approved: {},
  rejected: {},
  withdrawn: {},
};

export function transitionFor(status: ReviewStatus, action: ReviewAction, actor: ReviewActor): TransitionRule | undefined {
  const rule = REVIEW_TRANSITIONS[status][action];
  return rule && rule.by.includes(actor) ? rule : undefined;
}

export function availableActions(status: ReviewStatus, actor: ReviewActor): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => transitionFor(status, a, actor) !== undefined);
}

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  pending: '审核中',
  approved: '审核通过',
  rejected: '审核不通过',
  withdrawn: '已撤回',
};

export const REVIEW_ACTION_LABELS: Readonly<Record<ReviewAction | 'submit', string>> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '审核不通过',
  withdraw: '撤回',
};

export const REVIEW_KINDS = ['realname', 'collection'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  realname: '线上实名认证',
  collection: '会计人员信息采集',
};

export type ReviewMode = 'auto' | 'manual';
export const REVIEW_MODE_LABELS: Readonly<Record<ReviewMode, string>> = { auto: '自动审核', manual: '人工审核' };
