import {
  CLOSE_CONFIRM_TEXT,
  RETENTION_POLICY,
  beijingDateTime,
  beijingTime,
  checkMobile,
  maskPhone,
  type CloseAccountRequest,
  type ClosureInfo,
  type PhoneChangeRequest,
  type RetentionPolicy,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../../db/index';
import type { Account } from '../../db/types';
import { checkPasswordWithLockout } from '../../platform/login-guard';
import { recordConsent } from './privacy';

const OPEN = ['pending', 'returned'] as const;

/**
 * 个人中心 (guide §9) and the person's rights over their data (PIPL): consent, 信息修改 (the phone),
 * 注销账号. What the account's holder does to their own account; every step audited.
 */
export class CenterService {
  constructor(private readonly ctx: AppContext) {}

  private phoneOf(a: Account): string {
    return this.ctx.fieldCrypto.decrypt(a.phone_enc);
  }

  async consent(accountId: string, version: number, ip: string): Promise<void> {
    await this.ctx.db.transaction().execute((trx) => recordConsent(this.ctx, trx, accountId, version, ip));
  }

  /** A wrong password counts toward the lockout, as at login. */
  private async checkPassword(a: Account, password: string, ip: string, action: string): Promise<void> {
    const check = await checkPasswordWithLockout(this.ctx, 'accounts', a, password);
    if (check.outcome === 'ok') return;
    await this.ctx.audit.record(this.ctx.db, { actorKind: 'accountant', actorId: a.id, action, outcome: 'failure', ip, detail: { reason: check.outcome === 'locked' ? 'locked' : 'wrong_password' } });
    if (check.outcome === 'locked' || check.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', `密码错误次数过多，账号已锁定，请于${beijingTime(check.outcome === 'locked' ? check.lockedUntil : (check.lockedUntil ?? ''))}后再试`);
    }
    throw new AppError('PASSWORD_WRONG', '密码错误', [{ path: 'password', message: '密码错误' }]);
  }

  private newPhone(a: Account, raw: string): string {
    const p = checkMobile(raw);
    if (!p.ok) throw AppError.validation([{ path: 'newPhone', message: p.message }]);
    if (p.value === this.phoneOf(a)) throw new AppError('PHONE_UNCHANGED', '新手机号与当前手机号相同', [{ path: 'newPhone', message: '新手机号与当前手机号相同' }]);
    return p.value;
  }

  private async assertPhoneFree(phone: string): Promise<void> {
    const taken = await this.ctx.db.selectFrom('accounts').select('id').where('phone_index', '=', this.ctx.fieldCrypto.blindIndex('phone', phone)).executeTakeFirst();
    if (taken) throw new AppError('PHONE_ALREADY_REGISTERED', '该手机号已被其他账号使用', [{ path: 'newPhone', message: '该手机号已被其他账号使用' }]);
  }

  /** 信息修改: the code goes to the NEW phone, which must be free. */
  async sendPhoneCode(a: Account, raw: string, ip: string, captcha: { captchaId?: string; captchaText?: string }) {
    const phone = this.newPhone(a, raw);
    return this.ctx.smsCodes.send(phone, 'change_phone', ip, {
      ...captcha,
      captcha: (id, text) => this.ctx.captcha.consume(id, text),
      beforeSend: (p) => this.assertPhoneFree(p),
    });
  }

  /**
   * Changes the registered phone: password again, the new phone's code, still free; every other
   * session ends (the one making the change stays) and the old number is told.
   */
  async changePhone(a: Account, currentSession: string, input: PhoneChangeRequest, ip: string): Promise<{ maskedPhone: string }> {
    const { db, fieldCrypto, smsCodes, audit, clock } = this.ctx;
    const phone = this.newPhone(a, input.newPhone);
    await this.checkPassword(a, input.password, ip, 'account.change_phone');
    const codeId = await smsCodes.check(phone, 'change_phone', input.smsCode);
    const oldPhone = this.phoneOf(a);
    const now = clock.now().toISOString();
    try {
      await db.transaction().execute(async (trx) => {
        await smsCodes.consume(trx, codeId);
        const r = await trx
          .updateTable('accounts')
          .set({ phone_enc: fieldCrypto.encrypt(phone), phone_index: fieldCrypto.blindIndex('phone', phone), updated_at: now })
          .where('id', '=', a.id)
          .where('phone_index', '=', a.phone_index)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '手机号已被修改，请刷新页面后重试');
        await trx.deleteFrom('sessions').where('kind', '=', 'accountant').where('subject_id', '=', a.id).where('id_hash', '!=', currentSession).execute();
        await audit.record(trx, { actorKind: 'accountant', actorId: a.id, action: 'account.change_phone', targetKind: 'account', targetId: a.id, ip, detail: { from: maskPhone(oldPhone), to: maskPhone(phone) } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) await this.assertPhoneFree(phone);
      throw err;
    }
    await this.notify(a.id, oldPhone, `【全国会计人员统一服务管理平台】您的账号绑定手机号已于${beijingDateTime(now)}修改为${maskPhone(phone)}。如非本人操作，请立即通过“忘记密码”重置密码并联系所属会计管理部门。`);
    return { maskedPhone: maskPhone(phone) };
  }

  /** A notice (no code) to a number: its failure is logged, never undoes what was done. */
  private async notify(accountId: string, phone: string, body: string): Promise<void> {
    const gateway = this.ctx.integrations.sms;
    let ok = false;
    try {
      if (gateway) ok = Boolean(await gateway.send(phone, body));
    } catch {
      ok = false;
    }
    if (!ok) await this.ctx.audit.record(this.ctx.db, { actorKind: 'system', action: 'sms.notice', outcome: 'failure', targetKind: 'account', targetId: accountId });
  }

  /** What 注销账号 would do, in plain words, with the periods in force; and what stands in its way. */
  async closureInfo(a: Account): Promise<ClosureInfo> {
    const policy = await this.ctx.policies.current<RetentionPolicy>(RETENTION_POLICY.name);
    const open = await this.ctx.db.selectFrom('reviews').select('kind').where('account_id', '=', a.id).where('status', 'in', OPEN).execute();
    const label = (kind: string) => (this.ctx.reviews.kinds.has(kind) ? this.ctx.reviews.definition(kind).workflow.label : kind);
    const p = policy.value;
    return {
      blockers: [...new Set(open.map((r) => label(r.kind)))].map((l) => `您有审核中的事项（${l}），请先撤回或等待审核完成后再注销`),
      deletedAtOnce: [
        '登录密码与所有登录状态：注销后无法再登录本账号',
        '微信绑定：不能再用微信扫码登录，也不再接收公众号消息',
        '手机号：立即删除，该手机号可以注册其他账号',
        '证件号码的注册记录：可以用同一证件重新注册新账号',
      ],
      kept: [
        { what: '已提交的信息采集、信息变更、属地关系调转、奖惩信息及其证明材料，姓名与证件号码（加密保存）', why: '会计管理部门依法管理会计人员信息，审核记录须可追溯', days: p.closedAccountDays, since: 'closure' },
        { what: '您同意个人信息保护政策的记录', why: '证明处理您的信息时已取得同意', days: p.closedAccountDays, since: 'closure' },
        { what: '登录、审核等操作的审计日志', why: '《网络安全法》要求留存网络日志不少于六个月', days: p.auditDays, since: 'record' },
      ],
      maskedPhone: maskPhone(this.phoneOf(a)),
      policyId: policy.id,
    };
  }

  async sendClosureCode(a: Account, ip: string, captcha: { captchaId?: string; captchaText?: string }) {
    return this.ctx.smsCodes.send(this.phoneOf(a), 'close_account', ip, { ...captcha, captcha: (id, text) => this.ctx.captcha.consume(id, text) });
  }

  /**
   * 注销账号: refused while an item is open; password, a code to the current phone and the word 注销.
   * In one transaction the credentials, sessions and WeChat binding go, and the phone and document
   * indexes are freed; what the law keeps stays until the retention job's period has run.
   */
  async close(a: Account, input: CloseAccountRequest, ip: string): Promise<void> {
    const { db, fieldCrypto, smsCodes, audit, clock } = this.ctx;
    if (input.confirmText.trim() !== CLOSE_CONFIRM_TEXT) throw AppError.validation([{ path: 'confirmText', message: `请输入“${CLOSE_CONFIRM_TEXT}”以确认` }]);
    const info = await this.closureInfo(a);
    if (info.blockers.length) throw new AppError('ACCOUNT_HAS_OPEN_ITEMS', info.blockers[0] ?? '');
    await this.checkPassword(a, input.password, ip, 'account.close');
    const phone = this.phoneOf(a);
    const codeId = await smsCodes.check(phone, 'close_account', input.smsCode);
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await smsCodes.consume(trx, codeId);
      const open = await trx.selectFrom('reviews').select('id').where('account_id', '=', a.id).where('status', 'in', OPEN).limit(1).executeTakeFirst();
      if (open) throw new AppError('ACCOUNT_HAS_OPEN_ITEMS', '您有审核中的事项，请先撤回或等待审核完成后再注销');
      const r = await trx
        .updateTable('accounts')
        .set({
          closed_at: now,
          password_hash: '!closed',
          phone_enc: fieldCrypto.encrypt(''),
          phone_index: `closed:${a.id}`,
          id_number_index: `closed:${a.id}`,
          login_index: null,
          updated_at: now,
        })
        .where('id', '=', a.id)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '账号已注销');
      await trx.deleteFrom('wechat_bindings').where('account_id', '=', a.id).execute();
      await this.ctx.sessions.destroyAll('accountant', a.id, trx);
      await audit.record(trx, { actorKind: 'accountant', actorId: a.id, action: 'account.close', targetKind: 'account', targetId: a.id, ip, detail: { policy: info.policyId } });
    });
    await this.notify(a.id, phone, `【全国会计人员统一服务管理平台】您的账号已于${beijingDateTime(now)}注销。如非本人操作，请联系所属会计管理部门。`);
  }
}
