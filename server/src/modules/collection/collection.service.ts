import crypto from 'node:crypto';
import { sql } from 'kysely';
import {
  CERTIFICATE_LIBRARY_FIRST_YEAR,
  COLLECTION_STEPS,
  DEGREE_CODES,
  checkBirthDate,
  checkForeignPermanentResidence,
  checkResidencePermit,
  codeName,
  collectionScope,
  isCollectionScopeCode,
  isValidCode,
  maskIdNumber,
  maskPhone,
  type CollectionBasicRequest,
  type CollectionState,
  type CollectionStep,
  type EducationEntry,
  type EducationEntryRequest,
  type FieldError,
  type FilePurpose,
  type WorkEntry,
  type WorkEntryRequest,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../db/index';
import type { Account } from '../../db/types';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';
import type { ChsiQuery, ChsiVerifier } from '../../integrations/chsi/chsi-verifier';
import { CollectionRepo, toEducationEntry, toWorkEntry, type CollectionData } from './collection.repo';
import {
  checkEducationInput,
  checkWorkInput,
  educationNames,
  findOverlap,
  lockedFieldErrors,
  needsChsi,
  normalizeCertNo,
  submissionErrors,
  workNames,
} from './collection.rules';

/** 未提交, 审核不通过 (a new submission) and 退回补正 (the same item, corrected) */
const EDITABLE = ['draft', 'rejected', 'returned'] as const;
const LEVEL_RANK: Readonly<Record<string, number>> = { 高级: 3, 中级: 2, 初级: 1 };
/** Fields whose change means the 学信网 check must run again at the next submit. */
const CHSI_FIELDS = ['school', 'educationLevel', 'degree', 'eduCertNo', 'degreeCertNo', 'abroad', 'ongoing'] as const;

function lockedError(status: string | undefined): AppError {
  if (status === 'pending') return new AppError('CONFLICT', '信息采集审核中，暂不能修改');
  if (status === 'approved') return new AppError('CONFLICT', '信息采集已审核通过，如需修改请通过信息变更办理');
  return new AppError('CONFLICT', '信息已被修改，请刷新后重试');
}

const blank = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** An education request as the API would show it once stored (the shape legacy locks compare). */
function educationShape(e: EducationEntryRequest) {
  return {
    mode: e.mode,
    school: e.school,
    startDate: e.startDate,
    endDate: e.ongoing ? null : e.endDate,
    ongoing: e.ongoing,
    educationLevel: e.educationLevel,
    degree: e.degree,
    majorCode: e.majorCode,
    eduCertNo: normalizeCertNo(e.eduCertNo),
    degreeCertNo: e.degree === DEGREE_CODES.none ? null : normalizeCertNo(e.degreeCertNo),
    abroad: e.abroad,
  };
}

function workShape(w: WorkEntryRequest, creditCode: string | null) {
  return {
    startDate: w.startDate,
    endDate: w.ongoing ? null : w.endDate,
    ongoing: w.ongoing,
    company: w.company,
    creditCode,
    unitType: w.unitType,
    industry: w.industry,
    address: w.address,
    phone: blank(w.phone),
    hasAccounting: w.hasAccounting,
    accountingRows: w.accountingRows,
    title: blank(w.title),
    titleDate: w.title ? (w.titleDate ?? null) : null,
  };
}

/**
 * 会计人员信息采集: drafts saved step by step, checked at each PUT for format and at submit for
 * completeness, then handed to the review engine as one snapshot in the same transaction.
 */
export class CollectionService {
  private readonly repo: CollectionRepo;

  constructor(
    private readonly ctx: AppContext,
    private readonly chsi: ChsiVerifier,
  ) {
    this.repo = new CollectionRepo(ctx.db);
  }

  private today(): string {
    return shanghaiDate(this.ctx.clock.now());
  }

  async state(accountId: string): Promise<CollectionState> {
    return this.present(await this.repo.load(accountId));
  }

  private async present({ account, row, education, work }: CollectionData): Promise<CollectionState> {
    const { fieldCrypto } = this.ctx;
    const verified = Number(account.realname_verified) === 1;
    const status = row?.status ?? 'draft';
    const review = row?.current_review_id ? await this.ctx.reviews.applicantSummary({ reviewId: row.current_review_id }) : null;
    const extra = row?.extra_id_number_enc ? fieldCrypto.decrypt(row.extra_id_number_enc) : null;
    const scope = row?.scope && isCollectionScopeCode(row.scope) ? row.scope : null;
    const basic = {
      photoFileId: row?.photo_file_id ?? null,
      politicalStatus: row?.political_status ?? null,
      ethnicity: row?.ethnicity ?? null,
      email: row?.email ?? null,
      address: row?.address ?? null,
      postcode: row?.postcode ?? null,
      extraIdType: row?.extra_id_type ?? null,
      maskedExtraIdNumber: extra ? maskIdNumber(extra) : null,
      identityProofFileId: row?.identity_proof_file_id ?? null,
    };
    return {
      status,
      step: (COLLECTION_STEPS as ReadonlyArray<string>).includes(row?.step ?? '') ? (row?.step as CollectionStep) : 'notice',
      realnameVerified: verified,
      registration: {
        idType: account.id_type,
        maskedIdNumber: fieldCrypto.masked(account.id_number_enc, maskIdNumber),
        name: account.name,
        sex: account.sex,
        birthDate: account.birth_date,
        maskedPhone: fieldCrypto.masked(account.phone_enc, maskPhone),
      },
      scope,
      basic,
      education,
      work,
      departmentCode: row?.department_code ?? null,
      departmentPath: await this.repo.departmentPath(row?.department_code ?? null),
      certVerified: Number(row?.cert_verified ?? 0) === 1,
      review,
      editable: verified && (EDITABLE as ReadonlyArray<string>).includes(status),
      openProblems: status === 'pending' || status === 'approved' ? [] : submissionErrors({ scope, basic, education, work, departmentCode: row?.department_code ?? null }),
    };
  }

  /** 403 before 实名认证; 409 while the collection is pending or once it is approved. */
  private async assertCanEdit(accountId: string): Promise<Account> {
    const account = await this.repo.getAccount(accountId);
    if (Number(account.realname_verified) !== 1) throw AppError.forbidden('请先完成实名认证');
    const row = await this.repo.findCollection(accountId);
    if (row && !(EDITABLE as ReadonlyArray<string>).includes(row.status)) throw lockedError(row.status);
    return account;
  }

  /**
   * A step's writes, in one transaction that first bumps the collection's version while it is still
   * editable: an edit and a submit of the same person serialise on that row, so a snapshot sent for
   * review never misses an edit, and nothing changes once a review is open.
   */
  private async write<T>(accountId: string, step: CollectionStep, work: (trx: Db) => Promise<T>): Promise<T> {
    const now = this.ctx.clock.now().toISOString();
    const earlier = COLLECTION_STEPS.slice(0, COLLECTION_STEPS.indexOf(step));
    return this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('collections')
        .values({
          account_id: accountId, scope: null, status: 'draft', step: 'notice', current_review_id: null, department_code: null,
          photo_file_id: null, political_status: null, ethnicity: null, email: null, address: null, postcode: null,
          extra_id_type: null, extra_id_number_enc: null, identity_proof_file_id: null, cert_id: null,
          submitted_at: null, decided_at: null, created_at: now, updated_at: now,
        })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
      const r = await trx
        .updateTable('collections')
        .set((eb) => ({
          // the furthest step reached: a write never moves it back
          step: earlier.length > 0 ? sql<string>`CASE WHEN step IN (${sql.join(earlier)}) THEN ${step} ELSE step END` : sql<string>`step`,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('account_id', '=', accountId)
        .where('status', 'in', EDITABLE)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw lockedError((await this.repo.findCollection(accountId, trx))?.status);
      return work(trx);
    });
  }

  /** Collects a file-ownership problem as a field error instead of stopping at the first one. */
  async ownedFile(accountId: string, id: string | null | undefined, purpose: FilePurpose, path: string, errors: FieldError[]): Promise<string | null> {
    try {
      return await this.ctx.files.assertOwned(accountId, id, [purpose], path);
    } catch (err) {
      if (err instanceof AppError && err.fields) errors.push(...err.fields);
      else throw err;
      return null;
    }
  }

  async saveScope(accountId: string, scope: string): Promise<CollectionState> {
    await this.assertCanEdit(accountId);
    await this.write(accountId, 'notice', async (trx) => {
      // the certificate library check belongs to a scope: it runs again at submit
      await trx.updateTable('collections').set({ scope, cert_verified: 0, cert_id: null }).where('account_id', '=', accountId).execute();
    });
    return this.state(accountId);
  }

  async saveBasic(accountId: string, input: CollectionBasicRequest): Promise<CollectionState> {
    const account = await this.assertCanEdit(accountId);
    const row = await this.repo.findCollection(accountId);
    const errors: FieldError[] = [];
    const political = blank(input.politicalStatus);
    const ethnicity = blank(input.ethnicity);
    if (political && !isValidCode('politicalStatus', political)) errors.push({ path: 'politicalStatus', message: '请选择政治面貌' });
    if (ethnicity && !isValidCode('ethnicity', ethnicity)) errors.push({ path: 'ethnicity', message: '请选择民族' });

    // 其他证件: only for registrations with a non-mainland document; the number is write-only
    // (shown masked), so an omitted number keeps the stored one while the type stays the same.
    const extraType = input.extraIdType ?? null;
    const extraNumber = input.extraIdNumber === undefined ? undefined : blank(input.extraIdNumber);
    let extraEnc: string | null | undefined = null;
    if (account.id_type === 'mainland_id') {
      if (extraType || extraNumber) errors.push({ path: extraType ? 'extraIdType' : 'extraIdNumber', message: '使用内地居民身份证注册的人员无需填写其他证件' });
    } else if (!extraType) {
      if (extraNumber) errors.push({ path: 'extraIdType', message: '请选择证件类型' });
    } else {
      const allowed = account.id_type === 'foreign_passport' ? 'foreign_permanent' : 'hmt_residence';
      if (extraType !== allowed) {
        errors.push({ path: 'extraIdType', message: allowed === 'hmt_residence' ? '港澳台居民可填写的证件为港澳台居民居住证' : '外国人可填写的证件为外国人永久居留身份证' });
      } else if (extraNumber) {
        const r = (extraType === 'hmt_residence' ? checkResidencePermit : checkForeignPermanentResidence)(extraNumber, this.today());
        if (r.ok) extraEnc = this.ctx.fieldCrypto.encrypt(r.value);
        else errors.push({ path: 'extraIdNumber', message: r.message });
      } else if (extraNumber === undefined && row?.extra_id_type === extraType && row.extra_id_number_enc) {
        extraEnc = undefined;
      } else {
        errors.push({ path: 'extraIdNumber', message: '请输入证件号码' });
      }
    }
    // 性别/出生日期 missing from an earlier permit or passport registration: given once, then fixed
    const missing = account.id_type !== 'mainland_id' && (!account.sex || !account.birth_date);
    if (!missing && (input.sex !== undefined || input.birthDate !== undefined)) {
      errors.push({ path: input.sex !== undefined ? 'sex' : 'birthDate', message: '性别和出生日期为注册信息，不能在此修改' });
    }
    if (missing && input.birthDate !== undefined) {
      const message = checkBirthDate(input.birthDate, this.today());
      if (message) errors.push({ path: 'birthDate', message });
    }
    const photo = await this.ownedFile(accountId, input.photoFileId, 'collection_photo', 'photoFileId', errors);
    const proof = await this.ownedFile(accountId, input.identityProofFileId, 'identity_proof', 'identityProofFileId', errors);
    if (errors.length > 0) throw AppError.validation(errors);
    await this.write(accountId, 'basic', async (trx) => {
      if (missing && (input.sex || input.birthDate)) {
        await trx
          .updateTable('accounts')
          .set({ ...(input.sex && !account.sex ? { sex: input.sex } : {}), ...(input.birthDate && !account.birth_date ? { birth_date: input.birthDate } : {}) })
          .where('id', '=', accountId)
          .execute();
      }
      await trx
        .updateTable('collections')
        .set({
          photo_file_id: photo,
          political_status: political,
          ethnicity,
          email: blank(input.email),
          address: blank(input.address),
          postcode: blank(input.postcode),
          extra_id_type: extraType,
          ...(extraEnc === undefined ? {} : { extra_id_number_enc: extraEnc }),
          identity_proof_file_id: proof,
        })
        .where('account_id', '=', accountId)
        .execute();
    });
    return this.state(accountId);
  }

  /** An entry's row values checked with every rule of a save (信息变更 uses the same checks). */
  async checkEducation(accountId: string, input: EducationEntryRequest, current?: EducationEntry) {
    const errors = checkEducationInput(input, this.today());
    const shape = educationShape(input);
    if (current?.legacy) errors.push(...lockedFieldErrors(current.lockedFields, current, shape));
    if (!errors.some((e) => e.path === 'startDate' || e.path === 'endDate')) {
      const others = (await this.repo.educationRows(accountId)).map(toEducationEntry);
      const overlap = findOverlap(others, { id: current?.id ?? '', ...shape }, (o) => `教育经历“${o.school ?? ''}”`);
      if (overlap) errors.push({ path: 'startDate', message: overlap });
    }
    const proof = await this.ownedFile(accountId, input.proofFileId, 'education_proof', 'proofFileId', errors);
    const abroadCert = await this.ownedFile(accountId, input.abroadCertFileId, 'education_proof', 'abroadCertFileId', errors);
    if (errors.length > 0) throw AppError.validation(errors);
    let chsi: EducationEntry['chsiStatus'] = needsChsi(shape) ? 'unchecked' : 'not_applicable';
    if (current && chsi === 'unchecked' && current.chsiStatus !== 'not_applicable') {
      const changed = CHSI_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(shape[f]));
      if (!changed) chsi = current.chsiStatus;
    }
    return {
      mode: shape.mode, school: shape.school, start_date: shape.startDate, end_date: shape.endDate, ongoing: shape.ongoing ? 1 : 0,
      education_level: shape.educationLevel, degree: shape.degree, major_code: shape.majorCode, edu_cert_no: shape.eduCertNo,
      degree_cert_no: shape.degreeCertNo, abroad: shape.abroad ? 1 : 0, chsi_status: chsi, proof_file_id: proof, abroad_cert_file_id: abroadCert,
      updated_at: this.ctx.clock.now().toISOString(),
    };
  }

  async addEducation(accountId: string, input: EducationEntryRequest): Promise<EducationEntry> {
    const account = await this.assertCanEdit(accountId);
    const values = await this.checkEducation(accountId, input);
    const id = crypto.randomUUID();
    await this.write(accountId, 'education', (trx) =>
      trx.insertInto('education_entries').values({ id, account_id: accountId, ...values, legacy: 0, locked_fields: null, created_at: values.updated_at }).execute(),
    );
    // checked with 学信网 on save: the page knows at once whether the certificate must be uploaded
    await this.verifyWithChsi(account);
    return toEducationEntry(await this.repo.getEducationRow(accountId, id));
  }

  async updateEducation(accountId: string, id: string, input: EducationEntryRequest): Promise<EducationEntry> {
    const account = await this.assertCanEdit(accountId);
    const current = toEducationEntry(await this.repo.getEducationRow(accountId, id));
    const values = await this.checkEducation(accountId, input, current);
    await this.write(accountId, 'education', (trx) => trx.updateTable('education_entries').set(values).where('id', '=', id).where('account_id', '=', accountId).execute());
    // a corrected certificate number is checked again now: an upload is asked for only if it fails again
    await this.verifyWithChsi(account);
    return toEducationEntry(await this.repo.getEducationRow(accountId, id));
  }

  async deleteEducation(accountId: string, id: string): Promise<void> {
    await this.assertCanEdit(accountId);
    await this.repo.getEducationRow(accountId, id);
    await this.write(accountId, 'education', (trx) => trx.deleteFrom('education_entries').where('id', '=', id).where('account_id', '=', accountId).execute());
  }

  async checkWork(accountId: string, input: WorkEntryRequest, current?: WorkEntry) {
    const checked = checkWorkInput(input, this.today());
    const errors = checked.errors;
    const shape = workShape(input, checked.creditCode);
    if (current?.legacy) errors.push(...lockedFieldErrors(current.lockedFields, current, shape));
    if (!errors.some((e) => e.path === 'startDate' || e.path === 'endDate')) {
      const others = (await this.repo.workRows(accountId)).map(toWorkEntry);
      const overlap = findOverlap(others, { id: current?.id ?? '', ...shape }, (o) => `工作经历“${o.company ?? ''}”`);
      if (overlap) errors.push({ path: 'startDate', message: overlap });
    }
    const proof = await this.ownedFile(accountId, input.accountingProofFileId, 'work_proof', 'accountingProofFileId', errors);
    const titleFile = await this.ownedFile(accountId, input.titleFileId, 'title_proof', 'titleFileId', errors);
    if (errors.length > 0) throw AppError.validation(errors);
    return {
      start_date: shape.startDate, end_date: shape.endDate, ongoing: shape.ongoing ? 1 : 0, company: shape.company, credit_code: shape.creditCode,
      credit_code_warning: checked.creditCodeWarning ? 1 : 0, no_credit_code_reason: checked.noCreditCodeReason, unit_type: shape.unitType, industry: shape.industry, address: shape.address,
      phone: shape.phone, has_accounting: shape.hasAccounting ? 1 : 0, accounting_rows: JSON.stringify(shape.accountingRows),
      accounting_proof_file_id: proof, title: shape.title, title_date: shape.titleDate, title_file_id: shape.title ? titleFile : null,
      updated_at: this.ctx.clock.now().toISOString(),
    };
  }

  async addWork(accountId: string, input: WorkEntryRequest): Promise<WorkEntry> {
    await this.assertCanEdit(accountId);
    const values = await this.checkWork(accountId, input);
    const id = crypto.randomUUID();
    await this.write(accountId, 'work', (trx) =>
      trx.insertInto('work_entries').values({ id, account_id: accountId, ...values, legacy: 0, locked_fields: null, created_at: values.updated_at }).execute(),
    );
    return toWorkEntry(await this.repo.getWorkRow(accountId, id));
  }

  async updateWork(accountId: string, id: string, input: WorkEntryRequest): Promise<WorkEntry> {
    await this.assertCanEdit(accountId);
    const current = toWorkEntry(await this.repo.getWorkRow(accountId, id));
    const values = await this.checkWork(accountId, input, current);
    await this.write(accountId, 'work', (trx) => trx.updateTable('work_entries').set(values).where('id', '=', id).where('account_id', '=', accountId).execute());
    return toWorkEntry(await this.repo.getWorkRow(accountId, id));
  }

  async deleteWork(accountId: string, id: string): Promise<void> {
    await this.assertCanEdit(accountId);
    await this.repo.getWorkRow(accountId, id);
    await this.write(accountId, 'work', (trx) => trx.deleteFrom('work_entries').where('id', '=', id).where('account_id', '=', accountId).execute());
  }

  /**
   * Any department below 财政部: a county, or a city or province-level department itself (本级) when
   * the employer sits at that level (RULES.md §5).
   */
  async saveDepartment(accountId: string, code: string): Promise<CollectionState> {
    await this.assertCanEdit(accountId);
    const { db } = this.ctx;
    const dept = await db.selectFrom('departments').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
    if (!dept || dept.level === 'national') throw AppError.validation([{ path: 'departmentCode', message: '所选会计管理部门不存在' }]);
    await this.write(accountId, 'department', async (trx) => {
      await trx.updateTable('collections').set({ department_code: code }).where('account_id', '=', accountId).execute();
    });
    return this.state(accountId);
  }

  /**
   * 学信网 check of entries not yet checked (first submit, or edited since): 大专 and above, both
   * the 学历 and, when a degree is given, the 学位 certificate. An unreachable service is answered
   * like "not found": the person can still go on by uploading the certificate.
   */
  private async verifyWithChsi(account: Account): Promise<void> {
    const { db } = this.ctx;
    const rows = await db.selectFrom('education_entries').selectAll().where('account_id', '=', account.id).where('chsi_status', '=', 'unchecked').execute();
    for (const row of rows) {
      const status = await this.chsiStatusFor(account, toEducationEntry(row));
      if (status) await db.updateTable('education_entries').set({ chsi_status: status }).where('id', '=', row.id).where('chsi_status', '=', 'unchecked').execute();
    }
  }

  /** 学信网's answer for one entry; undefined while the school or certificate number is missing. */
  async chsiStatusFor(account: Account, e: Pick<EducationEntry, 'educationLevel' | 'abroad' | 'ongoing' | 'school' | 'eduCertNo' | 'degree' | 'degreeCertNo'>): Promise<EducationEntry['chsiStatus'] | undefined> {
    if (!needsChsi(e)) return 'not_applicable';
    if (!e.school || !e.eduCertNo) return undefined;
    const base = { idNumberIndex: account.id_number_index, school: e.school };
    const queries: ChsiQuery[] = [{ kind: '学历', certNo: e.eduCertNo, ...base }];
    if (e.degree && e.degree !== DEGREE_CODES.none && e.degreeCertNo) queries.push({ kind: '学位', certNo: e.degreeCertNo, ...base });
    const answers = await Promise.all(queries.map((q) => this.chsi.verify(q)));
    return answers.every((a) => a.status === 'found') ? 'verified' : 'not_found';
  }

  async findCertificate(account: Account) {
    const rows = await this.ctx.db
      .selectFrom('certificates')
      .selectAll()
      .where('id_number_index', '=', account.id_number_index)
      .where('year', '>=', CERTIFICATE_LIBRARY_FIRST_YEAR)
      .execute();
    const name = account.name.normalize('NFC').trim();
    return rows
      .filter((c) => c.name.normalize('NFC').trim() === name)
      .sort((a, b) => (LEVEL_RANK[b.level] ?? 0) - (LEVEL_RANK[a.level] ?? 0) || b.year - a.year)[0];
  }

  async submit(accountId: string, ip: string): Promise<CollectionState> {
    const account = await this.assertCanEdit(accountId);
    await this.verifyWithChsi(account);
    const data = await this.repo.load(accountId);
    const { row, education, work } = data;
    const state = await this.present(data);
    const errors = submissionErrors({ scope: state.scope, basic: state.basic, education, work, departmentCode: state.departmentCode });
    const cert = state.scope === 'qualified' ? await this.findCertificate(account) : undefined;
    if (state.scope === 'qualified' && !cert) {
      errors.push({ path: 'scope.certificate', message: `全国会计资格职称库中未查到您${CERTIFICATE_LIBRARY_FIRST_YEAR}年以后取得的会计专业技术资格证书，请核对姓名、证件号码或重新选择采集范围` });
    }
    if (errors.length > 0 || !row || !state.departmentCode) throw AppError.validation(errors);

    const payload = collectionSnapshot({ state, account, education, work, certificate: cert });
    const now = this.ctx.clock.now().toISOString();
    const actor = { kind: 'owner' as const, accountId };
    await this.ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('collections')
        .set({ promise: 1, submitted_at: now, step: 'result', cert_verified: cert ? 1 : 0, cert_id: cert?.id ?? null, version: row.version + 1, updated_at: now })
        .where('account_id', '=', accountId)
        .where('version', '=', row.version)
        .where('status', 'in', EDITABLE)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const current = await this.repo.findCollection(accountId, trx);
        throw current?.status === 'pending' ? new AppError('CONFLICT', '信息采集已提交，正在审核中，请勿重复提交') : lockedError(current?.status);
      }
      // the collection's status follows the review (collection.kind.ts), in this transaction
      if (row.status === 'returned' && row.current_review_id) {
        await this.ctx.reviews.applyTransition(trx, { reviewId: row.current_review_id, action: 'resubmit', actor, payload, ip });
      } else {
        await this.ctx.reviews.submit(trx, { kind: 'collection', accountId, departmentCode: state.departmentCode ?? '', payload, ip });
      }
    });
    return this.state(accountId);
  }
}

