import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loginViaUi, tabTo } from './fixtures/helpers';
import { seriousViolations } from './fixtures/axe';

/**
 * 适老化 / 大字版 (web/src/components/elder-mode.tsx, web/src/app/elder.css): the header switch turns
 * it on and off, the browser remembers it, and every accountant page works in it at desktop and
 * phone size — no sideways scrolling, no serious axe findings, type of 18 px and targets of 44 px.
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const outDir = 'docs/screenshots';

interface PortalPage {
  /** screenshot name: docs/screenshots/elder-<name>-<desktop|phone>.png when `shot` */
  name: string;
  path: string;
  shot?: boolean;
}

const PUBLIC_PAGES: ReadonlyArray<PortalPage> = [
  { name: 'home', path: '/', shot: true },
  { name: 'login', path: '/login', shot: true },
  { name: 'register', path: '/register', shot: true },
  { name: 'forgot-password', path: '/forgot-password' },
  { name: 'help', path: '/help', shot: true },
  { name: 'guide', path: '/guide' },
  { name: 'ask', path: '/ask' },
];

const SIGNED_IN_PAGES: ReadonlyArray<PortalPage> = [
  { name: 'home-signed-in', path: '/', shot: true },
  { name: 'collection', path: '/collection', shot: true },
  { name: 'changes', path: '/changes', shot: true },
  { name: 'transfer', path: '/transfer' },
  { name: 'honors', path: '/honors' },
];

/** 个人中心's four pages (a page that shows 页面不存在 counts as a finding). */
const CENTER_PAGES: ReadonlyArray<PortalPage> = [
  { name: 'center', path: '/center', shot: true },
  { name: 'center-wechat', path: '/center/wechat', shot: true },
  { name: 'center-phone', path: '/center/phone', shot: true },
  { name: 'center-data', path: '/center/data', shot: true },
];

const accountNav = (page: Page) => page.getByRole('navigation', { name: '账号' });
const switchOff = (page: Page) => accountNav(page).getByRole('button', { name: '适老化', exact: true });
const switchOn = (page: Page) => accountNav(page).getByRole('button', { name: '标准版', exact: true });

/** Font sizes in px: <body>, antd's App root (the components' base) and the page's main heading. */
async function fontSizes(page: Page): Promise<{ body: number; base: number; h1: number }> {
  return page.evaluate(() => {
    const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
    return { body: px(document.body), base: px(document.querySelector('.ant-app')), h1: px(document.querySelector('main h1')) };
  });
}

/** Visible controls smaller than 44 px high (buttons, fields, choices, the header links). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      '.ant-btn',
      '.ant-input-affix-wrapper',
      'input.ant-input',
      '.ant-select',
      '.ant-picker',
      '.ant-checkbox-wrapper',
      '.ant-radio-wrapper',
      '.ausm-header-link',
      '.ant-segmented-item',
      '.ant-tabs-tab',
      '.ant-menu-item',
      '.ant-dropdown-menu-item',
    ].join(',');
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => !el.closest('.ant-input-affix-wrapper, .ant-input-number, .ant-select') || el.matches('.ant-input-affix-wrapper, .ant-select'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ el, box }) => box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' && box.height < 43.5)
      .map(({ el, box }) => `${el.className.split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 12)}" ${Math.round(box.height)}px`);
  });
}

/** Text cut short with an ellipsis (… in place of words) in the page, its header or a dialog. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *:not(input):not(textarea)')]
      .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.getClientRects().length > 0)
      .map((el) => `"${(el.textContent ?? '').trim().slice(0, 20)}" (${el.scrollWidth}px in ${el.clientWidth}px)`),
  );
}

/** Text squeezed into a column about a character wide (one character a line). */
async function squeezedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
        if (own.length < 4) return false;
        const box = el.getBoundingClientRect();
        const size = parseFloat(getComputedStyle(el).fontSize);
        return box.width > 0 && box.width < 2.5 * size && box.height > 3 * size;
      })
      .map((el) => `"${(el.textContent ?? '').trim().slice(0, 12)}" (${Math.round(el.getBoundingClientRect().width)}px wide)`),
  );
}

