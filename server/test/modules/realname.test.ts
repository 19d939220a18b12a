import { maskIdNumber } from '@ausm/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, dialectName, type TestApp } from '../helpers/test-app';
import { loginCookie, register, staffCookie, type TestPerson } from '../helpers/factories';
import { makeJpeg, makePng, makePdf, multipart } from '../helpers/images';

let t: TestApp;
let reviewerBj: string;
let reviewerSd: string;
let supervisorBj: string;
let admin: string;

beforeAll(async () => {
  t = await makeTestApp({}, { seedDemo: true });
  reviewerBj = await staffCookie(t.app, 'bj_reviewer', 'Review@2026');
  reviewerSd = await staffCookie(t.app, 'sd_reviewer', 'Review@2026');
  supervisorBj = await staffCookie(t.app, 'bj_supervisor', 'Review@2026');
  admin = await staffCookie(t.app, 'admin', 'Admin@2026');
});
afterAll(async () => t.close());

async function upload(cookie: string, purpose: string, bytes: Buffer, name = 'a.png') {
  const mp = multipart(name, bytes);
  return t.app.inject({ method: 'POST', url: `/api/files?purpose=${purpose}`, payload: mp.payload, headers: { ...mp.headers, cookie } });
}

async function person(): Promise<TestPerson & { accountId: string; cookie: string }> {
  const p = await register(t.app);
  return { ...p, cookie: await loginCookie(t.app, p.idNumber, p.password) };
}

/** Online real-name application routed to 北京市西城区 (110102): a municipality has no city level, its districts are chosen. */
async function applyOnline(cookie: string, cityCode = '110102', provinceCode = '110000') {
  const ids: string[] = [];
  for (const purpose of ['realname_front', 'realname_back', 'realname_handheld']) {
    const r = await upload(cookie, purpose, makePng(400, 260));
    expect(r.statusCode).toBe(201);
    ids.push(r.json().id);
  }
  return t.app.inject({
    method: 'POST',
    url: '/api/realname/online',
    headers: { cookie },
    payload: { frontFileId: ids[0], backFileId: ids[1], handheldFileId: ids[2], provinceCode, cityCode },
  });
}

describe(`uploads are checked by content (${dialectName})`, () => {
  it('accepts a PNG named .jpg by its bytes, and refuses a PDF as an ID image', async () => {
    const p = await person();
    const png = await upload(p.cookie, 'realname_front', makePng(400, 250), 'photo.jpg');
    expect(png.statusCode).toBe(201);
    expect(png.json().type).toBe('png');
    const pdf = await upload(p.cookie, 'realname_front', makePdf(), 'id.png');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().message).toContain('JPG、PNG');
  });

  it('refuses images over 2 MB with 413 naming the limit, and keeps nothing', async () => {
    const p = await person();
    const big = await upload(p.cookie, 'realname_front', makeJpeg(1000, 800, 2 * 1024 * 1024 + 10));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('2MB');
    const rows = await t.app.ctx.db.selectFrom('files').select('id').where('account_id', '=', p.accountId).execute();
    expect(rows).toHaveLength(0);
  });

  it("serves a file only to its owner, with nosniff and an attachment name", async () => {
    const a = await person();
    const b = await person();
    const up = await upload(a.cookie, 'realname_back', makePng(400, 250), '背面.png');
    const own = await t.app.inject({ method: 'GET', url: `/api/files/${up.json().id}`, headers: { cookie: a.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['content-disposition']).toContain(encodeURIComponent('背面.png'));
    const other = await t.app.inject({ method: 'GET', url: `/api/files/${up.json().id}`, headers: { cookie: b.cookie } });
    expect(other.statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'GET', url: `/api/files/${up.json().id}` });
    expect(anon.statusCode).toBe(401);
  });
});

