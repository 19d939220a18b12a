import { z } from 'zod';
import { ID_DOCUMENT_TYPE_VALUES } from '../validators/id-document';
import { COLLECTION_SCOPE_CODES } from '../codes/accounting';
import { REVIEW_STATUSES } from '../workflow/review';
import { CHANGE_SECTIONS } from '../workflow/kinds';
import { collectionBasicRequest } from './collection';

/**
 * 会计人员信息变更 (guide §4): once 信息采集 is 审核通过, every change of the collected record is an item
 * of its own, one open per section, decided by the person's department or, where the data allows it,
 * by the system at once. Requests are checked with the same rules as collection.
 */

export const CHANGE_METHODS = ['modify', 'delete', 'add'] as const;
export type ChangeMethod = (typeof CHANGE_METHODS)[number];
export const CHANGE_METHOD_LABELS: Readonly<Record<ChangeMethod, string>> = { modify: '修改', delete: '删除', add: '新增' };

export const CHANGE_SECTION_LABELS: Readonly<Record<(typeof CHANGE_SECTIONS)[number], string>> = {
  basic: '基本信息',
  education: '教育经历',
  work: '工作经历',
  scope: '采集范围',
};

/** Why a change is refused before it is made: the guide's rule in the guide's words. */
export const CHANGE_ONLY_WHEN_APPROVED = '仅在信息采集审核通过状态下允许变更';

const basicFields = collectionBasicRequest.shape;

/**
 * 基本信息变更: what the 进行变更 dialog sends. The document number is typed only when it changes (the
 * page shows it masked); 手机号码 changes only in 个人中心. A new 姓名 or document needs a new 身份证明.
 */
export const basicChangeRequest = z
  .object({
    name: z.string({ error: '请输入姓名' }).max(200),
    idType: z.enum(ID_DOCUMENT_TYPE_VALUES, { error: '请选择证件类型' }),
    /** omitted or blank: the number stays */
    idNumber: z.string().max(30).nullable().optional(),
    nationality: z.string().max(3).nullable().optional(),
    sex: z.enum(['male', 'female'], { error: '请选择性别' }).nullable().optional(),
    birthDate: z.string().max(10).nullable().optional(),
    photoFileId: basicFields.photoFileId,
    politicalStatus: z.string({ error: '请选择政治面貌' }).max(4),
    ethnicity: z.string({ error: '请选择民族' }).max(4),
    email: basicFields.email,
    address: basicFields.address,
    postcode: basicFields.postcode,
    identityProofFileId: basicFields.identityProofFileId,
  })
  .strict();
export type BasicChangeRequest = z.infer<typeof basicChangeRequest>;

export const scopeChangeRequest = z.object({ scope: z.enum(COLLECTION_SCOPE_CODES, { error: '请选择采集范围' }) }).strict();

export const changeSectionParams = z.object({ section: z.enum(CHANGE_SECTIONS) }).strict();

const fieldDiff = z.object({ key: z.string(), label: z.string(), before: z.string(), after: z.string(), changed: z.boolean() });

/** One row of 变更记录, with its 变更前 / 变更后 for 详情. */
export const changeRecord = z.object({
  id: z.string(),
  section: z.enum(CHANGE_SECTIONS),
  /** 基本信息变更, 教育经历变更 … */
  kindLabel: z.string(),
  mode: z.enum(['auto', 'manual']),
  status: z.enum(REVIEW_STATUSES),
  method: z.enum(CHANGE_METHODS),
  /** the entry the change is about (教育经历：山东大学), or null for 基本信息 and 采集范围 */
  subject: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  diff: z.array(fieldDiff),
});
export type ChangeRecord = z.infer<typeof changeRecord>;

export const changesResponse = z.object({
  /** 当前信息审核状态: the collection's status */
  collectionStatus: z.string(),
  /** changes are allowed only once the collection is approved */
  allowed: z.boolean(),
  /** the section's open change, if any: a second one is refused until it is decided */
  pending: z.object({ basic: z.boolean(), education: z.boolean(), work: z.boolean(), scope: z.boolean() }),
  records: z.array(changeRecord),
});
export type ChangesState = z.infer<typeof changesResponse>;

/** What a change request answers: the record, decided at once (自动审核) or waiting (人工审核). */
export const changeSubmitResponse = changeRecord;

/** 变更前 / 变更后, field by field, in the guide's order and words (the review page and 变更记录 详情). */
export const CHANGE_FIELDS: Readonly<Record<(typeof CHANGE_SECTIONS)[number], ReadonlyArray<{ key: string; label: string }>>> = {
  basic: [
    { key: 'idTypeName', label: '证件类型' },
    { key: 'maskedIdNumber', label: '证件号码' },
    { key: 'name', label: '姓名' },
    { key: 'sexName', label: '性别' },
    { key: 'birthDate', label: '出生年月' },
    { key: 'politicalStatusName', label: '政治面貌' },
    { key: 'ethnicityName', label: '民族' },
    { key: 'email', label: '邮箱' },
    { key: 'maskedPhone', label: '手机号码' },
    { key: 'address', label: '通讯地址' },
    { key: 'postcode', label: '邮编' },
    { key: 'photo', label: '证件照片' },
    { key: 'identityProof', label: '身份证明（身份证或居住证）' },
  ],
  education: [
    { key: 'modeName', label: '培养方式' },
    { key: 'school', label: '学校名称(全称)' },
    { key: 'startDate', label: '入学时间' },
    { key: 'endDate', label: '毕业时间' },
    { key: 'educationLevelName', label: '学历' },
    { key: 'eduCertNo', label: '学历证书编号' },
    { key: 'degreeName', label: '学位' },
    { key: 'degreeCertNo', label: '学位证书编号' },
    { key: 'majorName', label: '所学专业' },
    { key: 'abroad', label: '是否有留学经历' },
    { key: 'chsi', label: '学信网核验' },
    { key: 'proof', label: '学历学位证书' },
    { key: 'abroadCert', label: '教育部留学服务中心认证书' },
  ],
  work: [
    { key: 'startDate', label: '工作开始时间' },
    { key: 'endDate', label: '工作结束时间' },
    { key: 'company', label: '单位名称' },
    { key: 'creditCode', label: '统一社会信用代码' },
    { key: 'noCreditCodeReason', label: '无统一社会信用代码的原因' },
    { key: 'unitTypeName', label: '单位类型' },
    { key: 'industryName', label: '所属行业' },
    { key: 'address', label: '工作单位地址' },
    { key: 'phone', label: '工作单位电话' },
    { key: 'hasAccounting', label: '是否从事会计工作' },
    { key: 'accountingRows', label: '本单位会计工作经历' },
    { key: 'accountingProof', label: '会计工作经历证明' },
    { key: 'titleName', label: '会计专业职务' },
    { key: 'titleDate', label: '聘任时间' },
    { key: 'titleFile', label: '聘任文件或证明' },
  ],
  scope: [{ key: 'scopeName', label: '采集范围' }],
};
