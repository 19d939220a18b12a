import crypto from 'node:crypto';
import {
  CHANGE_FIELDS,
  CHANGE_KIND_OF,
  CHANGE_ONLY_WHEN_APPROVED,
  CHANGE_SECTIONS,
  COLLECTION_STATUS_LABELS,
  REVIEW_KIND_LABELS,
  checkBirthDate,
  checkIdDocument,
  checkPersonName,
  changeReviewPayload,
  diffFields,
  isCountryCode,
  isOpenStatus,
  isValidCode,
  maskIdNumber,
  maskPhone,
  type BasicChangeRequest,
  type ChangeMethod,
  type ChangeRecord,
  type ChangeSection,
  type ChangesState,
  type CollectionStatus,
  type EducationEntry,
  type EducationEntryRequest,
  type FieldError,
  type IdDocumentType,
  type WorkEntry,
  type WorkEntryRequest,
} from '@ausm/domain';
import type { AppContext } from '../../platform/context';
import type { Account, Collection, Review } from '../../db/types';
import { AppError } from '../../platform/errors';
import { shanghaiDate } from '../../platform/clock';
import type { ChsiVerifier } from '../../integrations/chsi/chsi-verifier';
import { identityIndexes } from '../identity/identity-keys';
import { CollectionService } from '../collection/collection.service';
import { CollectionRepo, toEducationEntry, toWorkEntry } from '../collection/collection.repo';
import { educationEntryErrors, scopeConsequenceErrors, workEntryErrors } from '../collection/collection.rules';
import { basicView, educationView, scopeView, workView, type View } from './change-views';
import { targetDigest } from './changes.kind';

const SECTION_OF_KIND: Readonly<Record<string, ChangeSection>> = Object.fromEntries(CHANGE_SECTIONS.map((s) => [CHANGE_KIND_OF[s], s]));
const CHANGE_KIND_NAMES = CHANGE_SECTIONS.map((s) => CHANGE_KIND_OF[s]);
const RECORDS_SHOWN = 200;

const blank = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);
const nothingChanged = (what: string) => new AppError('NOTHING_CHANGED', `${what}与当前信息相同，没有需要变更的内容`);
const same = (a: View, b: View) => JSON.stringify(a) === JSON.stringify(b);

interface Approved {
  account: Account;
  row: Collection;
  departmentCode: string;
}

/**
 * 会计人员信息变更 (guide §4): each request is checked with the rules of 信息采集, then handed to the
 * review engine as an item of its section's kind with 变更前 / 变更后 views; the kind decides, routes
 * and applies it (changes.kind.ts).
 */
export class ChangesService {
  private readonly collection: CollectionService;
  private readonly repo: CollectionRepo;

  constructor(
    private readonly ctx: AppContext,
    chsi: ChsiVerifier,
  ) {
    this.collection = new CollectionService(ctx, chsi);
    this.repo = new CollectionRepo(ctx.db);
  }

  private today(): string {
    return shanghaiDate(this.ctx.clock.now());
  }

  /**
   * Changes are allowed only once the collection is 审核通过 (guide §4.1), and one at a time per
   * section: an open one is named before anything else is checked (the unique open-item index is
   * what guarantees it when two requests race).
   */
  private async approved(accountId: string, section: ChangeSection): Promise<Approved> {
    const account = await this.repo.getAccount(accountId);
    const row = await this.repo.findCollection(accountId);
    const status = (row?.status ?? 'draft') as CollectionStatus;
    if (!row || status !== 'approved' || !row.department_code) {
      throw new AppError('CHANGE_NOT_ALLOWED', `${CHANGE_ONLY_WHEN_APPROVED}，您的信息采集当前为“${COLLECTION_STATUS_LABELS[status] ?? status}”`);
    }
    const kind = CHANGE_KIND_OF[section];
    if (await this.ctx.reviews.findOpen(this.ctx.db, kind, accountId)) throw new AppError('OPEN_ITEM_EXISTS', this.ctx.reviews.definition(kind).openItemMessage);
    return { account, row, departmentCode: row.department_code };
  }

