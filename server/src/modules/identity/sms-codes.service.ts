import crypto from 'node:crypto';
import { checkMobile, normaliseMobile, type SmsPurpose } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import { type FieldCrypto, randomDigits, sm3, timingSafeEqualText } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { SmsDeliveryError, type SmsGateway } from '../../integrations/sms/sms-gateway';

const PURPOSE_TEXT: Record<SmsPurpose, string> = {
  register: '注册账号',
  reset_password: '找回密码',
  change_phone: '修改手机号',
  close_account: '注销账号',
};

/**
 * One-time SMS codes: 6 random digits, hashed at rest, tied to phone + purpose, valid for a few
 * minutes, single use, a bounded number of wrong tries; one send per phone per window and per-IP caps.
 */
export class SmsCodeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fieldCrypto: FieldCrypto,
    private readonly limiter: RateLimiter,
    private readonly gateway: SmsGateway | null,
    private readonly cfg: Config['sms'],
  ) {}

  private hash(id: string, code: string): string {
    return sm3(`${id}:${code}`);
  }

  /**
   * Sends a code. Every limit comes before anything that tells whether the phone is registered:
   * the network's hourly cap, the image captcha once this network or this phone has had a code in
   * its window (the first code of a window needs none), the phone's resend window and daily cap, and
   * only then `beforeSend` (the register purpose's "phone already used" check).
   */
  async send(
    phoneRaw: string,
    purpose: SmsPurpose,
    ip: string,
    opts: { captcha?: (id: string, text: string) => Promise<boolean>; captchaId?: string; captchaText?: string; beforeSend?: (phone: string) => Promise<void> } = {},
  ): Promise<{ resendAfter: number; expiresIn: number }> {
    if (!this.gateway) throw new AppError('INTEGRATION_UNAVAILABLE', '短信服务暂不可用，暂时无法发送验证码，请稍后再试');
    const gateway = this.gateway;
    const phone = checkMobile(phoneRaw);
    if (!phone.ok) throw AppError.validation([{ path: 'phone', message: phone.message }]);
    const phoneIndex = this.fieldCrypto.blindIndex('phone', phone.value);

    const ipHit = await this.limiter.hit(`sms:ip:${ip}`, this.cfg.ipPerHour, 3600);
    if (!ipHit.allowed) throw AppError.rateLimited(ipHit.retryAfter, `本网络获取验证码过于频繁，请${waitText(ipHit.retryAfter)}后再试`);

    const sentKeys = [`sms:sent-ip:${ip}`, `sms:sent-phone:${phoneIndex}`];
    const hadCode = (await Promise.all(sentKeys.map((k) => this.limiter.count(k)))).some((n) => n > 0);
    if (hadCode) {
      const ok = opts.captcha && opts.captchaId && opts.captchaText ? await opts.captcha(opts.captchaId, opts.captchaText) : false;
      if (!ok) {
        const message = opts.captchaId ? '图形验证码错误或已过期，请重新输入' : '请先输入图形验证码';
        throw new AppError(opts.captchaId ? 'CAPTCHA_INVALID' : 'CAPTCHA_REQUIRED', message, [{ path: 'captchaText', message }]);
      }
    }

    const windowKey = resendWindowKey(phoneIndex);
    const window = await this.limiter.acquire(windowKey, this.cfg.resendSeconds);
    if (!window.allowed) {
      throw new AppError('SMS_SEND_TOO_FREQUENT', `验证码已发送，请${window.retryAfter}秒后再获取`, undefined, window.retryAfter);
    }
    const daily = await this.limiter.hit(`sms:phone-day:${phoneIndex}`, this.cfg.phonePerDay, 86400);
    if (!daily.allowed) throw AppError.rateLimited(daily.retryAfter, '该手机号今日获取验证码次数已达上限');
    try {
      await opts.beforeSend?.(phone.value);
    } catch (err) {
      await this.limiter.release(windowKey);
      throw err;
    }

    const id = crypto.randomUUID();
    const code = randomDigits(6);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      // A new code replaces any earlier unused one for the same phone and purpose.
      await trx
        .updateTable('sms_codes')
        .set({ used_at: now.toISOString() })
        .where('phone_index', '=', phoneIndex)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute();
      await trx
        .insertInto('sms_codes')
        .values({
          id,
          phone_index: phoneIndex,
          purpose,
          code_hash: this.hash(id, code),
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + this.cfg.validSeconds * 1000).toISOString(),
          used_at: null,
        })
        .execute();
    });
    const minutes = Math.round(this.cfg.validSeconds / 60);
    try {
      await gateway.send(
        phone.value,
        `【全国会计人员统一服务管理平台】您正在${PURPOSE_TEXT[purpose]}，验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。`,
      );
    } catch (err) {
      if (!(err instanceof SmsDeliveryError)) throw err;
      await this.db.deleteFrom('sms_codes').where('id', '=', id).execute();
      await this.limiter.release(windowKey);
      throw new AppError('SMS_SEND_FAILED', '短信发送失败，请稍后重试');
    }
    // the next code for this network (within the hour) or this phone (within the day) needs the image captcha
    await this.limiter.hit(sentKeys[0] ?? '', Number.MAX_SAFE_INTEGER, 3600);
    await this.limiter.hit(sentKeys[1] ?? '', Number.MAX_SAFE_INTEGER, 86400);
    return { resendAfter: this.cfg.resendSeconds, expiresIn: this.cfg.validSeconds };
  }

  /**
   * Checks a code without using it up; a wrong code costs one try (committed at once). Returns the
   * code's id for `consume`, which must run in the transaction of the action the code authorises.
   */
  async check(phone: string, purpose: SmsPurpose, codeRaw: string, field = 'smsCode'): Promise<string> {
    const phoneIndex = this.fieldCrypto.blindIndex('phone', normaliseMobile(phone));
    const row = await this.db
      .selectFrom('sms_codes')
      .selectAll()
      .where('phone_index', '=', phoneIndex)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const invalid = (code: 'SMS_CODE_INVALID' | 'SMS_CODE_EXPIRED' | 'SMS_CODE_TOO_MANY_TRIES', message: string) =>
      new AppError(code, message, [{ path: field, message }]);
    if (!row) throw invalid('SMS_CODE_INVALID', '验证码无效，请重新获取');
    if (row.expires_at <= this.clock.now().toISOString()) throw invalid('SMS_CODE_EXPIRED', '验证码已过期，请重新获取');
    if (row.tries >= this.cfg.maxTries) throw invalid('SMS_CODE_TOO_MANY_TRIES', '验证码错误次数过多，请重新获取');
    if (!timingSafeEqualText(row.code_hash, this.hash(row.id, codeRaw.trim()))) {
      const updated = await this.db
        .updateTable('sms_codes')
        .set((eb) => ({ tries: eb('tries', '+', 1) }))
        .where('id', '=', row.id)
        .returning('tries')
        .executeTakeFirst();
      const left = this.cfg.maxTries - (updated?.tries ?? this.cfg.maxTries);
      throw left > 0
        ? invalid('SMS_CODE_INVALID', `验证码错误，还可尝试${left}次`)
        : invalid('SMS_CODE_TOO_MANY_TRIES', '验证码错误次数过多，请重新获取');
    }
    return row.id;
  }

  /**
   * Lifts the phone's resend window after its code was used up without doing its work (a reset whose
   * details did not match, a registration of a number already registered): the person can ask for a
   * new code at once. The captcha and the daily cap still apply to that next code.
   */
  async releaseResendWindow(phone: string): Promise<void> {
    await this.limiter.release(resendWindowKey(this.fieldCrypto.blindIndex('phone', normaliseMobile(phone))));
  }

  /** Marks a checked code used; fails if another request used it first. */
  async consume(trx: Db, codeId: string, field = 'smsCode'): Promise<void> {
    const r = await trx
      .updateTable('sms_codes')
      .set({ used_at: this.clock.now().toISOString() })
      .where('id', '=', codeId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw new AppError('SMS_CODE_INVALID', '验证码已使用，请重新获取', [{ path: field, message: '验证码已使用，请重新获取' }]);
    }
  }
}

/** The phone's resend window (one code per window): taken by send, lifted by releaseResendWindow. */
const resendWindowKey = (phoneIndex: string) => `sms:phone:${phoneIndex}`;

/** "5分钟" / "1小时20分钟" / "40秒": a wait people can read (not "1231秒"). */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes}分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}小时${m}分钟` : `${h}小时`;
}
