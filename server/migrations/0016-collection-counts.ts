import type { Kysely } from 'kysely';

/*
 * 人员查询's counts per department and collection status (issue 12), refreshed by a job like
 * review_counts: the page reads a few summary rows, never a count over every collection.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collection_counts')
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_counts_pk', ['department_code', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('collection_counts').execute();
}
