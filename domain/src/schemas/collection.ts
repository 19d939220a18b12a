import { applicantReview } from './reviews';
import { z } from 'zod';
import { COLLECTION_SCOPE_CODES } from '../codes/accounting';

/**
 * 会计人员信息采集: request and response schemas shared by server and web. Drafts may be incomplete:
 * a step's PUT checks the format of what it gets; completeness, scope consequences and cross-entry
 * rules are checked at submit, with field paths such as `education.<id>.proofFileId`.
 */
export const COLLECTION_STEPS = ['notice', 'basic', 'education', 'work', 'department', 'result'] as const;
export type CollectionStep = (typeof COLLECTION_STEPS)[number];
export const COLLECTION_STEP_LABELS: Readonly<Record<CollectionStep, string>> = {
  notice: '采集须知',
  basic: '基本信息',
  education: '教育经历',
  work: '工作经历',
  department: '会计管理部门',
  result: '审核告知',
};

/** 未提交 | 审核中 | 退回补正 | 审核通过 | 审核不通过 */
export const COLLECTION_STATUSES = ['draft', 'pending', 'returned', 'approved', 'rejected'] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];
export const COLLECTION_STATUS_LABELS: Readonly<Record<CollectionStatus, string>> = {
  draft: '未提交',
  pending: '审核中',
  returned: '退回补正',
  approved: '审核通过',
  rejected: '审核不通过',
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional();
const fileId = z.string().max(64).nullable().optional();

export const EXTRA_ID_TYPES = [
  { value: 'hmt_residence', label: '港澳台居民居住证' },
  { value: 'foreign_permanent', label: '外国人永久居留身份证' },
] as const;

export const collectionScopeRequest = z.object({ scope: z.enum(COLLECTION_SCOPE_CODES, { error: '请选择采集范围' }) }).strict();

export const collectionBasicRequest = z
  .object({
    photoFileId: fileId,
    politicalStatus: z.string().max(4).nullable().optional(),
    ethnicity: z.string().max(4).nullable().optional(),
    email: z.string().trim().max(100).email('邮箱格式不正确').or(z.literal('')).nullable().optional(),
    address: optText('通讯地址', 200),
    postcode: z.string().trim().regex(/^\d{6}$/, '邮编应为6位数字').or(z.literal('')).nullable().optional(),
    /** only for registrations with a non-mainland document */
    extraIdType: z.enum(['hmt_residence', 'foreign_permanent']).nullable().optional(),
    extraIdNumber: z.string().trim().max(30).nullable().optional(),
    /** 身份证或居住证: required at submit for people neither working nor studying */
    identityProofFileId: fileId,
    /**
     * 性别 and 出生日期 of a permit or passport holder who registered before registration asked for
     * them: given once here; afterwards they are registration data like the others (read-only)
     */
    sex: z.enum(['male', 'female']).optional(),
    birthDate: z.string().max(10).optional(),
  })
  .strict();
export type CollectionBasicRequest = z.infer<typeof collectionBasicRequest>;

export const educationEntryRequest = z
  .object({
    mode: z.string({ error: '请选择培养方式' }).max(4),
    school: z.string({ error: '请输入学校名称' }).trim().min(2, '请输入学校名称（全称）').max(100, '学校名称不能超过100个字'),
    startDate: date,
    /** null with ongoing=true: 至今 (students) */
    endDate: date.nullable(),
    ongoing: z.boolean(),
    educationLevel: z.string({ error: '请选择学历' }).max(4),
    degree: z.string({ error: '请选择学位' }).max(4),
    majorCode: z.string({ error: '请选择所学专业' }).max(12),
    eduCertNo: z.string().trim().max(40, '学历证书编号不能超过40位').nullable().optional(),
    degreeCertNo: z.string().trim().max(40, '学位证书编号不能超过40位').nullable().optional(),
    /** 留学 (studied abroad) */
    abroad: z.boolean().default(false),
    proofFileId: fileId,
    abroadCertFileId: fileId,
  })
  .strict();
export type EducationEntryRequest = z.infer<typeof educationEntryRequest>;

export const accountingRow = z
  .object({
    level: z.string({ error: '请选择会计人员岗位层级' }).max(4),
    post: z.string({ error: '请选择从事会计工作岗位' }).max(4),
    startDate: date,
    endDate: date.nullable(),
  })
  .strict();
export type AccountingRow = z.infer<typeof accountingRow>;

export const workEntryRequest = z
  .object({
    startDate: date,
    endDate: date.nullable(),
    ongoing: z.boolean(),
    company: z.string({ error: '请输入单位名称' }).trim().min(2, '请输入单位名称').max(100, '单位名称不能超过100个字'),
    creditCode: z.string({ error: '请输入统一社会信用代码' }).trim().max(30),
    /** an employer without a code (deregistered before 2015, abroad): why; the entry goes to manual review */
    noCreditCodeReason: z.string().trim().max(200, '原因不能超过200个字').nullable().optional(),
    unitType: z.string({ error: '请选择单位类型' }).max(8),
    industry: z.string({ error: '请选择所属行业' }).max(2),
    address: z.string({ error: '请输入工作单位地址' }).trim().min(2, '请输入工作单位地址').max(200),
    phone: z.string().trim().regex(/^[\d\-+() ]{5,20}$/, '工作单位电话格式不正确').or(z.literal('')).nullable().optional(),
    hasAccounting: z.boolean(),
    accountingRows: z.array(accountingRow).max(20).default([]),
    accountingProofFileId: fileId,
    /** 会计专业职务 (optional) */
    title: z.string().max(4).nullable().optional(),
    titleDate: date.nullable().optional(),
    titleFileId: fileId,
  })
  .strict();
export type WorkEntryRequest = z.infer<typeof workEntryRequest>;

export const collectionDepartmentRequest = z.object({ departmentCode: z.string({ error: '请选择会计管理部门' }).regex(/^\d{6}$/, '请选择会计管理部门') }).strict();

export const collectionSubmitRequest = z
  .object({ promise: z.literal(true, { error: '请勾选“承诺所提供信息真实有效”' }) })
  .strict();

export const educationEntry = z.object({
  id: z.string(),
  mode: z.string().nullable(),
  school: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ongoing: z.boolean(),
  educationLevel: z.string().nullable(),
  degree: z.string().nullable(),
  majorCode: z.string().nullable(),
  eduCertNo: z.string().nullable(),
  degreeCertNo: z.string().nullable(),
  abroad: z.boolean(),
  /** 学信网: verified | not_found | not_applicable | unchecked */
  chsiStatus: z.enum(['verified', 'not_found', 'not_applicable', 'unchecked']),
  proofFileId: z.string().nullable(),
  abroadCertFileId: z.string().nullable(),
  /** from the provincial platform: these fields are locked */
  legacy: z.boolean(),
  lockedFields: z.array(z.string()),
});
export type EducationEntry = z.infer<typeof educationEntry>;

export const workEntry = z.object({
  id: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ongoing: z.boolean(),
  company: z.string().nullable(),
  creditCode: z.string().nullable(),
  /** legal format but failed check character, or no code with a stated reason: routed to manual review */
  creditCodeWarning: z.boolean(),
  /** the employer has no code: the reason the person gave */
  noCreditCodeReason: z.string().nullable(),
  unitType: z.string().nullable(),
  industry: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hasAccounting: z.boolean(),
  accountingRows: z.array(accountingRow),
  accountingProofFileId: z.string().nullable(),
  title: z.string().nullable(),
  titleDate: z.string().nullable(),
  titleFileId: z.string().nullable(),
  legacy: z.boolean(),
  lockedFields: z.array(z.string()),
});
export type WorkEntry = z.infer<typeof workEntry>;

export const collectionResponse = z.object({
  status: z.enum(COLLECTION_STATUSES),
  /** the furthest step the person has saved (a write never moves it back): resume there */
  step: z.enum(COLLECTION_STEPS),
  /** false: 信息采集 must first open the 实名认证 dialog */
  realnameVerified: z.boolean(),
  /** read-only registration fields */
  registration: z.object({
    idType: z.string(),
    maskedIdNumber: z.string(),
    name: z.string(),
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
    maskedPhone: z.string(),
  }),
  scope: z.enum(COLLECTION_SCOPE_CODES).nullable(),
  basic: z.object({
    photoFileId: z.string().nullable(),
    politicalStatus: z.string().nullable(),
    ethnicity: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    extraIdType: z.string().nullable(),
    maskedExtraIdNumber: z.string().nullable(),
    identityProofFileId: z.string().nullable(),
  }),
  education: z.array(educationEntry),
  work: z.array(workEntry),
  departmentCode: z.string().nullable(),
  /** province → city → county names of the chosen department */
  departmentPath: z.array(z.object({ code: z.string(), name: z.string() })),
  certVerified: z.boolean(),
  review: applicantReview.nullable(),
  /** the steps this person may still edit (none while pending or once approved) */
  editable: z.boolean(),
  /**
   * What 提交审核 would still refuse in the draft as it stands (completeness, uploads, overlaps,
   * scope consequences; not the certificate library, which is asked at submit). The page uses it to
   * take a problem off its list as soon as it is fixed.
   */
  openProblems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type CollectionState = z.infer<typeof collectionResponse>;

/** Department cascader: children of a department (province → city → county). */
export const departmentChildrenResponse = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), isLeaf: z.boolean() })),
});

