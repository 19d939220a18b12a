import { sql } from 'kysely';
import type { AppContext } from './platform/context';
import type { Job } from './platform/jobs';
import type { Insertable } from 'kysely';
import type { Database } from './db/types';

/** The meta key holding when the review counts were last refreshed. */
export const REVIEW_COUNTS_AS_OF = 'review_counts_refreshed_at';
export const COLLECTION_COUNTS_AS_OF = 'collection_counts_refreshed_at';

/**
 * Deletes what has expired: sessions past their lifetime or idle limit, used-up captchas, SMS codes a
 * day after they expired, and the SMS simulator's delivered messages after a week. Nothing else on
 * any request path deletes them any more than it meets them.
 */
export function purgeExpiredJob(ctx: AppContext): Job {
  return {
    name: 'purge-expired',
    everySeconds: 10 * 60,
    leaseSeconds: 5 * 60,
    async run() {
      const { db, clock } = ctx;
      const now = clock.now();
      const iso = (ms: number) => new Date(now.getTime() - ms).toISOString();
      const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
      const sessions = await ctx.sessions.purgeExpired();
      const captchas = await db.deleteFrom('captchas').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
      const codes = await db.deleteFrom('sms_codes').where('expires_at', '<=', iso(86_400_000)).executeTakeFirst();
      const outbox = await db.deleteFrom('sms_outbox').where('created_at', '<=', iso(7 * 86_400_000)).executeTakeFirst();
      return `deleted sessions ${sessions}, captchas ${n(captchas)}, sms codes ${n(codes)}, sms outbox ${n(outbox)}`;
    },
  };
}

/**
 * Recounts reviews per department, kind and status into review_counts, in one transaction with its
 * time, so the 工作台 reads a few hundred rows instead of grouping every review in scope, and no
 * submit or decision writes a counter.
 */
export function reviewCountsJob(ctx: AppContext): Job {
  return {
    name: 'review-counts',
    everySeconds: 60,
    leaseSeconds: 5 * 60,
    async run() {
      const rows = await ctx.db
        .selectFrom('reviews')
        .select(['department_code', 'city_code', 'province_code', 'kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(['department_code', 'city_code', 'province_code', 'kind', 'status'])
        .execute();
      const asOf = await replaceSummary(ctx, 'review_counts', rows.map((r) => ({ ...r, count: Number(r.count) })), REVIEW_COUNTS_AS_OF);
      return `${rows.length} count rows as of ${asOf}`;
    },
  };
}

/** 人员查询's counts: submitted collections per department and status, recounted every minute. */
export function collectionCountsJob(ctx: AppContext): Job {
  return {
    name: 'collection-counts',
    everySeconds: 60,
    leaseSeconds: 5 * 60,
    async run() {
      const rows = await ctx.db
        .selectFrom('collections')
        .select(['department_code', 'status', (eb) => eb.fn.countAll<number>().as('count')])
        .where('department_code', 'is not', null)
        .where('status', '!=', 'draft')
        .groupBy(['department_code', 'status'])
        .execute();
      const asOf = await replaceSummary(ctx, 'collection_counts', rows.map((r) => ({ department_code: r.department_code ?? '', status: r.status, count: Number(r.count) })), COLLECTION_COUNTS_AS_OF);
      return `${rows.length} collection count rows as of ${asOf}`;
    },
  };
}

/**
 * Replaces a summary table's rows and stamps their time in meta, in one transaction: a reader sees
 * the old counts or the new ones with their time, never a half-written table.
 */
async function replaceSummary<T extends 'review_counts' | 'collection_counts'>(ctx: AppContext, table: T, rows: ReadonlyArray<Insertable<Database[T]>>, asOfKey: string): Promise<string> {
  const asOf = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom(table).execute();
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    await trx
      .insertInto('meta')
      .values({ key: asOfKey, value: asOf })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  });
  return asOf;
}
