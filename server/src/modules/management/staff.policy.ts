import type { StaffRole } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Staff } from '../../db/types';
import { AppError } from '../../platform/errors';
import { requireStaff } from '../../platform/auth';
import { departmentWithin, subtreeScope } from '../../platform/review/scope';

/**
 * Who may administer which staff accounts (delegated administration). The system administrator: any.
 * A department administrator (admin) of a province or city: accounts whose department lies in its
 * subtree, for every role but system administrator; another administrator only strictly below its own
 * department. Everyone else: none. Accounts outside the caller's reach answer 404, as if absent.
 */
export const STAFF_MANAGERS: readonly StaffRole[] = ['sysadmin', 'admin'];

export const staffPolicy = {
  /** the staff register: system administrator, or a department administrator for its subtree */
  managers: requireStaff(...STAFF_MANAGERS),
  /** the department tree (every signed-in staff member needs it) */
  anyStaff: requireStaff(),
} as const;

/** Every department code at or below a department: one recursive query. */
export async function subtreeCodes(db: Db, root: string): Promise<string[]> {
  const rows = await db
    .withRecursive('sub(code)', (qb) =>
      qb
        .selectFrom('departments')
        .select('code')
        .where('code', '=', root)
        .unionAll((u) => u.selectFrom('departments').innerJoin('sub', 'sub.code', 'departments.parent_code').select('departments.code')),
    )
    .selectFrom('sub')
    .select('code')
    .execute();
  return rows.map((r) => r.code);
}

/** The system administrator lists every account; a department administrator its subtree's. */
export function listsAll(actor: Staff): boolean {
  return actor.role === 'sysadmin';
}

export async function mayManage(db: Db, actor: Staff, target: { role: StaffRole; department_code: string | null }): Promise<boolean> {
  if (actor.role === 'sysadmin') return true;
  if (actor.role !== 'admin' || !actor.department_code) return false;
  if (target.role === 'sysadmin' || !target.department_code) return false;
  if (!(await departmentWithin(db, await subtreeScope(db, actor.department_code), target.department_code))) return false;
  return target.role !== 'admin' || target.department_code !== actor.department_code;
}

/** For a new account: 403 naming the rule (the caller chose the role and department themselves). */
export async function assertMayCreate(db: Db, actor: Staff, target: { role: StaffRole; department_code: string | null }): Promise<void> {
  if (await mayManage(db, actor, target)) return;
  if (target.role === 'sysadmin') throw AppError.forbidden('只有系统管理员可以新建系统管理员');
  if (target.role === 'admin' && target.department_code === actor.department_code) throw AppError.forbidden('部门管理员只能为下级部门新建部门管理员');
  throw AppError.forbidden('只能为本部门及下级部门新建工作人员');
}