/** Everything the checks find on the page as it is now, one line each. */
async function problems(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  const wider = await overflow(page);
  if (wider > 1) found.push(`${where}: scrolls sideways by ${wider}px`);
  found.push(...(await smallTargets(page)).map((t) => `${where}: small target ${t}`));
  found.push(...(await clippedText(page)).map((t) => `${where}: clipped text ${t}`));
  found.push(...(await squeezedText(page)).map((t) => `${where}: squeezed text ${t}`));
  found.push(...(await seriousViolations(page)).map((f) => `${where}: ${f}`));
  return found;
}

/** The page scrolls sideways when its content is wider than the window. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-skeleton-active')).toHaveCount(0);
}

/** Turns the mode on with the header switch (the page must show the portal header). */
async function turnOn(page: Page): Promise<void> {
  await switchOff(page).click();
  await expect(page.locator('html')).toHaveClass(/\bausm-elder\b/);
  await expect(page.locator('html')).toHaveClass(/(^|\s)ausm-elder(\s|$)/);
}

/** Every page of the list at both sizes in the mode: what went wrong, one line per page and size. */
async function checkPages(page: Page, pages: ReadonlyArray<PortalPage>): Promise<string[]> {
  const findings: string[] = [];
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    for (const p of pages) {
      const where = `${p.path} at ${vp.name}`;
      await page.goto(p.path);
      const missing = page.getByText('页面不存在', { exact: true });
      await expect(page.getByRole('heading', { level: 1 }).or(missing).first()).toBeVisible();
      await settled(page);
      if (await missing.isVisible()) findings.push(`${where}: 页面不存在`);
      await expect(page.locator('html')).toHaveClass(/\bausm-elder\b/);
      const sizes = await fontSizes(page);
      if (sizes.body < 18 || sizes.base < 18) findings.push(`${where}: base font ${sizes.body}px / ${sizes.base}px`);
      findings.push(...(await problems(page, where)));
      test.info().annotations.push({ type: 'measured', description: `${where}: body ${sizes.body}px, base ${sizes.base}px, h1 ${sizes.h1}px, overflow ${await overflow(page)}px` });
      if (p.shot) {
        fs.mkdirSync(outDir, { recursive: true });
        await page.screenshot({ path: `${outDir}/elder-${p.name}-${vp.name}.png`, fullPage: true });
      }
    }
  }
  return findings;
}

