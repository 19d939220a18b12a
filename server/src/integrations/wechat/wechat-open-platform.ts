import crypto from 'node:crypto';
import type { Db } from '../../db/index';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { WechatSimTicketTable } from '../../db/types';

export type WechatPurpose = 'login' | 'bind';
export type WechatScanStatus = WechatSimTicketTable['status'];

export interface WechatScanResult {
  ticket: string;
  status: WechatScanStatus;
  /** the WeChat user's id within this platform's app (set once confirmed) */
  openid: string | null;
  nickname: string | null;
  /** HMAC-SM3 over `${ticket}|${status}|${openid}|${nickname}` with the app secret */
  sign: string;
}

/**
 * What the platform uses of WeChat Open Platform (网站应用微信登录): a QR ticket for signing in or for
 * binding, and the ticket's result once the person has scanned it and confirmed on the phone.
 * Results are signed with the app secret; the platform refuses an unsigned or altered one.
 * docs/integrations.md has the contract.
 */
export interface WechatOpenPlatform {
  createTicket(purpose: WechatPurpose): Promise<{ ticket: string; expiresAt: string }>;
  /** what the QR code holds: the address WeChat opens on the phone */
  qrUrl(ticket: string, origin: string): string;
  query(ticket: string): Promise<WechatScanResult>;
}

export const WECHAT_TICKET_MS = 5 * 60_000;

export function signWechatResult(secret: Buffer, r: Omit<WechatScanResult, 'sign'>): string {
  return crypto.createHmac('sm3', secret).update(`${r.ticket}|${r.status}|${r.openid ?? ''}|${r.nickname ?? ''}`).digest('hex');
}

export function wechatResultSigned(secret: Buffer, r: WechatScanResult): boolean {
  const expected = Buffer.from(signWechatResult(secret, r));
  const given = Buffer.from(typeof r.sign === 'string' ? r.sign : '');
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/**
 * The simulator (demo mode only). Its tickets expire after five minutes like WeChat's; the simulated
 * phone page (/sim/wechat/:ticket) scans, signs in as a WeChat user of the simulator's registry
 * (created on first use: 微信号 + 昵称, each with its own openid) and confirms or cancels.
 */
export class SimulatedWechat implements WechatOpenPlatform {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly secret: Buffer,
  ) {}

  qrUrl(ticket: string, origin: string): string {
    return `${origin}/sim/wechat/${ticket}`;
  }

  async createTicket(purpose: WechatPurpose): Promise<{ ticket: string; expiresAt: string }> {
    const now = this.clock.now();
    const ticket = crypto.randomBytes(18).toString('base64url');
    const expiresAt = new Date(now.getTime() + WECHAT_TICKET_MS).toISOString();
    await this.db.insertInto('wechat_sim_tickets').values({ id: ticket, purpose, status: 'waiting', openid: null, created_at: now.toISOString(), expires_at: expiresAt, confirmed_at: null }).execute();
    return { ticket, expiresAt };
  }

  private async load(ticket: string) {
    const row = await this.db.selectFrom('wechat_sim_tickets').selectAll().where('id', '=', ticket).executeTakeFirst();
    if (!row) throw AppError.notFound('二维码');
    if ((row.status === 'waiting' || row.status === 'scanned') && row.expires_at <= this.clock.now().toISOString()) {
      await this.db.updateTable('wechat_sim_tickets').set({ status: 'expired' }).where('id', '=', ticket).where('status', 'in', ['waiting', 'scanned']).execute();
      return { ...row, status: 'expired' as const };
    }
    return row;
  }

  async query(ticket: string): Promise<WechatScanResult> {
    const row = await this.load(ticket);
    const user = row.openid ? await this.db.selectFrom('wechat_sim_users').select('nickname').where('openid', '=', row.openid).executeTakeFirst() : undefined;
    const result = { ticket, status: row.status, openid: row.status === 'confirmed' ? row.openid : null, nickname: row.status === 'confirmed' ? (user?.nickname ?? null) : null };
    return { ...result, sign: signWechatResult(this.secret, result) };
  }

  /* ---- the simulated phone (what a person does inside WeChat) ---- */

  async session(ticket: string): Promise<{ purpose: WechatPurpose; status: WechatScanStatus; expiresAt: string }> {
    const row = await this.load(ticket);
    return { purpose: row.purpose, status: row.status, expiresAt: row.expires_at };
  }

  async scan(ticket: string): Promise<void> {
    await this.load(ticket);
    await this.db.updateTable('wechat_sim_tickets').set({ status: 'scanned' }).where('id', '=', ticket).where('status', '=', 'waiting').execute();
  }

  /** Signs in as a WeChat user (created with the nickname if new) and confirms, or cancels. */
  async answer(ticket: string, login: string, nickname: string | undefined, confirm: boolean): Promise<WechatScanStatus> {
    const row = await this.load(ticket);
    if (row.status !== 'waiting' && row.status !== 'scanned') {
      throw new AppError('INVALID_TRANSITION', row.status === 'expired' ? '二维码已过期，请在电脑上刷新二维码后重新扫描' : '该二维码已使用');
    }
    let openid: string | null = null;
    if (confirm) {
      let user = await this.db.selectFrom('wechat_sim_users').selectAll().where('login', '=', login).executeTakeFirst();
      if (!user) {
        if (!nickname) throw AppError.validation([{ path: 'nickname', message: '新的微信号请填写昵称' }]);
        user = { openid: `o${crypto.randomBytes(14).toString('base64url')}`, login, nickname, created_at: this.clock.now().toISOString() };
        await this.db.insertInto('wechat_sim_users').values(user).onConflict((oc) => oc.column('login').doNothing()).execute();
        user = await this.db.selectFrom('wechat_sim_users').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
      }
      openid = user.openid;
    }
    const status = confirm ? 'confirmed' : 'cancelled';
    const r = await this.db
      .updateTable('wechat_sim_tickets')
      .set({ status, openid, confirmed_at: this.clock.now().toISOString() })
      .where('id', '=', ticket)
      .where('status', 'in', ['waiting', 'scanned'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('INVALID_TRANSITION', '该二维码已使用');
    return status;
  }
}
