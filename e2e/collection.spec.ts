import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { makePdf, makePng } from '../server/test/helpers/images';
import { genMainlandId, loginViaUi, newPerson, registerViaApi, type Person } from './fixtures/helpers';
import {
  approveOpenReview,
  choose,
  openPendingReview,
  pickDate,
  rejectOpenReview,
  returnOpenReview,
  searchCascader,
  staffSession,
  uniqueName,
  upload,
  walkCascader,
} from './fixtures/portal';

/**
 * 实名认证 (支付宝 with a failed and a passed try; 线上 reviewed by the city department), then the whole
 * 信息采集 with education and work entries and uploads, 提交审核, and the department's decision as the
 * accountant sees it: approved straight away, or rejected with a reason, corrected and resubmitted.
 */

const DONGCHENG = '北京市东城区财政局';
// a municipality has no city level: its districts sit right under it
const DEPARTMENT_PATH = ['北京市财政局', DONGCHENG];
const REJECT_REASON = '工作单位地址不完整，请补充门牌号';
const RETURN_REASON = '请在工作经历中补充单位联系电话';

const photo = () => ({ name: 'photo.png', mimeType: 'image/png', buffer: makePng(320, 440, { noise: true }) });
const idImage = (name: string) => ({ name, mimeType: 'image/png', buffer: makePng(400, 260) });
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: makePdf() });

async function newAccountant(page: Page): Promise<Person> {
  const p = await registerViaApi(page.request, { ...newPerson(), name: uniqueName() });
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByTestId('masked-name')).toHaveText(`${p.name.slice(0, 1)}**`);
  return p;
}

function stepTitle(page: Page) {
  return page.locator('#collection-step-title');
}

async function nextStep(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: '保存并下一步' }).click();
  await expect(stepTitle(page)).toHaveText(title);
}

/** The simulated phone: sign in as a new Alipay account holding the given identity and authorise. */
async function confirmOnPhone(page: Page, scanUrl: string, identity: { name: string; idNumber: string }, outcome: '验证失败' | '验证通过'): Promise<Page> {
  const phone = await page.context().newPage();
  await phone.goto(scanUrl);
  await expect(phone.getByRole('heading', { name: '支付宝 · 身份验证' })).toBeVisible();
  await phone.getByLabel('支付宝账号').fill(`sim${crypto.randomInt(1e9)}@example.com`);
  await phone.getByRole('checkbox', { name: /这是首次使用的新账号/ }).check();
  await phone.getByLabel('姓名', { exact: true }).fill(identity.name);
  await phone.getByLabel('身份证号', { exact: true }).fill(identity.idNumber);
  await phone.getByRole('button', { name: '同意授权并验证' }).click();
  await expect(phone.getByText(outcome, { exact: true })).toBeVisible();
  return phone;
}

