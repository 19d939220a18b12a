import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { fillCaptcha } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';

/**
 * Every public page at desktop and phone size: a screenshot to look at (docs/screenshots/) and an axe
 * scan that must find nothing serious or critical.
 */
const pages = [
  { name: 'home', path: '/', ready: '欢迎使用全国会计人员统一服务管理平台' },
  { name: 'register', path: '/register', ready: '新用户注册' },
  { name: 'login', path: '/login', ready: '会计人员登录' },
  { name: 'forgot-password', path: '/forgot-password', ready: '找回密码' },
  { name: 'help', path: '/help', ready: '帮助中心' },
  { name: 'guide', path: '/guide', ready: '操作说明' },
  { name: 'ask', path: '/ask', ready: '咨询答疑' },
  { name: 'admin-login', path: '/admin/login', ready: '工作人员登录' },
];
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const outDir = 'docs/screenshots';


for (const vp of viewports) {
  for (const p of pages) {
    test(`${p.name} at ${vp.name} size: screenshot and no serious axe findings`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(p.path);
      await expect(page.getByRole('heading', { name: p.ready }).first()).toBeVisible();
      if (p.path.includes('login')) await expect(page.locator('img[data-captcha-id]')).toBeVisible();
      fs.mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: `${outDir}/${p.name}-${vp.name}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the home page after login shows the masked name, and keyboard alone reaches the login form', async ({ page }) => {
  await page.goto('/');
  // keyboard only: Tab to the login link and follow it
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === '会计人员登录') break;
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('证件号码或手机号').focus();
  await page.keyboard.type('11010519491231002X');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Demo@2026');
  await fillCaptcha(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('masked-name')).toHaveText('王**');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${outDir}/home-signed-in-phone.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
