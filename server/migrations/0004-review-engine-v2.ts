import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './0001-foundation';

/*
 * Review engine v2 (ADR 0005): stages, open-item keys unique by database rule, the target version a
 * change was made against, read-only participants, an event stream, and append-only history.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema.alterTable('reviews').addColumn('stage', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reviews').addColumn('open_key', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('target_version', 'integer').execute();
  await db.schema.alterTable('reviews').addColumn('submitted_department_code', 'text').execute();
  await db.updateTable('reviews').set({ submitted_department_code: sql`department_code` }).execute();

  await db.schema.alterTable('review_actions').addColumn('stage', 'integer').execute();
  await db.schema.alterTable('review_actions').addColumn('department_code', 'text').execute();
  await db.schema.alterTable('review_actions').addColumn('from_status', 'text').execute();
  await db.schema.alterTable('review_actions').addColumn('to_status', 'text').execute();

  await db.schema
    .createTable('review_participants')
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_participants_pk', ['review_id', 'department_code'])
    .execute();
  for (const col of ['department_code', 'city_code', 'province_code']) {
    await db.schema.createIndex(`review_participants_${col}`).on('review_participants').columns([col, 'review_id']).execute();
  }

  await db.schema
    .createTable('review_events')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('review_actions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_events_review').on('review_events').columns(['review_id', 'id']).execute();
  await db.schema.createIndex('review_events_account').on('review_events').columns(['account_id', 'id']).execute();

  // Existing history becomes events, so the stream starts complete.
  await sql`INSERT INTO review_events (review_id, action_id, kind, account_id, action, from_status, to_status, stage, department_code, actor_kind, actor_id, at)
    SELECT a.review_id, a.id, r.kind, r.account_id, a.action, NULL,
      CASE a.action WHEN 'submit' THEN 'pending' WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' ELSE 'withdrawn' END,
      0, r.department_code, a.actor_kind, a.actor_id, a.at
    FROM review_actions a JOIN reviews r ON r.id = a.review_id ORDER BY a.at, a.id`.execute(db);
  await db.updateTable('review_actions').set({ stage: 0, department_code: sql`(SELECT department_code FROM reviews WHERE reviews.id = review_actions.review_id)` }).execute();

  // One open item per key. Duplicates that exist today (a check-then-insert race let them in) are
  // closed first by a system withdraw, the oldest kept, and reported in the audit log and the log.
  const open = await db
    .selectFrom('reviews')
    .select(['id', 'kind', 'account_id', 'department_code', 'submitted_at'])
    .where('status', '=', 'pending')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  const now = new Date().toISOString();
  for (const r of open as Array<{ id: string; kind: string; account_id: string; department_code: string }>) {
    const key = `${r.kind}:${r.account_id}`;
    if (!seen.has(key)) {
      seen.add(key);
      await db.updateTable('reviews').set({ open_key: key }).where('id', '=', r.id).execute();
      continue;
    }
    const note = '同一事项已有审核中的申请，系统撤回重复提交的申请';
    await db.updateTable('reviews').set({ status: 'withdrawn', version: sql`version + 1`, decided_at: now, decision_note: note }).where('id', '=', r.id).execute();
    const actionId = crypto.randomUUID();
    await db
      .insertInto('review_actions')
      .values({ id: actionId, review_id: r.id, action: 'withdraw', actor_kind: 'system', actor_id: null, note, idempotency_key: null, at: now, stage: 0, department_code: r.department_code, from_status: 'pending', to_status: 'withdrawn' })
      .execute();
    await db
      .insertInto('review_events')
      .values({ review_id: r.id, action_id: actionId, kind: r.kind, account_id: r.account_id, action: 'withdraw', from_status: 'pending', to_status: 'withdrawn', stage: 0, department_code: r.department_code, actor_kind: 'system', actor_id: null, at: now })
      .execute();
    await db
      .insertInto('audit_log')
      .values({ at: now, actor_kind: 'system', actor_id: null, action: 'review.duplicate_withdrawn', target_kind: r.kind, target_id: r.id, ip: null, outcome: 'success', detail: JSON.stringify({ kept: key }) })
      .execute();
    console.warn(`migration 0004: withdrew duplicate open ${r.kind} review ${r.id} (the oldest open one is kept)`);
  }
  await db.schema.createIndex('reviews_open_key').on('reviews').column('open_key').unique().execute();

  // History is append-only in the database, like the audit log; TRUNCATE is refused too on PostgreSQL.
  if (pg) {
    await sql`CREATE FUNCTION review_history_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql`.execute(db);
    for (const t of ['review_actions', 'review_events']) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.raw(t)} FOR EACH ROW EXECUTE FUNCTION review_history_append_only()`.execute(db);
      await sql`CREATE TRIGGER ${sql.raw(`${t}_no_truncate`)} BEFORE TRUNCATE ON ${sql.raw(t)} FOR EACH STATEMENT EXECUTE FUNCTION review_history_append_only()`.execute(db);
    }
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    // (SQLite has no TRUNCATE: its DELETE without WHERE runs the DELETE trigger)
    for (const t of ['review_actions', 'review_events']) {
      await sql`CREATE TRIGGER ${sql.raw(`${t}_no_update`)} BEFORE UPDATE ON ${sql.raw(t)} BEGIN SELECT RAISE(ABORT, ${sql.lit(`${t} is append-only`)}); END`.execute(db);
      await sql`CREATE TRIGGER ${sql.raw(`${t}_no_delete`)} BEFORE DELETE ON ${sql.raw(t)} BEGIN SELECT RAISE(ABORT, ${sql.lit(`${t} is append-only`)}); END`.execute(db);
    }
  }
}