  async state(accountId: string): Promise<ChangesState> {
    const row = await this.repo.findCollection(accountId);
    const status = (row?.status ?? 'draft') as CollectionStatus;
    const reviews = await this.ctx.db
      .selectFrom('reviews')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('kind', 'in', CHANGE_KIND_NAMES)
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(RECORDS_SHOWN)
      .execute();
    const pending = Object.fromEntries(CHANGE_SECTIONS.map((s) => [s, reviews.some((r) => r.kind === CHANGE_KIND_OF[s] && isOpenStatus(r.status))])) as ChangesState['pending'];
    return { collectionStatus: status, allowed: status === 'approved', pending, records: reviews.map(toRecord) };
  }

  private async submit(section: ChangeSection, a: Approved, change: { method: ChangeMethod; entryId: string | null; subject: string | null; manual: boolean; data: Record<string, unknown> | null; before: View; after: View }, ip: string): Promise<ChangeRecord> {
    const payload = changeReviewPayload.parse({
      method: change.method, entryId: change.entryId, subject: change.subject, applicantName: a.account.name, manual: change.manual, data: change.data, ...change.after,
    });
    const review = await this.ctx.db.transaction().execute(async (trx) => {
      const targetVersion = await targetDigest(trx, section, a.account.id, payload);
      return this.ctx.reviews.submit(trx, { kind: CHANGE_KIND_OF[section], accountId: a.account.id, departmentCode: a.departmentCode, payload, before: change.before, targetVersion: targetVersion ?? undefined, ip });
    });
    return toRecord(review);
  }

  /**
   * 基本信息变更: decided by the system unless 身份证明 changed or 姓名, the document, 性别 or 出生日期
   * did — those need a new 身份证明 and the department's review. 手机号码 changes in 个人中心 only.
   */
  async submitBasic(accountId: string, input: BasicChangeRequest, ip: string): Promise<ChangeRecord> {
    const a = await this.approved(accountId, 'basic');
    const { account, row } = a;
    const { fieldCrypto } = this.ctx;
    const today = this.today();
    const errors: FieldError[] = [];
    const idType = input.idType as IdDocumentType;
    const name = checkPersonName(input.name, idType);
    if (!name.ok) errors.push({ path: 'name', message: name.message });

    // the document: typed only when it changes
    const typed = blank(input.idNumber);
    let identity: Record<string, unknown> | null = null;
    let newNumber: string | null = null;
    let derived: { sex: string | null; birthDate: string | null } | null = null;
    if (idType !== account.id_type && !typed) errors.push({ path: 'idNumber', message: '变更证件类型的，请输入新的证件号码' });
    if (typed) {
      const id = checkIdDocument(idType, typed, today);
      const nationality = idType === 'foreign_passport' ? (input.nationality ?? '').toUpperCase() : null;
      if (idType === 'foreign_passport' && !isCountryCode(nationality ?? '')) errors.push({ path: 'nationality', message: '请选择国籍' });
      if (!id.ok) errors.push({ path: 'idNumber', message: id.message });
      else {
        const { idIndex, loginIndex } = identityIndexes(this.ctx, idType, id.value, nationality);
        if (idIndex !== account.id_number_index || idType !== account.id_type) {
          const taken = await this.ctx.db.selectFrom('accounts').select('id').where('id_number_index', '=', idIndex).where('id', '!=', accountId).executeTakeFirst();
          if (taken) errors.push({ path: 'idNumber', message: '该证件号码已被其他账号注册，不能变更为该证件' });
          identity = { idType, idNumberEnc: fieldCrypto.encrypt(id.value), idIndex, loginIndex, renewal: id.renewal ?? null, nationality };
          newNumber = id.value;
          if (idType === 'mainland_id') derived = { sex: id.sex ?? null, birthDate: id.birthDate ?? null };
        }
      }
    }
    // 性别 and 出生日期: a mainland card's come from the number; other documents' are given
    const mainland = (identity ? idType : account.id_type) === 'mainland_id';
    let sex = account.sex;
    let birthDate = account.birth_date;
    if (derived) ({ sex, birthDate } = derived);
    else if (!mainland) {
      sex = input.sex ?? account.sex;
      birthDate = blank(input.birthDate) ?? account.birth_date;
      if (!sex) errors.push({ path: 'sex', message: '请选择性别' });
      const birth = checkBirthDate(birthDate ?? '', today);
      if (birth) errors.push({ path: 'birthDate', message: birth });
    }
    if (!isValidCode('politicalStatus', input.politicalStatus)) errors.push({ path: 'politicalStatus', message: '请选择政治面貌' });
    if (!isValidCode('ethnicity', input.ethnicity)) errors.push({ path: 'ethnicity', message: '请选择民族' });
    const photo = await this.collection.ownedFile(accountId, input.photoFileId, 'collection_photo', 'photoFileId', errors);
    if (!photo && !errors.some((e) => e.path === 'photoFileId')) errors.push({ path: 'photoFileId', message: '请上传证件照片' });
    const proof = await this.collection.ownedFile(accountId, input.identityProofFileId, 'identity_proof', 'identityProofFileId', errors);
    const identityChanged = (name.ok && name.value !== account.name) || identity !== null || sex !== account.sex || birthDate !== account.birth_date;
    const proofChanged = proof !== row.identity_proof_file_id;
    if (identityChanged && (!proof || !proofChanged) && !errors.some((e) => e.path === 'identityProofFileId')) {
      errors.push({ path: 'identityProofFileId', message: '变更姓名、证件、性别或出生日期的，须上传新的身份证明（身份证或居住证）' });
    }
    if (errors.length > 0 || !name.ok) throw AppError.validation(errors);

    const maskedPhone = fieldCrypto.masked(account.phone_enc, maskPhone);
    const maskedIdNumber = fieldCrypto.masked(account.id_number_enc, maskIdNumber);
    const before = basicView({
      idType: account.id_type, maskedIdNumber, name: account.name, sex: account.sex, birthDate: account.birth_date, politicalStatus: row.political_status,
      ethnicity: row.ethnicity, email: row.email, maskedPhone, address: row.address, postcode: row.postcode, photoFileId: row.photo_file_id, identityProofFileId: row.identity_proof_file_id,
    });
    const values = {
      name: name.value, sex, birthDate, photoFileId: photo, politicalStatus: input.politicalStatus, ethnicity: input.ethnicity,
      email: blank(input.email), address: blank(input.address), postcode: blank(input.postcode), identityProofFileId: proof,
    };
    const after = basicView({ ...values, idType: identity ? idType : account.id_type, maskedIdNumber: newNumber ? maskIdNumber(newNumber) : maskedIdNumber, maskedPhone });
    if (same(before, after) && !identity) throw nothingChanged('基本信息');
    return this.submit('basic', a, { method: 'modify', entryId: null, subject: null, manual: identityChanged || proofChanged, data: { ...values, ...(identity ?? {}) }, before, after }, ip);
  }

