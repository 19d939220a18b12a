// The login page as a browser on a first visit gets it: JavaScript transferred (compressed, as sent)
// and decoded, and the Lighthouse 12.2 desktop performance score, median of 3. Run by `npm run bench`
// (after the API benchmark) or alone with `node bench/web.mjs`; never by CI. Needs a build
// (`npm run build`) and Debian's Chromium. Traffic goes only to 127.0.0.1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ausm-web-bench-'));
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), AUSM_DATA_DIR: dataDir, AUSM_DEMO: '1', LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => { child.kill('SIGTERM'); fs.rmSync(dataDir, { recursive: true, force: true }); } };
}

async function pageWeight(base) {
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const scripts = [];
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const sizes = await req.sizes();
    const res = await req.response();
    scripts.push({ url: req.url(), transferred: sizes.responseBodySize, decoded: (await res?.body())?.length ?? 0, encoding: (await res?.allHeaders())?.['content-encoding'] ?? 'identity' });
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  await browser.close();
  return {
    files: scripts.length,
    transferred: scripts.reduce((n, s) => n + s.transferred, 0),
    decoded: scripts.reduce((n, s) => n + s.decoded, 0),
    encodings: [...new Set(scripts.map((s) => s.encoding))],
  };
}

async function lighthouseScores(base) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const scores = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await launch({ chromePath: CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    try {
      const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
      const r = await lighthouse(`${base}/login`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktop);
      scores.push(Math.round((r?.lhr.categories.performance.score ?? 0) * 100));
    } finally {
      await chrome.kill();
    }
  }
  const sorted = [...scores].sort((a, b) => a - b);
  return { scores, median: sorted[Math.floor(sorted.length / 2)] };
}

const server = await startServer();
try {
  const weight = await pageWeight(server.base);
  const lh = await lighthouseScores(server.base).catch((err) => ({ error: String(err) }));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log('\n| login page (first visit, desktop)       | value |');
  console.log('|-----------------------------------------|------:|');
  console.log(`| JS files                                | ${weight.files} |`);
  console.log(`| JS transferred (${weight.encodings.join('/')}) | ${kb(weight.transferred)} |`);
  console.log(`| JS decoded                              | ${kb(weight.decoded)} |`);
  console.log(`| Lighthouse 12.2 desktop performance     | ${'median' in lh ? `${lh.median} (runs: ${lh.scores.join(', ')})` : lh.error} |`);
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'web.json'), JSON.stringify({ at: new Date().toISOString(), weight, lighthouse: lh }, null, 2));
} finally {
  server.stop();
}
