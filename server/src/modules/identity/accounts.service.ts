import crypto from 'node:crypto';
import {
  beijingTime,
  checkIdDocument,
  checkMobile,
  checkPersonName,
  maskIdNumber,
  maskName,
  maskPhone,
  normaliseName,
  validateRegistration,
  validateResetPassword,
  type IdDocumentType,
  type LoginRequest,
  type Me,
  type RegisterRequest,
  type ResetPasswordRequest,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../../db/index';
import { shanghaiDate } from '../../platform/clock';
import { hashPassword } from '../../platform/passwords';
import type { Account } from '../../db/types';
import { checkLoginAttempt, checkPasswordWithLockout, verifyAgainstNobody } from '../../platform/login-guard';
import { identityIndexes, loginIndexCandidates } from './identity-keys';
import { currentPrivacyNotice, recordConsent } from '../center/privacy';

const LOGIN_FAILED_MESSAGE = '账号或密码错误';

/** Registration, login, password reset and the signed-in accountant's own record. */
export class AccountsService {
  constructor(private readonly ctx: AppContext) {}

  private phoneIndex(phone: string): string {
    return this.ctx.fieldCrypto.blindIndex('phone', phone);
  }

  /**
   * The account a login or reset field names: a mobile number, or a document number as typed — a
   * permit with or without its renewal count. Two accounts may share a passport number (of two
   * countries): the caller is then asked to use the phone.
   */
  async findByLogin(account: string): Promise<Account | undefined> {
    const q = this.ctx.db.selectFrom('accounts').selectAll();
    const phone = checkMobile(account);
    if (phone.ok) return q.where('phone_index', '=', this.phoneIndex(phone.value)).executeTakeFirst();
    const candidates = loginIndexCandidates(this.ctx, account);
    const rows = await q.where('login_index', 'in', candidates).limit(4).execute();
    const exact = rows.filter((r) => r.login_index === candidates[0]);
    const found = exact.length ? exact : rows;
    if (found.length > 1) throw new AppError('ACCOUNT_AMBIGUOUS', '该证件号码对应多个账号，请使用手机号登录');
    return found[0];
  }

  async getById(id: string): Promise<Account> {
    const row = await this.ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw AppError.notFound('账号');
    return row;
  }

  async toMe(a: Account): Promise<Me> {
    const notice = await currentPrivacyNotice(this.ctx);
    return {
      id: a.id,
      maskedName: maskName(a.name),
      idType: a.id_type,
      maskedIdNumber: this.ctx.fieldCrypto.masked(a.id_number_enc, maskIdNumber),
      maskedPhone: this.ctx.fieldCrypto.masked(a.phone_enc, maskPhone),
      sex: a.sex === 'male' || a.sex === 'female' ? a.sex : null,
      birthDate: a.birth_date,
      realnameVerified: a.realname_verified === 1,
      consentRequired: (a.privacy_version ?? 0) < notice.version,
    };
  }

  async register(input: RegisterRequest, ip: string): Promise<{ accountId: string }> {
    const { config, clock, db, fieldCrypto, smsCodes, audit } = this.ctx;
    const today = shanghaiDate(clock.now());
    const errors = validateRegistration(input, { today, policy: config.passwordPolicy });
    if (errors.length) throw AppError.validation(errors);

    const idType = input.idType as IdDocumentType;
    const id = checkIdDocument(idType, input.idNumber, today);
    const name = checkPersonName(input.name, input.idType);
    const phoneCheck = checkMobile(input.phone);
    if (!id.ok || !name.ok || !phoneCheck.ok) throw AppError.validation([]); // unreachable: validated above
    const phone = phoneCheck.value;
    const nationality = idType === 'foreign_passport' ? (input.nationality ?? '').toUpperCase() : null;
    const { idIndex, loginIndex } = identityIndexes(this.ctx, idType, id.value, nationality);
    const phoneIndex = this.phoneIndex(phone);
    // a mainland card carries sex and birth date; the other documents do not, so the person gives them
    const sex = idType === 'mainland_id' ? (id.sex ?? null) : (input.sex ?? null);
    const birthDate = idType === 'mainland_id' ? (id.birthDate ?? null) : (input.birthDate ?? null);

    const notice = await currentPrivacyNotice(this.ctx);
    if (input.privacyVersion !== notice.version) {
      throw new AppError('PRIVACY_NOTICE_CHANGED', '个人信息保护政策已更新，请阅读后重新确认', [{ path: 'privacyVersion', message: '个人信息保护政策已更新，请阅读后重新确认' }]);
    }
    // The SMS code first: nothing tells whether an ID or phone is registered before the caller has
    // proved the phone is theirs, and a code that learnt it is used up (one answer per code).
    const codeId = await smsCodes.check(phone, 'register', input.smsCode);
    try {
      await this.assertFree(idIndex, phoneIndex);
    } catch (err) {
      await db.transaction().execute(async (trx) => {
        await smsCodes.consume(trx, codeId);
        await audit.record(trx, { actorKind: 'anonymous', action: 'account.register', outcome: 'failure', ip, detail: { reason: err instanceof AppError ? err.code : 'error' } });
      });
      await smsCodes.releaseResendWindow(phone);
      throw err;
    }
    const passwordHash = await hashPassword(input.password);
    const accountId = crypto.randomUUID();
    const now = clock.now().toISOString();
    try {
      await db.transaction().execute(async (trx) => {
        await smsCodes.consume(trx, codeId);
        await trx
          .insertInto('accounts')
          .values({
            id: accountId,
            id_type: input.idType,
            id_number_enc: fieldCrypto.encrypt(id.value),
            id_number_index: idIndex,
            name: name.value,
            nationality,
            id_renewal: id.renewal ?? null,
            login_index: loginIndex,
            identity_version: 2,
            phone_enc: fieldCrypto.encrypt(phone),
            phone_index: phoneIndex,
            password_hash: passwordHash,
            sex,
            birth_date: birthDate,
            locked_until: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: 'account.register', targetKind: 'account', targetId: accountId, ip });
        // explicit consent to the notice the person read, in the same transaction (PIPL art. 14)
        await recordConsent(this.ctx, trx, accountId, input.privacyVersion, ip);
      });
    } catch (err) {
      // Two registrations raced past assertFree: the unique indexes decide, and the loser learns why.
      if (isUniqueViolation(err)) await this.assertFree(idIndex, phoneIndex);
      throw err;
    }
    return { accountId };
  }

  private async assertFree(idIndex: string, phoneIndex: string): Promise<void> {
    const taken = await this.ctx.db
      .selectFrom('accounts')
      .select(['id_number_index', 'phone_index'])
      .where((eb) => eb.or([eb('id_number_index', '=', idIndex), eb('phone_index', '=', phoneIndex)]))
      .execute();
    if (taken.some((r) => r.id_number_index === idIndex)) {
      const message = '该证件号码已注册，请直接登录或找回密码';
      throw new AppError('ID_ALREADY_REGISTERED', message, [{ path: 'idNumber', message }]);
    }
    if (taken.length > 0) {
      const message = '该手机号已被其他账号使用';
      throw new AppError('PHONE_ALREADY_REGISTERED', message, [{ path: 'phone', message }]);
    }
  }

  async phoneRegistered(phone: string): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('phone_index', '=', this.phoneIndex(phone))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Verifies a login. Unknown account and wrong password get the same answer; the account locks
   * after maxFailures wrong passwords for lockMinutes.
   */
  async login(input: LoginRequest, ip: string): Promise<Account> {
    const { db, audit } = this.ctx;
    await checkLoginAttempt(this.ctx, { throttleKey: 'login', ip, captchaId: input.captchaId, captchaText: input.captchaText });
    const account = await this.findByLogin(input.account);
    if (!account) {
      await verifyAgainstNobody(input.password);
      await audit.record(db, { actorKind: 'anonymous', action: 'account.login', outcome: 'failure', ip, detail: { reason: 'unknown_account' } });
      throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
    }
    const check = await checkPasswordWithLockout(this.ctx, 'accounts', account, input.password);
    if (check.outcome === 'locked') {
      await audit.record(db, { actorKind: 'accountant', actorId: account.id, action: 'account.login', outcome: 'failure', ip, detail: { reason: 'locked' } });
      throw lockedError(check.lockedUntil);
    }
    if (check.outcome === 'wrong') {
      await audit.record(db, { actorKind: 'accountant', actorId: account.id, action: 'account.login', outcome: 'failure', ip, detail: { reason: 'wrong_password', failures: check.failures } });
      if (check.lockedUntil) {
        await audit.record(db, { actorKind: 'system', action: 'account.lock', targetKind: 'account', targetId: account.id, ip, detail: { until: check.lockedUntil, policy: check.policyId } });
        throw lockedError(check.lockedUntil);
      }
      throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
    }
    await audit.record(db, { actorKind: 'accountant', actorId: account.id, action: 'account.login', ip });
    return account;
  }

  async resetPassword(input: ResetPasswordRequest, ip: string): Promise<void> {
    const { config, clock, db, smsCodes, audit, sessions } = this.ctx;
    const errors = validateResetPassword(input, { policy: config.passwordPolicy });
    if (errors.length) throw AppError.validation(errors);
    const typedPhone = checkMobile(input.phone);
    const phone = typedPhone.ok ? typedPhone.value : input.phone.trim();
    const codeId = await smsCodes.check(phone, 'reset_password', input.smsCode);
    const account = checkMobile(input.idNumber).ok ? undefined : await this.findByLogin(input.idNumber);
    const matches =
      account !== undefined &&
      account.name === normaliseName(input.name) &&
      account.phone_index === this.phoneIndex(phone);
    if (!account || !matches) {
      await db.transaction().execute(async (trx) => {
        await smsCodes.consume(trx, codeId);
        await audit.record(trx, { actorKind: 'anonymous', action: 'account.reset_password', outcome: 'failure', ip, targetKind: 'account', targetId: account?.id });
      });
      // the code is used up: the person may ask for a new one at once (the page restarts its button)
      await smsCodes.releaseResendWindow(phone);
      throw new AppError('RESET_MISMATCH', '证件号码、真实姓名、手机号与注册信息不一致，请核对后重新获取验证码');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (trx) => {
      await smsCodes.consume(trx, codeId);
      await trx
        .updateTable('accounts')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: clock.now().toISOString() })
        .where('id', '=', account.id)
        .execute();
      await sessions.destroyAll('accountant', account.id, trx);
      await audit.record(trx, { actorKind: 'accountant', actorId: account.id, action: 'account.reset_password', targetKind: 'account', targetId: account.id, ip });
    });
  }
}

function lockedError(until: string): AppError {
  const t = beijingTime(until);
  return new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请于${t}后再试，或通过“忘记密码”重置密码`);
}
