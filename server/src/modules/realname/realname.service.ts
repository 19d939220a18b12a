import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { AlipayCertification, OnlineRealnameRequest, RealnameStatus } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { signCertifyResult, type AlipayIdentityGateway } from '../../integrations/alipay/alipay-identity';

/**
 * 实名认证, required before 信息采集: by Alipay (instant, through the identity gateway) or online by
 * uploading three ID images, which the chosen city's department reviews.
 */
export class RealnameService {
  constructor(
    private readonly ctx: AppContext,
    private readonly merchantKey: Buffer,
  ) {}

  async status(accountId: string): Promise<RealnameStatus> {
    const { db } = this.ctx;
    const account = await db.selectFrom('accounts').select(['realname_verified', 'realname_method', 'realname_at']).where('id', '=', accountId).executeTakeFirstOrThrow();
    return {
      verified: account.realname_verified === 1,
      alipayAvailable: this.ctx.integrations.alipay !== null,
      method: account.realname_method === 'alipay' || account.realname_method === 'online' ? account.realname_method : null,
      verifiedAt: account.realname_at,
      online: await this.ctx.reviews.applicantSummary({ accountId, kind: 'realname' }),
    };
  }

  private async assertNotVerified(accountId: string): Promise<void> {
    const s = await this.status(accountId);
    if (s.verified) throw new AppError('CONFLICT', '您已完成实名认证，无需重复认证');
  }

  /** The identity gateway, or 503 where none is configured (the upload path still works). */
  private gateway(): AlipayIdentityGateway {
    const g = this.ctx.integrations.alipay;
    if (!g) throw new AppError('INTEGRATION_UNAVAILABLE', '支付宝实名认证暂不可用，请使用线上实名认证（上传证件照片）');
    return g;
  }

  async startAlipay(accountId: string, origin: string): Promise<AlipayCertification> {
    const gateway = this.gateway();
    await this.assertNotVerified(accountId);
    const account = await this.ctx.db.selectFrom('accounts').select(['name', 'id_number_enc']).where('id', '=', accountId).executeTakeFirstOrThrow();
    const { certifyId, expiresAt } = await gateway.initialize(accountId, account.name, this.ctx.fieldCrypto.decrypt(account.id_number_enc));
    return this.describe(certifyId, origin, expiresAt);
  }

  private async describe(certifyId: string, origin: string, expiresAt: string): Promise<AlipayCertification> {
    const result = await this.verifiedQuery(certifyId);
    const scanUrl = this.gateway().scanUrl(certifyId, origin);
    const qrSvg = await QRCode.toString(scanUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { id: certifyId, status: result.status, reason: result.reason, scanUrl, qrSvg, expiresAt };
  }

  /** Queries the gateway and refuses results whose signature does not verify. */
  private async verifiedQuery(certifyId: string) {
    const r = await this.gateway().query(certifyId);
    const expected = signCertifyResult(this.merchantKey, { certifyId: r.certifyId, status: r.status, reason: r.reason });
    if (r.certifyId !== certifyId || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(r.sign.padEnd(expected.length).slice(0, expected.length)))) {
      throw new AppError('CONFLICT', '支付宝认证结果验签失败，请重新发起认证');
    }
    return r;
  }

  /** Polled by the page showing the QR code; records the verification once it has passed. */
  async pollAlipay(accountId: string, certifyId: string, origin: string): Promise<AlipayCertification> {
    const cert = await this.ctx.db.selectFrom('alipay_certifications').select(['account_id', 'expires_at']).where('id', '=', certifyId).executeTakeFirst();
    if (!cert || cert.account_id !== accountId) throw AppError.notFound('认证');
    const described = await this.describe(certifyId, origin, cert.expires_at);
    if (described.status === 'passed') {
      await this.ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('accounts')
          .set({ realname_verified: 1, realname_method: 'alipay', realname_at: this.ctx.clock.now().toISOString() })
          .where('id', '=', accountId)
          .where('realname_verified', '=', 0)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) {
          await this.ctx.audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: 'realname.alipay_passed', targetKind: 'account', targetId: accountId });
          // an online application still open has nothing left to decide
          const open = await this.ctx.reviews.findOpen(trx, 'realname', accountId);
          if (open) {
            await this.ctx.reviews.applyTransition(trx, { reviewId: open.id, action: 'withdraw', actor: { kind: 'system' }, note: '已通过支付宝完成实名认证，线上实名认证申请由系统撤回' });
          }
        }
      });
    }
    return described;
  }

  async submitOnline(accountId: string, input: OnlineRealnameRequest, ip: string): Promise<RealnameStatus> {
    const { db, files, reviews } = this.ctx;
    await this.assertNotVerified(accountId);
    const city = await db.selectFrom('departments').select(['code', 'parent_code', 'level']).where('code', '=', input.cityCode).executeTakeFirst();
    // a city, or where a province has no cities (a municipality's districts, 省直辖 cities) the county-level one
    if (!city || (city.level !== 'city' && city.level !== 'county')) throw AppError.validation([{ path: 'cityCode', message: '请选择所在城市' }]);
    if (city.parent_code !== input.provinceCode) throw AppError.validation([{ path: 'cityCode', message: '所选城市不属于所选省份' }]);
    const front = await files.assertOwned(accountId, input.frontFileId, ['realname_front'], 'frontFileId');
    const back = await files.assertOwned(accountId, input.backFileId, ['realname_back'], 'backFileId');
    const handheld = await files.assertOwned(accountId, input.handheldFileId, ['realname_handheld'], 'handheldFileId');
    // one open application at a time: the engine's open-item key (a unique index) refuses a second
    await db.transaction().execute(async (trx) => {
      await reviews.submit(trx, {
        kind: 'realname',
        accountId,
        departmentCode: input.cityCode,
        payload: { frontFileId: front, backFileId: back, handheldFileId: handheld, provinceCode: input.provinceCode, cityCode: input.cityCode },
        ip,
      });
    });
    return this.status(accountId);
  }
}
