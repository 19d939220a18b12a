import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? `.tmp/e2e-${Date.now()}`;

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) against the built app, started fresh in
 * demo mode on its own data folder (and on PostgreSQL when DATABASE_URL is set).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: `.tmp/playwright-${process.env.AUSM_CI_RUN ?? 'run'}.json` }]] : [['list']],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node server/dist/main.js',
    url: `http://127.0.0.1:${port}/api/config`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      AUSM_DATA_DIR: dataDir,
      AUSM_DEMO: '1',
      LOG_LEVEL: 'warn',
      AUSM_SMS_IP_PER_HOUR: '500',
      AUSM_LOGIN_IP_PER_MINUTE: '300',
      // a short SMS window so the countdown can be watched to its end
      AUSM_SMS_RESEND_SECONDS: '8',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  },
});
