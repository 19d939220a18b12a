import { sql, type Kysely } from 'kysely';
import { maskNumbersInText } from '@ausm/domain';
import { isPostgres } from './0001-foundation';

/*
 * Full ID and phone numbers reached audit_log details (an export's filters, `?q=…`). New entries are
 * masked on write (platform/audit.ts); this masks those already stored. The log is append-only, so the
 * UPDATE trigger is lifted and restored inside this migration's transaction (nothing else can write
 * meanwhile), and the change itself is recorded in the audit log and the start-up log.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const rows = await db.selectFrom('audit_log').select(['id', 'detail']).where('detail', 'is not', null).execute();
  const changed = rows.flatMap((r) => {
    const masked = maskNumbersInText(String(r.detail));
    return masked === r.detail ? [] : [{ id: r.id, detail: masked }];
  });
  if (changed.length === 0) return;

  if (pg) await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
  else await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  for (const c of changed) await db.updateTable('audit_log').set({ detail: c.detail }).where('id', '=', c.id).execute();
  if (pg) await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
  else await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);

  await db
    .insertInto('audit_log')
    .values({ at: new Date().toISOString(), actor_kind: 'system', actor_id: null, action: 'audit.numbers_masked', target_kind: null, target_id: null, ip: null, outcome: 'success', detail: JSON.stringify({ rows: changed.length, migration: '0008' }) })
    .execute();
  console.warn(`migration 0008: masked ID and phone numbers in ${changed.length} audit_log entries (the append-only trigger was lifted and restored in the same transaction)`);
}

export async function down(): Promise<void> {
  // masking cannot be undone, and must not be
}
