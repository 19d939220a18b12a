import type { Kysely } from 'kysely';

/*
 * Named background jobs with a lease (one instance runs each at a time), and the summary table the
 * 工作台 counts read instead of a GROUP BY over every review in scope.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_result', 'text')
    .execute();

  await db.schema
    .createTable('review_counts')
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_counts_pk', ['department_code', 'kind', 'status'])
    .execute();
  await db.schema.createIndex('review_counts_city').on('review_counts').columns(['city_code']).execute();
  await db.schema.createIndex('review_counts_province').on('review_counts').columns(['province_code']).execute();
}
