import crypto from 'node:crypto';
import {
  REVIEW_ACTION_LABELS,
  REVIEW_ACTION_RULES,
  REVIEW_STATUS_LABELS,
  allowedActions,
  isOpenStatus,
  transitionOutcome,
  type ReviewAction,
  type ReviewActor,
  type ApplicantReview,
  type ReviewStatus,
} from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Review, Staff } from '../../db/types';
import type { Clock } from '../clock';
import type { AuditLog } from '../audit';
import { AppError } from '../errors';
import type { AnyReviewKind, AppliedTransition, ReviewKindRegistry } from './kind';
import { reviewInScope, routingCodes, staffScope, type StaffScope } from './scope';

export type Actor =
  | { kind: 'staff'; staff: Staff }
  | { kind: 'owner'; accountId: string }
  | { kind: 'system' };

export interface SubmitInput {
  kind: string;
  accountId: string;
  /** where the applicant sends it (the first stage's department unless the kind routes otherwise) */
  departmentCode: string;
  payload: unknown;
  /** what approval would replace, captured in the submitting transaction … */
  before?: unknown;
  /** … with the version of the target it was read at */
  targetVersion?: number;
  /** the applicant (default), or staff entering the record on the applicant's behalf */
  actor?: Extract<Actor, { kind: 'owner' | 'staff' }>;
  ip?: string | null;
  /** the time of the action (the demo seed writes a history in the past); the clock otherwise */
  at?: string;
}

export interface TransitionInput {
  reviewId: string;
  action: ReviewAction;
  actor: Actor;
  note?: string;
  /** resubmit: the corrected payload (and what it replaces) */
  payload?: unknown;
  before?: unknown;
  targetVersion?: number;
  /** a replayed request of the same actor on the same item returns the first result and changes nothing */
  idempotencyKey?: string;
  ip?: string | null;
  at?: string;
}

export type ReviewAccess = 'decide' | 'read';

const NOTE_MAX = 500;

const FILE_KEY = /(FileId|FileIds|_file_id)$/;

/** Every file id a payload refers to (keys ending in FileId / FileIds), however deep. */
export function fileIdsIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return FILE_KEY.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => fileIdsIn(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fileIdsIn(v, k));
  return [];
}

function actorIdOf(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.staff.id : actor.kind === 'owner' ? actor.accountId : null;
}

function auditActor(actor: Actor): 'staff' | 'accountant' | 'system' {
  return actor.kind === 'owner' ? 'accountant' : actor.kind;
}

/** A write refused by the open-item unique index (the constraint's name on PostgreSQL, the column on SQLite). */
function isOpenKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string } | undefined;
  if (e?.code === '23505') return e.constraint === 'reviews_open_key';
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes('reviews.open_key');
}

/**
 * The backbone of every submission a department decides (ADR 0005). `applyTransition` is the only
 * writer of a review's status: it checks access and the kind's workflow, updates with an optimistic
 * version check, and writes the action row, the event row and the audit entry, and lets the kind
 * apply the change to its own tables — all inside the caller's transaction.
 */
