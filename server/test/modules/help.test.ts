import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { staffCookie } from '../helpers/factories';

interface FaqItem {
  id: string;
  category: string;
  question: string;
  answer: string;
  sort: number;
  updatedAt: string;
}
interface Answer {
  kind: 'faq' | 'guide';
  title: string;
  excerpt: string;
  link: string;
  score: number;
}

let t: TestApp;
let admin: string;
let reviewer: string;
beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  admin = await staffCookie(t.app, 'admin', 'Admin@2026');
  reviewer = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
});
afterAll(async () => t.close());

const listFaq = async (q?: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/help/faq', query: q === undefined ? {} : { q } });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: FaqItem[]; categories: string[]; total: number };
};
const ask = async (question: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { answers: Answer[] }).answers;
};
const auditActions = async (targetId: string) =>
  (await t.app.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', targetId).orderBy('id').execute());

describe(`帮助中心 FAQ (${dialectName})`, () => {
  it('is seeded with at least 15 questions in the registration and login categories', async () => {
    const all = await listFaq();
    expect(all.items.length).toBeGreaterThanOrEqual(15);
    expect(all.total).toBe(all.items.length);
    expect(all.categories).toEqual(expect.arrayContaining(['注册', '登录', '找回密码', '账号安全']));
    expect(all.categories.slice(0, 2)).toEqual(['注册', '登录']);
    for (const item of all.items) expect(item.answer.length).toBeGreaterThan(30);
  });

  it('filters by a keyword, literal matches first', async () => {
    const res = await listFaq('生僻字');
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.length).toBeLessThan(res.total);
    expect(`${res.items[0]?.question}${res.items[0]?.answer}`).toContain('生僻字');
    expect(res.items.some((i) => i.question.includes('生僻字'))).toBe(true);
  });

  it('finds a question phrased differently from the entry', async () => {
    const res = await listFaq('忘记密码怎么办');
    expect(res.items[0]?.question).toBe('忘记密码怎么办？');
  });

  it('returns nothing for a search that matches nothing', async () => {
    const res = await listFaq('量子色动力学');
    expect(res.items).toEqual([]);
    expect(res.categories).toEqual([]);
  });

  it('rejects unknown query parameters and over-long searches with a Chinese message', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/help/faq?q=a&debug=1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].message).toContain('不允许');
    const long = await t.app.inject({ method: 'GET', url: '/api/help/faq', query: { q: '密'.repeat(101) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0]).toMatchObject({ path: 'q' });
    expect(long.json().fields[0].message).toContain('不能超过100');
  });
});

describe(`咨询答疑 ask (${dialectName})`, () => {
  it('answers “忘记密码怎么办” with the password-reset entry and guide section, with links', async () => {
    const answers = await ask('忘记密码怎么办');
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.length).toBeLessThanOrEqual(5);
    expect(answers[0]?.kind).toBe('faq');
    expect(answers[0]?.title).toBe('忘记密码怎么办？');
    expect(answers[0]?.link).toMatch(/^\/help#faq-[0-9a-f-]{36}$/);
    expect(answers.some((a) => a.kind === 'guide' && a.link.startsWith('/guide/forgot-password#'))).toBe(true);
    for (let i = 1; i < answers.length; i++) expect(answers[i - 1]?.score).toBeGreaterThanOrEqual(answers[i]?.score ?? 0);
  });

  it('answers “验证码多久有效” with the 3-minute rule', async () => {
    const answers = await ask('验证码多久有效');
    expect(answers[0]?.title).toContain('验证码多久有效');
    expect(answers[0]?.excerpt).toContain('3分钟内有效');
  });

  it('points guide answers at /guide/<chapter>#<section>, and answers accountants from their guide only', async () => {
    const answers = await ask('线上实名认证怎么上传证件照片');
    expect(answers.find((a) => a.kind === 'guide')).toMatchObject({ link: '/guide/realname#realname-online' });
    // the management chapters are the staff's (inside the management portal), never an accountant's answer
    expect((await ask('管理端怎么新建审核员账号')).filter((a) => a.link.includes('admin'))).toEqual([]);
  });

  it.each(['量子色动力学', '今天天气怎么样', 'qwertyuiop'])('returns no answers for “%s”', async (q) => {
    expect(await ask(q)).toEqual([]);
  });

  it('rejects an empty question, a missing one, and unknown fields with 400 and the field path', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请输入您的问题' });
    expect(empty.json().fields).toEqual([{ path: 'question', message: '请输入您的问题' }]);
    const missing = await t.app.inject({ method: 'POST', url: '/api/help/ask', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0]).toMatchObject({ path: 'question', message: '请输入您的问题' });
    const extra = await t.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question: '密码', top: 50 } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().fields[0]).toMatchObject({ path: 'top' });
    const long = await t.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question: '问'.repeat(201) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].message).toContain('不能超过200');
  });
});

