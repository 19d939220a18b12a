import { CompiledQuery, type KyselyPlugin } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../server/src/db/index';

/**
 * Query plans of the review queue as the route really issues it: the SQL is captured (a Kysely plugin
 * on the app's own db for the length of one request) rather than re-typed here, so the check follows
 * the service when it changes. Then EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL) with the same
 * parameters.
 */

export interface PlanCheck {
  name: string;
  sql: string;
  plan: string[];
  /** the index the reviews table is read through, if any */
  index: string | null;
  /** reviews read by a full table scan (or a walk of a whole index) */
  fullScan: boolean;
  /** every table the plan reads in full (reviews, accounts, departments …) */
  fullScans: string[];
  /** rows are sorted after reading instead of coming in index order */
  sorts: boolean;
}

/** Runs one request with the app's db wrapped so that every SQL statement it issues is recorded. */
async function captureSql(app: FastifyInstance, request: () => Promise<{ statusCode: number; body: string }>): Promise<CompiledQuery[]> {
  const base = app.ctx.db;
  const captured: CompiledQuery[] = [];
  const spy: KyselyPlugin = {
    transformQuery: (args) => {
      captured.push(base.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  (app.ctx as { db: Db }).db = base.withPlugin(spy);
  try {
    const res = await request();
    if (res.statusCode !== 200) throw new Error(`capture request failed: ${res.statusCode} ${res.body}`);
  } finally {
    (app.ctx as { db: Db }).db = base;
  }
  return captured;
}

async function explain(db: Db, dialect: 'sqlite' | 'postgres', q: CompiledQuery): Promise<string[]> {
  const prefix = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
  const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
  return res.rows.map((r) => String(dialect === 'sqlite' ? r.detail : r['QUERY PLAN']));
}

function judge(name: string, sql: string, plan: string[], dialect: 'sqlite' | 'postgres'): PlanCheck {
  let index: string | null = null;
  let fullScan = false;
  let sorts = false;
  const fullScans = new Set<string>();
  for (const line of plan) {
    const scan = dialect === 'sqlite' ? /^SCAN (\w+)/.exec(line.trim()) : /Seq Scan on (\w+)/.exec(line);
    if (scan?.[1]) fullScans.add(scan[1]);
    if (dialect === 'sqlite') {
      // "SEARCH reviews USING INDEX reviews_province_code_queue (province_code=? AND ...)"
      const m = /^(SEARCH|SCAN) reviews(?: USING (?:COVERING )?INDEX (\S+))?/.exec(line.trim());
      if (m) {
        if (m[2]) index = m[2];
        if (m[1] === 'SCAN') fullScan = true;
      }
      if (/USE TEMP B-TREE FOR (ORDER|GROUP) BY/.test(line)) sorts = true;
    } else {
      if (/Seq Scan on reviews\b/.test(line)) fullScan = true;
      const m = /(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (reviews_\S+)/.exec(line);
      if (m?.[1]) index = m[1];
      if (/^\s*(->\s*)?(Incremental )?Sort\b/.test(line)) sorts = true;
    }
  }
  return { name, sql, plan, index, fullScan, fullScans: [...fullScans], sorts };
}

const isQueue = (q: CompiledQuery) => /from "reviews"/i.test(q.sql) && /order by/i.test(q.sql) && /limit/i.test(q.sql);
// the 工作台 counts read the summary table the review-counts job refreshes, never reviews
const isStats = (q: CompiledQuery) => /from "review_counts"/i.test(q.sql) && /group by/i.test(q.sql);

/**
 * Plans for the queue in each scope shape (department, city, province), on the keyset page after the
 * first one, and for the per-scope counts.
 */
export async function queuePlans(app: FastifyInstance, scopes: Array<{ label: string; cookie: string }>): Promise<PlanCheck[]> {
  const { db, dialect } = app.ctx;
  const checks: PlanCheck[] = [];
  for (const { label, cookie } of scopes) {
    const first = await app.inject({ method: 'GET', url: '/api/admin/reviews?status=pending&limit=20', headers: { cookie } });
    const cursor = (first.json() as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`${label}: the queue has a single page; seed more data`);
    const url = `/api/admin/reviews?status=pending&limit=20&cursor=${encodeURIComponent(cursor)}`;
    const queue = (await captureSql(app, () => app.inject({ method: 'GET', url, headers: { cookie } }))).find(isQueue);
    if (!queue) throw new Error(`${label}: could not capture the queue query`);
    checks.push(judge(`queue page 2 (${label})`, queue.sql, await explain(db, dialect, queue), dialect));
    if (label.includes('province')) {
      // the same page with a kind filter: the shape the queue indexes (scope, kind, status, submitted_at, id) were made for
      const withKind = (await captureSql(app, () => app.inject({ method: 'GET', url: `${url}&kind=collection`, headers: { cookie } }))).find(isQueue);
      if (!withKind) throw new Error(`${label}: could not capture the queue query with a kind filter`);
      checks.push(judge(`queue page 2, kind=collection (${label})`, withKind.sql, await explain(db, dialect, withKind), dialect));
      const stats = (await captureSql(app, () => app.inject({ method: 'GET', url: '/api/admin/reviews/stats', headers: { cookie } }))).find(isStats);
      if (!stats) throw new Error(`${label}: could not capture the stats query`);
      checks.push(judge(`stats (${label})`, stats.sql, await explain(db, dialect, stats), dialect));
    }
  }
  return checks;
}