  /** 教育经历 / 工作经历 变更: 修改, 删除 or 新增, each reviewed by the department; the same rules as collection. */
  async submitEntry(section: 'education' | 'work', accountId: string, method: ChangeMethod, entryId: string | null, input: EducationEntryRequest | WorkEntryRequest | null, ip: string): Promise<ChangeRecord> {
    // the entry first: another person's id is not found, whatever the caller's own state
    const education = (await this.repo.educationRows(accountId)).map(toEducationEntry);
    const work = (await this.repo.workRows(accountId)).map(toWorkEntry);
    const noun = section === 'education' ? '教育经历' : '工作经历';
    const list: ReadonlyArray<EducationEntry | WorkEntry> = section === 'education' ? education : work;
    const current = entryId ? list.find((e) => e.id === entryId) : undefined;
    if (method !== 'add' && !current) throw AppError.notFound(noun);
    const a = await this.approved(accountId, section);
    const id = current?.id ?? crypto.randomUUID();
    const title = (e: EducationEntry | WorkEntry) => `${noun}：${('school' in e ? e.school : e.company) ?? ''}`;
    const view = (e: EducationEntry | WorkEntry) => ('school' in e ? educationView(e) : workView(e));
    const before = current ? view(current) : {};

    let next: EducationEntry | WorkEntry | null = null;
    let data: Record<string, unknown> | null = null;
    if (method !== 'delete') {
      if (!input) throw AppError.validation([]);
      const stored = { id, account_id: accountId, legacy: current?.legacy ? 1 : 0, locked_fields: current?.lockedFields.length ? JSON.stringify(current.lockedFields) : null, created_at: '' };
      if (section === 'education') {
        const values = await this.collection.checkEducation(accountId, input as EducationEntryRequest, current as EducationEntry | undefined);
        const entry = toEducationEntry({ ...stored, ...values });
        // 学信网 at once: an upload is asked for only when it cannot verify the certificate
        const chsi = entry.chsiStatus === 'unchecked' ? await this.collection.chsiStatusFor(a.account, entry) : entry.chsiStatus;
        if (chsi) values.chsi_status = chsi;
        next = toEducationEntry({ ...stored, ...values });
        const problems = educationEntryErrors(next);
        if (problems.length) throw AppError.validation(problems);
        data = values;
      } else {
        const values = await this.collection.checkWork(accountId, input as WorkEntryRequest, current as WorkEntry | undefined);
        next = toWorkEntry({ ...stored, ...values });
        const problems = workEntryErrors(next);
        if (problems.length) throw AppError.validation(problems);
        data = values;
      }
      if (current && same(view(current), view(next))) throw nothingChanged(noun);
    }
    // what the record would be afterwards must still meet the collection's rules
    const after = [...list.filter((e) => e.id !== id), ...(next ? [next] : [])];
    if (section === 'education' && after.length === 0) throw new AppError('VALIDATION_FAILED', '请至少保留一条教育经历');
    const consequence = scopeConsequenceErrors(a.row.scope, section === 'education' ? (after as EducationEntry[]) : education, section === 'work' ? (after as WorkEntry[]) : work);
    if (consequence.length) throw new AppError('VALIDATION_FAILED', `${consequence[0]?.message ?? ''}，请先变更采集范围`);
    const subject = title(current ?? (next as EducationEntry | WorkEntry));
    return this.submit(section, a, { method, entryId: id, subject, manual: true, data, before, after: next ? view(next) : {} }, ip);
  }

