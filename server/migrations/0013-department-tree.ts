import type { Kysely } from 'kysely';

/*
 * The department tree is corrected (RULES.md §5, domain/src/codes/departments.ts): the columns it
 * needs are added here; the tree itself — new rows, names, parents, the records moved off removed
 * codes — is brought up to date by the seed step `seed:departments:v2` (syncDepartmentTree), which
 * reports what it changed in data_migrations.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  // 0: a reserved code outside GB/T 2260 (兵团, its 师, 中央单位): never an ID-card or credit-code area
  await db.schema.alterTable('departments').addColumn('gb', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // 计划单列市: province-level offices for the exams
  await db.schema.alterTable('departments').addColumn('separately_planned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('departments').dropColumn('separately_planned').execute();
  await db.schema.alterTable('departments').dropColumn('gb').execute();
}
