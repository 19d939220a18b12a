import type { CodeItem } from './code-lists';

export const ACCOUNTING_POST_VERSION = '财会〔2018〕33号 第二条';
export const ACCOUNTING_POST_LEVEL_VERSION = 'AUSM 平台代码 2026.1';
/** 关于深化会计人员职称制度改革的指导意见 (人社部发〔2019〕8号): 助理会计师、会计师、高级会计师、正高级会计师; 会计员 only for records from before the reform */
export const ACCOUNTING_TITLE_VERSION = '人社部发〔2019〕8号';
export const COLLECTION_SCOPE_VERSION = '操作手册 3.2 采集须知';

/** 从事会计工作岗位: the nine posts of 会计人员管理办法 art. 2, in the article's order. */
export const ACCOUNTING_POSTS: ReadonlyArray<CodeItem> = [
  { code: '01', name: '出纳' },
  { code: '02', name: '稽核' },
  { code: '03', name: '资产、负债和所有者权益（净资产）的核算' },
  { code: '04', name: '收入、费用（支出）的核算' },
  { code: '05', name: '财务成果（政府预算执行结果）的核算' },
  { code: '06', name: '财务会计报告（决算报告）编制' },
  { code: '07', name: '会计监督' },
  { code: '08', name: '会计机构内会计档案管理' },
  { code: '09', name: '其他会计工作' },
];

/** 会计人员岗位层级, highest first. */
export const ACCOUNTING_POST_LEVELS: ReadonlyArray<CodeItem> = [
  { code: '1', name: '总会计师' },
  { code: '2', name: '会计机构负责人（会计主管人员）' },
  { code: '3', name: '一般会计人员' },
];

export type AccountingTitleLevel = '初级' | '中级' | '副高' | '正高';

/** rank orders the titles so rules can say "会计师 and above"; level is the 职称 tier. */
export interface AccountingTitle extends CodeItem {
  level: AccountingTitleLevel;
  rank: number;
  /** a title the reform abolished: only an appointment before this date (YYYY-MM-DD) may carry it */
  appointedBefore?: string;
}

/** 会计专业职务 (职称), lowest first as the form lists them. Platform codes, no national code list. */
export const ACCOUNTING_TITLES: ReadonlyArray<AccountingTitle> = [
  // 人社部发〔2019〕8号 (2019-01-11) folded 会计员 into 助理会计师: kept for appointments made before it
  { code: '1', name: '会计员', level: '初级', rank: 1, appointedBefore: '2019-01-11' },
  { code: '2', name: '助理会计师', level: '初级', rank: 2 },
  { code: '3', name: '会计师', level: '中级', rank: 3 },
  { code: '4', name: '高级会计师', level: '副高', rank: 4 },
  { code: '5', name: '正高级会计师', level: '正高', rank: 5 },
];

export const COLLECTION_SCOPE_CODES = ['accountant', 'qualified', 'doctoral'] as const;
export type CollectionScopeCode = (typeof COLLECTION_SCOPE_CODES)[number];

export interface CollectionScope {
  code: CollectionScopeCode;
  /** position on the 采集须知 page; the second scope's wording refers to the first as 第(一)项 */
  no: 1 | 2 | 3;
  /** the guide's wording, shown as the radio label */
  name: string;
  /** what choosing it means later in the form (the guide's 注 under 3.2) */
  note: string;
  /** 材料准备: what to have at hand before starting */
  materials: ReadonlyArray<string>;
}

// Numbers in the photo and file lines mirror the collection file rules (RULES.md §9); if those
// settings change, this text must follow.
const COMMON_MATERIALS: ReadonlyArray<string> = [
  '近期标准证件照片电子版（jpg或png格式，不小于10KB，像素不低于295×413px）',
  '注册时使用的有效身份证件；非内地居民身份证注册的，可另备港澳台居民居住证或外国人永久居留身份证',
  '学历证书、学位证书及其编号：大专以下学历须上传学历证书；大专及以上学历、学位首次提交时与学信网自动核验，核验不通过的须上传对应证书',
  '本科及以上学历的留学生：教育部留学服务中心出具的学历学位认证书',
];

const NOT_WORKING_ID = '暂未工作且不属于在校学生的：身份证或居住证（须上传）';

export const COLLECTION_SCOPES: ReadonlyArray<CollectionScope> = [
  {
    code: 'accountant',
    no: 1,
    name: '会计人员',
    note: '后面“工作经历”采集时需要填写“会计工作经历”。',
    materials: [
      ...COMMON_MATERIALS,
      '工作单位信息：单位名称、统一社会信用代码、单位类型、所属行业、工作单位地址和电话',
      '本单位会计工作经历证明（岗位层级、从事会计工作岗位及起止时间）',
      '已聘任会计专业职务的：会计专业职务聘任文件或证明及聘任时间',
    ],
  },
  {
    code: 'qualified',
    no: 2,
    name: '不从事第(一)项所列具体会计工作但具有会计专业技术资格的人员',
    note: '系统会从全国会计资格职称库进行核验（2001年之后的证书数据），核验通过后，后台会标注已核验全国证书库。',
    materials: [
      ...COMMON_MATERIALS,
      '会计专业技术资格证书（系统核验全国会计资格职称库中2001年之后的证书数据）',
      '有工作单位的：单位名称、统一社会信用代码等工作经历信息及证明材料',
      NOT_WORKING_ID,
    ],
  },
  {
    code: 'doctoral',
    no: 3,
    name: '暂未工作但具有博士学位拟报名中级会计专业技术资格考试的人员',
    note: '后面“教育经历”采集时需填写“博士”学位。',
    materials: [
      ...COMMON_MATERIALS,
      '博士学位证书及证书编号（“教育经历”中须有博士学位）',
      NOT_WORKING_ID,
    ],
  },
];

const posts = new Map(ACCOUNTING_POSTS.map((p) => [p.code, p.name]));
const postLevels = new Map(ACCOUNTING_POST_LEVELS.map((p) => [p.code, p.name]));
const titles = new Map(ACCOUNTING_TITLES.map((t) => [t.code, t]));
const scopes = new Map<string, CollectionScope>(COLLECTION_SCOPES.map((s) => [s.code, s]));

export function accountingPostName(code: string): string | undefined {
  return posts.get(code);
}

export function accountingPostLevelName(code: string): string | undefined {
  return postLevels.get(code);
}

export function accountingTitle(code: string): AccountingTitle | undefined {
  return titles.get(code);
}

export function isCollectionScopeCode(value: string): value is CollectionScopeCode {
  return scopes.has(value);
}

export function collectionScope(code: string): CollectionScope | undefined {
  return scopes.get(code);
}