export class ReviewEngine {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    readonly kinds: ReviewKindRegistry,
  ) {}

  definition(kind: string): AnyReviewKind {
    return this.kinds.get(kind);
  }

  private async route(trx: Db, def: AnyReviewKind, stage: number, item: { accountId: string; payload: unknown; submittedTo: string }): Promise<string> {
    const s = def.workflow.stages[stage];
    if (!s) throw new Error(`review kind ${def.workflow.kind} has no stage ${stage}`);
    return def.route ? def.route(s, stage, { trx, ...item }) : item.submittedTo;
  }

  /** Opens an item inside the submitting module's transaction; decided at once when the kind allows. */
  async submit(trx: Db, input: SubmitInput): Promise<Review> {
    const def = this.definition(input.kind);
    const payload: unknown = def.payload.parse(input.payload);
    const before: unknown = input.before === undefined ? undefined : def.before ? def.before.parse(input.before) : input.before;
    const at = input.at ?? this.clock.now().toISOString();
    const actor: Actor = input.actor ?? { kind: 'owner', accountId: input.accountId };
    const item = { accountId: input.accountId, payload, submittedTo: input.departmentCode };
    const routing = await routingCodes(trx, await this.route(trx, def, 0, item));
    const review: Review = {
      id: crypto.randomUUID(),
      kind: input.kind,
      account_id: input.accountId,
      department_code: routing.department_code,
      province_code: routing.province_code,
      city_code: routing.city_code,
      status: 'pending',
      mode: 'manual',
      payload: JSON.stringify(payload),
      before: before === undefined ? null : JSON.stringify(before),
      version: 1,
      stage: 0,
      open_key: `${input.kind}:${def.openKey({ accountId: input.accountId, payload })}`,
      target_version: input.targetVersion ?? null,
      submitted_department_code: input.departmentCode,
      submitted_at: at,
      decided_at: null,
      decided_by: null,
      decision_note: null,
      assignee_id: null,
    };
    try {
      await trx.insertInto('reviews').values(review).execute();
    } catch (err) {
      if (isOpenKeyViolation(err)) throw new AppError('OPEN_ITEM_EXISTS', def.openItemMessage);
      throw err;
    }
    await this.linkFiles(trx, review.id, input.accountId, payload);
    for (const p of (await def.participants?.({ trx, ...item })) ?? []) {
      const codes = await routingCodes(trx, p.departmentCode);
      await trx
        .insertInto('review_participants')
        .values({ review_id: review.id, department_code: codes.department_code, province_code: codes.province_code, city_code: codes.city_code, role: p.role })
        .execute();
    }
    await this.record(trx, review, { action: 'submit', from: null, to: 'pending', stageChanged: false, at }, actor, actor.kind === 'staff' ? '代为录入' : null, null, review.stage, review.department_code, input.ip);
    await def.apply?.(trx, review, { action: 'submit', from: null, to: 'pending', stageChanged: false, at });
    // Decided by the system where the kind allows it, stage by stage, still in this transaction.
    let current = review;
    for (let i = 0; i < def.workflow.stages.length && current.status === 'pending' && def.decideAutomatically; i++) {
      const auto = await def.decideAutomatically(trx, { review: current, payload });
      if (!auto) break;
      current = await this.applyTransition(trx, { reviewId: review.id, action: auto.action, actor: { kind: 'system' }, note: auto.note, at, ip: input.ip });
    }
    return current;
  }

  /**
   * What the applicant sees of an item: by id, or the latest of a kind. The reason shows for the
   * outcomes that carry one (审核不通过, 退回补正).
   */
  async applicantSummary(by: { reviewId: string } | { accountId: string; kind: string }, db: Db = this.db): Promise<ApplicantReview | null> {
    let q = db
      .selectFrom('reviews')
      .innerJoin('departments', 'departments.code', 'reviews.department_code')
      .select(['reviews.id', 'reviews.status', 'reviews.submitted_at', 'reviews.decided_at', 'reviews.decision_note', 'departments.name as department_name']);
    q = 'reviewId' in by ? q.where('reviews.id', '=', by.reviewId) : q.where('reviews.account_id', '=', by.accountId).where('reviews.kind', '=', by.kind).orderBy('reviews.submitted_at', 'desc').orderBy('reviews.id', 'desc').limit(1);
    const r = await q.executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id, status: r.status, departmentName: r.department_name, submittedAt: r.submitted_at, decidedAt: r.decided_at,
      reason: r.status === 'rejected' || r.status === 'returned' ? r.decision_note : null,
    };
  }

  /** The open item of a kind under a key (the definition's openKey), if any. */
  async findOpen(db: Db, kind: string, key: string): Promise<Review | undefined> {
    this.definition(kind);
    return db.selectFrom('reviews').selectAll().where('open_key', '=', `${kind}:${key}`).executeTakeFirst();
  }

  /** The applicant's own files the payload names become the item's (the only way staff reach them). */
  private async linkFiles(trx: Db, reviewId: string, accountId: string, payload: unknown): Promise<void> {
    const ids = [...new Set(fileIdsIn(payload))];
    if (ids.length === 0) return;
    const owned = await trx.selectFrom('files').select('id').where('id', 'in', ids).where('account_id', '=', accountId).execute();
    if (owned.length === 0) return;
    await trx
      .insertInto('review_files')
      .values(owned.map((f) => ({ review_id: reviewId, file_id: f.id })))
      .onConflict((oc) => oc.columns(['review_id', 'file_id']).doNothing())
      .execute();
  }

  /**
   * Gives an open item to one of its department's reviewers or supervisors (null: back to the
   * department as a whole). Only staff who decide the item may; the audit log keeps who gave it to whom.
   */
  async assign(input: { reviewId: string; staff: Staff; assigneeId: string | null; ip?: string | null }): Promise<Review> {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.get(input.reviewId, trx);
      if ((await this.access(input.staff, current, trx)) !== 'decide') throw AppError.notFound('审核事项');
      if (!isOpenStatus(current.status)) throw new AppError('INVALID_TRANSITION', '该事项已审核完毕，不能再分配');
      if (input.assigneeId) {
        const to = await trx.selectFrom('staff').select(['id', 'role', 'department_code', 'disabled']).where('id', '=', input.assigneeId).executeTakeFirst();
        const fits = to && Number(to.disabled) !== 1 && (to.role === 'reviewer' || to.role === 'supervisor') && to.department_code === current.department_code;
        if (!fits) throw AppError.validation([{ path: 'assigneeId', message: '只能分配给受理部门的审核人员' }]);
      }
      const r = await trx.updateTable('reviews').set({ assignee_id: input.assigneeId, version: current.version + 1 }).where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该事项已被其他人处理，请刷新后查看');
      await this.audit.record(trx, { actorKind: 'staff', actorId: input.staff.id, action: 'review.assign', targetKind: 'review', targetId: current.id, ip: input.ip ?? null, detail: { from: current.assignee_id, to: input.assigneeId } });
      return this.get(current.id, trx);
    });
  }

  /** Whether a file belongs to an item (it was submitted with it). */
  async fileOfItem(db: Db, reviewId: string, fileId: string): Promise<boolean> {
    return Boolean(await db.selectFrom('review_files').select('file_id').where('review_id', '=', reviewId).where('file_id', '=', fileId).executeTakeFirst());
  }

  /**
   * The retention job's purge of an account closed past its period (ADR 0012): the items' links to
   * its files go, and what the person submitted (payload, before) is emptied; the items keep their
   * kind, status, department, times and history of actions, as the department's record.
   */
  async forgetAccount(trx: Db, accountId: string, fileIds: ReadonlyArray<string>): Promise<void> {
    for (let i = 0; i < fileIds.length; i += 500) await trx.deleteFrom('review_files').where('file_id', 'in', fileIds.slice(i, i + 500)).execute();
    await trx.updateTable('reviews').set({ payload: '{}', before: null }).where('account_id', '=', accountId).execute();
  }

  async get(id: string, db: Db = this.db): Promise<Review> {
    const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw AppError.notFound('审核事项');
    return row;
  }

  /**
   * What a staff member may do with an item: decide it (their scope holds its current stage), read
   * it (their scope holds a read-only participant, while the item is open), or nothing.
   */
  async access(staff: Staff, review: Review, db: Db = this.db, scope?: StaffScope): Promise<ReviewAccess | null> {
    const s = scope ?? (await staffScope(db, staff));
    if (reviewInScope(s, review)) return 'decide';
    if (!isOpenStatus(review.status)) return null;
    const participants = await db.selectFrom('review_participants').select(['department_code', 'city_code', 'province_code']).where('review_id', '=', review.id).execute();
    return participants.some((p) => reviewInScope(s, p)) ? 'read' : null;
  }

  /** Throws 404 (not 403) for items a staff member may not see, so their existence does not leak. */
  async assertVisibleTo(staff: Staff, review: Review): Promise<ReviewAccess> {
    const access = await this.access(staff, review);
    if (!access) throw AppError.notFound('审核事项');
    return access;
  }

  /** The actions an actor may take now: the buttons of the review page. */
  allowedFor(review: Review, actor: ReviewActor, access: ReviewAccess = 'decide'): ReviewAction[] {
    if (actor === 'staff' && access !== 'decide') return [];
    return allowedActions(this.definition(review.kind).workflow, { status: review.status, stage: review.stage }, actor);
  }

  /** Runs one transition in its own transaction; a concurrent replay of the same key returns the winner's result. */
  async transition(input: TransitionInput): Promise<Review> {
    try {
      return await this.db.transaction().execute((trx) => this.applyTransition(trx, input));
    } catch (err) {
      if (input.idempotencyKey) {
        const key = this.scopedKey(input);
        const winner = await this.db.selectFrom('review_actions').select(['review_id', 'action']).where('idempotency_key', '=', key).executeTakeFirst();
        if (winner && winner.action === input.action) return this.get(winner.review_id);
      }
      throw err;
    }
  }

  /** Idempotency keys belong to one actor and one item: another's key neither replays nor leaks. */
  private scopedKey(input: TransitionInput): string {
    const digest = crypto.createHash('sha256').update(`${input.actor.kind}\u0000${actorIdOf(input.actor) ?? ''}\u0000${input.reviewId}\u0000${input.idempotencyKey ?? ''}`).digest('hex');
    return `k1:${digest}`;
  }

  /** A transition inside the caller's transaction (submit-and-decide, seeds, module flows). */
  async applyTransition(trx: Db, input: TransitionInput): Promise<Review> {
    const key = input.idempotencyKey ? this.scopedKey(input) : null;
    if (key) {
      const seen = await trx.selectFrom('review_actions').select(['review_id', 'action']).where('idempotency_key', '=', key).executeTakeFirst();
      if (seen) {
        if (seen.action !== input.action) throw new AppError('CONFLICT', '重复的请求标识');
        return this.get(seen.review_id, trx);
      }
    }
    const current = await this.get(input.reviewId, trx);
    const def = this.definition(current.kind);
    const actor = input.actor;
    if (actor.kind === 'owner' && actor.accountId !== current.account_id) throw AppError.notFound('审核事项');
    if (actor.kind === 'staff') {
      const access = await this.access(actor.staff, current, trx);
      if (!access) throw AppError.notFound('审核事项');
      if (access === 'read') throw AppError.forbidden('贵部门为该事项的只读参与部门，不能作出审核决定');
    }
    const position = { status: current.status, stage: current.stage };
    if (!allowedActions(def.workflow, position, actor.kind).includes(input.action)) {
      throw new AppError('INVALID_TRANSITION', `该事项当前状态为“${REVIEW_STATUS_LABELS[current.status]}”，不能执行“${REVIEW_ACTION_LABELS[input.action]}”`);
    }
    const rule = REVIEW_ACTION_RULES[input.action];
    const note = input.note?.trim() || null;
    if (rule.requiresNote && !note) throw AppError.validation([{ path: 'note', message: `请填写${rule.noteLabel}` }]);
    if (note && [...note].length > NOTE_MAX) throw AppError.validation([{ path: 'note', message: `${rule.noteLabel}不能超过${NOTE_MAX}字` }]);

    const outcome = transitionOutcome(def.workflow, position, input.action);
    if (input.action === 'approve' && outcome.final && def.targetVersion && current.target_version !== null) {
      const now = await def.targetVersion(trx, current);
      if (now !== current.target_version) throw new AppError('STALE_CHANGE', '信息已变化，请重新提交');
    }
    const resubmitted = input.action === 'resubmit' && input.payload !== undefined;
    const payload: unknown = resubmitted ? def.payload.parse(input.payload) : JSON.parse(current.payload);
    let where = { department_code: current.department_code, province_code: current.province_code, city_code: current.city_code };
    if (outcome.stageChanged || input.action === 'resubmit') {
      const submittedTo = current.submitted_department_code ?? current.department_code;
      where = await routingCodes(trx, await this.route(trx, def, outcome.stage, { accountId: current.account_id, payload, submittedTo }));
    }
    const at = input.at ?? this.clock.now().toISOString();
    const actorId = actorIdOf(actor);
    const decides = input.action === 'approve' || input.action === 'reject' || input.action === 'return';
    const r = await trx
      .updateTable('reviews')
      .set({
        status: outcome.status,
        stage: outcome.stage,
        version: current.version + 1,
        open_key: isOpenStatus(outcome.status) ? current.open_key : null,
        ...where,
        // an item that moves to another department leaves the reviewer it was given to behind
        ...(where.department_code !== current.department_code ? { assignee_id: null } : {}),
        ...(decides && !outcome.stageChanged ? { decided_at: at, decided_by: actorId, decision_note: note } : {}),
        ...(input.action === 'resubmit'
          ? {
              decided_at: null,
              decided_by: null,
              decision_note: null,
              ...(resubmitted ? { payload: JSON.stringify(payload) } : {}),
              ...(input.before !== undefined ? { before: JSON.stringify(def.before ? def.before.parse(input.before) : input.before) } : {}),
              ...(input.targetVersion !== undefined ? { target_version: input.targetVersion } : {}),
            }
          : {}),
        ...(actor.kind === 'system' && decides ? { mode: 'auto' as const } : {}),
      })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该事项已被其他人处理，请刷新后查看');
    if (outcome.stageChanged && current.department_code !== where.department_code) {
      // the department of the stage just passed follows the item read-only while it stays open
      const passed = def.workflow.stages[current.stage];
      await trx
        .insertInto('review_participants')
        .values({ review_id: current.id, department_code: current.department_code, province_code: current.province_code, city_code: current.city_code, role: `${passed?.label ?? ''}部门` })
        .onConflict((oc) => oc.columns(['review_id', 'department_code']).doNothing())
        .execute();
    }
    const change: AppliedTransition = { action: input.action, from: current.status, to: outcome.status, stageChanged: outcome.stageChanged, at };
    await this.record(trx, current, change, actor, note, key, current.stage, current.department_code, input.ip);
    if (resubmitted) await this.linkFiles(trx, current.id, current.account_id, payload);
    const updated = await this.get(current.id, trx);
    await def.apply?.(trx, updated, change);
    return updated;
  }

  /** The action row (history), the event row (what later readers consume) and the audit entry. */
  private async record(
    trx: Db,
    review: Review,
    change: AppliedTransition,
    actor: Actor,
    note: string | null,
    idempotencyKey: string | null,
    stage: number,
    departmentCode: string,
    ip?: string | null,
  ): Promise<void> {
    const actorKind: ReviewActor = actor.kind;
    const actorId = actorIdOf(actor);
    const actionId = crypto.randomUUID();
    await trx
      .insertInto('review_actions')
      .values({
        id: actionId, review_id: review.id, action: change.action, actor_kind: actorKind, actor_id: actorId, note, idempotency_key: idempotencyKey, at: change.at,
        stage, department_code: departmentCode, from_status: change.from, to_status: change.to,
      })
      .execute();
    await trx
      .insertInto('review_events')
      .values({
        review_id: review.id, action_id: actionId, kind: review.kind, account_id: review.account_id, action: change.action, from_status: change.from, to_status: change.to as ReviewStatus,
        stage, department_code: departmentCode, actor_kind: actorKind, actor_id: actorId, at: change.at,
      })
      .execute();
    await this.audit.record(trx, {
      actorKind: auditActor(actor),
      actorId,
      action: `review.${change.action}`,
      targetKind: review.kind,
      targetId: review.id,
      ip: ip ?? null,
      detail: note ? { note } : undefined,
    });
  }
}