export interface SnapshotInput {
  state: Pick<CollectionState, 'scope' | 'basic' | 'departmentCode' | 'departmentPath'>;
  account: Pick<Account, 'id_type' | 'name' | 'sex' | 'birth_date'>;
  education: ReadonlyArray<EducationEntry>;
  work: ReadonlyArray<WorkEntry>;
  certificate: { cert_no: string; level: string; year: number; issuer: string } | undefined;
}

/**
 * What the reviewer decides on: the whole collection as submitted, with names beside codes, the
 * certificate-library result and the points that need a human look (credit codes failing their check).
 */
export function collectionSnapshot({ state, account, education, work, certificate }: SnapshotInput) {
  const warnings = work.filter((w) => w.creditCodeWarning);
  return {
    scope: state.scope,
    scopeName: state.scope ? (collectionScope(state.scope)?.name ?? null) : null,
    registration: { idType: account.id_type, name: account.name, sex: account.sex, birthDate: account.birth_date },
    basic: {
      ...state.basic,
      politicalStatusName: state.basic.politicalStatus ? (codeName('politicalStatus', state.basic.politicalStatus) ?? null) : null,
      ethnicityName: state.basic.ethnicity ? (codeName('ethnicity', state.basic.ethnicity) ?? null) : null,
    },
    education: education.map((e) => ({ ...e, ...educationNames(e) })),
    work: work.map((w) => ({ ...w, ...workNames(w) })),
    department: { code: state.departmentCode, path: state.departmentPath },
    certVerified: Boolean(certificate),
    certificate: certificate ? { certNo: certificate.cert_no, level: certificate.level, year: certificate.year, issuer: certificate.issuer, label: '已核验全国证书库' } : null,
    flags: { creditCodeWarning: warnings.length > 0, chsiNotFound: education.some((e) => e.chsiStatus === 'not_found') },
    notes: warnings.map((w) =>
      w.noCreditCodeReason
        ? `工作单位“${w.company ?? ''}”无统一社会信用代码（原因：${w.noCreditCodeReason}），请人工核实`
        : `工作单位“${w.company ?? ''}”的统一社会信用代码${w.creditCode ?? ''}校验位不符，请人工核实`,
    ),
  };
}
