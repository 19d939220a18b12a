import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { loginViaUi, registerViaApi } from './fixtures/helpers';
import { staffSession } from './fixtures/portal';
import { makePng } from '../server/test/helpers/images';

/**
 * The two cross-site request forgeries an attack run carried out, replayed in Chromium from a page
 * on another port of the same host (the same *site*, so SameSite=Lax cookies go along): a text/plain
 * form that imported a 高级 certificate into the 全国证书库 with the system administrator's cookie, and a
 * script that uploaded a file with an accountant's cookie. Both must now be refused by the server.
 */
let attacker: http.Server;
let attackOrigin = '';
let target = '';

test.beforeAll(async ({ baseURL }) => {
  target = baseURL ?? '';
  attacker = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url === '/import') {
      // name + "=" + value is the text/plain body: together they spell a JSON object
      const name = '{"csv":"证书编号,姓名,证件号码,级别,取得年份,发证机关\\r\\nCSRF0001,张三,110105199001011232,高级,2015,北京市财政局","x":"';
      res.end(`<!doctype html><form id="f" method="POST" enctype="text/plain" action="${target}/api/admin/certificates/import"><input type="hidden" name='${name}' value='"}'></form><script>document.getElementById('f').submit()</script>`);
      return;
    }
    // a file form: the victim is talked into choosing a file (here Playwright chooses it) and pressing the button
    res.end(`<!doctype html><form method="POST" enctype="multipart/form-data" action="${target}/api/files?purpose=realname_front"><input id="file" type="file" name="file"><button>领取补贴</button></form>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

test('a form on another port cannot import a certificate with the administrator’s cookie', { tag: '@smoke' }, async ({ browser, baseURL }) => {
  const admin = await staffSession(browser, baseURL, 'admin', 'Admin@2026');
  const refused = admin.waitForResponse((r) => r.url().endsWith('/api/admin/certificates/import'));
  await admin.goto(`${attackOrigin}/import`);
  const res = await refused;
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED' });
  // nothing was imported: the administrator's own search finds no such certificate
  const search = await admin.request.get('/api/admin/certificates?q=CSRF0001');
  expect((await search.json()).items).toEqual([]);
  await admin.context().close();
});

test('a file form on another port cannot upload a file with an accountant’s cookie', async ({ page, request }) => {
  const p = await registerViaApi(request);
  await loginViaUi(page, p.idNumber, p.password);
  await expect(page.getByRole('button', { name: /退出/ })).toBeVisible();
  await page.goto(`${attackOrigin}/upload`);
  await page.setInputFiles('#file', { name: 'csrf.png', mimeType: 'image/png', buffer: makePng(400, 260) });
  const upload = page.waitForResponse((r) => r.url().includes('/api/files?purpose='));
  await page.getByRole('button', { name: '领取补贴' }).click();
  const res = await upload;
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED' });
  // the person's own session still works, and from the platform's pages uploads are accepted
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(200);
});
