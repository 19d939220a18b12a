// Runs the Playwright browser tests in Debian's Chromium. Without Chromium they report themselves
// skipped with the install instruction, except under CI, where a missing browser is a failure.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const msg = `browser tests: Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium`;
  if (process.env.CI) {
    console.error(`${msg}\nCI requires the browser tests.`);
    process.exit(1);
  }
  console.log(`${msg}\nbrowser tests: 0 passed, 0 failed, all skipped`);
  process.exit(0);
}
// npm test has built already (E2E_BUILT=1); run alone, the browser tests build first
if (!process.env.E2E_BUILT) execSync('npm run build', { stdio: 'inherit' });
// E2E_SET=smoke (CI's SQLite pass): the tests tagged @smoke; the whole set runs on PostgreSQL + Redis
const smoke = process.env.E2E_SET === 'smoke' ? ['--grep', '@smoke'] : [];
if (smoke.length) console.log('browser tests: the @smoke set (E2E_SET=smoke)');
const r = spawnSync('npx', ['playwright', 'test', ...smoke, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
