import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewBatchDecisionResult } from '@ausm/domain';
import { dialectName, makeTestApp, type TestApp } from '../helpers/test-app';
import { makePendingRealname, makePerson, makeStaff } from '../factories/index';

/*
 * 批量审核 (issue 12): a reviewer near a deadline decides several items at once; each is its own
 * decision — its own transaction, action row and audit entry — so one that cannot be decided (out of
 * scope, already decided, a reason missing) changes nothing and does not stop the others.
 */

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const batch = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/reviews/batch-decision', payload, headers: { cookie } });
async function pending(department: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await makePendingRealname(t.app, await makePerson(t.app), department)).review.id);
  return ids;
}
const statusOf = async (id: string) => (await t.app.ctx.db.selectFrom('reviews').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const actionsOf = async (id: string) => (await t.app.ctx.db.selectFrom('review_actions').select('action').where('review_id', '=', id).execute()).map((a) => a.action);

describe(`批量审核 (${dialectName})`, () => {
  it('decides each item in scope as its own decision and reports the others without touching them', async () => {
    const reviewer = await makeStaff(t.app, 'reviewer', '110101');
    const mine = await pending('110101', 3);
    const [elsewhere = ''] = await pending('310101', 1);
    const res = await batch(reviewer.cookie, { ids: [...mine, elsewhere], action: 'approve', idempotencyKey: 'batch-click-1' });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json<ReviewBatchDecisionResult>();
    expect(results.filter((r) => r.ok).map((r) => r.id)).toEqual(mine);
    expect(results.find((r) => r.id === elsewhere)).toMatchObject({ ok: false, message: '审核事项不存在' });
    for (const id of mine) {
      expect(await statusOf(id)).toBe('approved');
      expect(await actionsOf(id)).toEqual(['submit', 'approve']);
    }
    expect(await statusOf(elsewhere)).toBe('pending');
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('target_id').where('action', '=', 'review.approve').where('actor_id', '=', reviewer.staff.id).execute();
    expect(audit.map((a) => a.target_id).sort()).toEqual([...mine].sort());
    // the same click again: the same answer, no second decision
    const replay = (await batch(reviewer.cookie, { ids: mine, action: 'approve', idempotencyKey: 'batch-click-1' })).json<ReviewBatchDecisionResult>();
    expect(replay.results.every((r) => r.ok && r.status === 'approved')).toBe(true);
    for (const id of mine) expect(await actionsOf(id)).toEqual(['submit', 'approve']);
  });

  it('refuses 审核不通过 without a reason item by item, and an already decided item, changing nothing', async () => {
    const reviewer = await makeStaff(t.app, 'reviewer', '110101');
    const ids = await pending('110101', 2);
    const noReason = (await batch(reviewer.cookie, { ids, action: 'reject' })).json<ReviewBatchDecisionResult>();
    expect(noReason.results.map((r) => r.message)).toEqual(['请填写不通过原因', '请填写不通过原因']);
    for (const id of ids) expect(await statusOf(id)).toBe('pending');
    const [first = ''] = ids;
    expect((await batch(reviewer.cookie, { ids: [first], action: 'approve' })).json<ReviewBatchDecisionResult>().results[0]?.ok).toBe(true);
    const again = (await batch(reviewer.cookie, { ids, action: 'reject', note: '证件照片不清晰' })).json<ReviewBatchDecisionResult>();
    expect(again.results[0]).toMatchObject({ ok: false, message: expect.stringContaining('审核通过') });
    expect(again.results[1]).toMatchObject({ ok: true, status: 'rejected' });
  });

  it('takes at most 50 items and at least one', async () => {
    const reviewer = await makeStaff(t.app, 'reviewer', '110101');
    expect((await batch(reviewer.cookie, { ids: [], action: 'approve' })).statusCode).toBe(400);
    expect((await batch(reviewer.cookie, { ids: Array.from({ length: 51 }, (_, i) => `id-${i}`), action: 'approve' })).statusCode).toBe(400);
  });
});

describe(`分配 within the department (${dialectName})`, () => {
  const assign = (cookie: string, id: string, assigneeId: string | null) => t.app.inject({ method: 'POST', url: `/api/admin/reviews/${id}/assignee`, payload: { assigneeId }, headers: { cookie } });
  const queue = async (cookie: string, query: string) => (await t.app.inject({ method: 'GET', url: `/api/admin/reviews?${query}`, headers: { cookie } })).json().items.map((i: { id: string }) => i.id);

  it('gives an open item to a reviewer of its department, who finds it under 分配给我的; audited', async () => {
    const a = await makeStaff(t.app, 'reviewer', '110101');
    const b = await makeStaff(t.app, 'reviewer', '110101');
    const [id = ''] = await pending('110101', 1);
    const res = await assign(a.cookie, id, b.staff.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignee).toMatchObject({ id: b.staff.id });
    expect(await queue(b.cookie, 'assignee=me')).toContain(id);
    expect(await queue(a.cookie, 'assignee=me')).not.toContain(id);
    expect(await queue(a.cookie, 'assignee=unassigned')).not.toContain(id);
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'review.assign').where('target_id', '=', id).execute();
    expect(audit).toHaveLength(1);
    // back to the department's queue
    expect((await assign(b.cookie, id, null)).json().assignee).toBeNull();
    expect(await queue(a.cookie, 'assignee=unassigned')).toContain(id);
  });

  it('refuses staff of another department as assignee, a caller out of scope, and a decided item', async () => {
    const a = await makeStaff(t.app, 'reviewer', '110101');
    const other = await makeStaff(t.app, 'reviewer', '110102');
    const [id = ''] = await pending('110101', 1);
    const wrong = await assign(a.cookie, id, other.staff.id);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toMatchObject({ path: 'assigneeId', message: '只能分配给受理部门的审核人员' });
    expect((await assign(other.cookie, id, other.staff.id)).statusCode).toBe(404);
    expect((await batch(a.cookie, { ids: [id], action: 'approve' })).json().results[0].ok).toBe(true);
    expect((await assign(a.cookie, id, a.staff.id)).statusCode).toBe(409);
  });
});
