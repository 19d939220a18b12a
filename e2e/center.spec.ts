import fs from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { fillCaptcha, genPhone, latestSmsCode, loginViaUi, registerViaApi, requestSmsCode } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';

/*
 * 个人中心 (guide §9, issue 13): 微信绑定 with the simulated phone, 微信扫码登录, 换绑, 解绑; 信息修改 of the
 * phone; 下载个人数据; 注销账号. Screenshots of each new page at desktop and phone size, axe on each.
 */

const SHOTS = 'docs/screenshots';
const wx = () => `wx${Math.random().toString(36).slice(2, 9)}`;

async function look(page: Page, name: string, findings: string[]): Promise<void> {
  findings.push(...(await seriousViolations(page)).map((f) => `${name}: ${f}`));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** What a person does on the phone after scanning: the simulated WeChat page opened from the QR's link. */
async function confirmOnPhone(page: Page, context: BrowserContext, login: string, action: '确认绑定' | '确认登录', shot?: string): Promise<void> {
  const href = await page.getByTestId('wechat-sim-link').getAttribute('href');
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(href ?? '');
  await phone.getByLabel('微信号').fill(login);
  await phone.getByLabel('昵称').fill(`昵称${login}`);
  if (shot) await phone.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  await phone.getByRole('button', { name: action }).click();
  await expect(phone.getByText(`已${action}`)).toBeVisible();
  await phone.close();
}

async function signIn(page: Page, account: string, password: string): Promise<void> {
  await loginViaUi(page, account, password);
  await expect(page.getByTestId('masked-name')).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('navigation', { name: '账号' }).getByRole('link', { name: '会计人员登录' })).toBeVisible();
}

async function wechatLogin(page: Page, context: BrowserContext, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('tab', { name: '微信扫码登录' }).click();
  await expect(page.getByTestId('wechat-qr')).toBeVisible();
  await confirmOnPhone(page, context, login, '确认登录');
}

test('微信绑定 → 微信扫码登录 → 换绑 → 解绑 → 扫码登录被拒绝', { tag: '@smoke' }, async ({ page, context }) => {
  test.setTimeout(120_000);
  const findings: string[] = [];
  const p = await registerViaApi(page.request);
  await signIn(page, p.phone, p.password);
  // guide §9: clicking the name at the top right opens 个人中心
  await page.getByTestId('masked-name').click();
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByRole('heading', { name: '个人基本信息' })).toBeVisible();
  for (const section of ['信息采集', '信息变更', '属地关系调转', '职业资格', '奖惩信息']) await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
  await expect(page.getByText(`${p.phone.slice(0, 3)}****${p.phone.slice(7)}`)).toBeVisible();
  await look(page, 'center-archive-desktop', findings);

  await page.getByRole('navigation', { name: '个人中心' }).getByRole('link', { name: '微信绑定' }).click();
  await expect(page.getByText('尚未绑定微信，无法进行微信扫码登录，接收公众号消息')).toBeVisible();
  await look(page, 'center-wechat-unbound-desktop', findings);
  await page.getByRole('button', { name: '绑定微信' }).click();
  await expect(page.getByTestId('wechat-qr')).toBeVisible();
  await look(page, 'center-wechat-qr-desktop', findings);
  const first = wx();
  await confirmOnPhone(page, context, first, '确认绑定', 'wechat-sim-phone');
  await expect(page.getByText('已绑定微信，可使用微信扫码快捷登录，接收平台公众号消息')).toBeVisible();
  await expect(page.getByText(`昵称${first}`)).toBeVisible();
  await look(page, 'center-wechat-bound-desktop', findings);

  await signOut(page);
  await wechatLogin(page, context, first);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('masked-name')).toHaveText('陈**');
  await page.goto('/login');
  await page.getByRole('tab', { name: '微信扫码登录' }).click();
  await look(page, 'login-wechat-desktop', findings);

  // 换绑: the binding moves to the WeChat user who scans the new QR
  await page.goto('/center/wechat');
  await page.getByRole('button', { name: '换绑' }).click();
  const second = wx();
  await confirmOnPhone(page, context, second, '确认绑定');
  await expect(page.getByText(`昵称${second}`)).toBeVisible();

  await page.getByRole('button', { name: '解绑' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '解绑' }).click();
  await expect(page.getByText('尚未绑定微信，无法进行微信扫码登录，接收公众号消息')).toBeVisible();

  await signOut(page);
  await wechatLogin(page, context, second);
  await expect(page.getByTestId('wechat-refused')).toContainText('该微信尚未绑定平台账号');
  await expect(page.getByRole('button', { name: '刷新二维码' })).toBeVisible();
  await expect(page.getByTestId('masked-name')).toHaveCount(0);
  expect(findings).toEqual([]);
});

