import { expect, test } from '@playwright/test';
import { loginViaUi } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';
import { staffSession } from './fixtures/portal';

/*
 * 个人信息保护政策 after registration (issue 13): a person who never agreed to the notice in force (陈淑芬,
 * brought over from a provincial platform) is asked before anything else — 不同意并退出 signs her out, 同意
 * lets her in and is not asked again; a system administrator publishes a new version from a date.
 */

const SHOTS = 'docs/screenshots';
const LEGACY = { phone: '13900000003', password: 'Demo@2026' };

test('a person who has not agreed to the notice in force is asked first: 不同意并退出, then 同意', async ({ page }) => {
  await loginViaUi(page, LEGACY.phone, LEGACY.password);
  const dialog = page.getByRole('dialog', { name: '请阅读并同意《个人信息保护政策》' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/五、保存期限/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/consent-dialog-desktop.png` });
  // Escape and clicking outside do not dismiss it
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '不同意并退出' }).click();
  await expect(page.getByRole('navigation', { name: '账号' }).getByRole('link', { name: '会计人员登录' })).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaUi(page, LEGACY.phone, LEGACY.password);
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/consent-dialog-phone.png` });
  // in the 适老化 mode too (remembered by the browser), the dialog is what comes first
  await page.evaluate(() => localStorage.setItem('ausm.elder', '1'));
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bausm-elder\b/);
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/elder-consent-dialog-phone.png` });
  await dialog.getByRole('button', { name: '同意', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('masked-name')).toHaveText('陈**');
  await page.reload();
  await expect(page.getByTestId('masked-name')).toBeVisible();
  await expect(dialog).toHaveCount(0);
});

test('管理端 → 政策参数: the system administrator publishes a new version from a later date', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const admin = await staffSession(browser, baseURL, 'admin', 'Admin@2026');
  await admin.goto('/admin/policies');
  const card = admin.locator('.ant-card', { has: admin.getByRole('heading', { name: '个人信息保护政策' }) });
  await expect(card.getByText('第1版')).toBeVisible();
  await expect(card.getByText('现行')).toBeVisible();
  await card.getByRole('button', { name: '发布新版本' }).click();
  const dialog = admin.getByRole('dialog', { name: '发布个人信息保护政策新版本' });
  await expect(dialog.getByLabel('正文')).toHaveValue(/一、我们收集的信息/);
  await dialog.getByLabel('正文').fill('一、我们收集的信息：注册信息、实名认证结果、信息采集内容。\n\n二、新增：绑定微信时微信提供的用户标识与昵称，仅用于扫码登录和公众号消息。');
  // a month ahead: the version stays 待生效 for the rest of this run
  const date = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('生效日期').fill(date);
  // leaving the field commits the typed date
  await dialog.getByLabel('标题').click();
  await expect(dialog.getByLabel('生效日期')).toHaveValue(date);
  await admin.screenshot({ path: `${SHOTS}/admin-privacy-publish.png` });
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect(admin.getByText(`已发布第2版，自${date}起生效`)).toBeVisible();
  await expect(card.getByText('第2版')).toBeVisible();
  await expect(card.getByText('待生效')).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.context().close();
});
