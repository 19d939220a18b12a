import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { makePdf, makePng } from '../server/test/helpers/images';
import { loginViaUi, newPerson, registerViaApi } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';
import { openPendingReview, staffSession, uniqueName } from './fixtures/portal';

/**
 * axe on every page and state of chapters 1–3 that the public-page suite (screens.spec.ts) and the
 * new-user suite do not reach: signed in, half-way through, with errors showing, in dialogs, and the
 * management portal's pages — each at desktop and phone size. A page counts as ready when its
 * heading is there and nothing is loading any more.
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const outDir = 'docs/screenshots';

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-skeleton-active')).toHaveCount(0);
}

function collector(page: Page) {
  const findings: string[] = [];
  return {
    findings,
    /** `waiting`: the page shows a spinner on purpose (支付宝 waits for the scan) */
    async scan(where: string, { waiting = false } = {}) {
      if (!waiting) await settled(page);
      findings.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));
    },
  };
}

test('axe: the accountant pages signed in — home, 审核告知, its details, every 操作说明 chapter, 咨询答疑 answered and not', async ({ page }) => {
  test.setTimeout(240_000);
  const { findings, scan } = collector(page);
  await loginViaUi(page, '11010519491231002X', 'Demo@2026');
  await expect(page.getByTestId('masked-name')).toHaveText('王**');
  await page.goto('/guide');
  // the page loads on demand: wait for its chapter links before reading them
  await expect(page.locator('a[href^="/guide/"]').first()).toBeVisible();
  const chapters = await page.locator('a[href^="/guide/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
  expect(chapters.length).toBeGreaterThanOrEqual(5);
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '我的办理进度' })).toBeVisible();
    await scan(`home signed in at ${vp.name}`);
    await page.goto('/collection');
    await expect(page.locator('#collection-step-title')).toHaveText('审核告知');
    await scan(`审核告知 at ${vp.name}`);
    for (const chapter of chapters) {
      await page.goto(chapter);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await scan(`${chapter} at ${vp.name}`);
    }
    await page.goto('/ask');
    await page.getByRole('textbox').first().fill('账号被锁了怎么办');
    await page.getByRole('button', { name: '提问', exact: true }).click();
    await expect(page.getByText('锁定').first()).toBeVisible();
    await scan(`咨询答疑 answered at ${vp.name}`);
    await page.getByRole('textbox').first().fill('继续教育学分怎么算');
    await page.getByRole('button', { name: '提问', exact: true }).click();
    await expect(page.getByText(/会计管理部门/).first()).toBeVisible();
    await scan(`咨询答疑 not answered at ${vp.name}`);
  }
  expect(findings).toEqual([]);
});

test('axe: 注册 and 找回密码 with their errors showing, 支付宝实名认证 with its QR code and the simulated phone', async ({ page }) => {
  test.setTimeout(240_000);
  const { findings, scan } = collector(page);
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/register');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect(page.getByText('请输入证件号码').first()).toBeVisible();
    await scan(`注册 with errors at ${vp.name}`);
    await page.goto('/forgot-password');
    await page.getByRole('button', { name: '确认重置密码' }).click();
    await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
    await scan(`找回密码 with errors at ${vp.name}`);
  }
  const p = await registerViaApi(page.request, newPerson());
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByTestId('masked-name')).toBeVisible();
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/collection');
    const dialog = page.getByRole('dialog', { name: '实名认证', exact: true });
    await expect(dialog).toBeVisible();
    await scan(`实名认证 choice at ${vp.name}`);
    await dialog.getByRole('button', { name: '支付宝实名认证' }).click();
    await expect(dialog.getByTestId('alipay-qr')).toBeVisible();
    await scan(`支付宝 QR at ${vp.name}`, { waiting: true });
    const scanUrl = (await dialog.getByRole('link', { name: '在模拟手机中打开' }).getAttribute('href')) ?? '';
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(scanUrl);
    await expect(phone.getByRole('heading', { name: '支付宝 · 身份验证' })).toBeVisible();
    findings.push(...(await seriousViolations(phone)).map((f) => `支付宝 simulated phone: ${f}`));
    await phone.close();
  }
  expect(findings).toEqual([]);
});

