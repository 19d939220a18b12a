import crypto from 'node:crypto';
import { checkPassword, type CreateStaffRequest, type StaffMe, type StaffSummary } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { sql } from 'kysely';
import { assertMayCreate, listsAll, mayManage, subtreeCodes } from './staff.policy';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../../db/index';
import { hashPassword } from '../../platform/passwords';
import type { Staff } from '../../db/types';
import { checkLoginAttempt, checkPasswordWithLockout, verifyAgainstNobody } from '../../platform/login-guard';

const LOGIN_FAILED_MESSAGE = '用户名或密码错误';
const STAFF_LOCKED_MESSAGE = '密码错误次数过多，账号已锁定，请稍后再试或联系系统管理员';

/** Management-portal accounts: login with lockout, and the system administrator's staff register. */
export class StaffService {
  constructor(private readonly ctx: AppContext) {}

  async login(input: { username: string; password: string; captchaId: string; captchaText: string }, ip: string): Promise<Staff> {
    const { db, audit } = this.ctx;
    await checkLoginAttempt(this.ctx, { throttleKey: 'staff-login', ip, captchaId: input.captchaId, captchaText: input.captchaText });
    const staff = await db.selectFrom('staff').selectAll().where('username', '=', input.username.trim().toLowerCase()).executeTakeFirst();
    if (!staff) {
      await verifyAgainstNobody(input.password);
      await audit.record(db, { actorKind: 'anonymous', action: 'staff.login', outcome: 'failure', ip, detail: { reason: 'unknown_account' } });
      throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
    }
    // the password is the first of two factors: success takes back its own attempt only (login-guard)
    const check = await checkPasswordWithLockout(this.ctx, 'staff', staff, input.password, 'undo');
    if (check.outcome === 'locked') {
      await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'staff.login', outcome: 'failure', ip, detail: { reason: 'locked' } });
      throw new AppError('ACCOUNT_LOCKED', STAFF_LOCKED_MESSAGE);
    }
    if (check.outcome === 'wrong') {
      await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'staff.login', outcome: 'failure', ip, detail: { reason: 'wrong_password', failures: check.failures } });
      if (check.lockedUntil) {
        await audit.record(db, { actorKind: 'system', action: 'staff.lock', targetKind: 'staff', targetId: staff.id, ip, detail: { until: check.lockedUntil, policy: check.policyId } });
        throw new AppError('ACCOUNT_LOCKED', STAFF_LOCKED_MESSAGE);
      }
      throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
    }
    if (staff.disabled) {
      await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'staff.login', outcome: 'failure', ip, detail: { reason: 'disabled' } });
      throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
    }
    // the first factor: the session opens only after the second (second-factor.service.ts)
    await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'staff.login_password', ip });
    return staff;
  }

  async me(staff: Staff): Promise<StaffMe> {
    const dept = staff.department_code
      ? await this.ctx.db.selectFrom('departments').select('name').where('code', '=', staff.department_code).executeTakeFirst()
      : undefined;
    return {
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      role: staff.role,
      departmentCode: staff.department_code,
      departmentName: dept?.name ?? null,
    };
  }

  /** The accounts an administrator reaches (a department administrator: its subtree). */
  async listFor(actor: Staff): Promise<StaffSummary[]> {
    if (listsAll(actor)) return this.list();
    const codes = actor.department_code ? await subtreeCodes(this.ctx.db, actor.department_code) : [];
    // the same rule as mayManage: no system administrators, no administrator of the actor's own department but the actor
    return (await this.list(undefined, codes)).filter((s) => s.id === actor.id || (s.role !== 'sysadmin' && !(s.role === 'admin' && s.departmentCode === actor.department_code)));
  }

  async list(onlyId?: string, departmentCodes?: string[]): Promise<StaffSummary[]> {
    const now = this.ctx.clock.now().toISOString();
    const rows = await this.ctx.db
      .selectFrom('staff')
      .leftJoin('departments', 'departments.code', 'staff.department_code')
      .select([
        'staff.id', 'staff.username', 'staff.display_name', 'staff.role', 'staff.department_code',
        'staff.disabled', 'staff.locked_until', 'staff.created_at', 'departments.name as department_name',
      ])
      .$if(onlyId !== undefined, (q) => q.where('staff.id', '=', onlyId ?? ''))
      .$if(departmentCodes !== undefined, (q) => (departmentCodes?.length ? q.where('staff.department_code', 'in', departmentCodes) : q.where(sql<boolean>`1 = 0`)))
      .orderBy('staff.username')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      departmentCode: r.department_code,
      departmentName: r.department_name ?? null,
      disabled: r.disabled === 1,
      locked: r.locked_until !== null && r.locked_until > now,
      createdAt: r.created_at,
    }));
  }

  async create(actor: Staff, input: CreateStaffRequest, ip: string): Promise<StaffSummary> {
    const { db, clock, audit, config } = this.ctx;
    const fields = [];
    if (input.role !== 'sysadmin' && !input.departmentCode) fields.push({ path: 'departmentCode', message: '除系统管理员外，工作人员必须选择所属会计管理部门' });
    if (input.departmentCode) {
      const dept = await db.selectFrom('departments').select('code').where('code', '=', input.departmentCode).executeTakeFirst();
      if (!dept) fields.push({ path: 'departmentCode', message: '会计管理部门不存在' });
    }
    const pw = checkPassword(input.password, config.passwordPolicy);
    if (!pw.ok) fields.push({ path: 'password', message: pw.message });
    if (fields.length) throw AppError.validation(fields);
    await assertMayCreate(db, actor, { role: input.role, department_code: input.role === 'sysadmin' ? null : input.departmentCode });
    const id = crypto.randomUUID();
    const now = clock.now().toISOString();
    const passwordHash = await hashPassword(input.password);
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('staff')
          .values({
            id,
            username: input.username.toLowerCase(),
            display_name: input.displayName,
            password_hash: passwordHash,
            role: input.role,
            department_code: input.role === 'sysadmin' ? null : input.departmentCode,
            locked_until: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await audit.record(trx, { actorKind: 'staff', actorId: actor.id, action: 'staff.create', targetKind: 'staff', targetId: id, ip, detail: { role: input.role, department: input.departmentCode } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const message = '用户名已存在';
        throw new AppError('USERNAME_TAKEN', message, [{ path: 'username', message }]);
      }
      throw err;
    }
    const [created] = await this.list(id);
    if (!created) throw AppError.notFound('工作人员');
    return created;
  }

  async update(actor: Staff, id: string, input: { disabled?: boolean; password?: string }, ip: string): Promise<StaffSummary> {
    const { db, clock, audit, config, sessions } = this.ctx;
    const target = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    if (!target || (target.id !== actor.id && !(await mayManage(db, actor, target)))) throw AppError.notFound('工作人员');
    if (target.id === actor.id && input.disabled) throw AppError.validation([{ path: 'disabled', message: '不能停用自己的账号' }]);
    let passwordHash: string | undefined;
    if (input.password !== undefined) {
      const pw = checkPassword(input.password, config.passwordPolicy);
      if (!pw.ok) throw AppError.validation([{ path: 'password', message: pw.message }]);
      passwordHash = await hashPassword(input.password);
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff')
        .set({
          ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
          // a reset is for someone who lost access: the authenticator is enrolled again at the next login
          ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null, totp_secret_enc: null, totp_enrolled_at: null, totp_last_step: null } : {}),
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      // Disabling or resetting a password ends that person's sessions at once.
      if (input.disabled || passwordHash) await sessions.destroyAll('staff', id, trx);
      if (input.disabled !== undefined) {
        await audit.record(trx, { actorKind: 'staff', actorId: actor.id, action: input.disabled ? 'staff.disable' : 'staff.enable', targetKind: 'staff', targetId: id, ip });
      }
      if (passwordHash) await audit.record(trx, { actorKind: 'staff', actorId: actor.id, action: 'staff.reset_password', targetKind: 'staff', targetId: id, ip });
    });
    const [updated] = await this.list(id);
    if (!updated) throw AppError.notFound('工作人员');
    return updated;
  }
}
