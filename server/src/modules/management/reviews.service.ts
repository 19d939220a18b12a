import { OPEN_REVIEW_STATUSES, diffFields, maskIdNumber, maskPhone, type ReviewDetail, type ReviewQueueItem, type ReviewQueueQuery } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Review, Staff } from '../../db/types';
import type { AnyReviewKind } from '../../platform/review/kind';
import { REVIEW_COUNTS_AS_OF } from '../../jobs';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { beijingDayBounds, personSearch } from '../../platform/list-filters';
import { inScope, staffScope } from '../../platform/review/scope';

/** The kind's presenter; a snapshot older than its presenter falls back to the kind's name. */
function present(def: AnyReviewKind, review: Review, payload: unknown): { title: string; summary: string } {
  try {
    return { title: def.present.title(review, payload), summary: def.present.summary(payload) };
  } catch {
    return { title: def.workflow.label, summary: '' };
  }
}

/** The management side's view of the review engine: queues, details, decisions, counts, exports. */
export class ReviewQueueService {
  constructor(private readonly ctx: AppContext) {}

  /** Newest first, keyset-paginated on (submitted_at, id); the scope is a WHERE clause, never a filter after loading. */
  async queue(staff: Staff, q: ReviewQueueQuery): Promise<{ items: ReviewQueueItem[]; nextCursor: string | null }> {
    const { db, fieldCrypto } = this.ctx;
    const scope = await staffScope(db, staff);
    let query = db
      .selectFrom('reviews')
      .innerJoin('accounts', 'accounts.id', 'reviews.account_id')
      .innerJoin('departments', 'departments.code', 'reviews.department_code')
      .select([
        'reviews.id', 'reviews.kind', 'reviews.stage', 'reviews.status', 'reviews.mode', 'reviews.submitted_at', 'reviews.decided_at',
        'reviews.department_code', 'departments.name as department_name', 'accounts.name', 'accounts.id_number_enc', 'reviews.assignee_id',
      ])
      .where(
        q.view === 'participating'
          ? (eb) =>
              eb.and([
                eb('reviews.status', 'in', OPEN_REVIEW_STATUSES),
                eb.exists(eb.selectFrom('review_participants').select('review_participants.review_id').whereRef('review_participants.review_id', '=', 'reviews.id').where(inScope(scope, 'review_participants'))),
              ])
          : inScope(scope),
      );
    if (q.assignee === 'me') query = query.where('reviews.assignee_id', '=', staff.id);
    if (q.assignee === 'unassigned') query = query.where('reviews.assignee_id', 'is', null);
    if (q.kind) query = query.where('reviews.kind', '=', q.kind);
    if (q.status) query = query.where('reviews.status', '=', q.status);
    const days = beijingDayBounds(q.from, q.to);
    if (days.from) query = query.where('reviews.submitted_at', '>=', days.from);
    if (days.before) query = query.where('reviews.submitted_at', '<', days.before);
    if (q.q) {
      const match = personSearch(this.ctx, q.q);
      query = 'loginIndexes' in match ? query.where('accounts.login_index', 'in', match.loginIndexes) : query.where('accounts.name', 'like', match.nameLike);
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      // a row-value comparison, so both databases seek the index to the cursor instead of filtering
      query = query.where((eb) => eb(eb.refTuple('reviews.submitted_at', 'reviews.id'), '<', eb.tuple(c.at, c.id)));
    }
    const rows = await query.orderBy('reviews.submitted_at', 'desc').orderBy('reviews.id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    // the reviewers the page's items are given to, in one query (not one per row)
    const assigned = [...new Set(page.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])))];
    const names = new Map(assigned.length ? (await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', assigned).execute()).map((x) => [x.id, x.display_name]) : []);
    return {
      items: page.map((r) => ({
        id: r.id,
        kind: r.kind,
        ...this.labels(r.kind, r.stage),
        status: r.status,
        mode: r.mode,
        submittedAt: r.submitted_at,
        decidedAt: r.decided_at,
        departmentCode: r.department_code,
        departmentName: r.department_name,
        applicantName: r.name,
        maskedIdNumber: fieldCrypto.masked(r.id_number_enc, maskIdNumber),
        assigneeName: r.assignee_id ? (names.get(r.assignee_id) ?? null) : null,
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.submitted_at, last.id) : null,
    };
  }

  /** A kind's and stage's names; a kind no longer registered still lists, under its code. */
  private labels(kind: string, stage: number): { kindLabel: string; stageLabel: string } {
    if (!this.ctx.reviews.kinds.has(kind)) return { kindLabel: kind, stageLabel: '' };
    const w = this.ctx.reviews.definition(kind).workflow;
    return { kindLabel: w.label, stageLabel: w.stages[stage]?.label ?? '' };
  }

  async detail(staff: Staff, id: string, ip: string): Promise<ReviewDetail> {
    const { db, fieldCrypto, reviews, audit } = this.ctx;
    const review = await reviews.get(id);
    const access = await reviews.assertVisibleTo(staff, review);
    const def = reviews.definition(review.kind);
    const stage = def.workflow.stages[review.stage] ?? def.workflow.stages[0];
    const account = await db.selectFrom('accounts').selectAll().where('id', '=', review.account_id).executeTakeFirstOrThrow();
    const dept = await db.selectFrom('departments').select('name').where('code', '=', review.department_code).executeTakeFirstOrThrow();
    const payload: unknown = JSON.parse(review.payload);
    const before: unknown = review.before ? JSON.parse(review.before) : null;
    const files = await db
      .selectFrom('review_files')
      .innerJoin('files', 'files.id', 'review_files.file_id')
      .selectAll('files')
      .where('review_files.review_id', '=', review.id)
      .orderBy('files.created_at')
      .execute();
    // in the order they happened (the event sequence; several can share a millisecond)
    const actions = await db
      .selectFrom('review_events')
      .innerJoin('review_actions', 'review_actions.id', 'review_events.action_id')
      .leftJoin('staff', 'staff.id', 'review_actions.actor_id')
      .leftJoin('departments', 'departments.code', 'review_actions.department_code')
      .select(['review_actions.action', 'review_actions.actor_kind', 'review_actions.note', 'review_actions.at', 'review_actions.stage', 'staff.display_name', 'departments.name as department_name'])
      .where('review_events.review_id', '=', id)
      .orderBy('review_events.id')
      .execute();
    // who it is given to, and to whom the staff deciding it may give it (the receiving department's reviewers)
    const assignable =
      access === 'decide' && (review.status === 'pending' || review.status === 'returned')
        ? await db.selectFrom('staff').select(['id', 'display_name']).where('department_code', '=', review.department_code).where('role', 'in', ['reviewer', 'supervisor']).where('disabled', '=', 0).orderBy('display_name').limit(100).execute()
        : [];
    const assignee = review.assignee_id ? await db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', review.assignee_id).executeTakeFirst() : undefined;
    // Reading someone's personal data is itself recorded.
    await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'review.read', targetKind: review.kind, targetId: review.id, ip, detail: { account: review.account_id } });
    return {
      id: review.id,
      kind: review.kind,
      kindLabel: def.workflow.label,
      ...present(def, review, payload),
      stage: { index: review.stage, count: def.workflow.stages.length, id: stage?.id ?? '', label: stage?.label ?? '', role: stage?.role ?? '' },
      access,
      status: review.status,
      mode: review.mode,
      version: review.version,
      submittedAt: review.submitted_at,
      decidedAt: review.decided_at,
      decisionNote: review.decision_note,
      departmentCode: review.department_code,
      departmentName: dept.name,
      applicant: {
        name: account.name,
        idType: account.id_type,
        maskedIdNumber: fieldCrypto.masked(account.id_number_enc, maskIdNumber),
        maskedPhone: fieldCrypto.masked(account.phone_enc, maskPhone),
        sex: account.sex,
        birthDate: account.birth_date,
      },
      payload,
      before,
      diff: before === null ? null : diffFields(before, payload, def.present.fields),
      // each file through the item (the route names the path: staff never read a file by id alone)
      files: files.map((f) => ({
        id: f.id, purpose: f.purpose, name: f.original_name, type: f.type, size: f.size, width: f.width, height: f.height,
        url: `/api/admin/reviews/${encodeURIComponent(review.id)}/files/${encodeURIComponent(f.id)}`,
      })),
      actions: actions.map((a) => ({
        action: a.action,
        actorKind: a.actor_kind,
        actorName: a.actor_kind === 'staff' ? (a.display_name ?? null) : null,
        note: a.note,
        at: a.at,
        stageLabel: a.stage === null ? null : (def.workflow.stages[a.stage]?.label ?? null),
        departmentName: a.department_name ?? null,
      })),
      availableActions: reviews.allowedFor(review, 'staff', access),
      assignee: assignee ? { id: assignee.id, name: assignee.display_name } : null,
      assignableStaff: assignable.map((a) => ({ id: a.id, name: a.display_name })),
    };
  }

  /**
   * 查看完整证件号: the applicant's full document number, for an item the staff member may decide or read
   * (404 otherwise). Each reveal is in the audit log — who, which item and person, when, from where —
   * never the number itself.
   */
  async revealIdNumber(staff: Staff, id: string, ip: string): Promise<{ idNumber: string }> {
    const { db, fieldCrypto, reviews, audit } = this.ctx;
    const review = await reviews.get(id);
    await reviews.assertVisibleTo(staff, review);
    const account = await db.selectFrom('accounts').select('id_number_enc').where('id', '=', review.account_id).executeTakeFirstOrThrow();
    await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'review.reveal_id_number', targetKind: review.kind, targetId: review.id, ip, detail: { account: review.account_id } });
    return { idNumber: fieldCrypto.decrypt(account.id_number_enc) };
  }

  /** The 工作台 counts, from the summary the review-counts job refreshes (with its time), never a scan of reviews. */
  async stats(staff: Staff): Promise<{ scopeName: string; asOf: string | null; items: Array<{ kind: string; status: string; count: number }> }> {
    const { db } = this.ctx;
    const scope = await staffScope(db, staff);
    const rows = await db
      .selectFrom('review_counts')
      .select(['kind', 'status', (eb) => eb.fn.sum<number>('count').as('n')])
      .where(inScope(scope, 'review_counts'))
      .groupBy(['kind', 'status'])
      .execute();
    const asOf = await db.selectFrom('meta').select('value').where('key', '=', REVIEW_COUNTS_AS_OF).executeTakeFirst();
    const dept = await db.selectFrom('departments').select('name').where('code', '=', staff.department_code ?? '').executeTakeFirst();
    const scopeName = `${dept?.name ?? ''}${staff.role === 'supervisor' ? '及下级部门' : ''}`;
    return { scopeName, asOf: asOf?.value ?? null, items: rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.n) })) };
  }
}
