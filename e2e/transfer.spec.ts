import { expect, test } from '@playwright/test';
import { makePng } from '../server/test/helpers/images';
import { approvedPerson } from './fixtures/approved';
import { seriousViolations } from './fixtures/axe';
import { approveOpenReview, choose, openPendingReview, pickDate, searchCascader, staffSession, upload, walkCascader } from './fixtures/portal';

/*
 * 属地关系调转 (guide §5, issue 12): a person of 北京市东城区 moves to 济南市历下区 for a new employer;
 * 历下区 decides; afterwards the person and their archive belong to 历下区, and 东城区 keeps only the
 * history.
 */

const SHOTS = 'docs/screenshots';

test('a transfer from 北京 to 济南 approved by the receiving department moves the person and their archive there', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const p = await approvedPerson(page, browser, baseURL);
  await page.goto('/');
  await page.getByRole('link', { name: /会计人员属地关系调转/ }).click();
  await expect(page.getByText('当前所属会计管理机构：')).toContainText('北京市东城区财政局');
  await page.getByRole('button', { name: '调转申请' }).click();
  const dialog = page.getByRole('dialog', { name: '调转申请' });
  await choose(dialog, '调档原因', '工作单位所在地变动');
  await dialog.getByLabel('调入单位名称', { exact: true }).fill('济南泉城会计服务有限公司');
  await dialog.getByLabel('调入单位名称—社会信用代码', { exact: true }).fill('91110000600037341L');
  await searchCascader(dialog, '调入单位经济类型', '民营企业');
  await choose(dialog, '调入单位所属行业', '租赁和商务服务业');
  await dialog.getByLabel('调入单位地址', { exact: true }).fill('山东省济南市历下区泉城路1号');
  await pickDate(dialog, '调入单位工作开始时间', '2024-03-01');
  await walkCascader(dialog, '调入会计管理机构', ['山东省财政厅', '济南市财政局', '济南市历下区财政局']);
  await upload(dialog, '证明材料', { name: '单位证明.png', mimeType: 'image/png', buffer: makePng(800, 600) });
  await page.screenshot({ path: `${SHOTS}/transfer-apply.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/transfers') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: '提交审核' }).click();
  expect((await sent).status()).toBe(201);
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: '调转信息' }).getByRole('row').filter({ hasText: '工作单位所在地变动' });
  await expect(row).toContainText('审核中');
  await expect(row).toContainText('济南市历下区财政局');
  await expect(row.getByRole('img', { name: '调转证明材料' })).toBeVisible();
  await expect(page.getByText('您有一项属地关系调转申请正在审核中')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/transfer-list.png`, fullPage: true });

  // the sending department reads it and cannot decide
  const beijing = await staffSession(browser, baseURL, 'bj_reviewer');
  await openPendingReview(beijing, p.name, '属地关系调转', { participating: true });
  await expect(beijing.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  // the receiving department decides
  const jinan = await staffSession(browser, baseURL, 'sd_reviewer');
  await openPendingReview(jinan, p.name, '属地关系调转');
  await expect(jinan.getByRole('row').filter({ hasText: '调出会计管理机构' })).toContainText('北京市财政局 / 北京市东城区财政局');
  await expect(jinan.getByRole('row').filter({ hasText: '调入会计管理机构' })).toContainText('山东省财政厅 / 济南市财政局 / 济南市历下区财政局');
  await expect(jinan.getByRole('row').filter({ hasText: '调入单位名称' }).first()).toContainText('济南泉城会计服务有限公司');
  await jinan.screenshot({ path: `${SHOTS}/admin-transfer-review.png`, fullPage: true });
  await jinan.setViewportSize({ width: 390, height: 844 });
  expect(await seriousViolations(jinan)).toEqual([]);
  await jinan.screenshot({ path: `${SHOTS}/admin-transfer-review-phone.png`, fullPage: true });
  await approveOpenReview(jinan);

  await page.reload();
  await expect(page.getByText('当前所属会计管理机构：')).toContainText('济南市历下区财政局');
  await expect(row).toContainText('审核通过');
  await page.goto('/collection');
  await expect(page.getByRole('row').filter({ hasText: '所属会计管理部门' })).toContainText('济南市历下区财政局');
  // the old department sees the history only: the decided transfer is gone from what it may read
  await beijing.reload();
  await expect(beijing.getByText('审核事项不存在')).toBeVisible();
  await beijing.context().close();
  await jinan.context().close();
});