describe(`实名认证 by Alipay (${dialectName})`, () => {
  it('passes when the Alipay account holds the same identity, and the account becomes verified', async () => {
    const p = await person();
    const start = await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: p.cookie } });
    expect(start.statusCode).toBe(201);
    const cert = start.json();
    expect(cert.qrSvg).toContain('<svg');
    expect(cert.scanUrl).toContain(`/sim/alipay/${cert.id}`);
    const phone = await t.app.inject({ method: 'GET', url: `/api/sim/alipay/${cert.id}` });
    expect(phone.json().maskedName).toBe('张**');
    const confirm = await t.app.inject({ method: 'POST', url: `/api/sim/alipay/${cert.id}/confirm`, payload: { login: `u${p.phone}`, name: p.name, idNumber: p.idNumber } });
    expect(confirm.json().status).toBe('passed');
    const poll = await t.app.inject({ method: 'GET', url: `/api/realname/alipay/${cert.id}`, headers: { cookie: p.cookie } });
    expect(poll.json().status).toBe('passed');
    const status = await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } });
    expect(status.json()).toMatchObject({ verified: true, method: 'alipay' });
    const again = await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: p.cookie } });
    expect(again.statusCode).toBe(409);
  });

  it('fails with a reason when the Alipay identity differs', async () => {
    const p = await person();
    const cert = (await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: p.cookie } })).json();
    const confirm = await t.app.inject({ method: 'POST', url: `/api/sim/alipay/${cert.id}/confirm`, payload: { login: `x${p.phone}`, name: '李四', idNumber: p.idNumber } });
    expect(confirm.json().status).toBe('failed');
    const poll = (await t.app.inject({ method: 'GET', url: `/api/realname/alipay/${cert.id}`, headers: { cookie: p.cookie } })).json();
    expect(poll.status).toBe('failed');
    expect(poll.reason).toContain('不一致');
    expect((await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } })).json().verified).toBe(false);
  });

  it('expires after 10 minutes and refuses a late confirmation', async () => {
    const p = await person();
    const cert = (await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: p.cookie } })).json();
    t.clock.advance(10 * 60_000 + 1000);
    const late = await t.app.inject({ method: 'POST', url: `/api/sim/alipay/${cert.id}/confirm`, payload: { login: `y${p.phone}`, name: p.name, idNumber: p.idNumber } });
    expect(late.statusCode).toBe(409);
    const poll = (await t.app.inject({ method: 'GET', url: `/api/realname/alipay/${cert.id}`, headers: { cookie: p.cookie } })).json();
    expect(poll.status).toBe('expired');
  });

  it("refuses a tampered gateway result (signature)", async () => {
    const p = await person();
    const cert = (await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: p.cookie } })).json();
    const gateway = t.app.ctx.integrations.alipay;
    if (!gateway) throw new Error('demo mode has the Alipay simulator');
    const original = gateway.query.bind(gateway);
    gateway.query = async (id: string) => ({ ...(await original(id)), status: 'passed' as const });
    try {
      const poll = await t.app.inject({ method: 'GET', url: `/api/realname/alipay/${cert.id}`, headers: { cookie: p.cookie } });
      expect(poll.statusCode).toBe(409);
      expect(poll.json().message).toContain('验签失败');
    } finally {
      gateway.query = original;
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } })).json().verified).toBe(false);
  });

  it("cannot poll another person's certification", async () => {
    const a = await person();
    const b = await person();
    const cert = (await t.app.inject({ method: 'POST', url: '/api/realname/alipay', headers: { cookie: a.cookie } })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/realname/alipay/${cert.id}`, headers: { cookie: b.cookie } })).statusCode).toBe(404);
  });
});

describe(`线上实名认证 reviewed by the city's department (${dialectName})`, () => {
  it('routes to the chosen city; a supervisor above sees it, a reviewer elsewhere does not; approval verifies', async () => {
    const p = await person();
    const r = await applyOnline(p.cookie);
    expect(r.statusCode).toBe(201);
    expect(r.json().online).toMatchObject({ status: 'pending', departmentName: '北京市西城区财政局' });
    const reviewId = r.json().online.id;

    const sdQueue = (await t.app.inject({ method: 'GET', url: '/api/admin/reviews?kind=realname', headers: { cookie: reviewerSd } })).json();
    expect(sdQueue.items.map((i: { id: string }) => i.id)).not.toContain(reviewId);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${reviewId}`, headers: { cookie: reviewerSd } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: reviewerSd }, payload: { action: 'approve' } })).statusCode).toBe(404);
    // a county reviewer (东城区) is below the city the item was routed to: not in its scope either
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${reviewId}`, headers: { cookie: reviewerBj } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${reviewId}`, headers: { cookie: admin } })).statusCode).toBe(403);

    const detail = await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${reviewId}`, headers: { cookie: supervisorBj } });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().applicant.maskedIdNumber).toBe(maskIdNumber(p.idNumber)); // staff see it masked; the full number only by an audited reveal
    expect(detail.json().files).toHaveLength(3);
    expect(detail.json().availableActions).toEqual(['approve', 'reject']);
    const fileUrl = detail.json().files[0].url;
    expect(fileUrl).toBe(`/api/admin/reviews/${reviewId}/files/${detail.json().files[0].id}`);
    const fileRes = await t.app.inject({ method: 'GET', url: fileUrl, headers: { cookie: supervisorBj } });
    expect(fileRes.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: fileUrl, headers: { cookie: reviewerSd } })).statusCode).toBe(404);

    const ok = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'approve' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    const status = (await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } })).json();
    expect(status).toMatchObject({ verified: true, method: 'online', online: { status: 'approved' } });

    const twice = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'approve' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INVALID_TRANSITION');
    const audit = await t.app.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', reviewId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['review.submit', 'review.read', 'review.approve']));
  });

  it('a rejection needs a reason, is shown to the person, and they can apply again', async () => {
    const p = await person();
    const reviewId = (await applyOnline(p.cookie)).json().online.id;
    const dup = await applyOnline(p.cookie);
    expect(dup.statusCode).toBe(409);
    const noReason = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'reject' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0]).toMatchObject({ path: 'note' });
    await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'reject', note: '手持证件照片不清晰' } });
    const status = (await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } })).json();
    expect(status.online).toMatchObject({ status: 'rejected', reason: '手持证件照片不清晰', departmentName: '北京市西城区财政局' });
    expect((await applyOnline(p.cookie)).statusCode).toBe(201);
  });

  it('two reviewers deciding at once: exactly one decision stands', async () => {
    const p = await person();
    const reviewId = (await applyOnline(p.cookie)).json().online.id;
    const supervisor2 = await staffCookie(t.app, 'bj_supervisor', 'Review@2026');
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'approve' } }),
      t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisor2 }, payload: { action: 'reject', note: '材料不全' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const actions = await t.app.ctx.db.selectFrom('review_actions').select('action').where('review_id', '=', reviewId).where('action', '!=', 'submit').execute();
    expect(actions).toHaveLength(1);
  });

  it('the applicant may withdraw a pending item; deciding a withdrawn item answers 409', async () => {
    const p = await person();
    const other = await person();
    const reviewId = (await applyOnline(p.cookie)).json().online.id;
    const notMine = await t.app.inject({ method: 'POST', url: `/api/my/reviews/${reviewId}/withdraw`, headers: { cookie: other.cookie } });
    expect(notMine.statusCode).toBe(404);
    const staffCannot = await t.app.inject({ method: 'POST', url: `/api/my/reviews/${reviewId}/withdraw`, headers: { cookie: supervisorBj } });
    expect(staffCannot.statusCode).toBe(401);
    const w = await t.app.inject({ method: 'POST', url: `/api/my/reviews/${reviewId}/withdraw`, headers: { cookie: p.cookie } });
    expect(w.statusCode).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    const decide = await t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: { action: 'approve' } });
    expect(decide.statusCode).toBe(409);
    expect(decide.json().code).toBe('INVALID_TRANSITION');
    expect((await t.app.inject({ method: 'POST', url: `/api/my/reviews/${reviewId}/withdraw`, headers: { cookie: p.cookie } })).statusCode).toBe(409);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/reviews/${reviewId}`, headers: { cookie: supervisorBj } })).json();
    expect(detail.availableActions).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/realname', headers: { cookie: p.cookie } })).json().verified).toBe(false);
    expect((await applyOnline(p.cookie)).statusCode).toBe(201);
  });

  it('a replayed decision with the same idempotency key has one effect', async () => {
    const p = await person();
    const reviewId = (await applyOnline(p.cookie)).json().online.id;
    const body = { action: 'approve', idempotencyKey: `key-${reviewId}` };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: `/api/admin/reviews/${reviewId}/decision`, headers: { cookie: supervisorBj }, payload: body })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const actions = await t.app.ctx.db.selectFrom('review_actions').select('action').where('review_id', '=', reviewId).where('action', '=', 'approve').execute();
    expect(actions).toHaveLength(1);
  });

  it('refuses a city outside the province and files that are not the applicant’s', async () => {
    const a = await person();
    const b = await person();
    const bad = await applyOnline(a.cookie, '370100', '110000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('cityCode');
    const bFile = (await upload(b.cookie, 'realname_front', makePng(400, 250))).json().id;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/realname/online',
      headers: { cookie: a.cookie },
      payload: { frontFileId: bFile, backFileId: bFile, handheldFileId: bFile, provinceCode: '110000', cityCode: '110102' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields[0]).toMatchObject({ path: 'frontFileId', message: '附件不存在，请重新上传' });
  });
});

describe(`review queue (${dialectName})`, () => {
  it('pages newest first by keyset, filters, and exports masked CSV', async () => {
    for (let i = 0; i < 3; i++) {
      const p = await person();
      await applyOnline(p.cookie);
      t.clock.advance(1000);
    }
    const first = (await t.app.inject({ method: 'GET', url: '/api/admin/reviews?kind=realname&status=pending&limit=2', headers: { cookie: supervisorBj } })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].submittedAt >= first.items[1].submittedAt).toBe(true);
    const second = (await t.app.inject({ method: 'GET', url: `/api/admin/reviews?kind=realname&status=pending&limit=2&cursor=${first.nextCursor}`, headers: { cookie: supervisorBj } })).json();
    expect(second.items.length).toBeGreaterThan(0);
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.items[0].submittedAt <= first.items[1].submittedAt).toBe(true);

    await t.app.ctx.jobs.runOnce('review-counts');
    const stats = (await t.app.inject({ method: 'GET', url: '/api/admin/reviews/stats', headers: { cookie: supervisorBj } })).json();
    expect(stats.items.find((s: { kind: string; status: string }) => s.kind === 'realname' && s.status === 'pending').count).toBeGreaterThanOrEqual(3);
    expect(stats.scopeName).toBe('北京市财政局及下级部门');

    const csv = await t.app.inject({ method: 'GET', url: '/api/admin/reviews/export?kind=realname', headers: { cookie: supervisorBj } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('线上实名认证');
    expect(csv.body).toMatch(/110\*{5}\d{3}[\dX]/);
    expect(csv.body).not.toMatch(/110105\d{11}[\dX]/);
  });

  it('answers bad filters with 400 and a field path', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/admin/reviews?from=2026-13-45&status=done', headers: { cookie: supervisorBj } });
    expect(r.statusCode).toBe(400);
    expect(r.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['from', 'status']));
  });
});
