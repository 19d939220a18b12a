import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { makePdf } from '../server/test/helpers/images';
import { approvedPerson } from './fixtures/approved';
import { seriousViolations } from './fixtures/axe';
import { choose, openPendingReview, pickDate, staffSession } from './fixtures/portal';

/*
 * 人员查询 and 奖惩信息 (issue 12): 东城区 finds a person it holds, opens the archive and records a
 * 奖惩 with its 文号; the person sees it in their own 奖惩信息.
 */

const SHOTS = 'docs/screenshots';

test('a department finds a person in 人员查询, records a 奖惩 in the archive, and the person sees it', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const p = await approvedPerson(page, browser, baseURL);
  const staff = await staffSession(browser, baseURL, 'bj_reviewer');
  await staff.getByRole('link', { name: '人员查询' }).first().click();
  await expect(staff.getByRole('heading', { name: '人员查询', level: 1 })).toBeVisible();
  await staff.getByLabel('姓名或证件号码').fill(p.idNumber);
  await staff.getByRole('button', { name: '查询' }).click();
  const row = staff.getByRole('table', { name: '会计人员' }).getByRole('row').filter({ hasText: p.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('审核通过');
  await expect(row).not.toContainText(p.idNumber);
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.screenshot({ path: `${SHOTS}/admin-people.png`, fullPage: true });
  await row.getByRole('link', { name: /查看档案/ }).click();
  await expect(staff.getByRole('heading', { name: `${p.name}的档案` })).toBeVisible();
  await expect(staff.getByRole('table', { name: '工作经历' })).toContainText(p.company);
  await staff.getByRole('button', { name: '录入奖惩' }).click();
  const dialog = staff.getByRole('dialog', { name: '录入奖惩信息' });
  await choose(dialog, '奖惩类型', '奖励');
  await dialog.getByLabel('奖惩名称').fill('先进会计工作者');
  await dialog.getByLabel('授予或作出机关').fill('北京市东城区财政局');
  await pickDate(dialog, '奖惩时间', '2025-12-20');
  await dialog.getByLabel('文号').fill('东财会〔2025〕18号');
  await dialog.getByRole('button', { name: '录入' }).click();
  await expect(dialog).toBeHidden();
  await expect(staff.getByRole('table', { name: '奖惩信息' })).toContainText('东财会〔2025〕18号');
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.screenshot({ path: `${SHOTS}/admin-person-archive.png`, fullPage: true });
  await staff.context().close();

  await page.goto('/honors');
  const mine = page.getByRole('table', { name: '奖惩信息' }).getByRole('row').filter({ hasText: '先进会计工作者' });
  await expect(mine).toContainText('部门录入');
  await expect(mine).toContainText('审核通过');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/honors.png`, fullPage: true });
});

test('a reviewer gives an item to themself, finds it under 分配给我的, and exports 人员查询 as xlsx', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const p = await approvedPerson(page, browser, baseURL);
  const honor = await page.request.post('/api/files?purpose=honor_proof', { multipart: { file: { name: '表彰决定.pdf', mimeType: 'application/pdf', buffer: makePdf() } } });
  expect(honor.status()).toBe(201);
  const fileId = ((await honor.json()) as { id: string }).id;
  expect((await page.request.post('/api/honors', { data: { type: 'reward', title: '优秀会计人员', authority: '北京市财政局', date: '2025-06-01', documentFileId: fileId } })).status()).toBe(201);

  const staff = await staffSession(browser, baseURL, 'bj_reviewer');
  await openPendingReview(staff, p.name, '奖惩信息');
  await choose(staff, '分配给', '李审核');
  await staff.getByRole('button', { name: '确认分配' }).click();
  await expect(staff.getByText('已分配给李审核').first()).toBeVisible();
  await staff.goto('/admin/reviews?status=pending&assignee=me');
  await expect(staff.getByRole('row').filter({ hasText: p.name })).toContainText('李审核');

  await staff.goto('/admin/people');
  await expect(staff.getByText('人员统计')).toBeVisible();
  const download = staff.waitForEvent('download');
  await staff.getByRole('link', { name: /导出/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = fs.readFileSync((await file.path()) ?? '');
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from(p.name))).toBe(true);
  expect(bytes.includes(Buffer.from(p.idNumber))).toBe(false);

  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.goto(`/admin/people`);
  await staff.getByLabel('姓名或证件号码').fill(p.idNumber);
  await staff.getByRole('button', { name: '查询' }).click();
  await staff.getByRole('link', { name: /查看档案/ }).click();
  await expect(staff.getByRole('heading', { name: `${p.name}的档案` })).toBeVisible();
  expect(await seriousViolations(staff)).toEqual([]);
  await staff.screenshot({ path: `${SHOTS}/admin-person-archive-phone.png`, fullPage: true });
  await staff.context().close();
});
