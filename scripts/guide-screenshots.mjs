// Takes the 操作说明 screenshots (web/public/guide/*.png) from the built app in demo mode:
//   npm run build && node scripts/guide-screenshots.mjs
// Run it again when a screen changes, and look at the pictures before committing them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const port = 3240 + Math.floor(Math.random() * 50);
const base = `http://127.0.0.1:${port}`;
const out = 'web/public/guide';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-guide-'));
const server = spawn('node', ['server/dist/main.js'], { env: { ...process.env, PORT: String(port), AUSM_DATA_DIR: dataDir, AUSM_DEMO: '1' }, stdio: 'ignore' });

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/config`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function captcha(page) {
  const img = page.locator('img[data-captcha-id]');
  await img.waitFor();
  const id = await img.getAttribute('data-captcha-id');
  const { text } = await (await fetch(`${base}/api/dev/captcha?id=${id}`)).json();
  await page.getByLabel('验证码', { exact: true }).fill(text);
}

try {
  await waitForServer();
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const shot = async (name) => page.screenshot({ path: `${out}/${name}.png` });

  await page.goto(`${base}/register`);
  await page.getByRole('heading', { name: '新用户注册' }).waitFor();
  await shot('register-desktop');
  await page.getByRole('button', { name: '生僻字' }).click();
  await page.getByLabel('输入拼音或编码查询').fill('kun');
  await page.getByRole('dialog').getByRole('button').nth(2).waitFor();
  await shot('register-rare-char');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('register-mobile');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${base}/forgot-password`);
  await page.getByRole('heading', { name: '找回密码' }).waitFor();
  await shot('forgot-password-desktop');

  await page.goto(`${base}/login`);
  await page.getByLabel('证件号码或手机号').fill('11010519491231002X');
  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  await captcha(page);
  await shot('login-desktop');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('masked-name').waitFor();
  await shot('login-masked-name');

  await page.goto(`${base}/help`);
  await page.getByRole('heading', { name: '帮助中心' }).first().waitFor();
  await shot('help-center-desktop');

  await page.goto(`${base}/ask`);
  await page.getByRole('heading', { name: '咨询答疑' }).first().waitFor();
  await page.getByRole('textbox').first().fill('忘记密码怎么办');
  await page.keyboard.press('Enter');
  await page.getByRole('link').filter({ hasText: '密码' }).first().waitFor();
  await shot('ask-desktop');

  const admin = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await admin.goto(`${base}/admin/login`);
  await admin.getByLabel('用户名').fill('admin');
  await admin.getByLabel('密码', { exact: true }).fill('Admin@2026');
  await captcha(admin);
  await admin.screenshot({ path: `${out}/admin-login.png` });
  await admin.getByRole('button', { name: /登\s*录/ }).click();
  await admin.waitForURL(/\/admin\/?$/);
  await admin.goto(`${base}/admin/staff`);
  await admin.getByRole('table').waitFor();
  await admin.screenshot({ path: `${out}/admin-staff.png` });
  await admin.goto(`${base}/admin/faq`);
  await admin.getByRole('table').waitFor();
  await admin.screenshot({ path: `${out}/admin-faq.png` });
  await browser.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
