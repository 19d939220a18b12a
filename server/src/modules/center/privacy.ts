import crypto from 'node:crypto';
import type { PrivacyNotice } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';

/** The 个人信息保护政策 in force today: the latest version whose effective date has come. */
export async function currentPrivacyNotice(ctx: AppContext, db: Db = ctx.db): Promise<PrivacyNotice> {
  const row = await db
    .selectFrom('privacy_notices')
    .selectAll()
    .where('effective_from', '<=', shanghaiDate(ctx.clock.now()))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error('no privacy notice in force: the seed step seed:privacy:v1 has not run');
  return { version: row.version, title: row.title, body: row.body, effectiveFrom: row.effective_from };
}

/**
 * Records a person's consent to the notice in force (explicit, per version, append-only). Refused
 * with 409 when the version read is not the one in force any more: the page shows the new one.
 */
export async function recordConsent(ctx: AppContext, trx: Db, accountId: string, version: number, ip: string): Promise<void> {
  const current = await currentPrivacyNotice(ctx, trx);
  if (version !== current.version) throw new AppError('PRIVACY_NOTICE_CHANGED', '个人信息保护政策已更新，请阅读后重新确认', [{ path: 'privacyVersion', message: '个人信息保护政策已更新，请阅读后重新确认' }]);
  const now = ctx.clock.now().toISOString();
  await trx.insertInto('consents').values({ id: crypto.randomUUID(), account_id: accountId, notice_version: version, consented_at: now, ip }).execute();
  await trx.updateTable('accounts').set({ privacy_version: version, updated_at: now }).where('id', '=', accountId).execute();
  await ctx.audit.record(trx, { actorKind: 'accountant', actorId: accountId, action: 'privacy.consent', targetKind: 'account', targetId: accountId, ip, detail: { version } });
}
