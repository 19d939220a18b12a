import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineWorkflow } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { loginCookie, register, staffCookie } from '../helpers/factories';
import { defineReviewKind, ReviewKindRegistry } from '../../src/platform/review/kind';
import { collectionKind } from '../../src/modules/collection/collection.kind';
import type { Db } from '../../src/db/index';

/*
 * A sketch kind that exists only here, added by its definition alone: two stages held by two
 * departments (东城区 初审, then 北京市 复审), the applicant's former department as a read-only
 * participant, 退回补正, an automatic decision, and a target whose version a change is checked against.
 */
const SKETCH_WORKFLOW = defineWorkflow({
  kind: 'sketch',
  label: '测试变更',
  stages: [
    { id: 'first', label: '初审', role: '区县会计管理部门', actions: ['approve', 'return', 'reject'] },
    { id: 'second', label: '复审', role: '上一级会计管理部门', actions: ['approve', 'reject'] },
  ],
  ownerActions: ['withdraw', 'resubmit'],
  participants: [{ role: '原会计管理部门', access: 'read' }],
  automatic: '标记为自动的申请由系统逐级审核通过',
  onApproval: '目标值被替换',
});

const sketchPayload = z.object({ section: z.string(), value: z.string(), from: z.string(), auto: z.boolean().optional(), failApply: z.boolean().optional() });
type SketchPayload = z.infer<typeof sketchPayload>;

async function target(db: Db, accountId: string, section: string): Promise<{ value: string; version: number } | undefined> {
  const r = await sql<{ value: string; version: number }>`SELECT value, version FROM sketch_targets WHERE account_id = ${accountId} AND section = ${section}`.execute(db);
  return r.rows[0] ? { value: r.rows[0].value, version: Number(r.rows[0].version) } : undefined;
}

const sketchKind = defineReviewKind<SketchPayload, { value: string }>({
  workflow: SKETCH_WORKFLOW,
  payload: sketchPayload,
  before: z.object({ value: z.string() }),
  openKey: ({ accountId, payload }) => `${accountId}:${payload.section}`,
  openItemMessage: '该项目已有变更正在审核中，请勿重复提交',
  async route(stage, _index, item) {
    if (stage.id === 'first') return item.submittedTo;
    const d = await item.trx.selectFrom('departments').select('parent_code').where('code', '=', item.submittedTo).executeTakeFirstOrThrow();
    return d.parent_code ?? item.submittedTo;
  },
  participants: (item) => [{ departmentCode: item.payload.from, role: '原会计管理部门' }],
  decideAutomatically: (_trx, { payload }) => (payload.auto ? { action: 'approve', note: '系统自动审核通过' } : null),
  async targetVersion(trx, review) {
    const p = sketchPayload.parse(JSON.parse(review.payload));
    return (await target(trx, review.account_id, p.section))?.version ?? null;
  },
  async apply(trx, review, change) {
    if (change.to !== 'approved') return;
    const p = sketchPayload.parse(JSON.parse(review.payload));
    if (p.failApply) throw new Error('the module could not apply the change');
    const r = await sql`UPDATE sketch_targets SET value = ${p.value}, version = version + 1 WHERE account_id = ${review.account_id} AND section = ${p.section}`.execute(trx);
    if (Number(r.numAffectedRows) !== 1) throw new Error('target missing');
  },
  present: {
    title: (_r, p) => `测试变更：${p.section}`,
    summary: (p) => `变更为${p.value}`,
    fields: [{ key: 'value', label: '取值' }],
  },
});

let t: TestApp;
const cookies: Record<'county' | 'city' | 'participant' | 'outsider', string> = { county: '', city: '', participant: '', outsider: '' };

async function addStaff(username: string, departmentCode: string, role: 'reviewer' | 'supervisor' = 'reviewer'): Promise<void> {
  const { db, clock } = t.app.ctx;
  const hash = await db.selectFrom('staff').select('password_hash').where('username', '=', 'bj_reviewer').executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  await db
    .insertInto('staff')
    .values({ id: crypto.randomUUID(), username, display_name: `${username}审核员`, password_hash: hash.password_hash, role, department_code: departmentCode, locked_until: null, created_at: now, updated_at: now })
    .execute();
}

