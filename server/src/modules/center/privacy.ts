import crypto from 'node:crypto';
import type { PrivacyNotice, PrivacyNoticeCreateRequest, PrivacyNoticeList } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../../db/index';
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

/** Every version, newest first, the one in force marked (管理端 → 政策参数). */
export async function privacyNoticeVersions(ctx: AppContext): Promise<PrivacyNoticeList> {
  const today = shanghaiDate(ctx.clock.now());
  const rows = await ctx.db.selectFrom('privacy_notices').selectAll().orderBy('version', 'desc').execute();
  const current = rows.find((r) => r.effective_from <= today)?.version;
  return { today, notices: rows.map((r) => ({ version: r.version, title: r.title, body: r.body, effectiveFrom: r.effective_from, createdAt: r.created_at, current: r.version === current })) };
}

/**
 * A new version, from a date that is neither in the past nor before the latest version's (so the
 * version in force only ever moves forward); everyone who agreed to an older one is asked again from
 * that date. Versions are never changed or deleted.
 */
export async function publishPrivacyNotice(ctx: AppContext, input: PrivacyNoticeCreateRequest, staffId: string, ip: string): Promise<PrivacyNotice> {
  const today = shanghaiDate(ctx.clock.now());
  const late = (message: string) => AppError.validation([{ path: 'effectiveFrom', message }]);
  if (input.effectiveFrom < today) throw late('生效日期不能早于今天');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const latest = await trx.selectFrom('privacy_notices').select(['version', 'effective_from']).orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (latest && input.effectiveFrom < latest.effective_from) throw late(`生效日期不能早于第${latest.version}版的生效日期（${latest.effective_from}）`);
      const version = (latest?.version ?? 0) + 1;
      await trx.insertInto('privacy_notices').values({ version, title: input.title, body: input.body, effective_from: input.effectiveFrom, created_at: ctx.clock.now().toISOString() }).execute();
      await ctx.audit.record(trx, { actorKind: 'staff', actorId: staffId, action: 'privacy.publish', targetKind: 'privacy_notice', targetId: String(version), ip, detail: { version, effectiveFrom: input.effectiveFrom } });
      return { version, title: input.title, body: input.body, effectiveFrom: input.effectiveFrom };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '另一位管理员刚刚发布了新版本，请刷新后重试');
    throw err;
  }
}
