import crypto from 'node:crypto';
import { RETENTION_POLICY, type RetentionPolicy } from '@ausm/domain';
import type { AppContext } from './platform/context';
import type { Job } from './platform/jobs';

const DAY_MS = 86_400_000;
const BATCH = 2000;

/**
 * Applies the retention policy (docs/operations.md, 保存期限), once a day:
 * - WeChat and Alipay QR tickets older than ticketDays;
 * - accounts closed more than closedAccountDays ago: their files (bytes and rows), education and
 *   work entries, consents and tickets are deleted, the collection keeps no personal fields, the
 *   items keep no payload (their kind, status, department and history stay as the department's
 *   record) and the account row keeps no name, document or birth date ("已注销用户");
 * - audit rows older than auditDays: the audit log is append-only in the database, so the job first
 *   records a retention grant (cutoff and the policy version) — the only thing the database's
 *   trigger lets a DELETE through for — and then deletes in batches; its own audit row says how many.
 */
export function retentionJob(ctx: AppContext): Job {
  return {
    name: 'retention',
    everySeconds: 24 * 3600,
    leaseSeconds: 30 * 60,
    async run() {
      const { db, clock, fieldCrypto, files } = ctx;
      const policy = await ctx.policies.current<RetentionPolicy>(RETENTION_POLICY.name);
      const now = clock.now();
      const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
      const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
      const p = policy.value;

      const tickets =
        n(await db.deleteFrom('wechat_tickets').where('created_at', '<', before(p.ticketDays)).executeTakeFirst()) +
        n(await db.deleteFrom('wechat_sim_tickets').where('created_at', '<', before(p.ticketDays)).executeTakeFirst()) +
        n(await db.deleteFrom('alipay_certifications').where('created_at', '<', before(p.ticketDays)).executeTakeFirst());

      let accounts = 0;
      let fileCount = 0;
      const due = await db.selectFrom('accounts').select('id').where('closed_at', '<', before(p.closedAccountDays)).where('name', '!=', '已注销用户').limit(500).execute();
      for (const { id } of due) {
        const owned = await db.selectFrom('files').select(['id', 'storage_key']).where('account_id', '=', id).execute();
        await db.transaction().execute(async (trx) => {
          await ctx.reviews.forgetAccount(trx, id, owned.map((f) => f.id));
          for (let i = 0; i < owned.length; i += 500) await trx.deleteFrom('files').where('id', 'in', owned.slice(i, i + 500).map((f) => f.id)).execute();
          await trx.deleteFrom('education_entries').where('account_id', '=', id).execute();
          await trx.deleteFrom('work_entries').where('account_id', '=', id).execute();
          await trx
            .updateTable('collections')
            .set({ photo_file_id: null, political_status: null, ethnicity: null, email: null, address: null, postcode: null, extra_id_type: null, extra_id_number_enc: null, identity_proof_file_id: null })
            .where('account_id', '=', id)
            .execute();
          await trx.deleteFrom('consents').where('account_id', '=', id).execute();
          await trx.deleteFrom('wechat_tickets').where('account_id', '=', id).execute();
          await trx.deleteFrom('alipay_certifications').where('account_id', '=', id).execute();
          await trx.updateTable('accounts').set({ name: '已注销用户', id_number_enc: fieldCrypto.encrypt(''), nationality: null, sex: null, birth_date: null, updated_at: now.toISOString() }).where('id', '=', id).execute();
        });
        // the rows are gone first: a crash here leaves unreachable bytes, never a row without its file
        for (const f of owned) await files.removeContent(f.storage_key);
        accounts += 1;
        fileCount += owned.length;
      }

      const cutoff = before(p.auditDays);
      let audit = 0;
      const old = await db.selectFrom('audit_log').select('id').where('at', '<', cutoff).limit(1).executeTakeFirst();
      if (old) {
        await db.insertInto('retention_grants').values({ id: crypto.randomUUID(), table_name: 'audit_log', cutoff, policy_id: policy.id, granted_at: now.toISOString() }).execute();
        for (;;) {
          const batch = await db.selectFrom('audit_log').select('id').where('at', '<', cutoff).orderBy('id').limit(BATCH).execute();
          if (batch.length === 0) break;
          audit += n(await db.deleteFrom('audit_log').where('id', 'in', batch.map((b) => b.id)).executeTakeFirst());
        }
      }
      if (tickets + accounts + audit > 0) {
        await ctx.audit.record(db, { actorKind: 'system', action: 'retention.purge', detail: { policy: policy.id, tickets, closedAccounts: accounts, files: fileCount, auditRows: audit, auditCutoff: cutoff } });
      }
      return `retention: tickets ${tickets}, closed accounts ${accounts} (files ${fileCount}), audit rows ${audit} before ${cutoff}`;
    },
  };
}