  /** 采集范围变更: the new scope's consequences are checked as at collection; met, the system decides. */
  async submitScope(accountId: string, scope: string, ip: string): Promise<ChangeRecord> {
    const a = await this.approved(accountId, 'scope');
    if (scope === a.row.scope) throw nothingChanged('采集范围');
    const education = (await this.repo.educationRows(accountId)).map(toEducationEntry);
    const work = (await this.repo.workRows(accountId)).map(toWorkEntry);
    const errors = scopeConsequenceErrors(scope, education, work).map((e) => ({ path: 'scope', message: e.message }));
    const working = work.some((w) => w.ongoing);
    const studying = education.some((e) => e.ongoing);
    if (scope === 'doctoral' && !working && !studying && !a.row.identity_proof_file_id) {
      errors.push({ path: 'scope', message: '暂未工作且不属于在校学生的人员，须先在基本信息变更中上传身份证或居住证' });
    }
    let certId: string | null = null;
    if (scope === 'qualified') {
      const cert = await this.collection.findCertificate(a.account);
      if (cert) certId = cert.id;
      else errors.push({ path: 'scope', message: '全国会计资格职称库中未查到您2001年以后取得的会计专业技术资格证书，请核对后再选择该采集范围' });
    }
    if (errors.length) throw AppError.validation(errors);
    return this.submit('scope', a, { method: 'modify', entryId: null, subject: null, manual: false, data: { scope, certId }, before: scopeView(a.row.scope), after: scopeView(scope) }, ip);
  }
}

/** One row of 变更记录: the item's status and mode, and its 变更前 / 变更后. */
export function toRecord(r: Review): ChangeRecord {
  const section = SECTION_OF_KIND[r.kind] ?? 'basic';
  const p = changeReviewPayload.parse(JSON.parse(r.payload));
  const before: unknown = r.before ? JSON.parse(r.before) : {};
  return {
    id: r.id,
    section,
    kindLabel: REVIEW_KIND_LABELS[CHANGE_KIND_OF[section]],
    mode: r.mode === 'auto' ? 'auto' : 'manual',
    status: r.status,
    method: p.method,
    subject: p.subject,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    diff: diffFields(before, p, CHANGE_FIELDS[section]),
  };
}
