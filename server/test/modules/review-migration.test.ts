import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../migrations/index';
import { migrateToLatest, type DbHandle } from '../../src/db/index';
import { dialectName, freshDb } from '../helpers/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- the data is written as it stood before migration 0004 */
let handle: DbHandle;
let db: Kysely<any>;
beforeAll(async () => {
  handle = await freshDb();
  db = handle.db as unknown as Kysely<any>;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const r = await migrator.migrateTo('0003-queue-indexes');
  expect(r.error).toBeUndefined();
});
afterAll(async () => handle.close());

async function review(kind: string, accountId: string, submittedAt: string): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('reviews')
    .values({ id, kind, account_id: accountId, department_code: '110101', province_code: '110000', city_code: '110100', status: 'pending', mode: 'manual', payload: '{}', before: null, version: 1, submitted_at: submittedAt })
    .execute();
  await db.insertInto('review_actions').values({ id: crypto.randomUUID(), review_id: id, action: 'submit', actor_kind: 'owner', actor_id: accountId, note: null, idempotency_key: null, at: submittedAt }).execute();
  return id;
}

describe(`migration 0004 on a database with duplicate open items (${dialectName})`, () => {
  it('keeps the oldest open item per key, withdraws the others as the system, reports them, then enforces the key', async () => {
    await db.insertInto('departments').values([
      { code: '110000', name: '北京市财政局', parent_code: null, level: 'province', sort: 1 },
      { code: '110100', name: '北京市财政局', parent_code: '110000', level: 'city', sort: 1 },
      { code: '110101', name: '北京市东城区财政局', parent_code: '110100', level: 'county', sort: 1 },
    ]).execute();
    const accountId = crypto.randomUUID();
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('accounts').values({ id: accountId, id_type: 'mainland_id', id_number_enc: 'x', id_number_index: 'i', name: '张三', phone_enc: 'p', phone_index: 'pi', password_hash: 'h', created_at: now, updated_at: now }).execute();
    const oldest = await review('realname', accountId, '2026-01-01T01:00:00.000Z');
    const dup1 = await review('realname', accountId, '2026-01-01T02:00:00.000Z');
    const dup2 = await review('realname', accountId, '2026-01-01T03:00:00.000Z');
    const collection = await review('collection', accountId, '2026-01-01T04:00:00.000Z');

    await migrateToLatest(handle.db);

    const rows = await db.selectFrom('reviews').select(['id', 'status', 'open_key']).orderBy('submitted_at').execute();
    expect(rows).toEqual([
      { id: oldest, status: 'pending', open_key: `realname:${accountId}` },
      { id: dup1, status: 'withdrawn', open_key: null },
      { id: dup2, status: 'withdrawn', open_key: null },
      { id: collection, status: 'pending', open_key: `collection:${accountId}` },
    ]);
    const withdrawals = await db.selectFrom('review_actions').select(['review_id', 'actor_kind']).where('action', '=', 'withdraw').orderBy('review_id').execute();
    expect(withdrawals).toEqual([dup1, dup2].sort().map((id) => ({ review_id: id, actor_kind: 'system' })));
    const reported = await db.selectFrom('audit_log').select(['target_id']).where('action', '=', 'review.duplicate_withdrawn').execute();
    expect(reported.map((r: { target_id: string }) => r.target_id).sort()).toEqual([dup1, dup2].sort());
    // existing history became events, in order, and each event names its action row
    const events = await db.selectFrom('review_events').select(['review_id', 'action']).where('review_id', '=', dup1).orderBy('id').execute();
    expect(events).toEqual([{ review_id: dup1, action: 'submit' }, { review_id: dup1, action: 'withdraw' }]);
    // from now on the database refuses a second open item under the same key
    await expect(
      db.insertInto('reviews').values({
        id: crypto.randomUUID(), kind: 'realname', account_id: accountId, department_code: '110101', province_code: '110000', city_code: '110100', status: 'pending',
        mode: 'manual', payload: '{}', before: null, version: 1, submitted_at: now, open_key: `realname:${accountId}`,
      }).execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});
