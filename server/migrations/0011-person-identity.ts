import { sql, type Kysely } from 'kysely';

/*
 * Document identity (RULES.md §1): one account per person, not per printed number. A HK/Macao permit's
 * person is its first 9 characters (the 2-digit renewal count is kept apart), a Taiwan permit's its 8
 * digits, a passport's the nationality with the number. `id_number_index` becomes the index of that
 * person key; `login_index` is the index of the number alone (what people type to sign in; not unique:
 * two countries may issue one passport number). The accounts already stored are re-indexed at the next
 * start (AccountsService.reindexIdentities: it needs the key, which a migration does not hold), through
 * the partial index below, and what that changed is kept in data_migrations.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('id_renewal', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('login_index', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('identity_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createIndex('accounts_login').on('accounts').column('login_index').execute();
  await db.schema.createIndex('accounts_identity_v1').on('accounts').column('id').where(sql.ref('identity_version'), '<', 2).execute();
  // what each data step that needs the key did, for operators (docs/operations.md)
  await db.schema
    .createTable('data_migrations')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_migrations').execute();
  await db.schema.dropIndex('accounts_identity_v1').execute();
  await db.schema.dropIndex('accounts_login').execute();
  await db.schema.alterTable('accounts').dropColumn('identity_version').execute();
  await db.schema.alterTable('accounts').dropColumn('login_index').execute();
  await db.schema.alterTable('accounts').dropColumn('id_renewal').execute();
}
