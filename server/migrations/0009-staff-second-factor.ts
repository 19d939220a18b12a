import type { Kysely } from 'kysely';

/*
 * The staff second factor (等保 level 3): a TOTP secret per staff member (SM4 at rest), the last
 * accepted step (each code is used once), one-time recovery codes (SM3 digests), and the short-lived
 * tickets between the password and the code (SM3 digests of random tokens, single use).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('totp_secret_enc', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_enrolled_at', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_last_step', 'bigint').execute();
  await db.schema
    .createTable('staff_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('staff_recovery_codes_staff').on('staff_recovery_codes').columns(['staff_id', 'code_hash']).execute();
  await db.schema
    .createTable('staff_login_tickets')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('staff_login_tickets_expiry').on('staff_login_tickets').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_login_tickets').execute();
  await db.schema.dropTable('staff_recovery_codes').execute();
  await db.schema.alterTable('staff').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('staff').dropColumn('totp_enrolled_at').execute();
  await db.schema.alterTable('staff').dropColumn('totp_secret_enc').execute();
}
