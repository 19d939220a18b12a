import crypto from 'node:crypto';
import {
  codeName,
  collectionScope,
  degreeName,
  educationName,
  idDocumentTypeLabel,
  type EducationEntry,
  type IdDocumentType,
  type WorkEntry,
} from '@ausm/domain';
import type { Db } from '../../db/index';
import { toEducationEntry, toWorkEntry } from '../collection/collection.repo';

/*
 * The shown values of a section (CHANGE_FIELDS' keys), from which 变更前 / 变更后 are compared, and the
 * digest that tells whether the target of a change moved between its submit and its approval.
 */

export type View = Record<string, string>;

const fileMark = (id: string | null | undefined) => (id ? `已上传（${id.slice(0, 8)}）` : '');
const name = (list: Parameters<typeof codeName>[0], code: string | null | undefined) => (code ? (codeName(list, code) ?? code) : '');
const SEX: Readonly<Record<string, string>> = { male: '男', female: '女' };
const CHSI: Readonly<Record<EducationEntry['chsiStatus'], string>> = { verified: '核验通过', not_found: '核验未通过', not_applicable: '无需核验', unchecked: '待核验' };

export interface BasicValues {
  idType: string;
  maskedIdNumber: string;
  name: string;
  sex: string | null;
  birthDate: string | null;
  politicalStatus: string | null;
  ethnicity: string | null;
  email: string | null;
  maskedPhone: string;
  address: string | null;
  postcode: string | null;
  photoFileId: string | null;
  identityProofFileId: string | null;
}

export function basicView(b: BasicValues): View {
  return {
    idTypeName: idDocumentTypeLabel(b.idType as IdDocumentType) ?? b.idType,
    maskedIdNumber: b.maskedIdNumber,
    name: b.name,
    sexName: b.sex ? (SEX[b.sex] ?? '') : '',
    birthDate: b.birthDate ?? '',
    politicalStatusName: name('politicalStatus', b.politicalStatus),
    ethnicityName: name('ethnicity', b.ethnicity),
    email: b.email ?? '',
    maskedPhone: b.maskedPhone,
    address: b.address ?? '',
    postcode: b.postcode ?? '',
    photo: fileMark(b.photoFileId),
    identityProof: fileMark(b.identityProofFileId),
  };
}

export function educationView(e: EducationEntry): View {
  return {
    modeName: name('studyMode', e.mode),
    school: e.school ?? '',
    startDate: e.startDate ?? '',
    endDate: e.ongoing ? '至今' : (e.endDate ?? ''),
    educationLevelName: e.educationLevel ? (educationName(e.educationLevel) ?? e.educationLevel) : '',
    eduCertNo: e.eduCertNo ?? '',
    degreeName: e.degree ? (degreeName(e.degree) ?? e.degree) : '',
    degreeCertNo: e.degreeCertNo ?? '',
    majorName: name('major', e.majorCode),
    abroad: e.abroad ? '是' : '否',
    chsi: CHSI[e.chsiStatus],
    proof: fileMark(e.proofFileId),
    abroadCert: fileMark(e.abroadCertFileId),
  };
}

export function workView(w: WorkEntry): View {
  return {
    startDate: w.startDate ?? '',
    endDate: w.ongoing ? '至今' : (w.endDate ?? ''),
    company: w.company ?? '',
    creditCode: w.creditCode ?? '',
    noCreditCodeReason: w.noCreditCodeReason ?? '',
    unitTypeName: name('unitType', w.unitType),
    industryName: name('industry', w.industry),
    address: w.address ?? '',
    phone: w.phone ?? '',
    hasAccounting: w.hasAccounting ? '是' : '否',
    accountingRows: w.accountingRows
      .map((r) => `${name('accountingPostLevel', r.level)} ${name('accountingPost', r.post)} ${r.startDate}至${r.endDate ?? '今'}`)
      .join('；'),
    accountingProof: fileMark(w.accountingProofFileId),
    titleName: name('accountingTitle', w.title),
    titleDate: w.titleDate ?? '',
    titleFile: fileMark(w.titleFileId),
  };
}

export function scopeView(scope: string | null): View {
  return { scopeName: scope ? (collectionScope(scope)?.name ?? scope) : '' };
}

/** 31 bits of SHA-256 of the value's JSON: fits the reviews.target_version integer on both databases. */
export function digest(value: unknown): number {
  return Number.parseInt(crypto.createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex').slice(0, 8), 16) & 0x7fffffff;
}

/** What a change of a section replaces, as stored now (timestamps left out), for the digest. */
export async function sectionTarget(db: Db, section: 'basic' | 'education' | 'work' | 'scope', accountId: string, entryId: string | null): Promise<unknown> {
  if (section === 'basic') {
    const account = await db
      .selectFrom('accounts')
      .select(['name', 'id_type', 'id_number_index', 'nationality', 'sex', 'birth_date'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    const c = await db
      .selectFrom('collections')
      .select(['photo_file_id', 'political_status', 'ethnicity', 'email', 'address', 'postcode', 'identity_proof_file_id'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return { account, c };
  }
  if (section === 'scope') return (await db.selectFrom('collections').select('scope').where('account_id', '=', accountId).executeTakeFirst()) ?? null;
  if (!entryId) return null;
  if (section === 'education') {
    const row = await db.selectFrom('education_entries').selectAll().where('account_id', '=', accountId).where('id', '=', entryId).executeTakeFirst();
    return row ? toEducationEntry(row) : null;
  }
  const row = await db.selectFrom('work_entries').selectAll().where('account_id', '=', accountId).where('id', '=', entryId).executeTakeFirst();
  return row ? toWorkEntry(row) : null;
}
