import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type DbHandle } from '../../src/db/index';
import { dialectName, freshDbAt } from '../helpers/test-app';

describe(`migration 0014 on legacy work records as main left them (${dialectName})`, () => {
  let handle: DbHandle;
  afterAll(async () => handle?.close());

  it('locks 所属行业 and 会计工作经历 of provincial records that have them, and nothing else', async () => {
    let db;
    ({ handle, db } = await freshDbAt('0013-department-tree'));
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('accounts').values({ id: 'a1', id_type: 'mainland_id', id_number_enc: 'x', id_number_index: 'i', name: '旧', phone_enc: 'p', phone_index: 'pi', password_hash: 'h', created_at: now, updated_at: now }).execute();
    const row = async (legacy: number, industry: string | null, rows: unknown[]) => {
      const id = crypto.randomUUID();
      await db.insertInto('work_entries').values({ id, account_id: 'a1', start_date: '2007-08-01', ongoing: 1, company: '济南泉城会计服务有限公司', industry, has_accounting: rows.length ? 1 : 0, accounting_rows: JSON.stringify(rows), legacy, locked_fields: legacy ? JSON.stringify(['startDate', 'company']) : null, created_at: now, updated_at: now }).execute();
      return id;
    };
    const accountingRow = { level: '3', post: '01', startDate: '2007-08-01', endDate: null };
    const full = await row(1, 'L', [accountingRow]);
    const bare = await row(1, null, []);
    const own = await row(0, 'F', [accountingRow]);
    await migrateToLatest(handle.db);
    const locked = async (id: string) => JSON.parse(((await db.selectFrom('work_entries').select('locked_fields').where('id', '=', id).executeTakeFirstOrThrow()).locked_fields as string | null) ?? 'null') as string[] | null;
    expect(await locked(full)).toEqual(['startDate', 'company', 'industry', 'accountingRows']);
    expect(await locked(bare)).toEqual(['startDate', 'company']);
    expect(await locked(own)).toBeNull();
  });
});
