import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { fillCaptcha } from './fixtures/helpers';
import { staffSession } from './fixtures/portal';
import { base32Decode, stepAt, totpCode } from '../server/src/platform/totp';

/**
 * A reviewer created by an administrator binds an authenticator at the first login: the QR code and
 * the secret to type, the first code confirms it, the ten recovery codes are shown once, then the
 * 工作台. The next login asks for the code only. (The code is computed here as an authenticator app
 * would, from the secret the page shows.)
 */
test('a new reviewer binds an authenticator at the first login, then signs in with its code', { tag: '@smoke' }, async ({ browser, baseURL }) => {
  const admin = await staffSession(browser, baseURL, 'admin', 'Admin@2026');
  const username = `e2e${crypto.randomInt(1e8)}`;
  const created = await admin.request.post('/api/admin/staff', { data: { username, displayName: '新审核员', role: 'reviewer', departmentCode: '110101', password: 'Reviewer#2026a' } });
  expect(created.status()).toBe(201);
  await admin.context().close();

  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const signIn = async () => {
    await page.goto('/admin/login');
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('Reviewer#2026a');
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };
  await signIn();
  await expect(page.getByRole('heading', { name: /绑定身份验证器/ })).toBeVisible();
  await expect(page.getByRole('img', { name: '绑定身份验证器的二维码' })).toBeVisible();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('动态验证码').fill(totpCode(base32Decode(secret), stepAt(new Date())));
  await page.getByRole('button', { name: '验证并绑定' }).click();
  await expect(page.getByRole('heading', { name: '绑定成功，请保存恢复码' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: '我已保存，进入工作台' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  await page.getByRole('button', { name: /退出/ }).click();
  await signIn();
  await expect(page.getByRole('heading', { name: /身份验证/ })).toBeVisible();
  // the code of the next step: the one just used for binding is spent
  await page.getByLabel('动态验证码').fill(totpCode(base32Decode(secret), stepAt(new Date()) + 1));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await context.close();
});
