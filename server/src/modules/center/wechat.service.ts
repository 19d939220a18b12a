import QRCode from 'qrcode';
import type { WechatBinding, WechatTicket, WechatTicketState } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isUniqueViolation, type Db } from '../../db/index';
import { randomToken, sm3 } from '../../platform/crypto';
import { wechatAppSecret } from '../../integrations/integrations';
import { wechatResultSigned, type WechatOpenPlatform, type WechatPurpose } from '../../integrations/wechat/wechat-open-platform';

const OUTCOME_MESSAGES: Record<string, string> = {
  WECHAT_NOT_BOUND: '该微信尚未绑定平台账号。请使用账号密码登录，在“个人中心 → 微信绑定”中绑定后即可扫码登录',
  WECHAT_ALREADY_BOUND: '该微信已绑定其他平台账号，请先在原账号中解绑',
};

export interface LoginPoll {
  state: WechatTicketState;
  /** set once, for the poll that claimed a confirmed scan of a bound WeChat user */
  accountId?: string;
}

/**
 * 微信绑定 and 微信扫码登录 (guide §2.1, §9). The platform keeps its own row per QR ticket: whose it is
 * (the account binding, or the browser that opened the login QR) and what its confirmed scan did. A
 * confirmed scan is claimed once, by a conditional update, so a replayed or simultaneous poll has no
 * second effect; one WeChat user binds one account (a unique index decides a race).
 */
export class WechatService {
  private readonly secret: Buffer;
  constructor(private readonly ctx: AppContext) {
    this.secret = wechatAppSecret(ctx.config);
  }

  private adapter(): WechatOpenPlatform {
    const w = this.ctx.integrations.wechat;
    if (!w) throw new AppError('INTEGRATION_UNAVAILABLE', '微信服务暂不可用，请使用账号密码登录');
    return w;
  }

  async binding(accountId: string): Promise<WechatBinding> {
    const row = await this.ctx.db.selectFrom('wechat_bindings').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return { available: this.ctx.integrations.wechat !== null, bound: Boolean(row), nickname: row?.nickname ?? null, boundAt: row?.bound_at ?? null };
  }

