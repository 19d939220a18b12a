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

/** The second screen of 工作人员登录: the demo staff member's current code through the demo hook. */
async function totp(page, username) {
  const field = page.getByLabel('动态验证码');
  await field.waitFor();
  const { code } = await (await fetch(`${base}/api/dev/totp?username=${encodeURIComponent(username)}`)).json();
  await field.fill(code);
  await page.getByRole('button', { name: '验证并登录' }).click();
}

/** A new browser context (own cookies) signed in as a demo accountant, on the home page. */
async function accountant(browser, idNumber, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const p = await context.newPage();
  await p.goto(`${base}/login`);
  await p.getByLabel('证件号码或手机号').fill(idNumber);
  await p.getByLabel('密码', { exact: true }).fill('Demo@2026');
  await captcha(p);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.getByTestId('masked-name').waitFor();
  return p;
}

/** Opens a step of 信息采集 by its URL and waits for the step's heading. */
async function collectionStep(p, step, heading) {
  await p.goto(`${base}/collection?step=${step}`);
  await p.locator('#collection-step-title', { hasText: heading }).waitFor();
}

/** Lets antd's transitions and lazy images settle before a picture is taken. */
const settle = (p) => p.waitForTimeout(400);

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
  // a name with characters most machines have no font for, drawn with the platform's fallback font
  await page.getByLabel('真实姓名').fill('陈𠇔𡒄𪨶');
  // eslint-disable-next-line no-undef -- runs in the page
  await page.evaluate(() => document.fonts.load('16px "AUSM Rare"', '𠇔𡒄𪨶'));
  await page.getByLabel('真实姓名').screenshot({ path: `${out}/register-rare-name.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('register-mobile');
  await page.setViewportSize({ width: 1280, height: 800 });
  // a 港澳通行证 carries no sex or birth date: the form asks for them
  await page.getByLabel('证件类型').click();
  await page.locator('.ant-select-item-option', { hasText: '港澳居民来往内地通行证' }).click();
  await page.getByLabel('证件号码').fill('H1234567801');
  await page.getByLabel('出生日期').waitFor();
  await settle(page);
  await shot('register-permit');

  await page.goto(`${base}/forgot-password`);
  await page.getByRole('heading', { name: '找回密码' }).waitFor();
  await shot('forgot-password-desktop');

  await page.goto(`${base}/login`);
  await page.getByLabel('证件号码或手机号').fill('11010519491231002X');
  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  // a wrong captcha: the message beside the field, a new image
  await page.getByLabel('验证码', { exact: true }).fill('XXXX');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByText('图形验证码错误或已过期，请重新输入').waitFor();
  await settle(page);
  await shot('login-captcha-error');
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
  await totp(admin, 'admin');
  await admin.waitForURL(/\/admin\/?$/);
  await admin.goto(`${base}/admin/staff`);
  await admin.getByRole('table').waitFor();
  await admin.screenshot({ path: `${out}/admin-staff.png` });
  await admin.goto(`${base}/admin/faq`);
  await admin.getByRole('table').waitFor();
  await admin.screenshot({ path: `${out}/admin-faq.png` });

  // ---- 实名认证: 刘明远 has done nothing yet, so /collection opens the window by itself ----
  const fresh = await accountant(browser, '110101199003070011');
  await fresh.goto(`${base}/collection`);
  const realname = fresh.getByRole('dialog');
  await realname.getByRole('button', { name: '支付宝实名认证' }).waitFor();
  await settle(fresh);
  await fresh.screenshot({ path: `${out}/realname-dialog.png` });
  await realname.getByRole('button', { name: '线上实名认证' }).click();
  await realname.getByText('文件上传要求').waitFor();
  await realname.getByLabel('所在省份').click();
  await fresh.locator('.ant-select-item-option[title="山东省"]').click();
  await realname.getByLabel('所在城市').click();
  await fresh.locator('.ant-select-item-option[title="济南市"]').click();
  await settle(fresh);
  await fresh.screenshot({ path: `${out}/realname-online.png` });
  await realname.getByRole('button', { name: '返回支付宝实名认证' }).click();
  await realname.getByRole('button', { name: '支付宝实名认证' }).click();
  await realname.getByTestId('alipay-qr').waitFor();
  await settle(fresh);
  await fresh.screenshot({ path: `${out}/realname-alipay-qr.png` });
  const scanUrl = await realname.getByRole('link', { name: /在模拟手机中打开/ }).getAttribute('href');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await phone.goto(scanUrl);
  await phone.getByLabel('支付宝账号').fill('13900000002');
  await phone.getByRole('checkbox').check();
  await phone.getByLabel('姓名').fill('刘明远');
  await phone.getByLabel('身份证号').fill('110101199003070011');
  await settle(phone);
  await phone.screenshot({ path: `${out}/realname-alipay-phone.png` });
  await phone.close();
  await fresh.context().close();

  // ---- 信息采集: 陈淑芬 is verified and has 原省平台 records waiting to be completed ----
  const legacy = await accountant(browser, '370102198506120228');
  await legacy.goto(`${base}/collection`);
  await legacy.locator('#collection-step-title', { hasText: '采集须知' }).waitFor();
  await legacy.getByRole('radio', { name: /会计人员$/ }).check();
  await legacy.getByText('选择“会计人员”的，请准备：').waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-notice.png` });
  await collectionStep(legacy, 'basic', '基本信息');
  await legacy.getByText('照片要求').waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-basic.png` });
  await collectionStep(legacy, 'education', '教育经历');
  const eduRow = legacy.getByRole('row').filter({ hasText: '山东财经大学' });
  await eduRow.waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-education.png` });
  // on a phone the entries are cards with their fields stacked, not a one-column table
  await legacy.setViewportSize({ width: 390, height: 844 });
  await legacy.getByTestId('education-cards').waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-education-phone.png`, fullPage: true });
  await legacy.setViewportSize({ width: 1280, height: 800 });
  await eduRow.getByRole('button', { name: '编辑' }).click();
  await legacy.getByRole('dialog', { name: '编辑教育经历' }).getByText(/红框内容不可编辑/).waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-legacy-edit.png` });
  await legacy.keyboard.press('Escape');
  await collectionStep(legacy, 'work', '工作经历');
  await legacy.getByRole('row').filter({ hasText: '济南泉城会计服务有限公司' }).waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-work.png` });
  // an employer without a credit code: the reason, and manual review
  await legacy.getByRole('button', { name: /新增/ }).first().click();
  const workDialog = legacy.getByRole('dialog', { name: '新增工作经历信息' });
  await workDialog.getByText('单位无统一社会信用代码（如2015年前已注销、境外单位）').click();
  await workDialog.getByLabel('无统一社会信用代码的原因').fill('单位已于2012年注销');
  await settle(legacy);
  await workDialog.screenshot({ path: `${out}/collection-work-no-code.png` });
  await legacy.keyboard.press('Escape');
  await collectionStep(legacy, 'department', '会计管理部门');
  await legacy.getByText('请认真核对会计管理部门').waitFor();
  await legacy.getByRole('combobox').first().click();
  await legacy.locator('.ant-cascader-menu-item', { hasText: '山东省财政厅' }).click();
  await legacy.locator('.ant-cascader-menu-item', { hasText: '济南市财政局' }).waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-department.png` });
  // a municipality: its districts right under it, each name once, and 北京市财政局（本级）
  await legacy.keyboard.press('Escape');
  await legacy.getByRole('combobox').first().click();
  await legacy.locator('.ant-cascader-menu-item', { hasText: /^北京市财政局$/ }).click();
  await legacy.locator('.ant-cascader-menu-item', { hasText: '北京市东城区财政局' }).waitFor();
  await settle(legacy);
  await legacy.screenshot({ path: `${out}/collection-department-municipal.png` });
  await legacy.context().close();

  // 王晓明's collection was approved
  await page.goto(`${base}/collection`);
  await page.getByTestId('collection-status').filter({ hasText: '审核通过' }).waitFor();
  await settle(page);
  await shot('collection-result');

  // ---- 管理端审核: bj_reviewer's queue holds 赵立新's pending collection ----
  const reviewer = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await reviewer.goto(`${base}/admin/login`);
  await reviewer.getByLabel('用户名').fill('bj_reviewer');
  await reviewer.getByLabel('密码', { exact: true }).fill('Review@2026');
  await captcha(reviewer);
  await reviewer.getByRole('button', { name: /登\s*录/ }).click();
  await totp(reviewer, 'bj_reviewer');
  await reviewer.waitForURL(/\/admin\/?$/);
  await reviewer.getByTestId('review-count-collection-pending').waitFor();
  await settle(reviewer);
  await reviewer.screenshot({ path: `${out}/admin-review-desk.png` });
  await reviewer.goto(`${base}/admin/reviews`);
  const pendingRow = reviewer.getByRole('row').filter({ hasText: '赵立新' });
  await pendingRow.waitFor();
  await settle(reviewer);
  await reviewer.screenshot({ path: `${out}/admin-review-queue.png` });
  await pendingRow.getByRole('link', { name: /审核/ }).click();
  await reviewer.getByRole('heading', { name: '会计人员信息采集审核' }).waitFor();
  await reviewer.getByText('已核验全国证书库').first().waitFor();
  await settle(reviewer);
  await reviewer.screenshot({ path: `${out}/admin-review-detail.png` });
  await reviewer.getByRole('button', { name: /审核不通过/ }).click();
  const rejectDialog = reviewer.getByRole('dialog', { name: '审核不通过' });
  await rejectDialog.getByLabel('不通过原因').fill('证件照片背景不是纯色，请按照片要求重新上传近期标准证件照后重新提交。');
  await settle(reviewer);
  await reviewer.screenshot({ path: `${out}/admin-review-reject.png` });
  await rejectDialog.getByRole('button', { name: '确定' }).click();
  await reviewer.getByRole('status').filter({ hasText: '不通过原因' }).waitFor();

  // 赵立新 now sees the refusal with its reason
  const refused = await accountant(browser, '110101199208150357');
  await refused.goto(`${base}/collection`);
  await refused.getByTestId('collection-status').filter({ hasText: '审核不通过' }).waitFor();
  await settle(refused);
  await refused.screenshot({ path: `${out}/collection-rejected.png` });
  await refused.context().close();
  await browser.close();
  console.log(`screenshots written to ${out}/`);
} finally {
  server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
