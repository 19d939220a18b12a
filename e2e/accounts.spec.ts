import { expect, test } from '@playwright/test';
import { fillCaptcha, latestSmsCode, loginViaUi, newPerson, registerViaApi, requestSmsCode, selectOption } from './fixtures/helpers';

test('a new person registers, logs in with the captcha, sees the masked name and logs out', { tag: '@smoke' }, async ({ page }) => {
  const p = newPerson();
  await page.goto('/');
  await expect(page).toHaveTitle('全国会计人员统一服务管理平台');
  await page.getByRole('link', { name: '注册' }).first().click();
  await expect(page.getByRole('heading', { name: '新用户注册' })).toBeVisible();

  await selectOption(page, '证件类型', '内地居民身份证');
  await page.getByLabel('证件号码').fill(p.idNumber);
  await page.getByLabel('真实姓名').fill(p.name);
  await expect(page.getByText(/出生日期：\d{4}-\d{2}-\d{2}/)).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(p.password);
  await page.getByLabel('确认密码').fill(p.password);
  await page.getByLabel('手机号').fill(p.phone);
  expect(await requestSmsCode(page)).toBe(200);
  await page.getByLabel('验证码', { exact: true }).fill(await latestSmsCode(page.request, p.phone));
  // explicit consent: no account without it, and the whole notice can be read first
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.locator('.ant-form-item-explain-error', { hasText: '请阅读并同意《个人信息保护政策》' })).toBeVisible();
  await page.getByRole('button', { name: '阅读《个人信息保护政策》全文' }).click();
  const notice = page.getByRole('dialog', { name: '个人信息保护政策' });
  await expect(notice.getByText(/五、保存期限/)).toBeVisible();
  await notice.getByRole('button', { name: '我已阅读' }).click();
  await page.getByRole('checkbox', { name: /我已阅读并同意/ }).check();
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('注册成功')).toBeVisible();

  await page.getByRole('button', { name: '去登录' }).click();
  await page.getByLabel('证件号码或手机号').fill(p.phone);
  await page.getByLabel('密码', { exact: true }).fill(p.password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('masked-name')).toHaveText('陈**');
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('link', { name: '会计人员登录' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('masked-name')).toHaveCount(0);
});

test('bad registration input is explained beside the field', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('证件号码').fill('110105194912310021');
  await page.getByLabel('手机号').fill('12345');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('身份证号码校验位错误，请核对后重新输入')).toBeVisible();
  await expect(page.getByText('请输入11位大陆手机号码')).toBeVisible();
  await expect(page.locator('.ant-form-item-explain-error', { hasText: '请输入真实姓名' })).toBeVisible();
});

test('the SMS button counts down and comes back', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('手机号').fill(newPerson().phone);
  const button = page.getByTestId('sms-button');
  expect(await requestSmsCode(page)).toBe(200);
  await expect(button).toHaveText(/^\d+秒后重新获取$/);
  await expect(button).toBeDisabled();
  const first = Number((await button.textContent())?.match(/\d+/)?.[0]);
  await expect.poll(async () => Number((await button.textContent())?.match(/\d+/)?.[0] ?? 0)).toBeLessThan(first);
  await expect(button).toHaveText('免费获取验证码', { timeout: 15_000 });
  await expect(button).toBeEnabled();
});

test('forgot password resets with matching details; the old password stops working', async ({ page }) => {
  const p = await registerViaApi(page.request);
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page.getByRole('heading', { name: '找回密码' })).toBeVisible();
  await page.getByLabel('证件号码').fill(p.idNumber);
  await page.getByLabel('真实姓名').fill(p.name);
  await page.getByLabel('新密码', { exact: true }).fill('Reset#2026a');
  await page.getByLabel('确认新密码').fill('Reset#2026a');
  await page.getByLabel('手机号').fill(p.phone);
  const button = page.getByTestId('sms-button');
  // The registration code went to this phone moments ago: one SMS per phone per window, so the
  // first click may only start the countdown. Wait it out and ask again until the code arrives.
  await expect(async () => {
    await expect(button).toHaveText('免费获取验证码', { timeout: 15_000 });
    expect(await requestSmsCode(page)).toBe(200);
  }).toPass({ timeout: 45_000 });
  const code = await latestSmsCode(page.request, p.phone, '找回密码');
  await page.getByLabel('验证码', { exact: true }).fill(code);
  await page.getByRole('button', { name: '确认重置密码' }).click();
  await expect(page.getByText('密码已重置')).toBeVisible();

  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByRole('alert')).toContainText('账号或密码错误');
  await loginViaUi(page, p.idNumber, 'Reset#2026a');
  await expect(page.getByTestId('masked-name')).toHaveText('陈**');
});

test('five wrong passwords lock the account', async ({ page }) => {
  const p = await registerViaApi(page.request);
  await page.goto('/login');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('证件号码或手机号').fill(p.idNumber);
    await page.getByLabel('密码', { exact: true }).fill('Wrong#2026');
    await fillCaptcha(page);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect((await answered).status()).toBe(i < 5 ? 401 : 423);
    await expect(page.getByRole('alert')).toContainText(i < 5 ? '账号或密码错误' : '账号已锁定');
  }
  await page.getByLabel('证件号码或手机号').fill(p.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(p.password);
  await fillCaptcha(page);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('账号已锁定');
  await expect(page.getByTestId('masked-name')).toHaveCount(0);
});

test('the fixed demo accountant can log in', { tag: '@smoke' }, async ({ page }) => {
  await loginViaUi(page, '11010519491231002X', 'Demo@2026');
  await expect(page.getByTestId('masked-name')).toHaveText('王**');
});

test('a 港澳通行证 holder gives sex and birth date, and a rare-character name is drawn with the platform font', async ({ page }) => {
  await page.goto('/register');
  await selectOption(page, '证件类型', '港澳居民来往内地通行证');
  await page.getByLabel('证件号码').fill('ｈ１２３４５６７８０１');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('请选择性别')).toBeVisible();
  await expect(page.getByText('请选择出生日期')).toBeVisible();
  // the full-width permit with its renewal count is accepted as typed: no message beside the number
  await expect(page.locator('#idNumber_help')).toHaveCount(0);
  await page.getByLabel('真实姓名').fill('陈𠇔明');
  // the fallback font is fetched for this character and loads, whatever fonts the machine has
  const loaded = await page.evaluate(async () => (await document.fonts.load('16px "AUSM Rare"', '𠇔')).map((f) => f.status));
  expect(loaded).toEqual(['loaded']);
});