  private async open(purpose: WechatPurpose, origin: string, owner: { accountId?: string; browserHash?: string }): Promise<WechatTicket> {
    const adapter = this.adapter();
    const { ticket, expiresAt } = await adapter.createTicket(purpose);
    await this.ctx.db
      .insertInto('wechat_tickets')
      .values({ id: ticket, purpose, account_id: owner.accountId ?? null, browser_hash: owner.browserHash ?? null, created_at: this.ctx.clock.now().toISOString(), expires_at: expiresAt, outcome: null, done_at: null })
      .execute();
    const qrUrl = adapter.qrUrl(ticket, origin);
    return { ticket, qrUrl, qrSvg: await QRCode.toString(qrUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }), expiresAt };
  }

  async startBind(accountId: string, origin: string): Promise<WechatTicket> {
    const hit = await this.ctx.limiter.hit(`wechat:bind:${accountId}`, 20, 600);
    if (!hit.allowed) throw AppError.rateLimited(hit.retryAfter, '获取二维码过于频繁，请稍后再试');
    return this.open('bind', origin, { accountId });
  }

  /** A login QR for this browser: the secret goes into its cookie, only its digest into the row. */
  async startLogin(ip: string, origin: string): Promise<WechatTicket & { browserSecret: string }> {
    const hit = await this.ctx.limiter.hit(`wechat:login:ip:${ip}`, 30, 600);
    if (!hit.allowed) throw AppError.rateLimited(hit.retryAfter, '获取二维码过于频繁，请稍后再试');
    const browserSecret = randomToken(24);
    return { ...(await this.open('login', origin, { browserHash: sm3(browserSecret) })), browserSecret };
  }

  private async ticket(id: string, purpose: WechatPurpose) {
    const row = id.length <= 64 ? await this.ctx.db.selectFrom('wechat_tickets').selectAll().where('id', '=', id).where('purpose', '=', purpose).executeTakeFirst() : undefined;
    if (!row) throw AppError.notFound('二维码');
    return row;
  }

  /** What the scan says now; `confirmed` comes with a verified openid. */
  private async scan(ticket: string): Promise<{ state?: WechatTicketState; openid?: string; nickname?: string }> {
    const r = await this.adapter().query(ticket);
    if (!wechatResultSigned(this.secret, r)) {
      await this.ctx.audit.record(this.ctx.db, { actorKind: 'system', action: 'wechat.result_rejected', targetKind: 'wechat_ticket', targetId: ticket, outcome: 'failure', detail: { reason: 'bad_signature' } });
      throw new AppError('INTEGRATION_BAD_RESPONSE', '微信服务返回的结果未通过验签，请刷新二维码重试');
    }
    if (r.status !== 'confirmed') return { state: { status: r.status, code: null, message: null } };
    if (!r.openid) throw new AppError('INTEGRATION_BAD_RESPONSE', '微信服务返回的结果不完整，请刷新二维码重试');
    return { openid: r.openid, nickname: r.nickname ?? '微信用户' };
  }

  private stored(outcome: string | null): WechatTicketState {
    if (!outcome || outcome === 'bound' || outcome === 'signed_in') return { status: 'done', code: null, message: null };
    return { status: 'refused', code: outcome, message: OUTCOME_MESSAGES[outcome] ?? '扫码未能完成，请刷新二维码重试' };
  }

  /** Claims a confirmed ticket for this request: true for exactly one caller. */
  private async claim(trx: Db, id: string, outcome: string): Promise<boolean> {
    const r = await trx.updateTable('wechat_tickets').set({ outcome, done_at: this.ctx.clock.now().toISOString() }).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Polled by 个人中心 → 微信绑定 while the QR shows; binds (or 换绑: moves the binding) once confirmed. */
  async pollBind(accountId: string, id: string, ip: string): Promise<WechatTicketState> {
    const t = await this.ticket(id, 'bind');
    if (t.account_id !== accountId) throw AppError.notFound('二维码');
    if (t.done_at) return this.stored(t.outcome);
    const s = await this.scan(id);
    if (s.state) return s.state;
    const { openid = '', nickname = '' } = s;
    const { db, audit, clock } = this.ctx;
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        const other = await trx.selectFrom('wechat_bindings').select('account_id').where('openid', '=', openid).executeTakeFirst();
        if (other && other.account_id !== accountId) {
          if (!(await this.claim(trx, id, 'WECHAT_ALREADY_BOUND'))) return null;
          await audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: 'wechat.bind', outcome: 'failure', targetKind: 'account', targetId: accountId, ip, detail: { reason: 'already_bound' } });
          return 'WECHAT_ALREADY_BOUND';
        }
        if (!(await this.claim(trx, id, 'bound'))) return null;
        const previous = await trx.deleteFrom('wechat_bindings').where('account_id', '=', accountId).executeTakeFirst();
        await trx.insertInto('wechat_bindings').values({ account_id: accountId, openid, nickname: nickname.slice(0, 64), bound_at: clock.now().toISOString() }).execute();
        const rebind = Number(previous.numDeletedRows) > 0;
        await audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: rebind ? 'wechat.rebind' : 'wechat.bind', targetKind: 'account', targetId: accountId, ip });
        return 'bound';
      });
      if (outcome) return this.stored(outcome);
    } catch (err) {
      // another account bound this WeChat user at the same moment: the unique index decided
      if (!isUniqueViolation(err)) throw err;
      await this.claim(db, id, 'WECHAT_ALREADY_BOUND');
    }
    return this.stored((await this.ticket(id, 'bind')).outcome);
  }

  async unbind(accountId: string, ip: string): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('wechat_bindings').where('account_id', '=', accountId).executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw new AppError('WECHAT_NOT_BOUND', '尚未绑定微信');
      await this.ctx.audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: 'wechat.unbind', targetKind: 'account', targetId: accountId, ip });
    });
  }

  /** Polled by the login page's QR: only the browser that opened it (its cookie secret) may ask. */
  async pollLogin(id: string, browserSecret: string | undefined, ip: string): Promise<LoginPoll> {
    const t = await this.ticket(id, 'login');
    if (!browserSecret || !t.browser_hash || sm3(browserSecret) !== t.browser_hash) throw AppError.notFound('二维码');
    if (t.done_at) return { state: this.stored(t.outcome) };
    const s = await this.scan(id);
    if (s.state) return { state: s.state };
    const { db, audit } = this.ctx;
    const binding = await db.selectFrom('wechat_bindings').innerJoin('accounts', 'accounts.id', 'wechat_bindings.account_id').select(['accounts.id', 'accounts.closed_at']).where('wechat_bindings.openid', '=', s.openid ?? '').executeTakeFirst();
    const accountId = binding && !binding.closed_at ? binding.id : null;
    const outcome = accountId ? 'signed_in' : 'WECHAT_NOT_BOUND';
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await this.claim(trx, id, outcome))) return false;
      await audit.record(trx, accountId
        ? { actorKind: 'accountant', actorId: accountId, action: 'account.login', ip, detail: { method: 'wechat' } }
        : { actorKind: 'anonymous', action: 'account.login', outcome: 'failure', ip, detail: { method: 'wechat', reason: 'not_bound' } });
      return true;
    });
    if (!claimed) return { state: this.stored((await this.ticket(id, 'login')).outcome) };
    return accountId ? { state: this.stored(outcome), accountId } : { state: this.stored(outcome) };
  }
}
