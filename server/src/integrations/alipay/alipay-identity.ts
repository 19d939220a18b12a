import crypto from 'node:crypto';
import type { Db } from '../../db/index';
import type { Clock } from '../../platform/clock';
import type { FieldCrypto } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { AlipayCertificationTable } from '../../db/types';

export type CertifyStatus = AlipayCertificationTable['status'];

export interface CertifyResult {
  certifyId: string;
  status: CertifyStatus;
  reason: string | null;
  /** HMAC-SM3 over `${certifyId}|${status}|${reason}` with the shared merchant key */
  sign: string;
}

/**
 * Alipay identity verification (支付宝身份验证), the part the platform uses: open a certification for
 * a name + ID number, then query its result. Results are signed; the platform refuses unsigned or
 * tampered ones.
 */
export interface AlipayIdentityGateway {
  initialize(accountId: string, name: string, idNumber: string): Promise<{ certifyId: string; expiresAt: string }>;
  query(certifyId: string): Promise<CertifyResult>;
  /** what the QR code the person scans holds (the gateway's certify URL) */
  scanUrl(certifyId: string, origin: string): string;
}

const VALID_MS = 10 * 60_000;

export function signCertifyResult(key: Buffer, r: Omit<CertifyResult, 'sign'>): string {
  return crypto.createHmac('sm3', key).update(`${r.certifyId}|${r.status}|${r.reason ?? ''}`).digest('hex');
}

/**
 * The simulator. Its registry (alipay_sim_users) holds "Alipay accounts" with a verified identity;
 * the simulated phone page signs in as one of them and authorises, and the simulator compares that
 * identity with the one the platform asked about. Certifications expire after 10 minutes.
 */
export class SimulatedAlipayIdentity implements AlipayIdentityGateway {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fieldCrypto: FieldCrypto,
    private readonly merchantKey: Buffer,
  ) {}

  /** the simulated phone page of this app */
  scanUrl(certifyId: string, origin: string): string {
    return `${origin}/sim/alipay/${certifyId}`;
  }

  async initialize(accountId: string, name: string, idNumber: string): Promise<{ certifyId: string; expiresAt: string }> {
    const now = this.clock.now();
    const certifyId = crypto.randomUUID();
    const expiresAt = new Date(now.getTime() + VALID_MS).toISOString();
    await this.db
      .insertInto('alipay_certifications')
      .values({
        id: certifyId,
        account_id: accountId,
        expected_name: name,
        expected_id_index: this.fieldCrypto.blindIndex('alipay_id', idNumber.toUpperCase()),
        status: 'init',
        alipay_user_id: null,
        reason: null,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        completed_at: null,
      })
      .execute();
    return { certifyId, expiresAt };
  }

  private async load(certifyId: string) {
    const row = await this.db.selectFrom('alipay_certifications').selectAll().where('id', '=', certifyId).executeTakeFirst();
    if (!row) throw AppError.notFound('认证');
    if ((row.status === 'init' || row.status === 'scanned') && row.expires_at <= this.clock.now().toISOString()) {
      await this.db.updateTable('alipay_certifications').set({ status: 'expired', reason: '认证已超时，请重新发起' }).where('id', '=', certifyId).where('status', 'in', ['init', 'scanned']).execute();
      return { ...row, status: 'expired' as const, reason: '认证已超时，请重新发起' };
    }
    return row;
  }

  async query(certifyId: string): Promise<CertifyResult> {
    const row = await this.load(certifyId);
    const result = { certifyId, status: row.status, reason: row.reason };
    return { ...result, sign: signCertifyResult(this.merchantKey, result) };
  }

  /* ---- the simulated phone (what a person does inside the Alipay app) ---- */

  async session(certifyId: string) {
    return this.load(certifyId);
  }

  async scan(certifyId: string): Promise<void> {
    await this.db.updateTable('alipay_certifications').set({ status: 'scanned' }).where('id', '=', certifyId).where('status', '=', 'init').execute();
  }

  /** Signs in as an Alipay user (creating it with a verified identity if new) and authorises. */
  async confirm(certifyId: string, login: string, identity?: { name: string; idNumber: string }): Promise<CertifyStatus> {
    const row = await this.load(certifyId);
    if (row.status !== 'init' && row.status !== 'scanned') {
      throw new AppError('INVALID_TRANSITION', row.status === 'expired' ? '认证已超时，请回到电脑端重新发起' : '该认证已完成');
    }
    let user = await this.db.selectFrom('alipay_sim_users').selectAll().where('login', '=', login).executeTakeFirst();
    if (!user) {
      if (!identity?.name || !identity.idNumber) throw AppError.validation([{ path: 'login', message: '支付宝账号不存在；新账号请同时填写实名信息' }]);
      user = {
        id: crypto.randomUUID(),
        login,
        name: identity.name.trim(),
        id_number_enc: this.fieldCrypto.encrypt(identity.idNumber.trim().toUpperCase()),
        id_number_index: this.fieldCrypto.blindIndex('alipay_id', identity.idNumber.trim().toUpperCase()),
        created_at: this.clock.now().toISOString(),
      };
      await this.db.insertInto('alipay_sim_users').values(user).execute();
    }
    const matches = user.name === row.expected_name && user.id_number_index === row.expected_id_index;
    const status: CertifyStatus = matches ? 'passed' : 'failed';
    const reason = matches ? null : '支付宝账号的实名信息与平台注册的姓名、证件号码不一致';
    const r = await this.db
      .updateTable('alipay_certifications')
      .set({ status, reason, alipay_user_id: user.id, completed_at: this.clock.now().toISOString() })
      .where('id', '=', certifyId)
      .where('status', 'in', ['init', 'scanned'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('INVALID_TRANSITION', '该认证已完成');
    return status;
  }
}
