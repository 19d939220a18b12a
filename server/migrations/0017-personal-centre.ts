import { sql, type Kysely } from 'kysely';
import { isPostgres } from './0001-foundation';

/*
 * 个人中心 (issue 13): WeChat bindings and the platform's QR tickets (with the WeChat simulator's own
 * tables, used in demo mode only), the privacy notice's versions and each person's consents, closed
 * accounts, and retention grants — the only way a row of the append-only audit log can ever be
 * deleted: the retention job records a grant (cutoff, policy version) and the database then lets
 * rows older than that cutoff go, and no others.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema
    .createTable('wechat_bindings')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('openid', 'text', (c) => c.notNull().unique())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('wechat_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('browser_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('wechat_tickets_created').on('wechat_tickets').column('created_at').execute();
  await db.schema
    .createTable('wechat_sim_users')
    .addColumn('openid', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('wechat_sim_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('openid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('wechat_sim_tickets_created').on('wechat_sim_tickets').column('created_at').execute();

  await db.schema
    .createTable('privacy_notices')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('consents_account').on('consents').columns(['account_id', 'notice_version']).execute();
  await db.schema.alterTable('accounts').addColumn('privacy_version', 'integer').execute();
  await db.schema.alterTable('accounts').addColumn('closed_at', 'text').execute();
  await db.schema.createIndex('accounts_closed').on('accounts').column('closed_at').execute();

  await db.schema
    .createTable('retention_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  // The audit log stays append-only: UPDATE is refused as before; DELETE only of rows older than a
  // recorded retention grant's cutoff.
  if (pg) {
    await sql`DROP TRIGGER audit_log_no_update ON audit_log`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE FUNCTION audit_log_retention_only() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM retention_grants g WHERE g.table_name = 'audit_log' AND OLD.at < g.cutoff) THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_retention_only()`.execute(db);
  } else {
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN NOT EXISTS (SELECT 1 FROM retention_grants g WHERE g.table_name = 'audit_log' AND OLD.at < g.cutoff)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  if (pg) {
    await sql`DROP TRIGGER audit_log_no_delete ON audit_log`.execute(db);
    await sql`DROP FUNCTION audit_log_retention_only()`.execute(db);
    await sql`DROP TRIGGER audit_log_no_update ON audit_log`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
  await db.schema.dropIndex('audit_log_at').execute();
  for (const t of ['retention_grants', 'consents', 'privacy_notices', 'wechat_sim_tickets', 'wechat_sim_users', 'wechat_tickets', 'wechat_bindings']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('accounts_closed').execute();
  await db.schema.alterTable('accounts').dropColumn('closed_at').execute();
  await db.schema.alterTable('accounts').dropColumn('privacy_version').execute();
}
