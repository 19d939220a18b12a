import { shanghaiDate } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Account } from '../../db/types';
import { unavailableChsi } from '../../integrations/chsi/chsi-verifier';
import { CollectionService } from '../collection/collection.service';
import { ChangesService } from '../changes/changes.service';
import { TransfersService } from '../transfers/transfers.service';
import { HonorsService } from '../honors/honors.service';

const ACTOR_LABEL = { owner: '本人', staff: '管理部门工作人员', system: '系统' } as const;

/**
 * 下载个人数据 (PIPL art. 45: a copy of one's own information): one JSON document with the full,
 * unmasked values the person gave, what the departments recorded about it, and the security record
 * of their account. Five copies an hour per account; each download audited.
 */
export async function personalDataCopy(ctx: AppContext, a: Account, ip: string): Promise<{ fileName: string; body: string }> {
  const hit = await ctx.limiter.hit(`center:export:${a.id}`, 5, 3600);
  if (!hit.allowed) throw AppError.rateLimited(hit.retryAfter, '个人数据下载过于频繁，请一小时后再试');
  const { db, fieldCrypto } = ctx;
  const chsi = ctx.integrations.chsi ?? unavailableChsi;
  const [consents, wechat, reviews, files, security] = await Promise.all([
    db.selectFrom('consents').select(['notice_version', 'consented_at']).where('account_id', '=', a.id).orderBy('consented_at').execute(),
    db.selectFrom('wechat_bindings').select(['nickname', 'bound_at']).where('account_id', '=', a.id).executeTakeFirst(),
    db.selectFrom('reviews').select(['id', 'kind', 'status', 'submitted_at', 'decided_at', 'decision_note', 'department_code']).where('account_id', '=', a.id).orderBy('submitted_at').limit(1000).execute(),
    db.selectFrom('files').select(['original_name', 'type', 'size', 'sha256', 'purpose', 'created_at']).where('account_id', '=', a.id).orderBy('created_at').limit(1000).execute(),
    db.selectFrom('audit_log').select(['at', 'action', 'outcome', 'ip']).where('actor_kind', '=', 'accountant').where('actor_id', '=', a.id).orderBy('id', 'desc').limit(200).execute(),
  ]);
  const actions = reviews.length
    ? await db.selectFrom('review_actions').select(['review_id', 'action', 'actor_kind', 'note', 'at']).where('review_id', 'in', reviews.map((r) => r.id)).orderBy('at').execute()
    : [];
  const actionsOf = new Map<string, typeof actions>();
  for (const x of actions) actionsOf.set(x.review_id, [...(actionsOf.get(x.review_id) ?? []), x]);
  const label = (kind: string) => (ctx.reviews.kinds.has(kind) ? ctx.reviews.definition(kind).workflow.label : kind);
  const copy = {
    说明: '全国会计人员统一服务管理平台 个人数据副本（依据《个人信息保护法》第四十五条）。证件号码、手机号为完整值，请妥善保管本文件。',
    生成时间: ctx.clock.now().toISOString(),
    账号: {
      证件类型: a.id_type,
      证件号码: fieldCrypto.decrypt(a.id_number_enc),
      姓名: a.name,
      国籍: a.nationality,
      性别: a.sex,
      出生日期: a.birth_date,
      手机号: fieldCrypto.decrypt(a.phone_enc),
      实名认证: { 已认证: a.realname_verified === 1, 方式: a.realname_method, 时间: a.realname_at },
      注册时间: a.created_at,
    },
    个人信息保护政策同意记录: consents.map((c) => ({ 版本: c.notice_version, 同意时间: c.consented_at })),
    微信绑定: wechat ? { 昵称: wechat.nickname, 绑定时间: wechat.bound_at } : null,
    信息采集: await new CollectionService(ctx, chsi).state(a.id),
    信息变更: await new ChangesService(ctx, chsi).state(a.id),
    属地关系调转: (await new TransfersService(ctx).state(a.id)).records,
    奖惩信息: await new HonorsService(ctx).records(a.id),
    审核记录: reviews.map((r) => ({
      事项: label(r.kind),
      状态: r.status,
      提交时间: r.submitted_at,
      审核时间: r.decided_at,
      审核意见: r.decision_note,
      管理部门代码: r.department_code,
      经过: (actionsOf.get(r.id) ?? []).map((x) => ({ 操作: x.action, 操作人: ACTOR_LABEL[x.actor_kind], 时间: x.at, 意见: x.note })),
    })),
    上传的材料: files.map((f) => ({ 文件名: f.original_name, 类型: f.type, 大小: f.size, SHA256: f.sha256, 用途: f.purpose, 上传时间: f.created_at })),
    最近的账号安全记录: security.map((s) => ({ 时间: s.at, 操作: s.action, 结果: s.outcome, 网络地址: s.ip })),
  };
  await ctx.audit.record(db, { actorKind: 'accountant', actorId: a.id, action: 'account.export', targetKind: 'account', targetId: a.id, ip });
  return { fileName: `个人数据-${shanghaiDate(ctx.clock.now())}.json`, body: JSON.stringify(copy, null, 2) };
}
