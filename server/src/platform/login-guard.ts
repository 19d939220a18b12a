import { sql } from 'kysely';
import { LOGIN_LOCKOUT_POLICY, type LoginLockoutPolicy } from '@ausm/domain';
import type { AppContext } from './context';
import { AppError } from './errors';
import { dummyHash, verifyPassword } from './passwords';

/**
 * What both login forms (会计人员 and 管理端) check before a password is looked at: the per-IP
 * throttle, then the single-use image captcha. One place, so the two cannot drift apart.
 */
export async function checkLoginAttempt(ctx: AppContext, input: { throttleKey: string; ip: string; captchaId: string; captchaText: string }): Promise<void> {
  const throttle = await ctx.limiter.hit(`${input.throttleKey}:ip:${input.ip}`, ctx.config.login.ipPerMinute, 60);
  if (!throttle.allowed) throw AppError.rateLimited(throttle.retryAfter, '登录尝试过于频繁，请稍后再试');
  if (!(await ctx.captcha.consume(input.captchaId, input.captchaText))) {
    const message = '图形验证码错误或已过期，请重新输入';
    throw new AppError('CAPTCHA_INVALID', message, [{ path: 'captchaText', message }]);
  }
}

/** An unknown account costs the same argon2 verify as a wrong password, so timing tells nothing. */
export async function verifyAgainstNobody(password: string): Promise<void> {
  await verifyPassword(await dummyHash(), password);
}

export type LockTable = 'accounts' | 'staff';

export type PasswordCheck =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; failures: number; lockedUntil: string | null; policyId: string }
  | { outcome: 'locked'; lockedUntil: string };

/**
 * Checks a password against the lockout, whatever the concurrency: the attempt is reserved first,
 * with one conditional UPDATE that counts it as a failure (only when the account is not locked; a
 * lock that has run out starts a fresh count), and the attempt that reaches maxFailures locks the
 * account there and then. Only a reserved attempt is verified, outside any transaction, and a
 * success settles the count back to zero. So at most maxFailures wrong passwords are ever verified
 * per lock window — twenty-five simultaneous guesses get five verifies, not twenty-five — and a crash
 * between reserving and settling leaves at worst a lock that runs out by itself.
 */
export async function checkPasswordWithLockout(
  ctx: AppContext,
  table: LockTable,
  row: { id: string; password_hash: string },
  password: string,
  onSuccess: 'reset' | 'undo' = 'reset',
): Promise<PasswordCheck> {
  return checkWithLockout(ctx, table, row.id, () => verifyPassword(row.password_hash, password), onSuccess);
}

/**
 * The same reservation for any secret that locks like a password (the staff second factor). On
 * success the count goes back to zero (`reset`), or — for a first factor that is not yet the whole
 * login — only this attempt's reservation is taken back (`undo`), so wrong second-factor codes keep
 * counting however often the right password is typed.
 */
export async function checkWithLockout(ctx: AppContext, table: LockTable, id: string, verify: () => Promise<boolean>, onSuccess: 'reset' | 'undo' = 'reset'): Promise<PasswordCheck> {
  const { db, clock, policies } = ctx;
  const now = clock.now();
  // the lockout numbers are policy: the lock records the version it followed
  const lockout = await policies.current<LoginLockoutPolicy>(LOGIN_LOCKOUT_POLICY.name);
  const until = new Date(now.getTime() + lockout.value.lockMinutes * 60_000).toISOString();
  const nowIso = now.toISOString();
  // Inside the WHERE below, a non-null locked_until has run out: the count starts again at 1.
  const next = sql<number>`case when locked_until is not null then 1 else failed_logins + 1 end`;
  const reserved = await db
    .updateTable(table)
    .set({
      failed_logins: next,
      locked_until: sql<string | null>`case when ${next} >= ${lockout.value.maxFailures} then ${until} else null end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
  if (!reserved) {
    const current = await db.selectFrom(table).select('locked_until').where('id', '=', id).executeTakeFirst();
    return { outcome: 'locked', lockedUntil: current?.locked_until ?? until };
  }
  if (await verify()) {
    if (onSuccess === 'reset') await db.updateTable(table).set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    else {
      // take back this attempt, and the lock if this attempt was the one that set it
      await db
        .updateTable(table)
        .set({
          failed_logins: sql<number>`case when failed_logins > 0 then failed_logins - 1 else 0 end`,
          ...(reserved.locked_until ? { locked_until: sql<string | null>`case when locked_until = ${reserved.locked_until} then null else locked_until end` } : {}),
        })
        .where('id', '=', id)
        .execute();
    }
    return { outcome: 'ok' };
  }
  return { outcome: 'wrong', failures: reserved.failed_logins, lockedUntil: reserved.locked_until, policyId: lockout.id };
}