describe(`FAQ maintenance by the system administrator (${dialectName})`, () => {
  const entry = { category: '继续教育', question: '继续教育学分在哪里登记？', answer: '登录后在首页点击“继续教育”，选择年度后按提示填写学习内容并上传证明材料，提交后由所在地会计管理部门审核。' };

  it('creates, edits and deletes an entry; each change is audited and reaches ask at once', async () => {
    expect(await ask('继续教育学分登记')).toEqual([]);

    const created = await t.app.inject({ method: 'POST', url: '/api/admin/faq', headers: { cookie: admin }, payload: entry });
    expect(created.statusCode).toBe(201);
    const item = created.json() as FaqItem;
    expect(item).toMatchObject(entry);
    const all = await listFaq();
    expect(all.items.at(-1)?.id).toBe(item.id);
    expect(all.categories.at(-1)).toBe('继续教育');

    const found = await ask('继续教育学分登记');
    expect(found[0]).toMatchObject({ kind: 'faq', title: entry.question, link: `/help#faq-${item.id}` });

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/faq/${item.id}`,
      headers: { cookie: admin },
      payload: { question: '继续教育学时如何申报？', sort: 0 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ question: '继续教育学时如何申报？', answer: entry.answer, sort: 0 });
    expect((await ask('继续教育学时申报'))[0]?.title).toBe('继续教育学时如何申报？');
    expect((await listFaq('学时')).items.map((i) => i.id)).toEqual([item.id]);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/admin/faq/${item.id}`, headers: { cookie: admin } });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ ok: true });
    expect(await ask('继续教育学时申报')).toEqual([]);
    expect((await listFaq()).items.some((i) => i.id === item.id)).toBe(false);

    const audit = await auditActions(item.id);
    expect(audit.map((a) => a.action)).toEqual(['faq.create', 'faq.update', 'faq.delete']);
    const adminRow = await t.app.ctx.db.selectFrom('staff').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(audit.every((a) => a.actor_id === adminRow.id)).toBe(true);
  });

  it('a stale index on another instance sees the change through the shared version marker', async () => {
    // A second app over the same database plays another instance behind the load balancer.
    const other = await makeTestApp({}, { db: { db: t.app.ctx.db, dialect: t.app.ctx.dialect, close: async () => undefined }, seedDemo: true });
    try {
      expect(await other.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question: '会计人员信用档案查询' } }).then((r) => r.json().answers)).toEqual([]);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/admin/faq',
        headers: { cookie: admin },
        payload: { category: '其他', question: '会计人员信用档案在哪里查询？', answer: '信用档案查询功能尚未开放，开放后将在个人中心提供。' },
      });
      expect(created.statusCode).toBe(201);
      const answers = (await other.app.inject({ method: 'POST', url: '/api/help/ask', payload: { question: '会计人员信用档案查询' } })).json().answers as Answer[];
      expect(answers[0]?.link).toBe(`/help#faq-${(created.json() as FaqItem).id}`);
    } finally {
      await other.close();
    }
  });

  it('refuses a reviewer with 403 and an anonymous caller with 401, changing nothing', async () => {
    const target = (await listFaq()).items[0];
    if (!target) throw new Error('no seeded FAQ');
    const before = (await listFaq()).total;
    const calls = [
      { method: 'POST' as const, url: '/api/admin/faq', payload: entry },
      { method: 'PATCH' as const, url: `/api/admin/faq/${target.id}`, payload: { answer: '被篡改的答案内容' } },
      { method: 'DELETE' as const, url: `/api/admin/faq/${target.id}` },
    ];
    for (const call of calls) {
      const asReviewer = await t.app.inject({ ...call, headers: { cookie: reviewer } });
      expect(asReviewer.statusCode).toBe(403);
      expect(asReviewer.json().code).toBe('FORBIDDEN');
      const anonymous = await t.app.inject(call);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    }
    // an anonymous caller learns nothing about the body's validity either
    const anonymousBad = await t.app.inject({ method: 'POST', url: '/api/admin/faq', payload: { nonsense: true } });
    expect(anonymousBad.statusCode).toBe(401);
    const after = await listFaq();
    expect(after.total).toBe(before);
    expect(after.items.find((i) => i.id === target.id)?.answer).toBe(target.answer);
  });

  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['an empty question', { ...entry, question: '  ' }, 'question', '请输入问题'],
    ['a missing answer', { category: entry.category, question: entry.question }, 'answer', '请输入答案'],
    ['an over-long category', { ...entry, category: '类'.repeat(21) }, 'category', '类别不能超过20个字'],
    ['a negative sort', { ...entry, sort: -1 }, 'sort', '排序不能小于0'],
    ['a fractional sort', { ...entry, sort: 1.5 }, 'sort', '整数'],
    ['an unknown field', { ...entry, updatedBy: 'x' }, 'updatedBy', '不允许'],
  ];
  it.each(bad)('rejects %s with 400, a Chinese message at the field, and stores nothing', async (_n, payload, field, text) => {
    const before = (await listFaq()).total;
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/faq', headers: { cookie: admin }, payload });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.find((f: { path: string }) => f.path === field)?.message).toContain(text);
    expect((await listFaq()).total).toBe(before);
  });

  it('rejects an empty edit, a malformed id, and answers 404 for an entry that does not exist', async () => {
    const target = (await listFaq()).items[0];
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/admin/faq/${target?.id}`, headers: { cookie: admin }, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('请至少修改一项内容');
    const badId = await t.app.inject({ method: 'DELETE', url: '/api/admin/faq/not-a-uuid', headers: { cookie: admin } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().fields[0]).toMatchObject({ path: 'id', message: '常见问题编号无效' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/admin/faq/${missing}`, headers: { cookie: admin }, payload: { answer: '新的答案内容' } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toEqual({ code: 'NOT_FOUND', message: '常见问题不存在' });
    const del = await t.app.inject({ method: 'DELETE', url: `/api/admin/faq/${missing}`, headers: { cookie: admin } });
    expect(del.statusCode).toBe(404);
  });
});
