import { checkIdDocument, loginNumberCandidates, normaliseNumber, personKey, type IdDocumentType } from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import { shanghaiDate } from '../../platform/clock';

/**
 * The two blind indexes of a document (RULES.md §1): `idIndex` of the person key — unique, one account
 * per person — and `loginIndex` of the number alone, which is what people type to sign in.
 */
export function identityIndexes(ctx: Pick<AppContext, 'fieldCrypto'>, type: IdDocumentType, number: string, nationality?: string | null) {
  return {
    idIndex: ctx.fieldCrypto.blindIndex('id_number', personKey(type, number, nationality)),
    loginIndex: ctx.fieldCrypto.blindIndex('id_number', number),
  };
}

/** The login indexes a typed number could be, the exact one first (a permit typed with its renewal count). */
export function loginIndexCandidates(ctx: Pick<AppContext, 'fieldCrypto'>, typed: string): string[] {
  return loginNumberCandidates(typed).map((v) => ctx.fieldCrypto.blindIndex('id_number', v));
}

export interface ReindexReport {
  accounts: number;
  reindexed: number;
  /** numbers stored with a renewal count, now stored as the person part with the count apart */
  reducedToPerson: number;
  /** accounts whose person key another account already has: left as they were, for an operator */
  duplicates: Array<{ idType: string; accountIds: [string, string] }>;
  /** stored numbers the current rules refuse (e.g. a mainland ID starting 81): left as they were */
  invalid: Array<{ idType: string; accountId: string; reason: string }>;
}

/**
 * Data step of migration 0011, at start-up (it needs the key): accounts indexed on the number as typed
 * are re-indexed on the person key. Duplicates are reported, never merged; what it did is stored in
 * data_migrations, the audit log and the start-up log. Runs over the partial index accounts_identity_v1,
 * which is empty once done.
 */
export async function reindexIdentities(ctx: AppContext): Promise<ReindexReport | null> {
  const { db, fieldCrypto, clock, audit } = ctx;
  const rows = await db.selectFrom('accounts').select(['id', 'id_type', 'id_number_enc', 'id_number_index', 'nationality']).where('identity_version', '<', 2).orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return null;
  const today = shanghaiDate(clock.now());
  const report: ReindexReport = { accounts: rows.length, reindexed: 0, reducedToPerson: 0, duplicates: [], invalid: [] };
  for (const row of rows) {
    const stored = fieldCrypto.decrypt(row.id_number_enc);
    const checked = checkIdDocument(row.id_type as IdDocumentType, stored, today);
    if (!checked.ok) {
      report.invalid.push({ idType: row.id_type, accountId: row.id, reason: checked.message });
      await db.updateTable('accounts').set({ login_index: fieldCrypto.blindIndex('id_number', normaliseNumber(stored)), identity_version: 2 }).where('id', '=', row.id).execute();
      continue;
    }
    const { idIndex, loginIndex } = identityIndexes(ctx, row.id_type as IdDocumentType, checked.value, row.nationality);
    const other = idIndex === row.id_number_index ? undefined : await db.selectFrom('accounts').select('id').where('id_number_index', '=', idIndex).executeTakeFirst();
    if (other) {
      report.duplicates.push({ idType: row.id_type, accountIds: [other.id, row.id] });
      await db.updateTable('accounts').set({ login_index: loginIndex, identity_version: 2 }).where('id', '=', row.id).execute();
      await audit.record(db, { actorKind: 'system', action: 'account.duplicate_identity', targetKind: 'account', targetId: row.id, detail: { same_person_as: other.id, id_type: row.id_type, migration: '0011' } });
      continue;
    }
    const reduced = checked.value !== stored;
    if (reduced) report.reducedToPerson += 1;
    await db
      .updateTable('accounts')
      .set({
        id_number_index: idIndex,
        login_index: loginIndex,
        id_renewal: checked.renewal ?? null,
        identity_version: 2,
        ...(reduced ? { id_number_enc: fieldCrypto.encrypt(checked.value) } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    report.reindexed += 1;
  }
  const at = clock.now().toISOString();
  const previous = await db.selectFrom('data_migrations').select('report').where('name', '=', '0011-person-identity').executeTakeFirst();
  const runs = [...(previous ? (JSON.parse(previous.report) as { runs: unknown[] }).runs : []), { at, ...report }];
  if (previous) await db.updateTable('data_migrations').set({ ran_at: at, report: JSON.stringify({ runs }) }).where('name', '=', '0011-person-identity').execute();
  else await db.insertInto('data_migrations').values({ name: '0011-person-identity', ran_at: at, report: JSON.stringify({ runs }) }).execute();
  await audit.record(db, {
    actorKind: 'system',
    action: 'accounts.reindexed',
    detail: { migration: '0011', accounts: report.accounts, reindexed: report.reindexed, reduced: report.reducedToPerson, duplicates: report.duplicates.length, invalid: report.invalid.length },
  });
  return report;
}
