import crypto from 'node:crypto';
import { policyDefinition, policyValueSchema, type PolicyCreateRequest, type PolicyVersion } from '@ausm/domain';
import { isUniqueViolation, type Db } from '../db/index';
import type { Clock } from './clock';
import { shanghaiDate } from './clock';
import type { AuditLog } from './audit';
import { AppError } from './errors';

export interface PolicyInForce<V> {
  /** the version's id: stored on each decision that used it */
  id: string;
  value: V;
}

/**
 * Versioned policy values (ADR 0006). `at(name, date, province)` answers the version in force on a
 * date: a province's own version before the nationwide one, the latest effective date first. Versions
 * are never changed or deleted; a new value is a new version from a date that is not in the past, so a
 * decision already made can always name the version it followed.
 */
export class PolicyStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async at<V>(name: string, date: string, provinceCode?: string | null): Promise<PolicyInForce<V>> {
    const scopes = provinceCode ? [provinceCode, ''] : [''];
    const rows = await this.db
      .selectFrom('policies')
      .select(['id', 'province_code', 'value', 'effective_from'])
      .where('name', '=', name)
      .where('province_code', 'in', scopes)
      .where('effective_from', '<=', date)
      .orderBy('effective_from', 'desc')
      .execute();
    const row = rows.find((r) => r.province_code !== '') ?? rows[0];
    if (!row) throw new Error(`policy "${name}" has no version in force on ${date}: seed its initial value`);
    return { id: row.id, value: JSON.parse(row.value) as V };
  }

  async current<V>(name: string, provinceCode?: string | null): Promise<PolicyInForce<V>> {
    return this.at<V>(name, this.today(), provinceCode);
  }

  /** The first version of a policy, from the deployment's configuration, when it has none yet. */
  async seedInitial(name: string, value: Record<string, number>): Promise<void> {
    const existing = await this.db.selectFrom('policies').select('id').where('name', '=', name).limit(1).executeTakeFirst();
    if (existing) return;
    await this.db
      .insertInto('policies')
      .values({ id: crypto.randomUUID(), name, province_code: '', effective_from: '2000-01-01', value: JSON.stringify(value), note: '初始值（来自部署配置）', created_at: this.clock.now().toISOString(), created_by: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async versions(name: string): Promise<PolicyVersion[]> {
    const rows = await this.db.selectFrom('policies').selectAll().where('name', '=', name).orderBy('effective_from', 'desc').orderBy('province_code').execute();
    const today = this.today();
    const inForce = new Set<string>();
    for (const scope of new Set(rows.map((r) => r.province_code))) {
      const first = rows.find((r) => r.province_code === scope && r.effective_from <= today);
      if (first) inForce.add(first.id);
    }
    return rows.map((r) => ({
      id: r.id, name: r.name, provinceCode: r.province_code || null, effectiveFrom: r.effective_from, value: JSON.parse(r.value) as Record<string, number>,
      note: r.note, createdAt: r.created_at, createdBy: r.created_by, current: inForce.has(r.id),
    }));
  }

  /** A new version, checked against its definition, audited with the administrator who set it. */
  async create(input: PolicyCreateRequest, staffId: string, ip: string): Promise<PolicyVersion> {
    const def = policyDefinition(input.name);
    if (!def) throw AppError.validation([{ path: 'name', message: '没有这项政策参数' }]);
    if (input.provinceCode && !def.perProvince) throw AppError.validation([{ path: 'provinceCode', message: `“${def.label}”全国统一，不能按省设置` }]);
    if (input.effectiveFrom < this.today()) throw AppError.validation([{ path: 'effectiveFrom', message: '生效日期不能早于今天：已作出的决定按当时的版本，不能追溯修改' }]);
    const parsed = policyValueSchema(def).safeParse(input.value);
    if (!parsed.success) {
      throw AppError.validation(parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message })));
    }
    const id = crypto.randomUUID();
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      try {
        await trx
          .insertInto('policies')
          .values({ id, name: def.name, province_code: input.provinceCode ?? '', effective_from: input.effectiveFrom, value: JSON.stringify(parsed.data), note: input.note, created_at: now, created_by: staffId })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('CONFLICT', '该日期已有一个版本：请选择其他生效日期');
        }
        throw err;
      }
      await this.audit.record(trx, { actorKind: 'staff', actorId: staffId, action: 'policy.create', targetKind: 'policy', targetId: id, ip, detail: { name: def.name, provinceCode: input.provinceCode, effectiveFrom: input.effectiveFrom, value: parsed.data, note: input.note } });
    });
    const created = (await this.versions(def.name)).find((v) => v.id === id);
    if (!created) throw new Error('policy version vanished');
    return created;
  }
}
