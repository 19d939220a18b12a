import type { AccountingRow, EducationEntry, WorkEntry } from '@ausm/domain';
import type { Db } from '../../db/index';
import type { Account, Collection, EducationEntry as EducationRow, WorkEntry as WorkRow } from '../../db/types';
import { AppError } from '../../platform/errors';

/** Reads of the collection tables and their mapping to the API's shapes. Writes take a transaction. */

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseRows(json: string | null): AccountingRow[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.flatMap((r: Partial<AccountingRow>) =>
      r && typeof r.level === 'string' && typeof r.post === 'string' && typeof r.startDate === 'string'
        ? [{ level: r.level, post: r.post, startDate: r.startDate, endDate: typeof r.endDate === 'string' ? r.endDate : null }]
        : [],
    );
  } catch {
    return [];
  }
}

const CHSI = new Set(['verified', 'not_found', 'not_applicable', 'unchecked']);

export function toEducationEntry(r: EducationRow): EducationEntry {
  return {
    id: r.id,
    mode: r.mode,
    school: r.school,
    startDate: r.start_date,
    endDate: r.end_date,
    ongoing: Number(r.ongoing) === 1,
    educationLevel: r.education_level,
    degree: r.degree,
    majorCode: r.major_code,
    eduCertNo: r.edu_cert_no,
    degreeCertNo: r.degree_cert_no,
    abroad: Number(r.abroad) === 1,
    chsiStatus: (CHSI.has(r.chsi_status) ? r.chsi_status : 'unchecked') as EducationEntry['chsiStatus'],
    proofFileId: r.proof_file_id,
    abroadCertFileId: r.abroad_cert_file_id,
    legacy: Number(r.legacy) === 1,
    lockedFields: parseList(r.locked_fields),
  };
}

export function toWorkEntry(r: WorkRow): WorkEntry {
  return {
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
    ongoing: Number(r.ongoing) === 1,
    company: r.company,
    creditCode: r.credit_code,
    creditCodeWarning: Number(r.credit_code_warning) === 1,
    noCreditCodeReason: r.no_credit_code_reason ?? null,
    unitType: r.unit_type,
    industry: r.industry,
    address: r.address,
    phone: r.phone,
    hasAccounting: Number(r.has_accounting) === 1,
    accountingRows: parseRows(r.accounting_rows),
    accountingProofFileId: r.accounting_proof_file_id,
    title: r.title,
    titleDate: r.title_date,
    titleFileId: r.title_file_id,
    legacy: Number(r.legacy) === 1,
    lockedFields: parseList(r.locked_fields),
  };
}

const byStart = <T extends { start_date: string | null; created_at: string; id: string }>(a: T, b: T) =>
  (a.start_date ?? '').localeCompare(b.start_date ?? '') || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

export interface CollectionData {
  account: Account;
  row: Collection | undefined;
  education: EducationEntry[];
  work: WorkEntry[];
}

export class CollectionRepo {
  constructor(private readonly db: Db) {}

  async getAccount(accountId: string): Promise<Account> {
    const a = await this.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    if (!a) throw AppError.notFound('账号');
    return a;
  }

  findCollection(accountId: string, db: Db = this.db): Promise<Collection | undefined> {
    return db.selectFrom('collections').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  }

  async educationRows(accountId: string): Promise<EducationRow[]> {
    return (await this.db.selectFrom('education_entries').selectAll().where('account_id', '=', accountId).execute()).sort(byStart);
  }

  async workRows(accountId: string): Promise<WorkRow[]> {
    return (await this.db.selectFrom('work_entries').selectAll().where('account_id', '=', accountId).execute()).sort(byStart);
  }

  /** The caller's own entry, or 404: another person's entry is indistinguishable from a missing one. */
  async getEducationRow(accountId: string, id: string): Promise<EducationRow> {
    const r = await this.db.selectFrom('education_entries').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (!r) throw AppError.notFound('教育经历');
    return r;
  }

  async getWorkRow(accountId: string, id: string): Promise<WorkRow> {
    const r = await this.db.selectFrom('work_entries').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
    if (!r) throw AppError.notFound('工作经历');
    return r;
  }

  async load(accountId: string): Promise<CollectionData> {
    const [account, row, education, work] = await Promise.all([
      this.getAccount(accountId),
      this.findCollection(accountId),
      this.educationRows(accountId),
      this.workRows(accountId),
    ]);
    return { account, row, education: education.map(toEducationEntry), work: work.map(toWorkEntry) };
  }

  /** Province → city → county of a department (财政部 itself is left out). */
  async departmentPath(code: string | null): Promise<Array<{ code: string; name: string }>> {
    const path: Array<{ code: string; name: string }> = [];
    let next: string | null = code;
    for (let i = 0; next && i < 5; i++) {
      const d: { code: string; name: string; parent_code: string | null; level: string } | undefined = await this.db
        .selectFrom('departments')
        .select(['code', 'name', 'parent_code', 'level'])
        .where('code', '=', next)
        .executeTakeFirst();
      if (!d || d.level === 'national') break;
      path.unshift({ code: d.code, name: d.name });
      next = d.parent_code;
    }
    return path;
  }
}
