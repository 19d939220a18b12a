import type { Kysely } from 'kysely';

/*
 * An employer without a 统一社会信用代码 (deregistered before the codes were issued in 2015, or abroad)
 * is entered with a stated reason and goes to manual review (RULES.md §2). Existing entries all have
 * a code: nothing to convert.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_entries').addColumn('no_credit_code_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_entries').dropColumn('no_credit_code_reason').execute();
}