/** GET /api/departments/children: omit `parent` for the provinces (under 财政部 000000). */
export const departmentChildrenQuery = z.object({ parent: z.string().regex(/^\d{6}$/, '部门代码应为6位数字').optional() }).strict();

/** Entry ids in the collection routes' paths. */
export const collectionEntryParams = z.object({ id: z.string().max(64) });

/**
 * GET /api/codes/:list — one list of CODE_LISTS (except region). Items keep their extra fields
 * (rank, level, note, materials …); tree lists carry `children`.
 */
export const codeListResponse = z.object({
  name: z.string(),
  kind: z.enum(['flat', 'tree']),
  label: z.string(),
  version: z.string(),
  items: z.array(z.looseObject({ code: z.string(), name: z.string() })),
});

/* ---- 全国会计资格职称库: the system administrator's CSV import and search ---- */

export const CERTIFICATE_CSV_COLUMNS = ['证书编号', '姓名', '证件号码', '级别', '取得年份', '发证机关'] as const;
export const CERTIFICATE_LEVELS = ['初级', '中级', '高级'] as const;
/** The library holds certificates from this year on (guide 3.2: 2001年之后的证书数据). */
export const CERTIFICATE_LIBRARY_FIRST_YEAR = 2001;

/** JSON form of the import; the route also takes the CSV itself as text/csv. */
export const certificateImportRequest = z.object({ csv: z.string({ error: '请提供CSV内容' }).min(1, '请提供CSV内容') }).strict();

/** Every row is checked; one bad row imports nothing. Certificates already in the library are skipped. */
export const certificateImportResponse = z.object({
  imported: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});

export const certificateSearchQuery = z
  .object({
    /** certificate number, a full ID number, or part of a name */
    q: z.string().trim().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const certificateListResponse = z.object({
  items: z.array(
    z.object({ id: z.string(), certNo: z.string(), name: z.string(), level: z.string(), year: z.number(), issuer: z.string(), createdAt: z.string() }),
  ),
});
