import { expect, test, type Page } from '@playwright/test';
import { approvedPerson } from './fixtures/approved';
import { tabTo } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';
import { approveOpenReview, choose, openPendingReview, searchCascader, staffSession } from './fixtures/portal';

/*
 * 会计人员信息变更 (guide §4, issue 12): a 基本信息变更 decided by the system at once and shown in 变更记录
 * with the changed field in red; an 教育经历变更 waiting for 东城区, decided there and then in the record.
 */

const SHOTS = 'docs/screenshots';

function records(page: Page) {
  return page.getByRole('table', { name: '变更记录' });
}

test('a 基本信息变更 is approved by the system and shown in 变更记录 with the changed field in red', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await approvedPerson(page, browser, baseURL);
  await page.goto('/');
  await page.getByTestId('service-menu').hover();
  await page.getByRole('link', { name: '信息变更', exact: true }).click();
  await expect(page.getByRole('heading', { name: '基本信息变更' })).toBeVisible();
  await expect(page.getByText('当前信息审核状态：')).toContainText('审核通过');
  await page.getByRole('button', { name: '进行变更' }).click();
  const dialog = page.getByRole('dialog', { name: '基本信息变更' });
  await choose(dialog, '政治面貌', '中共党员');
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/changes/basic'));
  await dialog.getByRole('button', { name: '保存' }).click();
  expect((await sent).status()).toBe(201);
  await expect(page.getByText('基本信息变更已自动审核通过')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '政治面貌' })).toContainText('中共党员');

  await page.getByRole('tab', { name: /变更记录/ }).click();
  const row = records(page).getByRole('row').filter({ hasText: '基本信息变更' });
  await expect(row).toContainText('自动审核');
  await expect(row).toContainText('审核通过');
  await row.getByRole('button', { name: /详情/ }).click();
  const detail = page.getByRole('dialog', { name: '基本信息变更详情' });
  const political = detail.getByRole('row').filter({ hasText: '政治面貌' });
  await expect(political).toContainText('群众');
  await expect(political.locator('.ausm-diff-changed')).toContainText('中共党员');
  await expect(political.locator('.ausm-diff-changed')).toHaveCSS('color', 'rgb(207, 19, 34)');
  await expect(detail.getByRole('row').filter({ hasText: '民族' }).locator('.ausm-diff-changed')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/changes-basic-detail.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '当前信息' }).click();
  await page.screenshot({ path: `${SHOTS}/changes-basic.png`, fullPage: true });
  for (const [section, title] of [['education', '教育经历变更'], ['work', '工作经历变更'], ['scope', '采集范围变更']] as const) {
    await page.goto(`/changes?section=${section}`);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/changes-${section}.png`, fullPage: true });
  }
  await page.goto('/changes');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/changes-basic-phone.png`, fullPage: true });
});

test('an 教育经历变更 waits for the department, which sees what changed and approves it', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const p = await approvedPerson(page, browser, baseURL);
  await page.goto('/changes?section=education');
  await expect(page.getByRole('heading', { name: '教育经历变更' })).toBeVisible();
  await page.getByRole('row').filter({ hasText: p.school }).getByRole('button', { name: '变更', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '变更教育经历' });
  await searchCascader(dialog, '所学专业', '财务管理');
  const sent = page.waitForResponse((r) => /\/api\/changes\/education\/[^/]+$/.test(r.url()));
  await dialog.getByRole('button', { name: '保存' }).click();
  expect((await sent).status()).toBe(201);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('您有一项教育经历变更正在审核中')).toBeVisible();
  // unchanged until decided
  await expect(page.getByRole('row').filter({ hasText: p.school })).toContainText('会计学');
  await page.getByRole('tab', { name: /变更记录/ }).click();
  await expect(records(page).getByRole('row').filter({ hasText: '教育经历变更' })).toContainText('人工审核');
  await expect(records(page).getByRole('row').filter({ hasText: '教育经历变更' })).toContainText('审核中');
  await page.screenshot({ path: `${SHOTS}/changes-education-records.png`, fullPage: true });

  const reviewer = await staffSession(browser, baseURL, 'bj_reviewer');
  await openPendingReview(reviewer, p.name, '教育经历变更');
  const major = reviewer.getByRole('row').filter({ hasText: '所学专业' });
  await expect(major).toContainText('会计学');
  await expect(major.locator('.ausm-diff-changed')).toContainText('财务管理');
  await reviewer.screenshot({ path: `${SHOTS}/admin-change-review.png`, fullPage: true });
  await reviewer.setViewportSize({ width: 390, height: 844 });
  expect(await seriousViolations(reviewer)).toEqual([]);
  await reviewer.screenshot({ path: `${SHOTS}/admin-change-review-phone.png`, fullPage: true });
  await reviewer.setViewportSize({ width: 1280, height: 800 });
  await approveOpenReview(reviewer);
  await reviewer.context().close();

  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: p.school })).toContainText('财务管理');
  await page.getByRole('tab', { name: /变更记录/ }).click();
  await expect(records(page).getByRole('row').filter({ hasText: '教育经历变更' })).toContainText('审核通过');
});