/** 采集须知 → 基本信息 → 教育经历 → 工作经历 → 会计管理部门 → 提交审核, from a verified account's first visit. */
async function completeCollection(page: Page, workAddress: string): Promise<void> {
  await expect(stepTitle(page)).toHaveText('采集须知');
  await page.getByRole('radio', { name: /^（一）会计人员/ }).check();
  await nextStep(page, '基本信息');

  await upload(page, '证件照片', photo());
  await choose(page, '政治面貌', '群众');
  await choose(page, '民族', '汉族');
  await page.getByLabel('邮箱', { exact: true }).fill('accountant@example.com');
  await page.getByLabel('邮编', { exact: true }).fill('100010');
  await page.getByLabel('通讯地址', { exact: true }).fill('北京市东城区东长安街1号');
  await nextStep(page, '教育经历');

  await page.locator('.ausm-step-toolbar').getByRole('button', { name: '新增' }).click();
  const edu = page.getByRole('dialog', { name: '新增教育经历' });
  await choose(edu, '培养方式', '全日制');
  await edu.getByLabel('学校名称(全称)', { exact: true }).fill('中央财经大学');
  await pickDate(edu, '入学时间', '2008-09-01');
  await pickDate(edu, '毕业时间', '2012-07-01');
  await choose(edu, '学历', '大学本科');
  await choose(edu, '学位', '学士');
  await searchCascader(edu, '所学专业', '会计学');
  await edu.getByLabel('学历证书编号', { exact: true }).fill('100341201205001234');
  await edu.getByLabel('学位证书编号', { exact: true }).fill('1003442012001234');
  await expect(edu.getByRole('radio', { name: '否', exact: true })).toBeChecked();
  // the 学信网 simulator does not know this person: the certificates go up as a file
  await upload(edu, '学历学位证书', pdf('学历学位证书.pdf'));
  const eduSaved = page.waitForResponse((r) => r.url().endsWith('/api/collection/education') && r.request().method() === 'POST');
  await edu.getByRole('button', { name: '保存' }).click();
  expect((await eduSaved).ok()).toBeTruthy();
  await expect(edu).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '中央财经大学' })).toContainText('会计学');
  await nextStep(page, '工作经历');

  await page.locator('.ausm-step-toolbar').getByRole('button', { name: '新增' }).click();
  const work = page.getByRole('dialog', { name: '新增工作经历信息' });
  await pickDate(work, '工作开始时间', '2015-03-01');
  await work.getByRole('checkbox', { name: '至今' }).check();
  await work.getByLabel('单位名称', { exact: true }).fill('北京长安商贸有限公司');
  await work.getByLabel('统一社会信用代码', { exact: true }).fill('91110000600037341L');
  await searchCascader(work, '单位类型', '民营企业');
  await choose(work, '所属行业', '批发和零售业');
  await work.getByLabel('工作单位地址', { exact: true }).fill(workAddress);
  await work.getByLabel('工作单位电话', { exact: true }).fill('010-65123456');
  await work.getByRole('radio', { name: '是', exact: true }).check();
  await work.getByRole('button', { name: '新增本单位会计工作经历' }).click();
  const row = page.getByRole('dialog', { name: '新增本单位会计工作经历' });
  await choose(row, '会计人员岗位层级', '一般会计人员');
  await choose(row, '从事会计工作岗位', '出纳');
  await pickDate(row, '会计工作开始时间', '2015-03-01');
  await row.getByRole('checkbox', { name: '至今' }).check();
  await row.getByRole('button', { name: '确定' }).click();
  await expect(row).toBeHidden();
  await expect(work.getByRole('row').filter({ hasText: '出纳' })).toContainText('至今');
  await upload(work, '会计工作经历证明', pdf('在职及会计工作证明.pdf'));
  const workSaved = page.waitForResponse((r) => r.url().endsWith('/api/collection/work') && r.request().method() === 'POST');
  await work.getByRole('button', { name: '保存' }).click();
  expect((await workSaved).ok()).toBeTruthy();
  await expect(work).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '北京长安商贸有限公司' })).toContainText('91110000600037341L');
  await page.getByRole('button', { name: '保存并下一步' }).click();
  await expect(stepTitle(page)).toHaveText('会计管理部门');

  await walkCascader(page, '会计管理部门', DEPARTMENT_PATH);
  await submitCollection(page);
}

/** On 会计管理部门: promise, 提交审核, and the 审核告知 that follows. */
async function submitCollection(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: '承诺所提供信息真实有效' }).check();
  const submitted = page.waitForResponse((r) => r.url().endsWith('/api/collection/submit'));
  await page.getByRole('button', { name: '提交审核' }).click();
  expect((await submitted).status()).toBe(200);
  await expect(stepTitle(page)).toHaveText('审核告知');
  await expectStatus(page, '审核中');
  await expect(page.getByText(`已提交至${DONGCHENG}`)).toBeVisible();
}

