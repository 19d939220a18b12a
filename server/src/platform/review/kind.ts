import type { z } from 'zod';
import type { FieldLabel, ReviewAction, ReviewStatus, StageDefinition, WorkflowDefinition } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Review } from '../../db/types';

/** What routing, participants and automatic decisions see of an item. */
export interface KindItem<P> {
  trx: Db;
  accountId: string;
  payload: P;
  /** the department the applicant sent it to */
  submittedTo: string;
}

/** A status change the engine has just written, handed to the kind inside the same transaction. */
export interface AppliedTransition {
  action: ReviewAction | 'submit';
  from: ReviewStatus | null;
  to: ReviewStatus;
  stageChanged: boolean;
  at: string;
}

export interface AutomaticDecision {
  action: 'approve' | 'reject';
  note?: string;
}

/**
 * One kind of item a department decides (ADR 0005): everything the engine needs to know about it,
 * declared in one place by the module that owns it and registered at start-up. The engine has no
 * branch per kind.
 */
export interface ReviewKindDefinition<P = unknown, B = unknown> {
  workflow: WorkflowDefinition;
  /** checked at submit and resubmit; a payload that does not match is a programming error */
  payload: z.ZodType<P>;
  /** the snapshot of what approval replaces, when the kind changes something that exists */
  before?: z.ZodType<B>;
  /**
   * At most one open item per key and kind (one pending real-name per account; one pending change
   * per section), enforced by a unique index, never by a check before the insert.
   */
  openKey(item: { accountId: string; payload: P }): string;
  /** the 409 message for a second open item */
  openItemMessage: string;
  /**
   * an open item of this kind stops a 属地关系调转 from being submitted (guide §5.1: 信息变更, 调转,
   * 奖惩 and, later, 视同继续教育 applications under review)
   */
  blocksTransfer?: boolean;
  /** the department holding a stage; by default every stage is held by the department it was sent to */
  route?(stage: StageDefinition, index: number, item: KindItem<P>): Promise<string> | string;
  /** departments that read the item while it is open (a transfer's sending department) */
  participants?(item: KindItem<P>): Promise<Array<{ departmentCode: string; role: string }>> | Array<{ departmentCode: string; role: string }>;
  /** decided by the system inside the submitting transaction, when the data allows it */
  decideAutomatically?(trx: Db, item: { review: Review; payload: P }): Promise<AutomaticDecision | null> | AutomaticDecision | null;
  /** the current version of what the change replaces; a final approval refuses a moved target */
  targetVersion?(trx: Db, review: Review): Promise<number | null>;
  /** applies a transition to the module's own tables, in the engine's transaction */
  apply?(trx: Db, review: Review, change: AppliedTransition): Promise<void>;
  present: {
    title(review: Review, payload: P): string;
    summary(payload: P): string;
    /** the fields of `before`/payload compared on the review page, in order, with labels */
    fields?: ReadonlyArray<FieldLabel>;
  };
}

/** Keeps a definition's payload type for its hooks; the registry stores them erased. */
export function defineReviewKind<P, B = unknown>(def: ReviewKindDefinition<P, B>): ReviewKindDefinition<P, B> {
  return def;
}

export type AnyReviewKind = ReviewKindDefinition<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the registry holds kinds of every payload type

/** The kinds an app runs, registered once at start-up. A duplicate or unknown kind fails loudly. */
export class ReviewKindRegistry {
  private readonly kinds = new Map<string, AnyReviewKind>();

  constructor(definitions: ReadonlyArray<AnyReviewKind> = []) {
    for (const d of definitions) this.register(d);
  }

  register(def: AnyReviewKind): void {
    const kind = def.workflow.kind;
    if (this.kinds.has(kind)) throw new Error(`review kind "${kind}" is registered twice`);
    this.kinds.set(kind, def);
  }

  get(kind: string): AnyReviewKind {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`unknown review kind "${kind}": register its definition at start-up`);
    return def;
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  list(): AnyReviewKind[] {
    return [...this.kinds.values()];
  }
}
