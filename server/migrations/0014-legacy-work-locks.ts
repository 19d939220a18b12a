import type { Kysely } from 'kysely';

/*
 * Locked means locked (issue 11): a 工作经历 that came from the provincial platform keeps every value
 * it came with, 所属行业 and its 会计工作经历 rows included, which the first import left unlocked. Each
 * legacy row with an industry or accounting rows gets them added to its locked fields; the count is
 * reported.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen: they do not follow table types */
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom('work_entries').select(['id', 'industry', 'accounting_rows', 'locked_fields']).where('legacy', '=', 1).execute();
  let changed = 0;
  for (const r of rows) {
    const locked = new Set<string>(r.locked_fields ? (JSON.parse(r.locked_fields as string) as string[]) : []);
    const before = locked.size;
    if (r.industry) locked.add('industry');
    const accounting = r.accounting_rows ? (JSON.parse(r.accounting_rows as string) as unknown[]) : [];
    if (accounting.length > 0) locked.add('accountingRows');
    if (locked.size === before) continue;
    await db.updateTable('work_entries').set({ locked_fields: JSON.stringify([...locked]) }).where('id', '=', r.id).execute();
    changed += 1;
  }
  if (changed > 0) console.warn(`migration 0014: locked 所属行业 and 会计工作经历 on ${changed} of ${rows.length} work records from the provincial platform`);
}

export async function down(): Promise<void> {
  // the locks stay: unlocking provincial data is not a step back anyone needs
}
