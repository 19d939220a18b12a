import { expect, test } from '@playwright/test';
import { approvedPerson } from './fixtures/approved';
import { tabTo } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';
import { staffSession } from './fixtures/portal';

/*
 * 属地关系调转 and 奖惩信息 by keyboard alone on a phone (390×844), with axe on each page and dialog,
 * and the screenshots of the new pages at phone size; 人员查询 at phone size for staff.
 */

const SHOTS = 'docs/screenshots';


test('属地关系调转 and 奖惩信息 by keyboard at 390×844, nothing serious for axe', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await approvedPerson(page, browser, baseURL);
  const findings: string[] = [];
  const scan = async (where: string) => findings.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));

  await page.goto('/transfer');
  await expect(page.getByRole('heading', { name: '调转信息' })).toBeVisible();
  await scan('调转信息');
  await page.screenshot({ path: `${SHOTS}/transfer-phone.png`, fullPage: true });
  await tabTo(page, '调转申请');
  await page.keyboard.press('Enter');
  const apply = page.getByRole('dialog', { name: '调转申请' });
  await expect(apply).toBeVisible();
  // the reason by keyboard: the select opens with Enter, ArrowDown picks, Enter confirms
  await page.keyboard.press('Tab');
  await expect(apply.getByRole('combobox').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(apply.getByLabel('调入学校名称')).toBeVisible();
  await scan('调转申请 (学籍所在地变动)');
  await page.screenshot({ path: `${SHOTS}/transfer-apply-phone.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(apply).toBeHidden();

  await page.goto('/honors');
  await expect(page.getByRole('heading', { name: '奖惩信息', level: 1 })).toBeVisible();
  await scan('奖惩信息');
  await page.screenshot({ path: `${SHOTS}/honors-phone.png`, fullPage: true });
  await tabTo(page, '申请登记');
  await page.keyboard.press('Enter');
  const honor = page.getByRole('dialog', { name: '申请登记奖惩信息' });
  await expect(honor).toBeVisible();
  await scan('申请登记奖惩信息');
  await page.keyboard.press('Escape');
  await expect(honor).toBeHidden();
  expect(findings).toEqual([]);

  const staff = await staffSession(browser, baseURL, 'bj_reviewer');
  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.goto('/admin/people');
  await expect(staff.getByRole('heading', { name: '人员查询', level: 1 })).toBeVisible();
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.screenshot({ path: `${SHOTS}/admin-people-phone.png`, fullPage: true });
  await staff.context().close();
});