beforeAll(async () => {
  t = await makeTestApp({}, { extraReviewKinds: [sketchKind], seedDemo: true });
  await sql`CREATE TABLE sketch_targets (account_id text NOT NULL, section text NOT NULL, value text NOT NULL, version integer NOT NULL, PRIMARY KEY (account_id, section))`.execute(t.app.ctx.db);
  await addStaff('bjcity_reviewer', '110000');
  await addStaff('sh_reviewer', '310101');
  cookies.county = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  cookies.city = await staffCookie(t.app, 'bjcity_reviewer', 'Review@2026');
  cookies.participant = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
  cookies.outsider = await staffCookie(t.app, 'sh_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

async function applicant(section = 'basic', value = '旧值'): Promise<string> {
  const p = await register(t.app);
  await sql`INSERT INTO sketch_targets (account_id, section, value, version) VALUES (${p.accountId}, ${section}, ${value}, 1)`.execute(t.app.ctx.db);
  return p.accountId;
}

async function submitSketch(accountId: string, payload: Partial<SketchPayload> = {}) {
  const { db, reviews } = t.app.ctx;
  const p: SketchPayload = { section: 'basic', value: '新值', from: '370102', ...payload };
  return db.transaction().execute(async (trx) => {
    const before = await target(trx, accountId, p.section);
    return reviews.submit(trx, { kind: 'sketch', accountId, departmentCode: '110101', payload: p, before: { value: before?.value ?? '' }, targetVersion: before?.version });
  });
}

const detail = (cookie: string, id: string) => t.app.inject({ method: 'GET', url: `/api/admin/reviews/${id}`, headers: { cookie } });
const decide = (cookie: string, id: string, action: string, note?: string) =>
  t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/decision`, headers: { cookie }, payload: { action, ...(note ? { note } : {}) } });
const events = async (id: string) =>
  (await t.app.ctx.db.selectFrom('review_events').select(['action', 'from_status', 'to_status', 'stage', 'department_code', 'actor_kind']).where('review_id', '=', id).orderBy('id').execute());

describe(`a kind added by its definition alone (${dialectName})`, () => {
  it('runs two stages in two departments with a read-only participant and 退回补正, the buttons following the workflow', async () => {
    const accountId = await applicant();
    const review = await submitSketch(accountId);
    expect(review).toMatchObject({ status: 'pending', stage: 0, department_code: '110101', city_code: null, province_code: '110000' });

    // 初审 at 东城区: the county decides; 历下区 (the former department) reads; 黄浦区 sees nothing
    const first = await detail(cookies.county, review.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      kind: 'sketch', kindLabel: '测试变更', title: '测试变更：basic', summary: '变更为新值', access: 'decide',
      stage: { index: 0, count: 2, id: 'first', label: '初审' }, availableActions: ['approve', 'reject', 'return'],
      diff: [{ key: 'value', label: '取值', before: '旧值', after: '新值', changed: true }],
    });
    const readOnly = await detail(cookies.participant, review.id);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.json()).toMatchObject({ access: 'read', availableActions: [] });
    expect((await decide(cookies.participant, review.id, 'approve')).statusCode).toBe(403);
    expect((await detail(cookies.outsider, review.id)).statusCode).toBe(404);
    expect((await decide(cookies.outsider, review.id, 'approve')).statusCode).toBe(404);

    // 退回补正 needs a reason; the applicant then corrects the same item
    const noReason = await decide(cookies.county, review.id, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'note', message: '请填写退回原因' }] });
    const returned = await decide(cookies.county, review.id, 'return', '请补充证明材料');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', decisionNote: '请补充证明材料', availableActions: [] });
    const resubmitted = await t.app.ctx.reviews.transition({ reviewId: review.id, action: 'resubmit', actor: { kind: 'owner', accountId }, payload: { section: 'basic', value: '更新值', from: '370102' } });
    expect(resubmitted).toMatchObject({ id: review.id, status: 'pending', stage: 0, decision_note: null });

    // 初审 approves: the item moves to 复审 at 北京市 and its scope columns follow
    const advanced = await decide(cookies.county, review.id, 'approve');
    expect(advanced.statusCode, advanced.body).toBe(200);
    // (the county follows it read-only while it is open)
    expect(advanced.json()).toMatchObject({ status: 'pending', stage: { index: 1, label: '复审' }, departmentCode: '110000', access: 'read', availableActions: [] });
    expect((await decide(cookies.county, review.id, 'approve')).statusCode).toBe(403);
    const second = await detail(cookies.city, review.id);
    expect(second.json()).toMatchObject({ access: 'decide', availableActions: ['approve', 'reject'] });
    expect((await decide(cookies.city, review.id, 'return', '再补充')).json().code).toBe('INVALID_TRANSITION');

    const approved = await decide(cookies.city, review.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', availableActions: [] });
    expect(await target(t.app.ctx.db, accountId, 'basic')).toEqual({ value: '更新值', version: 2 });
    // who did what, where: the history names each action's department and stage
    expect(approved.json().actions.map((a: { action: string; departmentName: string; stageLabel: string }) => [a.action, a.departmentName, a.stageLabel])).toEqual([
      ['submit', '北京市东城区财政局', '初审'],
      ['return', '北京市东城区财政局', '初审'],
      ['resubmit', '北京市东城区财政局', '初审'],
      ['approve', '北京市东城区财政局', '初审'],
      ['approve', '北京市财政局', '复审'],
    ]);
    expect(await events(review.id)).toEqual([
      { action: 'submit', from_status: null, to_status: 'pending', stage: 0, department_code: '110101', actor_kind: 'owner' },
      { action: 'return', from_status: 'pending', to_status: 'returned', stage: 0, department_code: '110101', actor_kind: 'staff' },
      { action: 'resubmit', from_status: 'returned', to_status: 'pending', stage: 0, department_code: '110101', actor_kind: 'owner' },
      { action: 'approve', from_status: 'pending', to_status: 'pending', stage: 0, department_code: '110101', actor_kind: 'staff' },
      { action: 'approve', from_status: 'pending', to_status: 'approved', stage: 1, department_code: '110000', actor_kind: 'staff' },
    ]);
    // once decided, the participants no longer read it
    expect((await detail(cookies.participant, review.id)).statusCode).toBe(404);
    expect((await detail(cookies.county, review.id)).statusCode).toBe(404);
  });

  it('decides automatically inside the submitting transaction: both stages, action rows, events and the change, or nothing', async () => {
    const accountId = await applicant();
    const review = await submitSketch(accountId, { auto: true, value: '自动值' });
    expect(review).toMatchObject({ status: 'approved', mode: 'auto', stage: 1, open_key: null });
    expect(await target(t.app.ctx.db, accountId, 'basic')).toEqual({ value: '自动值', version: 2 });
    expect((await events(review.id)).map((e) => [e.action, e.actor_kind, e.to_status])).toEqual([
      ['submit', 'owner', 'pending'],
      ['approve', 'system', 'pending'],
      ['approve', 'system', 'approved'],
    ]);

    // the kind failing to apply the automatic approval leaves no item, no history, no change
    const other = await applicant('contact');
    await expect(submitSketch(other, { section: 'contact', auto: true, failApply: true })).rejects.toThrow('could not apply');
    expect(await t.app.ctx.db.selectFrom('reviews').select('id').where('account_id', '=', other).execute()).toEqual([]);
    expect(await t.app.ctx.db.selectFrom('review_events').select('id').where('account_id', '=', other).execute()).toEqual([]);
    expect(await target(t.app.ctx.db, other, 'contact')).toEqual({ value: '旧值', version: 1 });
  });

  it('refuses a final approval whose target moved since the change was submitted (409 信息已变化，请重新提交)', async () => {
    const accountId = await applicant();
    const review = await submitSketch(accountId);
    expect((await decide(cookies.county, review.id, 'approve')).statusCode).toBe(200);
    // meanwhile something else changed the target
    await sql`UPDATE sketch_targets SET value = '别处改的值', version = version + 1 WHERE account_id = ${accountId}`.execute(t.app.ctx.db);
    const stale = await decide(cookies.city, review.id, 'approve');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ code: 'STALE_CHANGE', message: '信息已变化，请重新提交' });
    expect(await target(t.app.ctx.db, accountId, 'basic')).toEqual({ value: '别处改的值', version: 2 });
    expect((await detail(cookies.city, review.id)).json().status).toBe('pending');
    // a rejection of the stale item is still possible, so it does not stay open for ever
    expect((await decide(cookies.city, review.id, 'reject', '信息已变化，请重新提交')).statusCode).toBe(200);
  });
});

describe(`actors (${dialectName})`, () => {
  it('records staff entering an item on the applicant’s behalf, and the system closing one', async () => {
    const accountId = await applicant();
    const { db, reviews } = t.app.ctx;
    const staff = await db.selectFrom('staff').selectAll().where('username', '=', 'bj_reviewer').executeTakeFirstOrThrow();
    const review = await db.transaction().execute((trx) =>
      reviews.submit(trx, { kind: 'sketch', accountId, departmentCode: '110101', payload: { section: 'basic', value: '代录值', from: '370102' }, actor: { kind: 'staff', staff } }),
    );
    // withdrawing is the applicant's (or the system's), never staff's
    await expect(reviews.transition({ reviewId: review.id, action: 'withdraw', actor: { kind: 'staff', staff } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await reviews.transition({ reviewId: review.id, action: 'withdraw', actor: { kind: 'system' }, note: '重复提交' });
    const rows = await db.selectFrom('review_actions').select(['action', 'actor_kind', 'actor_id', 'note']).where('review_id', '=', review.id).execute();
    expect(rows.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      { action: 'submit', actor_kind: 'staff', actor_id: staff.id, note: '代为录入' },
      { action: 'withdraw', actor_kind: 'system', actor_id: null, note: '重复提交' },
    ]);
  });
});

describe(`module state follows its review (${dialectName})`, () => {
  it('rolls a decision back when the collection it mirrors did not follow it (exactly one row must change)', async () => {
    const { db } = t.app.ctx;
    // the demo seed's collection waiting at 东城区 (赵立新)
    const pending = await db.selectFrom('collections').select(['account_id', 'current_review_id']).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const reviewId = pending.current_review_id ?? '';
    await db.updateTable('collections').set({ status: 'draft' }).where('account_id', '=', pending.account_id).execute();
    const res = await decide(cookies.county, reviewId, 'approve');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('信息采集的状态与审核事项不一致，请刷新后查看');
    expect((await db.selectFrom('reviews').select('status').where('id', '=', reviewId).executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await events(reviewId)).map((e) => e.action)).toEqual(['submit']);
    await db.updateTable('collections').set({ status: 'pending' }).where('account_id', '=', pending.account_id).execute();
    expect((await decide(cookies.county, reviewId, 'approve')).statusCode).toBe(200);
    expect((await db.selectFrom('collections').select('status').where('account_id', '=', pending.account_id).executeTakeFirstOrThrow()).status).toBe('approved');
  });
});

describe(`one open item per key, by database rule (${dialectName})`, () => {
  it('makes exactly one open item of 20 concurrent identical submissions; another key or a closed item does not block', async () => {
    const accountId = await applicant();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => submitSketch(accountId)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'OPEN_ITEM_EXISTS', status: 409, message: '该项目已有变更正在审核中，请勿重复提交' });
    const open = await t.app.ctx.db.selectFrom('reviews').select(['id', 'open_key']).where('account_id', '=', accountId).execute();
    expect(open).toEqual([{ id: expect.any(String), open_key: `sketch:${accountId}:basic` }]);

    await sql`INSERT INTO sketch_targets (account_id, section, value, version) VALUES (${accountId}, 'contact', 'x', 1)`.execute(t.app.ctx.db);
    await expect(submitSketch(accountId, { section: 'contact' })).resolves.toMatchObject({ status: 'pending' });
    const first = open[0]?.id ?? '';
    await t.app.ctx.reviews.transition({ reviewId: first, action: 'withdraw', actor: { kind: 'owner', accountId } });
    await expect(submitSketch(accountId)).resolves.toMatchObject({ status: 'pending' });
  });

  it('lets 20 concurrent online real-name applications of one person make one review (409 for the rest)', async () => {
    const p = await register(t.app);
    const { db } = t.app.ctx;
    const ids = await Promise.all(['realname_front', 'realname_back', 'realname_handheld'].map(async (purpose) => {
      const id = crypto.randomUUID();
      await db.insertInto('files').values({ id, account_id: p.accountId, purpose, type: 'png', mime: 'image/png', size: 1, width: 400, height: 260, sha256: 'x', storage_key: id, original_name: 'a.png', created_at: t.clock.now().toISOString() }).execute();
      return id;
    }));
    const c = await loginCookie(t.app, p.idNumber, p.password);
    const body = { frontFileId: ids[0], backFileId: ids[1], handheldFileId: ids[2], provinceCode: '110000', cityCode: '110101' };
    const res = await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ method: 'POST', url: '/api/realname/online', headers: { cookie: c }, payload: body })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(res.find((r) => r.statusCode === 409)?.json()).toEqual({ code: 'OPEN_ITEM_EXISTS', message: '您的线上实名认证正在审核中，请耐心等待' });
    expect(await db.selectFrom('reviews').select('status').where('account_id', '=', p.accountId).execute()).toEqual([{ status: 'pending' }]);
  });
});

describe(`idempotency keys belong to one actor and one item (${dialectName})`, () => {
  it('answers a replay with the first result, and another person’s use of the same key neither replays nor leaks', async () => {
    const a = await applicant();
    const b = await applicant();
    const ra = await submitSketch(a);
    const rb = await submitSketch(b);
    const key = 'same-key-123';
    const first = await t.app.ctx.reviews.transition({ reviewId: ra.id, action: 'withdraw', actor: { kind: 'owner', accountId: a }, idempotencyKey: key });
    const replay = await t.app.ctx.reviews.transition({ reviewId: ra.id, action: 'withdraw', actor: { kind: 'owner', accountId: a }, idempotencyKey: key });
    expect(replay).toMatchObject({ id: first.id, status: 'withdrawn', version: first.version });
    await expect(t.app.ctx.reviews.transition({ reviewId: ra.id, action: 'withdraw', actor: { kind: 'owner', accountId: b }, idempotencyKey: key })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.app.ctx.reviews.transition({ reviewId: rb.id, action: 'withdraw', actor: { kind: 'owner', accountId: b }, idempotencyKey: key })).resolves.toMatchObject({ id: rb.id, status: 'withdrawn' });
  });

  it('refuses the same key for a different action with 409 CONFLICT, changing nothing', async () => {
    const a = await applicant();
    const review = await submitSketch(a);
    const owner = { kind: 'owner' as const, accountId: a };
    const first = await t.app.ctx.reviews.transition({ reviewId: review.id, action: 'withdraw', actor: owner, idempotencyKey: 'one-click-01' });
    await expect(t.app.ctx.reviews.transition({ reviewId: review.id, action: 'resubmit', actor: owner, idempotencyKey: 'one-click-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.app.ctx.reviews.get(review.id)).toMatchObject({ status: 'withdrawn', version: first.version });
  });
});

describe(`history is append-only in the database (${dialectName})`, () => {
  it('refuses UPDATE and DELETE on review_actions and review_events, and TRUNCATE on them and the audit log', async () => {
    const accountId = await applicant();
    const review = await submitSketch(accountId);
    const db = t.app.ctx.db;
    await expect(db.updateTable('review_actions').set({ note: 'x' }).where('review_id', '=', review.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('review_actions').where('review_id', '=', review.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('review_events').set({ action: 'x' }).where('review_id', '=', review.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('review_events').execute()).rejects.toThrow(/append-only/);
    if (t.app.ctx.dialect === 'postgres') {
      for (const table of ['review_actions', 'review_events', 'audit_log']) {
        await expect(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(db)).rejects.toThrow(/append-only/);
      }
    }
    expect((await events(review.id)).length).toBe(1);
  });
});

describe('kinds are registered once, at start-up', () => {
  it('fails loudly on a duplicate kind and on an unknown one', async () => {
    expect(() => new ReviewKindRegistry([collectionKind, collectionKind])).toThrow('review kind "collection" is registered twice');
    await expect(makeTestApp({}, { extraReviewKinds: [collectionKind] })).rejects.toThrow('registered twice');
    await expect(
      t.app.ctx.db.transaction().execute((trx) => t.app.ctx.reviews.submit(trx, { kind: 'no_such_kind', accountId: 'x', departmentCode: '110101', payload: {} })),
    ).rejects.toThrow('unknown review kind "no_such_kind"');
  });
});
