// Adds up the JSON reports of both CI runs (vitest and Playwright) into one closing line.
import fs from 'node:fs';

/** 75 s → "1 min 15 s" */
function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of fs.readdirSync('.tmp').filter((f) => f.endsWith('.json'))) {
  const r = JSON.parse(fs.readFileSync(`.tmp/${file}`, 'utf8'));
  if (typeof r.numPassedTests === 'number') {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // vitest: from the run's start to the last test file's end
    const end = Math.max(...(r.testResults ?? []).map((t) => t.endTime ?? 0));
    console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${Number.isFinite(end) && r.startTime ? `, ${seconds(end - r.startTime)}` : ''}`);
  } else if (r.stats) {
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    console.log(`${file}: ${r.stats.expected} passed, ${r.stats.unexpected} failed${r.stats.duration ? `, ${seconds(r.stats.duration)}` : ''}`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
