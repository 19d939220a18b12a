import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the review engine is the only writer of reviews', () => {
  it('has no INSERT, UPDATE or DELETE of reviews, review_actions or review_events outside platform/review', () => {
    const writes = /(insertInto|updateTable|deleteFrom)\(\s*'(reviews|review_actions|review_events|review_participants|review_files)'|(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(reviews|review_actions|review_events)\b/;
    const offenders = sources(serverSrc)
      .filter((f) => !f.startsWith(path.join(serverSrc, 'platform', 'review')))
      .filter((f) => writes.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(serverSrc, f));
    expect(offenders).toEqual([]);
  });
});
