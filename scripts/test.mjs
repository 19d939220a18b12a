// `npm test`: everything, each step once, with each suite's time.
//   1. type-check, lint, docs check      once
//   2. build (web + server)              once (for the browser tests)
//   3. unit + API suites on SQLite       ┐ in parallel when DATABASE_URL is set:
//      API suites on PostgreSQL (+Redis) ┘ the same tests on both databases
//   4. browser tests: all of them on PostgreSQL + Redis and the @smoke set on SQLite when
//      DATABASE_URL is set; all of them on SQLite otherwise
// Each step's time is printed as it ends and again at the end (scripts/ci-summary.mjs adds the counts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const pgUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const times = [];

function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Runs a command with its output prefixed by the step's name; resolves with the exit code. */
function run(name, cmd, args, env = {}) {
  const started = Date.now();
  const sqliteOnly = env.DATABASE_URL === undefined;
  const childEnv = { ...process.env, ...env };
  if (sqliteOnly) {
    delete childEnv.DATABASE_URL;
    delete childEnv.REDIS_URL;
  }
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
    child.stdout.on('data', (d) => process.stdout.write(prefix(d)));
    child.stderr.on('data', (d) => process.stderr.write(prefix(d)));
    child.on('close', (code) => {
      const ms = Date.now() - started;
      times.push({ name, ms, ok: code === 0 });
      console.log(`== ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(ms)}`);
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
fs.mkdirSync('.tmp', { recursive: true });
let failed = false;
const step = async (...runs) => {
  const codes = await Promise.all(runs);
  if (codes.some((c) => c !== 0)) failed = true;
};

await step(run('check', 'npm', ['run', 'check', '--silent']));
await step(run('build', 'npm', ['run', 'build', '--silent']));
if (!failed) {
  const sqlite = run('vitest sqlite', 'npx', ['vitest', 'run'], { AUSM_CI_RUN: 'sqlite' });
  const postgres = pgUrl ? run('vitest postgres', 'npx', ['vitest', 'run', '--project', 'api'], { AUSM_CI_RUN: 'postgres', DATABASE_URL: pgUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) }) : undefined;
  await step(sqlite, ...(postgres ? [postgres] : []));
  // the browser tests one after the other: one Chromium and one app at a time on two cores
  if (pgUrl) {
    await step(run('browser postgres', 'node', ['scripts/e2e.mjs'], { AUSM_CI_RUN: 'postgres', E2E_BUILT: '1', DATABASE_URL: pgUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) }));
    await step(run('browser sqlite (@smoke)', 'node', ['scripts/e2e.mjs'], { AUSM_CI_RUN: 'sqlite', E2E_BUILT: '1', E2E_SET: 'smoke' }));
  } else {
    await step(run('browser sqlite', 'node', ['scripts/e2e.mjs'], { AUSM_CI_RUN: 'sqlite', E2E_BUILT: '1' }));
  }
}

console.log('\n== suite times');
for (const t of times) console.log(`  ${t.ok ? 'ok    ' : 'FAILED'} ${t.name.padEnd(26)} ${seconds(t.ms)}`);
console.log(`  total ${seconds(Date.now() - started)}${pgUrl ? '' : ' (SQLite only: set DATABASE_URL to run the PostgreSQL suites too)'}`);
process.exit(failed ? 1 : 0);
