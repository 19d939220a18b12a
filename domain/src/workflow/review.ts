/**
 * The review workflow as data (STYLE.md §1, ADR 0005). Every kind of item a department decides has a
 * workflow: its stages (each held by one department role), the staff actions allowed at each stage
 * and the applicant's own actions. The server refuses anything this data does not allow with 409; the
 * API's decision schema and the review page's buttons come from the same functions.
 */
export const REVIEW_STATUSES = ['pending', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** An open item still needs someone to act: at most one per open-item key (a unique index decides). */
export const OPEN_REVIEW_STATUSES: ReadonlyArray<ReviewStatus> = ['pending', 'returned'];
export const isOpenStatus = (s: ReviewStatus): boolean => OPEN_REVIEW_STATUSES.includes(s);

export const REVIEW_ACTIONS = ['approve', 'reject', 'return', 'resubmit', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Who performs an action: staff of the department holding the stage, the applicant, or the system. */
export type ReviewActor = 'staff' | 'owner' | 'system';

export interface ActionRule {
  from: ReadonlyArray<ReviewStatus>;
  by: ReadonlyArray<ReviewActor>;
  to: ReviewStatus;
  /** approve: with a later stage, the item stays pending and moves on to it */
  advancesStage: boolean;
  /** resubmit: the corrected item starts again at the first stage */
  restartsStages: boolean;
  /** a reason is required */
  requiresNote: boolean;
  label: string;
  noteLabel: string;
}

export const REVIEW_ACTION_RULES: Readonly<Record<ReviewAction, ActionRule>> = {
  approve: { from: ['pending'], by: ['staff', 'system'], to: 'approved', advancesStage: true, restartsStages: false, requiresNote: false, label: '审核通过', noteLabel: '审核意见' },
  reject: { from: ['pending'], by: ['staff', 'system'], to: 'rejected', advancesStage: false, restartsStages: false, requiresNote: true, label: '审核不通过', noteLabel: '不通过原因' },
  return: { from: ['pending'], by: ['staff'], to: 'returned', advancesStage: false, restartsStages: false, requiresNote: true, label: '退回补正', noteLabel: '退回原因' },
  resubmit: { from: ['returned'], by: ['owner'], to: 'pending', advancesStage: false, restartsStages: true, requiresNote: false, label: '补正后重新提交', noteLabel: '说明' },
  withdraw: { from: ['pending', 'returned'], by: ['owner', 'system'], to: 'withdrawn', advancesStage: false, restartsStages: false, requiresNote: false, label: '撤回', noteLabel: '说明' },
};

/** The actions a staff member can take on a decision (the API's decision schema). */
export const STAFF_REVIEW_ACTIONS = REVIEW_ACTIONS.filter((a) => REVIEW_ACTION_RULES[a].by.includes('staff')) as unknown as readonly ['approve', 'reject', 'return'];
export type StaffReviewAction = (typeof STAFF_REVIEW_ACTIONS)[number];

export interface StageDefinition {
  id: string;
  /** 初审, 复审, 审核 … */
  label: string;
  /** which department holds the stage, in the guide's words (受理部门, 调入地管理部门 …) */
  role: string;
  /** staff (and system) actions allowed while the item is at this stage */
  actions: ReadonlyArray<ReviewAction>;
}

export interface ParticipantDefinition {
  role: string;
  /** what the participant may do: read the item while it is open */
  access: 'read';
}

export interface WorkflowDefinition {
  kind: string;
  label: string;
  stages: ReadonlyArray<StageDefinition>;
  /** the applicant's own actions */
  ownerActions: ReadonlyArray<ReviewAction>;
  participants: ReadonlyArray<ParticipantDefinition>;
  /** when the system decides by itself, in words (for docs/workflows.md) */
  automatic: string | null;
  /** what approval does, in words */
  onApproval: string;
}

/**
 * Checks a workflow once, where it is declared: at least one stage, stage actions that staff may take,
 * owner actions that owners may take. A broken definition fails at start-up, not at the first click.
 */
export function defineWorkflow(w: WorkflowDefinition): WorkflowDefinition {
  if (!/^[a-z][a-z0-9_-]{1,39}$/.test(w.kind)) throw new Error(`workflow kind "${w.kind}" must be a lower-case identifier`);
  if (w.stages.length === 0) throw new Error(`workflow ${w.kind} has no stage`);
  const ids = new Set<string>();
  for (const s of w.stages) {
    if (ids.has(s.id)) throw new Error(`workflow ${w.kind}: stage ${s.id} declared twice`);
    ids.add(s.id);
    for (const a of s.actions) {
      if (!REVIEW_ACTION_RULES[a].by.some((by) => by === 'staff' || by === 'system')) throw new Error(`workflow ${w.kind}: ${a} is not a staff action (stage ${s.id})`);
    }
  }
  for (const a of w.ownerActions) {
    if (!REVIEW_ACTION_RULES[a].by.includes('owner')) throw new Error(`workflow ${w.kind}: ${a} is not an applicant action`);
  }
  return w;
}

export interface ReviewPosition {
  status: ReviewStatus;
  /** index into the workflow's stages */
  stage: number;
}

/**
 * What an actor may do with an item now. Staff and system act on the current stage's actions, the
 * applicant on the workflow's owner actions; the system may also withdraw (closing duplicates).
 */
export function allowedActions(w: WorkflowDefinition, at: ReviewPosition, actor: ReviewActor): ReviewAction[] {
  const pool: ReadonlyArray<ReviewAction> =
    actor === 'owner' ? w.ownerActions : actor === 'system' ? [...(w.stages[at.stage]?.actions ?? []), 'withdraw'] : (w.stages[at.stage]?.actions ?? []);
  return REVIEW_ACTIONS.filter((a) => pool.includes(a) && REVIEW_ACTION_RULES[a].by.includes(actor) && REVIEW_ACTION_RULES[a].from.includes(at.status));
}

export interface TransitionOutcome {
  status: ReviewStatus;
  stage: number;
  /** the item moved to another stage (so possibly to another department) */
  stageChanged: boolean;
  /** the item reached a final state */
  final: boolean;
}

/** Where an allowed action leads: approve at a stage before the last moves to the next stage. */
export function transitionOutcome(w: WorkflowDefinition, at: ReviewPosition, action: ReviewAction): TransitionOutcome {
  const rule = REVIEW_ACTION_RULES[action];
  if (rule.advancesStage && at.stage < w.stages.length - 1) return { status: 'pending', stage: at.stage + 1, stageChanged: true, final: false };
  if (rule.restartsStages) return { status: rule.to, stage: 0, stageChanged: at.stage !== 0, final: false };
  return { status: rule.to, stage: at.stage, stageChanged: false, final: !isOpenStatus(rule.to) };
}

/** The states an item of this workflow can be in (退回补正 only where a stage allows return). */
export function workflowStatuses(w: WorkflowDefinition): ReviewStatus[] {
  const reached = new Set<ReviewStatus>(['pending']);
  for (const s of w.stages) for (const a of s.actions) reached.add(REVIEW_ACTION_RULES[a].to);
  for (const a of w.ownerActions) reached.add(REVIEW_ACTION_RULES[a].to);
  return REVIEW_STATUSES.filter((s) => reached.has(s));
}

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  pending: '审核中',
  returned: '退回补正',
  approved: '审核通过',
  rejected: '审核不通过',
  withdrawn: '已撤回',
};

export const REVIEW_ACTION_LABELS: Readonly<Record<ReviewAction | 'submit', string>> = {
  submit: '提交审核',
  ...(Object.fromEntries(REVIEW_ACTIONS.map((a) => [a, REVIEW_ACTION_RULES[a].label])) as Record<ReviewAction, string>),
};

export type ReviewMode = 'auto' | 'manual';
export const REVIEW_MODE_LABELS: Readonly<Record<ReviewMode, string>> = { auto: '自动审核', manual: '人工审核' };
