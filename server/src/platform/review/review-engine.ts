import crypto from 'node:crypto';
import {
  REVIEW_ACTION_LABELS,
  transitionFor,
  type ReviewAction,
  type ReviewActor,
  type ReviewKind,
  type ReviewMode,
  type ReviewStatus,
} from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Review, Staff } from '../../db/types';
import type { Clock } from '../clock';
import type { AuditLog } from '../audit';
import { AppError } from '../errors';
import { reviewInScope, routingCodes, staffScope } from './scope';

export type Actor =
  | { kind: 'staff'; staff: Staff }
  | { kind: 'owner'; accountId: string }
  | { kind: 'system' };

/** What a module tells the engine about one kind of review. */
export interface ReviewKindHandler {
  kind: ReviewKind;
  /** Applies a decision to the module's own tables, inside the decision's transaction. */
  onDecision?(trx: Db, review: Review, status: ReviewStatus): Promise<void>;
}

export interface SubmitInput {
  kind: ReviewKind;
  accountId: string;
  departmentCode: string;
  payload: unknown;
  before?: unknown;
  mode?: ReviewMode;
  ip?: string | null;
}

export interface TransitionInput {
  reviewId: string;
  action: ReviewAction;
  actor: Actor;
  note?: string;
  /** a replayed request with the same key returns the first result and changes nothing */
  idempotencyKey?: string;
  ip?: string | null;
}

/**
 * The backbone of every submission a department decides. `transition()` is the only writer of a
 * review's status: it checks access and the workflow table, updates with an optimistic version
 * check, and appends the action row and the audit entry in the same transaction.
 */
export class ReviewEngine {
  private readonly handlers = new Map<string, ReviewKindHandler>();
  private readonly afterCommit: Array<(review: Review) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  register(handler: ReviewKindHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  /** Listeners run after a decision commits (notifications); their failures never undo it. */
  onDecided(listener: (review: Review) => void): void {
    this.afterCommit.push(listener);
  }

  /** Opens a pending review; call inside the submitting module's transaction. */
  async submit(trx: Db, input: SubmitInput): Promise<Review> {
    const routing = await routingCodes(trx, input.departmentCode);
    const now = this.clock.now().toISOString();
    const review: Review = {
      id: crypto.randomUUID(),
      kind: input.kind,
      account_id: input.accountId,
      department_code: input.departmentCode,
      province_code: routing.province_code,
      city_code: routing.city_code,
      status: 'pending',
      mode: input.mode ?? 'manual',
      payload: JSON.stringify(input.payload),
      before: input.before === undefined ? null : JSON.stringify(input.before),
      version: 1,
      submitted_at: now,
      decided_at: null,
      decided_by: null,
      decision_note: null,
    };
    await trx.insertInto('reviews').values(review).execute();
    await trx
      .insertInto('review_actions')
      .values({ id: crypto.randomUUID(), review_id: review.id, action: 'submit', actor_kind: 'owner', actor_id: input.accountId, note: null, idempotency_key: null, at: now })
      .execute();
    await this.audit.record(trx, { actorKind: 'accountant', actorId: input.accountId, action: `review.submit`, targetKind: input.kind, targetId: review.id, ip: input.ip ?? null });
    return review;
  }

  async get(id: string): Promise<Review> {
    const row = await this.db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw AppError.notFound('审核事项');
    return row;
  }

  /** Throws 404 (not 403) for items outside a staff member's scope, so their existence does not leak. */
  async assertVisibleTo(staff: Staff, review: Review): Promise<void> {
    const scope = await staffScope(this.db, staff);
    if (!reviewInScope(scope, review)) throw AppError.notFound('审核事项');
  }

  async transition(input: TransitionInput): Promise<Review> {
    if (input.idempotencyKey) {
      const seen = await this.db.selectFrom('review_actions').select(['review_id', 'action']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (seen) {
        if (seen.review_id !== input.reviewId || seen.action !== input.action) throw new AppError('CONFLICT', '重复的请求标识');
        return this.get(seen.review_id);
      }
    }
    const current = await this.get(input.reviewId);
    const actorKind: ReviewActor = input.actor.kind;
    if (input.actor.kind === 'staff') await this.assertVisibleTo(input.actor.staff, current);
    if (input.actor.kind === 'owner' && input.actor.accountId !== current.account_id) throw AppError.notFound('审核事项');

    const rule = transitionFor(current.status, input.action, actorKind);
    if (!rule) {
      throw new AppError('INVALID_TRANSITION', `该事项当前状态为“${statusText(current.status)}”，不能执行“${REVIEW_ACTION_LABELS[input.action]}”`);
    }
    const note = input.note?.trim() || null;
    if (rule.requiresNote && !note) throw AppError.validation([{ path: 'note', message: '请填写审核不通过的原因' }]);
    if (note && [...note].length > 500) throw AppError.validation([{ path: 'note', message: '审核意见不能超过500字' }]);

    const now = this.clock.now().toISOString();
    const actorId = input.actor.kind === 'staff' ? input.actor.staff.id : input.actor.kind === 'owner' ? input.actor.accountId : null;
    const decided = await this.db.transaction().execute(async (trx) => {
      // (a concurrent replay of the same idempotency key loses the version race below and is
      // answered from the winner's row in the catch)
      const r = await trx
        .updateTable('reviews')
        .set({
          status: rule.to,
          version: current.version + 1,
          ...(input.action === 'withdraw' ? {} : { decided_at: now, decided_by: actorId, decision_note: note }),
          ...(input.actor.kind === 'system' ? { mode: 'auto' as const } : {}),
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该事项已被其他人处理，请刷新后查看');
      await trx
        .insertInto('review_actions')
        .values({ id: crypto.randomUUID(), review_id: current.id, action: input.action, actor_kind: actorKind, actor_id: actorId, note, idempotency_key: input.idempotencyKey ?? null, at: now })
        .execute();
      const updated = await trx.selectFrom('reviews').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow();
      await this.handlers.get(current.kind)?.onDecision?.(trx, updated, rule.to);
      await this.audit.record(trx, {
        actorKind: input.actor.kind === 'staff' ? 'staff' : input.actor.kind === 'owner' ? 'accountant' : 'system',
        actorId,
        action: `review.${input.action}`,
        targetKind: current.kind,
        targetId: current.id,
        ip: input.ip ?? null,
        detail: note ? { note } : undefined,
      });
      return updated;
    }).catch(async (err: unknown) => {
      if (input.idempotencyKey) {
        const winner = await this.db.selectFrom('review_actions').select('review_id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
        if (winner?.review_id === current.id) return this.get(current.id);
      }
      throw err;
    });
    for (const listener of this.afterCommit) {
      try {
        listener(decided);
      } catch {
        // notifications are best effort; the decision stands
      }
    }
    return decided;
  }
}

function statusText(s: ReviewStatus): string {
  return { pending: '审核中', approved: '审核通过', rejected: '审核不通过', withdrawn: '已撤回' }[s];
}