test('适老化: the header switch turns it on (18 px type, 44 px targets), the browser remembers it, the keyboard toggles it, and it turns off again', async ({ page }) => {
  // whether <html> had the class when the app first drew into #root: the page must not jump
  await page.addInitScript(() => {
    const w = window as unknown as { __elderAtFirstRender?: boolean };
    new MutationObserver((_, observer) => {
      if (document.getElementById('root')?.firstChild) {
        w.__elderAtFirstRender = document.documentElement.classList.contains('ausm-elder');
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const firstRender = () => page.evaluate(() => (window as unknown as { __elderAtFirstRender?: boolean }).__elderAtFirstRender);
  await page.setViewportSize(WIDTHS[0]);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '会计人员登录' })).toBeVisible();
  const standard = await fontSizes(page);
  expect(standard.base).toBeLessThan(18);
  await expect(page.locator('html')).not.toHaveClass(/\bausm-elder\b/);
  const switchBox = await switchOff(page).boundingBox();
  expect(switchBox?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(switchBox?.width ?? 0).toBeGreaterThanOrEqual(44);

  // what was typed stays: switching restyles the page, it does not rebuild it
  await page.getByLabel('证件号码或手机号').fill('13900000001');
  await turnOn(page);
  await expect(page.getByLabel('证件号码或手机号')).toHaveValue('13900000001');
  const on = await fontSizes(page);
  expect(on.body).toBeGreaterThanOrEqual(18);
  expect(on.base).toBeGreaterThanOrEqual(18);
  expect(on.h1).toBeGreaterThan(on.base);
  const login = page.getByRole('button', { name: '登录', exact: true });
  expect((await login.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect((await page.getByLabel('证件号码或手机号').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
  expect(await page.evaluate(() => localStorage.getItem('ausm.elder'))).toBe('1');

  // remembered: after a reload it is on from the first render
  await page.reload();
  await expect(page.getByRole('heading', { name: '会计人员登录' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bausm-elder\b/);
  expect(await firstRender()).toBe(true);
  expect((await fontSizes(page)).base).toBeGreaterThanOrEqual(18);
  expect((await login.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

  // keyboard only: Tab to the switch, Enter turns it off, Enter again on
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await tabTo(page, '标准版');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveClass(/ausm-elder/);
  await expect(switchOff(page)).toBeFocused();
  await expect(page.locator('html')).not.toHaveClass(/\bausm-elder\b/);
  await page.keyboard.press('Enter');
  await expect(switchOn(page)).toBeFocused();
  await expect(page.locator('html')).toHaveClass(/ausm-elder/);

  // off again: the standard sizes come back, and stay after a reload
  await switchOn(page).click();
  await expect(page.locator('html')).not.toHaveClass(/\bausm-elder\b/);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '会计人员登录' })).toBeVisible();
  expect(await firstRender()).toBe(false);
  expect(await fontSizes(page)).toEqual(standard);
  expect(await page.evaluate(() => localStorage.getItem('ausm.elder'))).toBeNull();
});

test('适老化: every public page at desktop and phone size — no sideways scrolling, 44 px targets, no serious axe findings', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await turnOn(page);
  const findings = await checkPages(page, PUBLIC_PAGES);
  // 微信扫码登录 on /login: the QR code waits for a scan (its spinner stays)
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/login');
    await page.getByRole('tab', { name: '微信扫码登录' }).click();
    await expect(page.getByTestId('wechat-qr')).toBeVisible();
    findings.push(...(await problems(page, `微信扫码登录 at ${vp.name}`)));
    if (vp.name === 'phone') await page.screenshot({ path: `${outDir}/elder-login-wechat-phone.png`, fullPage: true });
  }
  expect(findings).toEqual([]);
});

test('适老化: every signed-in page, 个人中心 included, at desktop and phone size', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await turnOn(page);
  await loginViaUi(page, '11010519491231002X', 'Demo@2026');
  await expect(page.getByTestId('masked-name')).toHaveText('王**');
  const findings = [...(await checkPages(page, SIGNED_IN_PAGES)), ...(await checkPages(page, CENTER_PAGES))];
  // what opens over a page: the header's service menu and a dialog with a form
  for (const vp of WIDTHS) {
    await page.setViewportSize(vp);
    await page.goto('/changes');
    await expect(page.getByRole('heading', { name: '基本信息变更' })).toBeVisible();
    await settled(page);
    await page.getByTestId('service-menu').hover();
    const menu = page.locator('.ant-dropdown:visible');
    await expect(menu.getByRole('menuitem', { name: '信息采集' })).toBeVisible();
    findings.push(...(await smallTargets(page)).map((t) => `service menu at ${vp.name}: small target ${t}`));
    await page.mouse.move(vp.width / 2, vp.height - 10);
    await expect(menu).toHaveCount(0);
    await page.getByRole('button', { name: '进行变更' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await settled(page);
    findings.push(...(await problems(page, `基本信息变更 dialog at ${vp.name}`)));
    await page.screenshot({ path: `${outDir}/elder-changes-dialog-${vp.name}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  expect(findings).toEqual([]);
});

test('适老化 stays out of the management portal, which has no switch', async ({ page }) => {
  await page.goto('/');
  await turnOn(page);
  await page.goto('/admin/login');
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/ausm-elder/);
  expect((await fontSizes(page)).base).toBeLessThan(18);
});