test('axe: 采集须知, the work dialog with its row dialog, the entry details, and the phone education cards', async ({ page }) => {
  test.setTimeout(240_000);
  const { findings, scan } = collector(page);
  const p = await registerViaApi(page.request, newPerson());
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByTestId('masked-name')).toBeVisible();
  const cert = (await (await page.request.post('/api/realname/alipay')).json()) as { id: string };
  await page.request.post(`/api/sim/alipay/${cert.id}/confirm`, { data: { login: `u${Date.now()}@example.com`, name: p.name, idNumber: p.idNumber } });
  await expect.poll(async () => ((await (await page.request.get(`/api/realname/alipay/${cert.id}`)).json()) as { status: string }).status).toBe('passed');
  const entry = { mode: '1', school: '首都财经学院', startDate: '2008-09-01', endDate: '2012-07-01', ongoing: false, educationLevel: '21', degree: '4', majorCode: '120203K', eduCertNo: `E${Date.now()}`, degreeCertNo: `D${Date.now()}` };
  expect((await page.request.post('/api/collection/education', { data: entry })).ok()).toBeTruthy();
  const file = await page.request.post('/api/files?purpose=education_proof', { multipart: { file: { name: '学历学位证书.pdf', mimeType: 'application/pdf', buffer: makePdf() } } });
  expect(file.ok()).toBeTruthy();
  const { id } = (await file.json()) as { id: string };
  const [saved] = ((await (await page.request.get('/api/collection')).json()) as { education: { id: string }[] }).education;
  expect((await page.request.put(`/api/collection/education/${saved?.id ?? ''}`, { data: { ...entry, proofFileId: id } })).ok()).toBeTruthy();
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/collection?step=notice');
    await expect(page.locator('#collection-step-title')).toHaveText('采集须知');
    await scan(`采集须知 at ${vp.name}`);
    await page.goto('/collection?step=education');
    await expect(page.getByText('首都财经学院').first()).toBeVisible();
    if (vp.name === 'phone') await page.screenshot({ path: `${outDir}/collection-education-phone.png`, fullPage: true });
    await page.getByRole('button', { name: '查看详情' }).first().click();
    await expect(page.getByRole('dialog', { name: '教育经历详情' })).toBeVisible();
    await scan(`教育经历详情 at ${vp.name}`);
    await page.keyboard.press('Escape');
    await page.goto('/collection?step=work');
    await page.locator('.ausm-step-toolbar').getByRole('button', { name: '新增' }).click();
    const work = page.getByRole('dialog', { name: '新增工作经历信息' });
    await expect(work).toBeVisible();
    await work.getByRole('radio', { name: '是', exact: true }).check();
    await scan(`新增工作经历 at ${vp.name}`);
    await work.getByRole('button', { name: '新增本单位会计工作经历' }).click();
    await expect(page.getByRole('dialog', { name: '新增本单位会计工作经历' })).toBeVisible();
    await scan(`新增本单位会计工作经历 at ${vp.name}`);
  }
  expect(findings).toEqual([]);
});

test('axe: the management portal — 工作台, 审核队列, an item to decide, 工作人员管理, 职称库, 政策参数, 常见问题, 操作说明', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // a 线上实名认证 waiting at 东城区, for its decision page
  const applicant = await (await browser.newContext({ baseURL, locale: 'zh-CN' })).newPage();
  const person = await registerViaApi(applicant.request, { ...newPerson(), name: uniqueName() });
  await loginViaUi(applicant, person.idNumber, person.password);
  await expect(applicant.getByTestId('masked-name')).toBeVisible();
  const ids: Record<string, string> = {};
  for (const side of ['front', 'back', 'handheld']) {
    const res = await applicant.request.post(`/api/files?purpose=realname_${side}`, { multipart: { file: { name: `${side}.png`, mimeType: 'image/png', buffer: makePng(400, 260) } } });
    expect(res.ok()).toBeTruthy();
    ids[side] = ((await res.json()) as { id: string }).id;
  }
  const applied = await applicant.request.post('/api/realname/online', { data: { frontFileId: ids.front, backFileId: ids.back, handheldFileId: ids.handheld, provinceCode: '110000', cityCode: '110101' } });
  expect(applied.status()).toBe(201);
  await applicant.context().close();
  const reviewer = await staffSession(browser, baseURL, 'bj_reviewer');
  const admin = await staffSession(browser, baseURL, 'admin', 'Admin@2026');
  const found: string[] = [];
  const scanOn = async (page: Page, path: string, where: string) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await settled(page);
    found.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));
  };
  for (const vp of WIDTHS) {
    for (const page of [reviewer, admin]) await page.setViewportSize(vp);
    await scanOn(reviewer, '/admin', `工作台 at ${vp.name}`);
    await scanOn(reviewer, '/admin/reviews', `审核队列 at ${vp.name}`);
    await reviewer.getByRole('link', { name: /^审核\s*赵立新的会计人员信息采集$/ }).first().click();
    await expect(reviewer.getByRole('heading', { name: '会计人员信息采集审核' })).toBeVisible();
    await settled(reviewer);
    found.push(...(await seriousViolations(reviewer)).map((f) => `信息采集审核 at ${vp.name}: ${f}`));
    await openPendingReview(reviewer, person.name, '线上实名认证');
    await settled(reviewer);
    found.push(...(await seriousViolations(reviewer)).map((f) => `线上实名认证审核 at ${vp.name}: ${f}`));
    await scanOn(reviewer, '/admin/guide', `管理端操作说明 at ${vp.name}`);
    await scanOn(admin, '/admin/staff', `工作人员管理 at ${vp.name}`);
    await scanOn(admin, '/admin/certificates', `全国会计资格职称库 at ${vp.name}`);
    await scanOn(admin, '/admin/policies', `政策参数 at ${vp.name}`);
    await scanOn(admin, '/admin/faq', `常见问题管理 at ${vp.name}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  await reviewer.context().close();
  await admin.context().close();
  expect(found).toEqual([]);
});
