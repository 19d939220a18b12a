import type { Kysely } from 'kysely';

/*
 * Reassigning items within a department (issue 12): an open item may be given to one of the
 * department's reviewers, who finds it under 分配给我的. NULL: the department's queue as a whole.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reviews').addColumn('assignee_id', 'text').execute();
  await db.schema.createIndex('reviews_assignee').on('reviews').columns(['assignee_id', 'submitted_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reviews_assignee').execute();
  await db.schema.alterTable('reviews').dropColumn('assignee_id').execute();
}