test('信息变更 by keyboard alone at 390×844, with nothing serious for axe on any section, dialog or record', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await approvedPerson(page, browser, baseURL);
  const findings: string[] = [];
  const scan = async (where: string) => findings.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));
  await page.goto('/changes');
  await expect(page.getByRole('heading', { name: '基本信息变更' })).toBeVisible();
  await scan('基本信息');
  // Tab to 进行变更 and open it with Enter; Escape closes the dialog
  await tabTo(page, '进行变更');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '基本信息变更' });
  await expect(dialog).toBeVisible();
  await scan('基本信息变更 dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // the sections are a radio group on a phone: arrow keys move between them
  await page.getByRole('radio', { name: '基本信息' }).focus();
  for (const [title, section] of [['教育经历变更', 'education'], ['工作经历变更', 'work'], ['采集范围变更', 'scope']] as const) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`section=${section}`));
    await scan(title);
    await page.screenshot({ path: `${SHOTS}/changes-${section}-phone.png`, fullPage: true });
    await page.getByRole('radio', { name: title.replace('变更', '') }).focus();
  }
  // 采集范围 by keyboard: pick the scope the person cannot have yet and read why
  await page.getByRole('radio', { name: /不从事第/ }).focus();
  await page.keyboard.press('Space');
  await tabTo(page, '提交变更');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('全国会计资格职称库');
  await scan('采集范围 refused');
  await page.getByRole('tab', { name: /变更记录/ }).click();
  await scan('变更记录 (empty)');
  expect(findings).toEqual([]);
});


test('a reviewer near a deadline approves several changes at once, each its own decision', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const people = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
    const own = await context.newPage();
    const p = await approvedPerson(own, browser, baseURL);
    const current = ((await (await own.request.get('/api/collection')).json()) as { education: Array<Record<string, unknown>>; basic: Record<string, unknown> });
    const e = current.education[0] ?? {};
    const sent = await own.request.post(`/api/changes/education/${String(e.id)}`, {
      data: { mode: e.mode, school: e.school, startDate: e.startDate, endDate: e.endDate, ongoing: e.ongoing, educationLevel: e.educationLevel, degree: e.degree, majorCode: '120201K', eduCertNo: e.eduCertNo, degreeCertNo: e.degreeCertNo, abroad: false, proofFileId: e.proofFileId },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    people.push(p);
    await context.close();
  }
  const reviewer = await staffSession(browser, baseURL, 'bj_reviewer');
  await reviewer.goto('/admin/reviews?status=pending&kind=change_education');
  for (const p of people) await reviewer.getByRole('checkbox', { name: `选择${p.name}的教育经历变更` }).check();
  const batch = reviewer.getByRole('region', { name: '批量审核' });
  await expect(batch).toContainText('已选择2件');
  await batch.getByRole('button', { name: '批量审核通过' }).click();
  const decided = reviewer.waitForResponse((r) => r.url().endsWith('/api/admin/reviews/batch-decision'));
  await reviewer.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  expect((await decided).status()).toBe(200);
  await expect(reviewer.getByText('已审核通过2件')).toBeVisible();
  for (const p of people) await expect(reviewer.getByRole('row').filter({ hasText: p.name })).toHaveCount(0);
  await reviewer.context().close();
});
