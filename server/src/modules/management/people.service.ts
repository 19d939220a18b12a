import { COLLECTION_SCOPES, maskIdNumber, type PeopleQuery, type PeopleStats, type PersonArchive, type PersonListItem } from '@ausm/domain';
import { COLLECTION_COUNTS_AS_OF } from '../../jobs';
import type { AppContext } from '../../platform/context';
import type { Staff } from '../../db/types';
import { AppError } from '../../platform/errors';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { beijingDayBounds, personSearch } from '../../platform/list-filters';
import { departmentWithin, reviewInScope, staffScope } from '../../platform/review/scope';
import { CollectionService } from '../collection/collection.service';
import { unavailableChsi } from '../../integrations/chsi/chsi-verifier';
import { HonorsService } from '../honors/honors.service';
import { TransfersService } from '../transfers/transfers.service';

const SCOPE_NAMES = new Map(COLLECTION_SCOPES.map((s) => [s.code, s.name]));

/**
 * 人员查询: the people whose archive (an approved or submitted collection) lies in a staff member's
 * department scope. The scope is the list of department codes below the staff member's department
 * (at most a province's few hundred), so the query is an indexed IN on collections.department_code.
 */
export class PeopleService {
  constructor(private readonly ctx: AppContext) {}

  /** The departments a reviewer (its own) or a supervisor (its subtree) holds; null: every department. */
  private async departmentCodes(staff: Staff): Promise<string[] | null> {
    const scope = await staffScope(this.ctx.db, staff);
    if (scope.all) return null;
    const root = staff.department_code ?? '';
    if (scope.column === 'department_code') return [root];
    const codes = [root];
    let frontier = [root];
    for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
      const rows = await this.ctx.db.selectFrom('departments').select('code').where('parent_code', 'in', frontier).execute();
      frontier = rows.map((r) => r.code);
      codes.push(...frontier);
    }
    return codes;
  }

  async list(staff: Staff, q: PeopleQuery): Promise<{ items: PersonListItem[]; nextCursor: string | null }> {
    const { db, fieldCrypto } = this.ctx;
    const codes = await this.departmentCodes(staff);
    let query = db
      .selectFrom('collections')
      .innerJoin('accounts', 'accounts.id', 'collections.account_id')
      .innerJoin('departments', 'departments.code', 'collections.department_code')
      .select([
        'collections.account_id', 'collections.status', 'collections.scope', 'collections.submitted_at', 'collections.decided_at', 'collections.updated_at',
        'accounts.name', 'accounts.id_number_enc', 'accounts.phone_enc', 'departments.name as department_name',
      ])
      // a draft is not yet the department's: it holds what was submitted to it
      .where('collections.status', '!=', 'draft')
      .where('collections.submitted_at', 'is not', null);
    if (codes) query = query.where('collections.department_code', 'in', codes);
    if (q.status) query = query.where('collections.status', '=', q.status);
    if (q.scope) query = query.where('collections.scope', '=', q.scope);
    const days = beijingDayBounds(q.from, q.to);
    if (days.from) query = query.where('collections.submitted_at', '>=', days.from);
    if (days.before) query = query.where('collections.submitted_at', '<', days.before);
    if (q.q) {
      const match = personSearch(this.ctx, q.q);
      query = 'loginIndexes' in match ? query.where('accounts.login_index', 'in', match.loginIndexes) : query.where('accounts.name', 'like', match.nameLike);
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      query = query.where((eb) => eb(eb.refTuple('collections.submitted_at', 'collections.account_id'), '<', eb.tuple(c.at, c.id)));
    }
    const rows = await query.orderBy('collections.submitted_at', 'desc').orderBy('collections.account_id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => {
        const phone = fieldCrypto.decrypt(r.phone_enc);
        return {
          accountId: r.account_id, name: r.name, maskedIdNumber: fieldCrypto.masked(r.id_number_enc, maskIdNumber), phoneTail: phone.slice(-4),
          status: r.status, scopeName: r.scope ? (SCOPE_NAMES.get(r.scope as never) ?? r.scope) : null, departmentName: r.department_name,
          submittedAt: r.submitted_at, decidedAt: r.decided_at,
        } as PersonListItem;
      }),
      nextCursor: rows.length > q.limit && last?.submitted_at ? encodeCursor(last.submitted_at, last.account_id) : null,
    };
  }

  /** Counts per department and status in the caller's scope, from collection_counts (never a scan). */
  async stats(staff: Staff): Promise<PeopleStats> {
    const { db } = this.ctx;
    const codes = await this.departmentCodes(staff);
    let q = db
      .selectFrom('collection_counts')
      .innerJoin('departments', 'departments.code', 'collection_counts.department_code')
      .select(['collection_counts.department_code', 'collection_counts.status', 'collection_counts.count', 'departments.name']);
    if (codes) q = q.where('collection_counts.department_code', 'in', codes);
    const rows = await q.orderBy('departments.sort').orderBy('collection_counts.department_code').execute();
    const asOf = await db.selectFrom('meta').select('value').where('key', '=', COLLECTION_COUNTS_AS_OF).executeTakeFirst();
    return {
      asOf: asOf?.value ?? null,
      items: rows.map((r) => ({ departmentCode: r.department_code, departmentName: r.name, status: r.status as PeopleStats['items'][number]['status'], count: Number(r.count) })),
    };
  }

  /** One person's archive, if the staff member's scope holds it (404 otherwise); every read is audited. */
  async archive(staff: Staff, accountId: string, ip: string): Promise<PersonArchive> {
    const { db } = this.ctx;
    const row = await db.selectFrom('collections').select(['department_code', 'status', 'submitted_at']).where('account_id', '=', accountId).executeTakeFirst();
    const scope = await staffScope(db, staff);
    if (!row?.department_code || row.status === 'draft' || !row.submitted_at || !(await departmentWithin(db, scope, row.department_code))) throw AppError.notFound('会计人员');
    await this.ctx.audit.record(db, { actorKind: 'staff', actorId: staff.id, action: 'person.read', targetKind: 'account', targetId: accountId, ip });
    const history = await db
      .selectFrom('reviews')
      .innerJoin('departments', 'departments.code', 'reviews.department_code')
      .select(['reviews.id', 'reviews.kind', 'reviews.status', 'reviews.submitted_at', 'reviews.department_code', 'reviews.city_code', 'reviews.province_code', 'departments.name as department_name'])
      .where('reviews.account_id', '=', accountId)
      .orderBy('reviews.submitted_at', 'desc')
      .limit(200)
      .execute();
    return {
      collection: await new CollectionService(this.ctx, this.ctx.integrations.chsi ?? unavailableChsi).state(accountId),
      honors: await new HonorsService(this.ctx).records(accountId, { approvedOnly: true }),
      transfers: (await new TransfersService(this.ctx).state(accountId)).records,
      // the whole history goes with the archive; an item decided elsewhere (before a 调转) opens only there
      history: history.map((h) => ({
        id: h.id, kindLabel: this.ctx.reviews.kinds.has(h.kind) ? this.ctx.reviews.definition(h.kind).workflow.label : h.kind, status: h.status,
        submittedAt: h.submitted_at, departmentName: h.department_name, readable: reviewInScope(scope, h),
      })),
    };
  }
}
