import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { Staff } from '../../db/types';
import type { Db } from '../../db/index';
import { AppError } from '../../platform/errors';
import { randomToken, sm3 } from '../../platform/crypto';
import { checkWithLockout } from '../../platform/login-guard';
import { base32Decode, base32Encode, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUrl, stepAt, totpCode } from '../../platform/totp';

/** Minutes between the password and the code before the password must be given again. */
const TICKET_MINUTES = 5;
const STAFF_LOCKED_MESSAGE = '密码或动态验证码错误次数过多，账号已锁定，请稍后再试或联系系统管理员';

export type SecondFactorStep =
  | { next: 'totp'; ticket: string; expiresIn: number }
  | { next: 'enrol'; ticket: string; expiresIn: number; secret: string; otpauthUrl: string; qrSvg: string };

/**
 * The staff second factor (等保 level 3): after the password, a short-lived single-use ticket; then
 * a TOTP code (or a one-time recovery code) opens the session. A staff member not yet enrolled enrols
 * on that second screen: the QR code of a new secret, confirmed by its first code, and ten recovery
 * codes shown once. Wrong codes count with wrong passwords against the same lock.
 */
export class SecondFactorService {
  constructor(private readonly ctx: AppContext) {}

  async begin(staff: Staff): Promise<SecondFactorStep> {
    const { db, clock, fieldCrypto } = this.ctx;
    const token = randomToken(32);
    const now = clock.now();
    const enrolled = staff.totp_enrolled_at !== null && staff.totp_secret_enc !== null;
    const secret = enrolled ? null : newTotpSecret();
    await db
      .insertInto('staff_login_tickets')
      .values({
        id_hash: sm3(token),
        staff_id: staff.id,
        purpose: enrolled ? 'verify' : 'enrol',
        secret_enc: secret ? fieldCrypto.encrypt(base32Encode(secret)) : null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + TICKET_MINUTES * 60_000).toISOString(),
        used_at: null,
      })
      .execute();
    const expiresIn = TICKET_MINUTES * 60;
    if (!secret) return { next: 'totp', ticket: token, expiresIn };
    const url = otpauthUrl(secret, staff.username);
    return { next: 'enrol', ticket: token, expiresIn, secret: base32Encode(secret), otpauthUrl: url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
  }

  async complete(input: { ticket: string; code?: string; recoveryCode?: string }, ip: string): Promise<{ staff: Staff; recoveryCodes?: string[] }> {
    const { db, clock, fieldCrypto, audit, limiter, config } = this.ctx;
    const throttle = await limiter.hit(`staff-2fa:ip:${ip}`, config.login.ipPerMinute, 60);
    if (!throttle.allowed) throw AppError.rateLimited(throttle.retryAfter, '登录尝试过于频繁，请稍后再试');
    const now = clock.now();
    const ticket = await db.selectFrom('staff_login_tickets').selectAll().where('id_hash', '=', sm3(input.ticket)).executeTakeFirst();
    if (!ticket || ticket.used_at !== null || ticket.expires_at <= now.toISOString()) {
      throw new AppError('SESSION_EXPIRED', '登录已超时，请重新输入用户名和密码');
    }
    const staff = await db.selectFrom('staff').selectAll().where('id', '=', ticket.staff_id).executeTakeFirstOrThrow();
    if (staff.disabled) throw new AppError('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
    const enrolling = ticket.purpose === 'enrol';
    const secretText = enrolling ? ticket.secret_enc : staff.totp_secret_enc;
    if (!secretText) throw new AppError('SESSION_EXPIRED', '登录已超时，请重新输入用户名和密码');
    const secret = base32Decode(fieldCrypto.decrypt(secretText));

    // what the verify found: the TOTP step matched, or the recovery code's row
    const found: { step: number | null; recoveryId: string | null } = { step: null, recoveryId: null };
    const check = await checkWithLockout(this.ctx, 'staff', staff.id, async () => {
      if (input.recoveryCode && !enrolling) {
        const hash = recoveryHash(staff.id, input.recoveryCode);
        const row = await db.selectFrom('staff_recovery_codes').select('id').where('staff_id', '=', staff.id).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
        found.recoveryId = row?.id ?? null;
        return found.recoveryId !== null;
      }
      found.step = matchTotp(secret, input.code ?? '', now, enrolling ? null : staff.totp_last_step);
      return found.step !== null;
    });
    const { step, recoveryId } = found;
    if (check.outcome === 'locked') throw new AppError('ACCOUNT_LOCKED', STAFF_LOCKED_MESSAGE);
    if (check.outcome === 'wrong') {
      await audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'staff.login', outcome: 'failure', ip, detail: { reason: input.recoveryCode ? 'wrong_recovery_code' : 'wrong_totp', failures: check.failures } });
      if (check.lockedUntil) {
        await audit.record(db, { actorKind: 'system', action: 'staff.lock', targetKind: 'staff', targetId: staff.id, ip, detail: { until: check.lockedUntil, policy: check.policyId } });
        throw new AppError('ACCOUNT_LOCKED', STAFF_LOCKED_MESSAGE);
      }
      const message = input.recoveryCode ? '恢复码错误或已使用' : '动态验证码错误或已使用，请输入身份验证器中当前显示的6位数字';
      throw new AppError('SECOND_FACTOR_INVALID', message, [{ path: input.recoveryCode ? 'recoveryCode' : 'code', message }]);
    }