async function expectStatus(page: Page, status: '审核中' | '审核通过' | '审核不通过'): Promise<void> {
  await expect(page.getByTestId('collection-status')).toHaveText(status);
  await expect(page.getByRole('row').filter({ hasText: '所属会计管理部门' })).toContainText(DONGCHENG);
}

test('支付宝实名认证 (a mismatch, then a match), the whole collection, and the department approves it', { tag: '@smoke' }, async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const a = await newAccountant(page);

  await page.goto('/collection');
  const dialog = page.getByRole('dialog', { name: '实名认证', exact: true });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '支付宝实名认证' }).click();
  await expect(dialog.getByTestId('alipay-qr')).toBeVisible();
  const phoneLink = dialog.getByRole('link', { name: '在模拟手机中打开' });
  const firstUrl = (await phoneLink.getAttribute('href')) ?? '';
  expect(firstUrl).toContain('/sim/alipay/');

  // first try: an Alipay account whose verified identity is someone else's
  const mismatch = '支付宝账号的实名信息与平台注册的姓名、证件号码不一致';
  const phone1 = await confirmOnPhone(page, firstUrl, { name: '张其他', idNumber: genMainlandId() }, '验证失败');
  await expect(phone1.getByText(mismatch)).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('实名认证失败');
  await expect(dialog.getByRole('status')).toContainText(mismatch);
  await phone1.close();

  // 重新发起: a new QR code, and this time an account holding A's own name and ID number
  await dialog.getByRole('button', { name: '重新发起' }).click();
  await expect(dialog.getByTestId('alipay-qr')).toBeVisible();
  await expect(phoneLink).not.toHaveAttribute('href', firstUrl);
  const secondUrl = (await phoneLink.getAttribute('href')) ?? '';
  const phone2 = await confirmOnPhone(page, secondUrl, { name: a.name, idNumber: a.idNumber }, '验证通过');
  await phone2.close();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('实名认证成功，请继续信息采集')).toBeVisible();

  await completeCollection(page, '北京市东城区王府井大街1号');

  const reviewer = await staffSession(browser, baseURL, 'bj_reviewer');
  await openPendingReview(reviewer, a.name, '会计人员信息采集');
  await expect(reviewer.getByText('北京长安商贸有限公司').first()).toBeVisible();
  await approveOpenReview(reviewer);
  await reviewer.context().close();

  await page.reload();
  await expect(stepTitle(page)).toHaveText('审核告知');
  await expectStatus(page, '审核通过');
  await expect(page.locator('.ant-result-title')).toHaveText('审核通过');
  await expect(page.getByText('采集信息已审核通过，不能在此修改')).toBeVisible();
  await expect(page.getByRole('button', { name: '修改后重新提交' })).toHaveCount(0);
  // read-only: asking for a step still shows the 审核告知, with nothing to save or edit
  await page.goto('/collection?step=work');
  await expect(stepTitle(page)).toHaveText('审核告知');
  await expectStatus(page, '审核通过');
  await expect(page.getByRole('button', { name: '保存并下一步' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
});

test('线上实名认证 reviewed by the city, then a rejected collection is corrected, resubmitted, returned for correction and approved', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const b = await newAccountant(page);

  await page.goto('/collection');
  await expect(page.getByRole('dialog', { name: '实名认证', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '线上实名认证' }).click();
  const online = page.getByRole('dialog', { name: '线上实名认证', exact: true });
  await upload(online, '证件人像面', idImage('front.png'));
  await upload(online, '证件非人像面', idImage('back.png'));
  await upload(online, '手持证件人像面', idImage('handheld.png'));
  await choose(online, '所在省份', '北京市');
  // a municipality has no cities: the district is chosen
  await choose(online, '所在城市', '北京市东城区');
  const applied = page.waitForResponse((r) => r.url().endsWith('/api/realname/online'));
  await online.getByRole('button', { name: '提交审核' }).click();
  expect((await applied).status()).toBe(201);
  await expect(online.getByText('线上实名认证审核中')).toBeVisible();
  await expect(online.getByText('已提交至北京市东城区财政局审核')).toBeVisible();

  // the city department's supervisor approves the application
  const supervisor = await staffSession(browser, baseURL, 'bj_supervisor');
  await openPendingReview(supervisor, b.name, '线上实名认证');
  await expect(supervisor.getByText(DONGCHENG).first()).toBeVisible();
  await approveOpenReview(supervisor);
  await supervisor.context().close();

  // verified now: /collection opens on 采集须知 without the dialog
  await page.goto('/collection');
  await expect(stepTitle(page)).toHaveText('采集须知');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await completeCollection(page, '北京市东城区王府井大街');

  const reviewer = await staffSession(browser, baseURL, 'bj_reviewer');
  await openPendingReview(reviewer, b.name, '会计人员信息采集');
  await rejectOpenReview(reviewer, REJECT_REASON);

  await page.reload();
  await expect(stepTitle(page)).toHaveText('审核告知');
  await expectStatus(page, '审核不通过');
  await expect(page.locator('.ant-result-title')).toHaveText('审核不通过');
  await expect(page.getByText(`不通过原因：${REJECT_REASON}`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '不通过原因' })).toContainText(REJECT_REASON);

  // 修改后重新提交: back to the steps, fix the work unit's address, submit again
  await page.getByRole('button', { name: '修改后重新提交' }).click();
  await expect(stepTitle(page)).toHaveText('采集须知');
  await page.getByRole('navigation', { name: '信息采集步骤' }).getByText('工作经历', { exact: true }).click();
  await expect(stepTitle(page)).toHaveText('工作经历');
  const fixedAddress = '北京市东城区王府井大街138号';
  await page.getByRole('row').filter({ hasText: '北京长安商贸有限公司' }).getByRole('button', { name: '编辑' }).click();
  const work = page.getByRole('dialog', { name: '编辑工作经历信息' });
  await expect(work.getByLabel('工作单位地址', { exact: true })).toHaveValue('北京市东城区王府井大街');
  await work.getByLabel('工作单位地址', { exact: true }).fill(fixedAddress);
  const updated = page.waitForResponse((r) => /\/api\/collection\/work\/[^/]+$/.test(r.url()) && r.request().method() === 'PUT');
  await work.getByRole('button', { name: '保存' }).click();
  expect((await updated).ok()).toBeTruthy();
  await expect(work).toBeHidden();
  await page.getByRole('button', { name: '保存并下一步' }).click();
  await expect(stepTitle(page)).toHaveText('会计管理部门');
  await submitCollection(page);

  // the department returns the new submission for correction (退回补正): the same item comes back
  await openPendingReview(reviewer, b.name, '会计人员信息采集');
  await expect(reviewer.getByText(fixedAddress).first()).toBeVisible();
  await returnOpenReview(reviewer, RETURN_REASON);
  await page.reload();
  await expect(page.getByTestId('collection-status')).toHaveText('退回补正');
  await expect(page.getByText(`退回原因：${RETURN_REASON}`)).toBeVisible();
  await page.getByRole('button', { name: '补正后重新提交' }).click();
  await expect(stepTitle(page)).toHaveText('采集须知');
  await page.getByRole('navigation', { name: '信息采集步骤' }).getByText('会计管理部门', { exact: true }).click();
  await expect(stepTitle(page)).toHaveText('会计管理部门');
  await submitCollection(page);

  await openPendingReview(reviewer, b.name, '会计人员信息采集');
  // the history shows the return and the resubmission of this one item
  await expect(reviewer.getByText(`退回原因：${RETURN_REASON}`)).toBeVisible();
  await expect(reviewer.getByText('补正后重新提交', { exact: true })).toBeVisible();
  await approveOpenReview(reviewer);
  await reviewer.context().close();

  await page.reload();
  await expectStatus(page, '审核通过');
  await expect(page.locator('.ant-result-title')).toHaveText('审核通过');
});
