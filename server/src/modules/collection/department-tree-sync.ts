import { departmentTree, replacementDepartment, type DepartmentNode } from '@ausm/domain';
import type { Db } from '../../db/index';
import { moveReviewDepartment, rerouteReviews } from '../../platform/review/department-moves';

type Level = DepartmentNode['level'];
export interface DepartmentTreeReport {
  before: Record<Level, number>;
  after: Record<Level, number>;
  added: number;
  renamed: number;
  reparented: number;
  removed: number;
  /** records moved off removed codes, per table */
  moved: Record<string, number>;
  /** review rows whose province/city codes were recomputed for a department that moved in the tree */
  rerouted: number;
}

const countByLevel = (rows: ReadonlyArray<{ level: Level }>) => {
  const out: Record<Level, number> = { national: 0, province: 0, city: 0, county: 0 };
  for (const r of rows) out[r.level] += 1;
  return out;
};

/**
 * Brings a database's department tree to departmentTree(), inside the caller's transaction: new rows
 * added, names, parents and flags corrected, records on removed codes (development zones, towns,
 * a municipality's 市辖区, 省直辖县 placeholders, the old 兵团 code) moved to the department that
 * replaces them, province/city codes of review items recomputed where the tree above them changed,
 * then the removed rows deleted. Returns what it did, or null when the tree was already right.
 */
export async function syncDepartmentTree(trx: Db): Promise<DepartmentTreeReport | null> {
  const tree = departmentTree();
  const current = await trx.selectFrom('departments').selectAll().execute();
  const byCode = new Map(current.map((d) => [d.code, d]));
  const wanted = new Set(tree.map((d) => d.code));
  const report: DepartmentTreeReport = { before: countByLevel(current), after: countByLevel(tree), added: 0, renamed: 0, reparented: 0, removed: 0, moved: {}, rerouted: 0 };
  const moved: string[] = [];

  // parents before children, so that every parent exists when a child points at it
  for (const d of tree) {
    const row = { code: d.code, name: d.name, parent_code: d.parentCode, level: d.level, sort: d.sort, gb: d.gb ? 1 : 0, separately_planned: d.separatelyPlanned ? 1 : 0 };
    const old = byCode.get(d.code);
    if (!old) {
      await trx.insertInto('departments').values(row).execute();
      report.added += 1;
      continue;
    }
    const changed = old.name !== row.name || old.parent_code !== row.parent_code || old.level !== row.level || old.sort !== row.sort || old.gb !== row.gb || old.separately_planned !== row.separately_planned;
    if (!changed) continue;
    if (old.name !== row.name) report.renamed += 1;
    if (old.parent_code !== row.parent_code || old.level !== row.level) {
      report.reparented += 1;
      moved.push(d.code);
    }
    await trx.updateTable('departments').set(row).where('code', '=', d.code).execute();
  }

  const removed = current.filter((d) => !wanted.has(d.code));
  const bump = (table: string, n: bigint | number | undefined) => {
    if (Number(n ?? 0) > 0) report.moved[table] = (report.moved[table] ?? 0) + Number(n);
  };
  for (const d of removed) {
    const to = replacementDepartment(d.code) ?? '000000';
    bump('staff', (await trx.updateTable('staff').set({ department_code: to }).where('department_code', '=', d.code).executeTakeFirst()).numUpdatedRows);
    bump('collections', (await trx.updateTable('collections').set({ department_code: to }).where('department_code', '=', d.code).executeTakeFirst()).numUpdatedRows);
    for (const [table, n] of Object.entries(await moveReviewDepartment(trx, d.code, to))) bump(table, n);
    bump('policies', (await trx.updateTable('policies').set({ province_code: to }).where('province_code', '=', d.code).executeTakeFirst()).numUpdatedRows);
    moved.push(to);
  }

  // the items of a department that moved (or that received records) carry the new province/city codes
  for (const code of new Set(moved)) {
    if (!wanted.has(code)) continue;
    report.rerouted += await rerouteReviews(trx, code);
  }

  const order: Record<Level, number> = { county: 0, city: 1, province: 2, national: 3 };
  for (const d of [...removed].sort((a, b) => order[a.level] - order[b.level])) {
    await trx.deleteFrom('departments').where('code', '=', d.code).execute();
    report.removed += 1;
  }
  const nothing = report.added + report.renamed + report.reparented + report.removed === 0 && current.every((d) => wanted.has(d.code));
  return nothing ? null : report;
}