    const recoveryCodes = enrolling ? newRecoveryCodes() : undefined;
    await db.transaction().execute(async (trx) => {
      const used = await trx.updateTable('staff_login_tickets').set({ used_at: now.toISOString() }).where('id_hash', '=', ticket.id_hash).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError('SESSION_EXPIRED', '登录已超时，请重新输入用户名和密码');
      if (recoveryId) {
        const r = await trx.updateTable('staff_recovery_codes').set({ used_at: now.toISOString() }).where('id', '=', recoveryId).where('used_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('SECOND_FACTOR_INVALID', '恢复码错误或已使用', [{ path: 'recoveryCode', message: '恢复码错误或已使用' }]);
      } else if (step !== null) {
        // each step once, even when two requests carry the same code at the same moment
        const s = await trx
          .updateTable('staff')
          .set({ totp_last_step: step, ...(enrolling ? { totp_secret_enc: ticket.secret_enc, totp_enrolled_at: now.toISOString() } : {}) })
          .where('id', '=', staff.id)
          .where((eb) => (enrolling ? sql<SqlBool>`1 = 1` : eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)])))
          .executeTakeFirst();
        if (Number(s.numUpdatedRows) !== 1) {
          const message = '动态验证码已使用，请等待身份验证器显示下一个验证码';
          throw new AppError('SECOND_FACTOR_INVALID', message, [{ path: 'code', message }]);
        }
      }
      if (recoveryCodes) {
        await storeRecoveryCodes(trx, staff.id, recoveryCodes, now.toISOString());
        await audit.record(trx, { actorKind: 'staff', actorId: staff.id, action: 'staff.totp_enrolled', targetKind: 'staff', targetId: staff.id, ip });
      }
      await audit.record(trx, { actorKind: 'staff', actorId: staff.id, action: 'staff.login', ip, detail: { second_factor: recoveryId ? 'recovery_code' : 'totp' } });
    });
    return { staff, recoveryCodes };
  }

  /**
   * Demo hook: what the staff member's authenticator would accept now at the app clock — the code of
   * the earliest step of the window (one either side of now) not yet used; undefined when none is left.
   * `fresh`: only the current or the next step, whose codes stay valid past the next step boundary (a
   * browser test types the code a moment later; the previous step's may expire in between).
   */
  async currentCode(username: string, opts: { fresh?: boolean } = {}): Promise<string | undefined> {
    const staff = await this.ctx.db.selectFrom('staff').select(['totp_secret_enc', 'totp_last_step']).where('username', '=', username).executeTakeFirst();
    if (!staff?.totp_secret_enc) return undefined;
    const secret = base32Decode(this.ctx.fieldCrypto.decrypt(staff.totp_secret_enc));
    const now = stepAt(this.ctx.clock.now());
    const steps = opts.fresh ? [now, now + 1] : [now - 1, now, now + 1];
    const step = steps.find((s) => staff.totp_last_step === null || s > Number(staff.totp_last_step));
    return step === undefined ? undefined : totpCode(secret, step);
  }
}

function recoveryHash(staffId: string, code: string): string {
  return sm3(`${staffId}:${normaliseRecoveryCode(code)}`);
}

/** Replaces a staff member's recovery codes with these (stored as SM3 digests): enrolment and create-admin. */
export async function storeRecoveryCodes(trx: Db, staffId: string, codes: readonly string[], at: string): Promise<void> {
  await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
  await trx
    .insertInto('staff_recovery_codes')
    .values(codes.map((c) => ({ id: crypto.randomUUID(), staff_id: staffId, code_hash: recoveryHash(staffId, c), created_at: at, used_at: null })))
    .execute();
}

/** The fixed demo secret of a seeded staff member (demo mode only; README lists them). */
export function demoTotpSecret(username: string): Buffer {
  return crypto.createHash('sha256').update(`ausm-demo-totp:${username}`).digest().subarray(0, 20);
}