test('信息修改: the phone changes with the password and a code to the new number; the old number is told', async ({ page, browser, baseURL }) => {
  const findings: string[] = [];
  const p = await registerViaApi(page.request);
  const elsewhere = await browser.newPage({ baseURL });
  await signIn(elsewhere, p.phone, p.password);
  await signIn(page, p.phone, p.password);
  await page.goto('/center/phone');
  await look(page, 'center-phone-desktop', findings);
  const newPhone = genPhone();
  await page.getByLabel('当前密码').fill(p.password);
  await page.getByLabel('新手机号').fill(newPhone);
  expect(await requestSmsCode(page, '/api/center/phone/code')).toBe(200);
  await page.getByLabel('短信验证码').fill(await latestSmsCode(page.request, newPhone, '修改手机号'));
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('手机号修改成功')).toBeVisible();
  await expect(page.getByText(`${newPhone.slice(0, 3)}****${newPhone.slice(7)}`).first()).toBeVisible();
  const notice = (await (await page.request.get(`/api/dev/sms/messages?phone=${p.phone}`)).json()) as { messages: Array<{ body: string }> };
  expect(notice.messages.some((m) => m.body.includes('修改为'))).toBe(true);
  // the other browser was signed out
  await elsewhere.goto('/center');
  await expect(elsewhere.getByText('请先登录')).toBeVisible();
  await elsewhere.close();
  expect(findings).toEqual([]);
});

test('下载个人数据 and 注销账号: what is kept is said first; afterwards the account cannot sign in', async ({ page }) => {
  const findings: string[] = [];
  const p = await registerViaApi(page.request);
  await signIn(page, p.idNumber, p.password);
  await page.goto('/center/data');
  await expect(page.getByTestId('closure-kept')).toContainText('自注销起保存5年');
  await expect(page.getByTestId('closure-kept')).toContainText('自记录之日起保存3年');
  await look(page, 'center-data-desktop', findings);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载个人数据' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^个人数据-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = JSON.parse(fs.readFileSync((await file.path()) ?? '', 'utf8'));
  expect(copy.账号).toMatchObject({ 证件号码: p.idNumber, 手机号: p.phone });

  await page.getByRole('button', { name: '申请注销账号' }).click();
  const dialog = page.getByRole('dialog', { name: '注销账号' });
  await dialog.getByLabel('登录密码').fill(p.password);
  // the phone had its registration code moments ago: the button counts down its window, then sends
  let sent = await requestSmsCode(page, '/api/center/closure/code');
  if (sent === 429) {
    await expect(dialog.getByTestId('sms-button')).toHaveText('免费获取验证码', { timeout: 20_000 });
    sent = await requestSmsCode(page, '/api/center/closure/code');
  }
  expect(sent).toBe(200);
  await dialog.getByLabel('短信验证码').fill(await latestSmsCode(page.request, p.phone, '注销账号'));
  await dialog.getByLabel('请输入“注销”').fill('注销');
  await look(page, 'center-close-dialog-desktop', findings);
  await dialog.getByRole('button', { name: '确认注销' }).click();
  await expect(page.getByText('账号已注销')).toBeVisible();
  await expect(page.getByTestId('masked-name')).toHaveCount(0);
  await page.goto('/login');
  await page.getByLabel('证件号码或手机号').fill(p.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(p.password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('账号或密码错误')).toBeVisible();
  expect(findings).toEqual([]);
});

test('个人中心 pages at 390×844 by keyboard, nothing serious for axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const findings: string[] = [];
  const p = await registerViaApi(page.request);
  await signIn(page, p.phone, p.password);
  for (const [path, name] of [['/center', 'center-archive-phone'], ['/center/wechat', 'center-wechat-unbound-phone'], ['/center/phone', 'center-phone-phone'], ['/center/data', 'center-data-phone']] as const) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: '个人中心' })).toBeVisible();
    await expect(page.locator('.ausm-center-body .ant-card').first()).toBeVisible();
    expect(await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth + 1), `${path} fits the width`).toBe(true);
    await look(page, name, findings);
  }
  await page.goto('/center/wechat');
  // keyboard only: Tab to 绑定微信, Enter shows the QR
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === '绑定微信') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wechat-qr')).toBeVisible();
  await look(page, 'center-wechat-qr-phone', findings);
  await page.goto('/login');
  await page.getByRole('tab', { name: '微信扫码登录' }).click();
  await expect(page.getByTestId('wechat-qr')).toBeVisible();
  await look(page, 'login-wechat-phone', findings);
  expect(findings).toEqual([]);
});
