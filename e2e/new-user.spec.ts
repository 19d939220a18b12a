import { expect, test, type Page } from '@playwright/test';
import { latestSmsCode, loginViaUi, newPerson, registerViaApi, requestSmsCode, type Person } from './fixtures/helpers';
import { makePdf } from '../server/test/helpers/images';
import { choose, pickDate, upload } from './fixtures/portal';
import { seriousViolations } from './fixtures/axe';

/*
 * What a new user hit in chapters 1–3 (issue 11), one test per defect; each failed before its fix.
 */

test('a wrong captcha on 会计人员登录 says so beside the field, with a new image', async ({ page }) => {
  const p = await registerViaApi(page.request, newPerson());
  await page.goto('/login');
  await page.getByLabel('证件号码或手机号').fill(p.idNumber);
  await page.getByLabel('密码', { exact: true }).fill(p.password);
  const first = await page.locator('img[data-captcha-id]').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill('XXXX');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('图形验证码错误或已过期，请重新输入')).toBeVisible();
  await expect(page.getByLabel('验证码', { exact: true })).toHaveValue('');
  await expect(page.locator('img[data-captcha-id]')).not.toHaveAttribute('data-captcha-id', first ?? '');
});

test('注册 does not ask for the SMS code before one was sent, and asks once the form is submitted', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('验证码', { exact: true }).focus();
  await page.getByLabel('手机号').focus();
  await expect(page.getByText('请输入验证码')).toHaveCount(0);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('请输入验证码')).toBeVisible();
  await page.getByLabel('验证码', { exact: true }).fill('123456');
  await expect(page.getByText('请输入验证码')).toHaveCount(0);
});

test('找回密码 has the 生僻字 picker, and a mismatch that uses the code up lets the person ask for a new one at once', async ({ page }) => {
  const p = await registerViaApi(page.request, newPerson());
  await page.goto('/forgot-password');
  await page.getByLabel('证件号码').fill(p.idNumber);
  await page.getByRole('button', { name: '生僻字' }).click();
  await page.getByLabel('输入拼音或编码查询').fill('lan');
  await page.getByRole('dialog').getByRole('button', { name: /𡒄/ }).first().click();
  await expect(page.getByLabel('真实姓名')).toHaveValue('𡒄');
  // a name that does not match: the code is used up, and the button is free again
  await page.getByLabel('真实姓名').fill('林𡒄');
  await page.getByLabel('新密码', { exact: true }).fill('N3w#Passw0rd');
  await page.getByLabel('确认新密码').fill('N3w#Passw0rd');
  await page.getByLabel('手机号').fill(p.phone);
  // the registration's code was sent moments ago: its window (8 s in the browser tests) passes first
  if ((await requestSmsCode(page)) === 429) {
    await expect(page.getByTestId('sms-button')).toHaveText('免费获取验证码', { timeout: 15_000 });
    expect(await requestSmsCode(page)).toBe(200);
  }
  await expect(page.getByTestId('sms-button')).toHaveText(/秒后重新获取/);
  await page.getByLabel('验证码', { exact: true }).fill(await latestSmsCode(page.request, p.phone, '找回密码'));
  await page.getByRole('button', { name: '确认重置密码' }).click();
  await expect(page.getByText('证件号码、真实姓名、手机号与注册信息不一致')).toBeVisible();
  // the button is free again at once, not when the 8-second window would have run out; and the server agrees
  await expect(page.getByTestId('sms-button')).toHaveText('免费获取验证码', { timeout: 2_000 });
  expect(await requestSmsCode(page)).toBe(200);
});

test('the home page says where a signed-in person stands, with the next thing to do, and the service menu', async ({ page }) => {
  const p = await registerViaApi(page.request, newPerson());
  await loginViaUi(page, p.idNumber, p.password);
  const progress = page.getByTestId('my-progress');
  await expect(progress.getByRole('heading', { name: '实名认证 未认证' })).toBeVisible();
  await expect(progress.getByRole('link', { name: '去认证' })).toBeVisible();
  await expect(progress.getByRole('heading', { name: '会计人员信息采集 未开始' })).toBeVisible();
  await expect(progress.getByRole('link', { name: '开始采集' })).toBeVisible();
  await page.getByTestId('service-menu').hover();
  await expect(page.getByRole('menuitem', { name: '信息采集' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/home-signed-in-progress.png' });
});

test('the service cards show the keyboard focus, and a logged-out page asks for the session without a 401', async ({ page }) => {
  const unauthorised: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 401) unauthorised.push(r.url());
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用全国会计人员统一服务管理平台' })).toBeVisible();
  const card = page.getByRole('link', { name: '会计人员注册' });
  await card.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(card).toBeFocused();
  const outline = await card.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).display);
  expect(outline).toBe('solid block');
  for (const path of ['/register', '/login', '/help', '/guide', '/ask']) await page.goto(path);
  expect(unauthorised).toEqual([]);
  expect(errors).toEqual([]);
});

/** A registered person, signed in, verified through the Alipay simulator, with 采集须知 saved. */
async function collectingPerson(page: Page): Promise<Person> {
  const p = await registerViaApi(page.request, newPerson());
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByTestId('masked-name')).toBeVisible();
  return collectingPersonFor(page, p);
}

