import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/types';
import type { Db } from '../../db/index';
import type { Staff } from '../../db/types';
import { AppError } from '../errors';

/**
 * Where a review sits in the department tree: its department plus the city and province above it,
 * stored on the review so that every scope filter is one indexed equality in SQL.
 */
export interface RoutingCodes {
  department_code: string;
  province_code: string;
  city_code: string | null;
}

export async function routingCodes(db: Db, departmentCode: string): Promise<RoutingCodes> {
  const chain: Array<{ code: string; level: string; parent_code: string | null }> = [];
  let code: string | null = departmentCode;
  for (let i = 0; code && i < 5; i++) {
    const row: { code: string; level: string; parent_code: string | null } | undefined = await db
      .selectFrom('departments')
      .select(['code', 'level', 'parent_code'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) break;
    chain.push(row);
    code = row.parent_code;
  }
  const self = chain[0];
  if (!self) throw AppError.validation([{ path: 'departmentCode', message: '会计管理部门不存在' }]);
  const province = chain.find((d) => d.level === 'province');
  const city = chain.find((d) => d.level === 'city');
  return { department_code: self.code, province_code: province?.code ?? self.code, city_code: city?.code ?? null };
}

export interface StaffScope {
  column: 'department_code' | 'city_code' | 'province_code' | null;
  code: string | null;
  /** every department (财政部 supervisors) */
  all: boolean;
}

/**
 * The department scope of review work: a reviewer its own department; a supervisor also every
 * department below it. Other roles decide no reviews (403), whatever department they belong to.
 */
export async function staffScope(db: Db, staff: Staff): Promise<StaffScope> {
  if ((staff.role !== 'reviewer' && staff.role !== 'supervisor') || !staff.department_code) throw AppError.forbidden('您的角色不参与业务审核');
  if (staff.role === 'reviewer') return { column: 'department_code', code: staff.department_code, all: false };
  return subtreeScope(db, staff.department_code);
}

/** Tables that carry the department tree's codes (reviews today; registrations, claims later). */
type ScopedTable = { [T in keyof Database]: Database[T] extends { department_code: string; city_code: string | null; province_code: string } ? T : never }[keyof Database];

/**
 * The one SQL condition of a scope, for any table carrying department/city/province codes. It fails
 * closed: a scope without a column or code (other than 财政部's all) matches nothing.
 */
export function inScope(scope: StaffScope, table: ScopedTable = 'reviews'): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (!scope.column || !scope.code) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(`${table}.${scope.column}`)} = ${scope.code}`;
}

/** The same rule for a row already read; a missing code matches nothing. */
export function reviewInScope(scope: StaffScope, row: { department_code: string; city_code: string | null; province_code: string }): boolean {
  if (scope.all) return true;
  if (!scope.column || !scope.code) return false;
  const code = row[scope.column];
  return code !== null && code !== '' && code === scope.code;
}

/** A department's subtree scope (itself and every department below), whatever the staff member's role. */
export async function subtreeScope(db: Db, departmentCode: string): Promise<StaffScope> {
  const dept = await db.selectFrom('departments').select('level').where('code', '=', departmentCode).executeTakeFirst();
  switch (dept?.level) {
    case 'national':
      return { column: null, code: null, all: true };
    case 'province':
      return { column: 'province_code', code: departmentCode, all: false };
    case 'city':
      return { column: 'city_code', code: departmentCode, all: false };
    case 'county':
      return { column: 'department_code', code: departmentCode, all: false };
    default:
      return { column: null, code: null, all: false };
  }
}

/** Whether a department lies in a scope (the department holding a person's archive, a staff account's department). */
export async function departmentWithin(db: Db, scope: StaffScope, departmentCode: string): Promise<boolean> {
  const codes = await routingCodes(db, departmentCode).catch(() => undefined);
  return codes ? reviewInScope(scope, codes) : false;
}

/** Whether a department lies in a staff member's review scope. */
export async function departmentInScope(db: Db, staff: Staff, departmentCode: string): Promise<boolean> {
  return departmentWithin(db, await staffScope(db, staff), departmentCode);
}
