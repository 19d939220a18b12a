import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Compilable, type MigrationProvider } from 'kysely';
import type { Database } from './types';
import { migrations } from '../../migrations/index';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL bigint/bigserial come back as strings by default; our counters fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDb(opts: { databaseUrl?: string; sqliteFile?: string }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. The same SQL text
 * reuses its prepared statement (better-sqlite3 statements are reusable; the connection is
 * synchronous, so one statement is never in use twice at once). Bounded, oldest out first.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value ?? '');
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/**
 * PostgreSQL parses and plans every unnamed statement again. Our queries are few and repeated (the
 * same SQL text with new parameters), so data statements are sent as named prepared statements: each
 * connection parses a text once and PostgreSQL may reuse its plan. DDL (migrations) stays unnamed, and
 * a connection holds at most `max` names (then it forgets them all with DEALLOCATE ALL).
 */
function withNamedStatements(pool: pg.Pool, max = 500): pg.Pool {
  const named = /^\s*(select|insert|update|delete|with)\b/i;
  const seen = new WeakMap<pg.PoolClient, Set<string>>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const wrapped = Object.create(pool) as pg.Pool;
  wrapped.connect = (async () => {
    const client = await connect();
    if (!seen.has(client)) {
      const names = new Set<string>();
      seen.set(client, names);
      const query = client.query.bind(client) as (text: unknown, values?: unknown[]) => Promise<pg.QueryResult>;
      (client as { query: unknown }).query = async (text: unknown, values?: unknown[]) => {
        if (typeof text !== 'string' || !named.test(text)) return query(text, values);
        const name = `q${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
        if (!names.has(name) && names.size >= max) {
          await query('DEALLOCATE ALL');
          names.clear();
          // pg remembers what it prepared on the connection: forget it too
          const parsed = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
          if (parsed) for (const k of Object.keys(parsed)) delete parsed[k];
        }
        names.add(name);
        return query({ name, text, values });
      };
    }
    return client;
  }) as pg.Pool['connect'];
  wrapped.end = pool.end.bind(pool);
  return wrapped;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** True when a write failed on a UNIQUE constraint (both dialects). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | undefined;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A query that is built and compiled once: each call only swaps its parameters. Kysely's builder and
 * compiler cost more than SQLite takes to run a primary-key read, so the query every signed-in request
 * makes is compiled at start-up. `build` receives a placeholder per named argument; each placeholder
 * must appear as a bound value (it does whenever it is compared with `=`).
 */
export function compiledOnce<Row, Args extends string>(
  db: Db,
  names: readonly Args[],
  build: (arg: (name: Args) => string) => Compilable<Row>,
): (args: Record<Args, unknown>) => Promise<Row | undefined> {
  const marks = new Map<string, Args>(names.map((n) => [`\u0000arg:${n}:${crypto.randomUUID()}`, n]));
  const byName = new Map<Args, string>([...marks].map(([mark, n]) => [n, mark]));
  const compiled = build((n) => byName.get(n) ?? '').compile();
  const slots = compiled.parameters.map((p) => (typeof p === 'string' ? marks.get(p) : undefined));
  const missing = names.filter((n) => !slots.includes(n));
  if (missing.length) throw new Error(`compiledOnce: no bound parameter for ${missing.join(', ')}`);
  return async (args) => {
    const parameters = compiled.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === undefined ? p : args[slot];
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows[0];
  };
}