async function collectingPersonFor(page: Page, p: Person): Promise<Person> {
  const cert = (await (await page.request.post('/api/realname/alipay')).json()) as { id: string };
  await page.request.post(`/api/sim/alipay/${cert.id}/confirm`, { data: { login: `u${Date.now()}@example.com`, name: p.name, idNumber: p.idNumber } });
  await expect.poll(async () => ((await (await page.request.get(`/api/realname/alipay/${cert.id}`)).json()) as { status: string }).status).toBe('passed');
  expect((await page.request.put('/api/collection/scope', { data: { scope: 'accountant' } })).status()).toBe(200);
  return p;
}

test('re-entering 信息采集 opens the step after the last one saved', async ({ page }) => {
  await collectingPerson(page);
  await page.goto('/collection');
  await expect(page.locator('#collection-step-title')).toHaveText('基本信息');
});

test('overlapping 会计工作经历 rows are refused in the row dialog, naming the row they clash with', async ({ page }) => {
  await collectingPerson(page);
  await page.goto('/collection?step=work');
  await page.locator('.ausm-step-toolbar').getByRole('button', { name: '新增' }).click();
  const work = page.getByRole('dialog', { name: '新增工作经历信息' });
  await pickDate(work, '工作开始时间', '2015-03-01');
  await work.getByRole('checkbox', { name: '至今' }).check();
  await work.getByRole('radio', { name: '是', exact: true }).check();
  for (const [i, start] of ['2015-03-01', '2016-01-01'].entries()) {
    await work.getByRole('button', { name: '新增本单位会计工作经历' }).click();
    const row = page.getByRole('dialog', { name: '新增本单位会计工作经历' });
    await choose(row, '会计人员岗位层级', '一般会计人员');
    await choose(row, '从事会计工作岗位', i === 0 ? '出纳' : '稽核');
    await pickDate(row, '会计工作开始时间', start);
    await row.getByRole('checkbox', { name: '至今' }).check();
    await row.getByRole('button', { name: '确定' }).click();
    if (i === 0) await expect(row).toBeHidden();
    else await expect(row.getByText('与第1条会计工作经历时间重叠')).toBeVisible();
  }
});

test('a problem found at 提交审核 leaves the step\'s list as soon as it is fixed there', async ({ page }) => {
  await collectingPerson(page);
  // a 本科 that 学信网 cannot find, so 提交审核 asks for the certificate; and the department
  const entry = { mode: '1', school: '首都财经学院', startDate: '2008-09-01', endDate: '2012-07-01', ongoing: false, educationLevel: '21', degree: '4', majorCode: '120203K', eduCertNo: `E${Date.now()}`, degreeCertNo: `D${Date.now()}` };
  expect((await page.request.post('/api/collection/education', { data: entry })).ok()).toBeTruthy();
  expect((await page.request.put('/api/collection/department', { data: { departmentCode: '110101' } })).ok()).toBeTruthy();
  await page.goto('/collection?step=department');
  await page.getByRole('checkbox', { name: '承诺所提供信息真实有效' }).check();
  await page.getByRole('button', { name: '提交审核' }).click();
  const refused = page.getByRole('alert').filter({ hasText: '提交未成功' });
  await expect(refused).toContainText('请上传学历（学位）证书');
  await refused.getByRole('link', { name: '教育经历：首都财经学院' }).click();
  const banner = page.getByRole('alert').filter({ hasText: '提交审核时发现本页以下问题' });
  await expect(banner).toContainText('学信网未能核验该学历（学位），请上传学历（学位）证书');
  const dialog = page.getByRole('dialog', { name: '编辑教育经历' });
  await upload(dialog, '学历学位证书', { name: '学历学位证书.pdf', mimeType: 'application/pdf', buffer: makePdf() });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();
  // the problems of other steps stay where they are
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.locator('#collection-step-title')).toHaveText('基本信息');
  await expect(page.getByRole('alert').filter({ hasText: '提交审核时发现本页以下问题' })).toContainText('请上传证件照片');
});

test('axe finds nothing serious on the login error, the 线上实名认证 dialog and every 信息采集 step, desktop and phone', async ({ page }) => {
  test.setTimeout(180_000);
  const findings: string[] = [];
  const scan = async (where: string) => findings.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));
  await page.goto('/login');
  await page.getByLabel('证件号码或手机号').fill('11010519491231002X');
  await page.getByLabel('密码', { exact: true }).fill('Demo@2026');
  await page.getByLabel('验证码', { exact: true }).fill('XXXX');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('图形验证码错误或已过期，请重新输入')).toBeVisible();
  await scan('login error');
  const p = await registerViaApi(page.request, newPerson());
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByTestId('masked-name')).toBeVisible();
  await page.goto('/collection');
  await expect(page.getByRole('dialog', { name: '实名认证', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '线上实名认证' }).click();
  await expect(page.getByRole('dialog', { name: '线上实名认证', exact: true })).toBeVisible();
  await scan('线上实名认证');
  await page.keyboard.press('Escape');
  await collectingPersonFor(page, p);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 800 : 844 });
    for (const [step, title] of [['basic', '基本信息'], ['education', '教育经历'], ['work', '工作经历'], ['department', '会计管理部门']] as const) {
      await page.goto(`/collection?step=${step}`);
      await expect(page.locator('#collection-step-title')).toHaveText(title);
      await scan(`${title} at ${width}`);
    }
    await page.goto('/collection?step=education');
    await page.locator('.ausm-step-toolbar').getByRole('button', { name: '新增' }).click();
    await expect(page.getByRole('dialog', { name: '新增教育经历' })).toBeVisible();
    await scan(`教育经历 dialog at ${width}`);
    await page.keyboard.press('Escape');
  }
  expect(findings).toEqual([]);
});
