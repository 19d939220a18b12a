import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { JobRunner } from '../../src/platform/jobs';
import { sm3 } from '../../src/platform/crypto';
import { makePendingRealname, makePerson, makeStaff } from '../factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: false });
});
afterAll(async () => t.close());

describe(`background jobs under a lease (${dialectName})`, () => {
  it('runs a job on exactly one of two instances at a time, and again once the first has finished', async () => {
    const { db } = t.app.ctx;
    const a = new JobRunner(db, t.clock);
    const b = new JobRunner(db, t.clock);
    let runs = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // the first run blocks until released, so the second instance meets a held lease (on either dialect)
    const job = (waitFor?: Promise<void>) => ({ name: 'test-job', everySeconds: 60, leaseSeconds: 300, run: async () => { runs++; await waitFor; return 'done'; } });
    a.register(job(held));
    b.register(job());
    const first = a.runOnce('test-job');
    await expect.poll(() => runs).toBe(1);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => b.runOnce('test-job')));
    expect(concurrent.every((o) => !o.ran)).toBe(true);
    release();
    expect(await first).toEqual({ ran: true, result: 'done' });
    expect(await b.runOnce('test-job')).toEqual({ ran: true, result: 'done' });
    expect(runs).toBe(2);
    const lease = await db.selectFrom('job_leases').selectAll().where('name', '=', 'test-job').executeTakeFirstOrThrow();
    expect(lease).toMatchObject({ holder: b.holder, last_result: 'done' });
  });

  it('lets another instance take over a lease whose holder died, once it has expired', async () => {
    const { db } = t.app.ctx;
    const dead = new JobRunner(db, t.clock);
    const alive = new JobRunner(db, t.clock);
    const job = { name: 'takeover', everySeconds: 60, leaseSeconds: 120, run: async () => 'ok' };
    dead.register(job);
    alive.register(job);
    // the dead instance took the lease and never released it
    await db.insertInto('job_leases').values({ name: 'takeover', holder: dead.holder, lease_until: new Date(t.clock.now().getTime() + 120_000).toISOString(), last_started_at: t.clock.now().toISOString(), last_finished_at: null, last_result: null }).execute();
    expect(await alive.runOnce('takeover')).toEqual({ ran: false, reason: 'leased' });
    t.clock.advance(121_000);
    expect(await alive.runOnce('takeover')).toEqual({ ran: true, result: 'ok' });
  });
});

describe(`purging what has expired (${dialectName})`, () => {
  it('deletes expired and idle sessions, expired captchas, day-old SMS codes and week-old outbox rows, and keeps the live ones', async () => {
    const { db, clock, sessions } = t.app.ctx;
    const person = await makePerson(t.app);
    const now = clock.now();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const idle = await sessions.create('accountant', person.accountId, null);
    await db.updateTable('sessions').set({ last_seen_at: at(-31 * 60_000) }).where('id_hash', '=', sm3(idle)).execute();
    const live = await sessions.create('accountant', person.accountId, null);
    await db.insertInto('captchas').values([{ id: crypto.randomUUID(), answer: 'x', expires_at: at(-1), used_at: null }, { id: 'live-captcha', answer: 'y', expires_at: at(60_000), used_at: null }]).execute();
    const code = (id: string, expires: string) => ({ id, phone_index: 'p', purpose: 'register', code_hash: 'h', created_at: at(-2 * 86_400_000), expires_at: expires, tries: 0, used_at: null });
    await db.insertInto('sms_codes').values([code('old-code', at(-86_400_001)), code('recent-code', at(-60_000))]).execute();
    await db.insertInto('sms_outbox').values([{ id: 'old-sms', phone_index: 'p', phone_enc: 'e', body: 'b', created_at: at(-8 * 86_400_000) }, { id: 'new-sms', phone_index: 'p', phone_enc: 'e', body: 'b', created_at: at(-60_000) }]).execute();

    const outcome = await t.app.ctx.jobs.runOnce('purge-expired');
    expect(outcome).toEqual({ ran: true, result: 'deleted sessions 1, captchas 1, sms codes 1, sms outbox 1' });
    expect(await sessions.resolve('accountant', idle)).toBeUndefined();
    expect(await sessions.resolve('accountant', live)).toMatchObject({ subjectId: person.accountId });
    expect((await db.selectFrom('captchas').select('id').execute()).map((r) => r.id)).toEqual(['live-captcha']);
    expect((await db.selectFrom('sms_codes').select('id').execute()).map((r) => r.id)).toEqual(['recent-code']);
    expect((await db.selectFrom('sms_outbox').select('id').execute()).map((r) => r.id)).toEqual(['new-sms']);
  });
});

describe(`工作台 counts from a summary (${dialectName})`, () => {
  it('answers from review_counts as of its last refresh: no submit or decision counts anything', async () => {
    const sup = await makeStaff(t.app, 'supervisor', '370000');
    const stats = async () => (await t.app.inject({ method: 'GET', url: '/api/admin/reviews/stats', headers: { cookie: sup.cookie } })).json();
    const pending = (s: { items: Array<{ kind: string; status: string; count: number }> }) => s.items.find((i) => i.kind === 'realname' && i.status === 'pending')?.count ?? 0;
    await t.app.ctx.jobs.runOnce('review-counts');
    const before = await stats();
    expect(before.asOf).toBe(t.clock.now().toISOString());
    await makePendingRealname(t.app, await makePerson(t.app), '370102');
    await makePendingRealname(t.app, await makePerson(t.app), '370202');
    await makePendingRealname(t.app, await makePerson(t.app), '110101');
    // until the job runs again the summary stands, and says how old it is
    expect(pending(await stats())).toBe(pending(before));
    t.clock.advance(60_000);
    await t.app.ctx.jobs.runOnce('review-counts');
    const after = await stats();
    expect(pending(after)).toBe(pending(before) + 2);
    expect(after.asOf).toBe(t.clock.now().toISOString());
  });
});
