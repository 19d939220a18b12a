import type { Kysely } from 'kysely';

/*
 * The default queue view filters by scope and status (all kinds) and pages newest first. bench/
 * showed the (scope, kind, status, …) indexes could not serve it: every page sorted all pending
 * items in scope. These indexes read in order and stop after the page.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  for (const col of ['department_code', 'city_code', 'province_code']) {
    await db.schema.createIndex(`reviews_${col}_status_time`).on('reviews').columns([col, 'status', 'submitted_at', 'id']).execute();
  }
  await db.schema.createIndex('reviews_status_time').on('reviews').columns(['status', 'submitted_at', 'id']).execute();
}
