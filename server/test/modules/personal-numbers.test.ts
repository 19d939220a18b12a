import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { maskIdNumber } from '@ausm/domain';
import { migrations } from '../../migrations/index';
import { migrateToLatest, type DbHandle } from '../../src/db/index';
import { dialectName, freshDb, makeTestApp, type TestApp } from '../helpers/test-app';
import { makePendingRealname, makePerson, makeStaff } from '../factories/index';

/**
 * Staff see document numbers masked — in the queue, the detail and the export; 查看完整证件号 shows the
 * full number for an item they may read, and every reveal is audited. Full numbers never reach the
 * audit log's details (new entries are masked on write; migration 0008 masked the stored ones).
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const audits = (action: string, targetId: string) => t.app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute();

describe(`document numbers shown to staff (${dialectName})`, () => {
  it('masks the applicant’s number in the detail; 查看完整证件号 shows it and is audited without the number', async () => {
    const person = await makePerson(t.app);
    const reviewer = await makeStaff(t.app, 'reviewer', '110105');
    const { review } = await makePendingRealname(t.app, person, '110105');
    const detail = await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${review.id}`, headers: { cookie: reviewer.cookie } });
    expect(detail.json().applicant.maskedIdNumber).toBe(maskIdNumber(person.idNumber));
    expect(detail.body).not.toContain(person.idNumber);

    const reveal = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${review.id}/reveal-id-number`, headers: { cookie: reviewer.cookie } });
    expect(reveal.json()).toEqual({ idNumber: person.idNumber });
    const logged = await audits('review.reveal_id_number', review.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor_kind: 'staff', actor_id: reviewer.staff.id });
    expect(JSON.stringify(logged)).not.toContain(person.idNumber);
  });

  it('refuses the reveal (404, nothing audited) to staff who may not read the item', async () => {
    const person = await makePerson(t.app);
    const elsewhere = await makeStaff(t.app, 'reviewer', '370102');
    const { review } = await makePendingRealname(t.app, person, '110105');
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${review.id}/reveal-id-number`, headers: { cookie: elsewhere.cookie } });
    expect(res.statusCode).toBe(404);
    expect(await audits('review.reveal_id_number', review.id)).toHaveLength(0);
  });

  it('keeps the full number out of the export and out of the export’s audit entry, searched by it', async () => {
    const person = await makePerson(t.app);
    const supervisor = await makeStaff(t.app, 'supervisor', '110000');
    await makePendingRealname(t.app, person, '110105');
    const res = await t.app.inject({ method: 'GET', url: `/api/admin/reviews/export?q=${person.idNumber}`, headers: { cookie: supervisor.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(maskIdNumber(person.idNumber));
    expect(res.body).not.toContain(person.idNumber);
    const entries = await t.app.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'review.export').where('actor_id', '=', supervisor.staff.id).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toContain(maskIdNumber(person.idNumber));
    expect(entries[0]?.detail).not.toContain(person.idNumber);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- the rows are written as they stood before migration 0008 */
describe(`migration 0008 masks numbers already in the audit log (${dialectName})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDb();
  });
  afterAll(async () => handle.close());

  it('masks stored details, keeps the log append-only, and records that it did', async () => {
    const db = handle.db as unknown as Kysely<any>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0007-policies')).error).toBeUndefined();
    const id = '11010519491231002X';
    const at = '2026-01-01T00:00:00.000Z';
    const row = (detail: string | null) => ({ at, actor_kind: 'staff', actor_id: crypto.randomUUID(), action: 'review.export', target_kind: null, target_id: null, ip: null, outcome: 'success', detail });
    await db.insertInto('audit_log').values([row(JSON.stringify({ filters: { q: id } })), row(JSON.stringify({ rows: 3 })), row(null)]).execute();
    await migrateToLatest(handle.db);
    const details = (await db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id').execute()) as Array<{ action: string; detail: string | null }>;
    expect(details.map((d) => d.detail)).toEqual([JSON.stringify({ filters: { q: maskIdNumber(id) } }), JSON.stringify({ rows: 3 }), null, expect.stringContaining('"rows":1')]);
    expect(details[3]?.action).toBe('audit.numbers_masked');
    await expect(sql`update audit_log set detail = 'x'`.execute(db)).rejects.toThrow(/append-only/);
  });
});
