import {
  OPEN_END,
  accountingRowPeriod,
  periodsOverlap,
  type Period,
  DEGREE_CODES,
  accountingTitle,
  checkCreditCode,
  codeName,
  collectionScope,
  degreeAllowedFor,
  degreeName,
  educationName,
  isBachelorOrAbove,
  isJuniorCollegeOrAbove,
  isMajorLeaf,
  isUnitTypeLeaf,
  isValidCode,
  type EducationEntry,
  type EducationEntryRequest,
  type FieldError,
  type WorkEntry,
  type WorkEntryRequest,
} from '@ausm/domain';

/**
 * The collection's rules as pure functions over request bodies and API-shaped entries: format
 * checks for a step's PUT, and completeness, scope and cross-entry checks for the submit. Paths are
 * request-body paths at PUT (`startDate`) and collection paths at submit (`education.<id>.proofFileId`).
 */

export const LEGACY_LOCKED_MESSAGE = '原省平台数据不可修改，如有误请删除后新增';

export function isRealDate(s: string | null | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

interface PeriodLabels {
  start: string;
  end: string;
}
const EDUCATION_LABELS: PeriodLabels = { start: '入学时间', end: '毕业时间' };
const WORK_LABELS: PeriodLabels = { start: '工作开始时间', end: '工作结束时间' };
const ACCOUNTING_LABELS: PeriodLabels = { start: '会计工作开始时间', end: '会计工作结束时间' };

/** Start not in the future; ongoing ⇔ no end; end not before start and not in the future. */
export function checkPeriod(p: { startDate: string; endDate: string | null; ongoing: boolean }, today: string, labels: PeriodLabels, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const at = (f: string, message: string) => errors.push({ path: `${prefix}${f}`, message });
  if (!isRealDate(p.startDate)) at('startDate', `${labels.start}不是有效日期`);
  else if (p.startDate > today) at('startDate', `${labels.start}不能晚于今天`);
  if (p.ongoing) {
    if (p.endDate) at('endDate', `已勾选“至今”，${labels.end}不能再填写日期`);
    return errors;
  }
  if (!p.endDate) at('endDate', `请输入${labels.end}，尚未结束的请勾选“至今”`);
  else if (!isRealDate(p.endDate)) at('endDate', `${labels.end}不是有效日期`);
  else if (isRealDate(p.startDate) && p.endDate < p.startDate) at('endDate', `${labels.end}不能早于${labels.start}`);
  else if (p.endDate > today) at('endDate', `${labels.end}不能晚于今天，尚未结束的请勾选“至今”`);
  return errors;
}

export function periodText(p: Period): string {
  return `${p.startDate ?? '?'}至${p.ongoing ? '今' : (p.endDate ?? '?')}`;
}

/** The first other entry whose period overlaps `candidate`, with a message naming it. */
export function findOverlap<T extends Period>(others: ReadonlyArray<T>, candidate: Period, describe: (o: T) => string): string | undefined {
  const hit = others.find((o) => o.id !== candidate.id && periodsOverlap(o, candidate));
  return hit ? `与已填写的${describe(hit)}（${periodText(hit)}）时间重叠` : undefined;
}

const CERT_NO = /^[0-9A-Za-z-]{1,40}$/;

export function normalizeCertNo(v: string | null | undefined): string | null {
  const s = (v ?? '').trim().toUpperCase();
  return s ? s : null;
}

/** Format checks of one 教育经历 (new or edited). */
export function checkEducationInput(e: EducationEntryRequest, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path, message });
  if (!isValidCode('studyMode', e.mode)) at('mode', '请选择培养方式');
  errors.push(...checkPeriod(e, today, EDUCATION_LABELS));
  const levelOk = isValidCode('education', e.educationLevel);
  if (!levelOk) at('educationLevel', '请选择学历');
  if (!isValidCode('degree', e.degree)) at('degree', '请选择学位');
  else if (levelOk && !degreeAllowedFor(e.educationLevel, e.degree)) {
    at('degree', `学历为“${educationName(e.educationLevel) ?? ''}”时不能填写“${degreeName(e.degree) ?? ''}”学位`);
  }
  if (!isMajorLeaf(e.majorCode)) at('majorCode', '请选择到具体专业');
  const eduCert = normalizeCertNo(e.eduCertNo);
  const degreeCert = normalizeCertNo(e.degreeCertNo);
  if (!e.ongoing && !eduCert) at('eduCertNo', '请输入学历证书编号');
  if (eduCert && !CERT_NO.test(eduCert)) at('eduCertNo', '学历证书编号只能包含字母、数字和“-”');
  if (e.degree !== DEGREE_CODES.none && !degreeCert) at('degreeCertNo', '请输入学位证书编号');
  if (e.degree === DEGREE_CODES.none && degreeCert) at('degreeCertNo', '学位为“无”时不填写学位证书编号');
  if (degreeCert && !CERT_NO.test(degreeCert)) at('degreeCertNo', '学位证书编号只能包含字母、数字和“-”');
  if (!e.abroad && e.abroadCertFileId) at('abroadCertFileId', '非留学人员无需上传教育部留学服务中心认证书');
  return errors;
}

/** Whether an entry is checked with 学信网: 大专 and above, studied in China, already graduated. */
export function needsChsi(e: { abroad: boolean; ongoing: boolean; educationLevel: string | null }): boolean {
  return !e.abroad && !e.ongoing && e.educationLevel !== null && isJuniorCollegeOrAbove(e.educationLevel);
}

/**
 * Which upload an education entry needs at submit (guide 3.4): 留学 本科+ → 教育部留学服务中心认证书;
 * 大专+ in China → none if 学信网 verified it, the certificate if not; below 大专 (or 留学 below 本科)
 * → the certificate always. Students (至今) have no certificate yet.
 */
export function educationUploadNeed(e: Pick<EducationEntry, 'abroad' | 'ongoing' | 'educationLevel' | 'chsiStatus'>): { field: 'proofFileId' | 'abroadCertFileId'; message: string } | null {
  if (e.ongoing || !e.educationLevel) return null;
  if (e.abroad) {
    return isBachelorOrAbove(e.educationLevel)
      ? { field: 'abroadCertFileId', message: '本科及以上学历的留学人员须上传教育部留学服务中心认证书' }
      : { field: 'proofFileId', message: '境外学历须上传学历证书' };
  }
  if (isJuniorCollegeOrAbove(e.educationLevel)) {
    return e.chsiStatus === 'verified' ? null : { field: 'proofFileId', message: '学信网未能核验该学历（学位），请上传学历（学位）证书' };
  }
  return { field: 'proofFileId', message: '大专以下学历须上传学历证书' };
}

export interface CheckedWork {
  errors: FieldError[];
  creditCode: string | null;
  creditCodeWarning: boolean;
  noCreditCodeReason: string | null;
}

/** Format checks of one 工作经历 (new or edited), including its 会计工作经历 rows. */
export function checkWorkInput(w: WorkEntryRequest, today: string): CheckedWork {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path, message });
  errors.push(...checkPeriod(w, today, WORK_LABELS));
  // an employer without a code (deregistered before 2015, abroad) is entered with the reason, for manual review
  const reason = w.noCreditCodeReason?.trim() || null;
  const credit = reason ? null : checkCreditCode(w.creditCode);
  if (reason && w.creditCode.trim()) at('creditCode', '已勾选“单位无统一社会信用代码”的，请清空统一社会信用代码');
  if (reason && [...reason].length < 4) at('noCreditCodeReason', '请说明单位没有统一社会信用代码的原因（如2015年前已注销、境外单位）');
  if (credit && !credit.ok) at('creditCode', credit.message);
  if (!isUnitTypeLeaf(w.unitType)) at('unitType', '请选择到具体的单位类型');
  if (!isValidCode('industry', w.industry)) at('industry', '请选择所属行业');
  if (!w.hasAccounting && (w.accountingRows.length > 0 || w.accountingProofFileId)) {
    at('accountingRows', '选择“无会计工作经历”时不能填写本单位会计工作经历');
  }
  const workEnd = w.ongoing ? OPEN_END : (w.endDate ?? OPEN_END);
  w.accountingRows.forEach((row, i) => {
    const p = `accountingRows.${i}.`;
    if (!isValidCode('accountingPostLevel', row.level)) at(`${p}level`, '请选择会计人员岗位层级');
    if (!isValidCode('accountingPost', row.post)) at(`${p}post`, '请选择从事会计工作岗位');
    const rowErrors = checkPeriod({ ...row, ongoing: row.endDate === null }, today, ACCOUNTING_LABELS, p);
    errors.push(...rowErrors);
    if (rowErrors.length > 0) return;
    if (isRealDate(w.startDate) && row.startDate < w.startDate) at(`${p}startDate`, '会计工作开始时间不能早于工作开始时间');
    if (row.endDate === null && !w.ongoing) at(`${p}endDate`, '本单位工作已结束，会计工作结束时间不能为“至今”');
    else if (row.endDate && row.endDate > workEnd) at(`${p}endDate`, '会计工作结束时间不能晚于工作结束时间');
    const mine = accountingRowPeriod(row, i);
    const other = w.accountingRows.findIndex((o, j) => j < i && periodsOverlap(accountingRowPeriod(o, j), mine));
    if (other >= 0) at(`${p}startDate`, `与第${other + 1}条会计工作经历时间重叠`);
  });
  if (w.title) {
    if (!isValidCode('accountingTitle', w.title)) at('title', '请选择会计专业职务');
    if (!w.titleDate) at('titleDate', '请选择会计专业职务聘任时间');
    else if (!isRealDate(w.titleDate)) at('titleDate', '会计专业职务聘任时间不是有效日期');
    else if (isRealDate(w.startDate) && w.titleDate < w.startDate) at('titleDate', '会计专业职务聘任时间不能早于工作开始时间');
    else if (w.titleDate > today) at('titleDate', '会计专业职务聘任时间不能晚于今天');
    else if (accountingTitle(w.title)?.appointedBefore && w.titleDate >= (accountingTitle(w.title)?.appointedBefore ?? '')) {
      at('title', '会计员职务已于2019年职称制度改革（人社部发〔2019〕8号）并入助理会计师，2019年1月11日以后聘任的请选择助理会计师');
    }
  } else if (w.titleDate || w.titleFileId) {
    at('title', '请先选择会计专业职务');
  }
  if (!credit) return { errors, creditCode: null, creditCodeWarning: true, noCreditCodeReason: reason };
  return credit.ok
    ? { errors, creditCode: credit.value, creditCodeWarning: !credit.checksumValid, noCreditCodeReason: null }
    : { errors, creditCode: w.creditCode.trim().toUpperCase(), creditCodeWarning: false, noCreditCodeReason: null };
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** A legacy entry may have its missing fields filled, but a locked field that has a value keeps it. */
export function lockedFieldErrors(locked: ReadonlyArray<string>, stored: Record<string, unknown>, next: Record<string, unknown>): FieldError[] {
  return locked
    .filter((f) => {
      const before = stored[f];
      return before !== null && before !== undefined && before !== '' && !sameValue(before, next[f]);
    })
    .map((path) => ({ path, message: LEGACY_LOCKED_MESSAGE }));
}

export interface SubmissionInput {
  scope: string | null;
  basic: { photoFileId: string | null; politicalStatus: string | null; ethnicity: string | null; identityProofFileId: string | null };
  education: ReadonlyArray<EducationEntry>;
  work: ReadonlyArray<WorkEntry>;
  departmentCode: string | null;
}

const EDUCATION_REQUIRED: ReadonlyArray<[keyof EducationEntry, string]> = [
  ['mode', '培养方式'], ['school', '学校名称'], ['startDate', '入学时间'], ['educationLevel', '学历'], ['degree', '学位'], ['majorCode', '所学专业'],
];
const WORK_REQUIRED: ReadonlyArray<[keyof WorkEntry, string]> = [
  ['startDate', '工作开始时间'], ['company', '单位名称'], ['creditCode', '统一社会信用代码'], ['unitType', '单位类型'], ['industry', '所属行业'], ['address', '工作单位地址'],
];

/** What one education entry still lacks for a submit (paths inside the entry: `proofFileId`). */
export function educationEntryErrors(e: EducationEntry): FieldError[] {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path, message });
  for (const [field, label] of EDUCATION_REQUIRED) if (e[field] === null) at(field, `请补充${label}`);
  if (!e.ongoing && !e.endDate) at('endDate', '请补充毕业时间');
  if (!e.ongoing && !e.eduCertNo) at('eduCertNo', '请补充学历证书编号');
  if (e.degree && e.degree !== DEGREE_CODES.none && !e.degreeCertNo) at('degreeCertNo', '请补充学位证书编号');
  const need = educationUploadNeed(e);
  if (need && !e[need.field]) at(need.field, need.message);
  return errors;
}

/** What one work entry still lacks for a submit (paths inside the entry). */
export function workEntryErrors(w: WorkEntry): FieldError[] {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path, message });
  for (const [field, label] of WORK_REQUIRED) if (w[field] === null && !(field === 'creditCode' && w.noCreditCodeReason)) at(field, `请补充${label}`);
  if (!w.ongoing && !w.endDate) at('endDate', '请补充工作结束时间');
  if (w.hasAccounting && w.accountingRows.length === 0) at('accountingRows', '请新增本单位会计工作经历');
  if (w.hasAccounting && !w.accountingProofFileId) at('accountingProofFileId', '请上传会计工作经历证明');
  if (w.title && !w.titleDate) at('titleDate', '请选择会计专业职务聘任时间');
  if (w.title && !w.titleFileId) at('titleFileId', '请上传会计专业职务聘任文件或证明');
  return errors;
}

/** What a 采集范围 asks of the entries: 会计工作经历 for 会计人员, a 博士 degree for the doctoral scope. */
export function scopeConsequenceErrors(scope: string | null, education: ReadonlyArray<Pick<EducationEntry, 'degree'>>, work: ReadonlyArray<Pick<WorkEntry, 'hasAccounting'>>): FieldError[] {
  const errors: FieldError[] = [];
  if (scope === 'accountant' && !work.some((w) => w.hasAccounting)) {
    errors.push({ path: 'work', message: `采集范围为“${collectionScope('accountant')?.name ?? ''}”的，须在工作经历中填写会计工作经历` });
  }
  if (scope === 'doctoral' && !education.some((e) => e.degree === DEGREE_CODES.doctor)) {
    errors.push({ path: 'education', message: '采集范围为“暂未工作但具有博士学位拟报名中级会计专业技术资格考试的人员”的，教育经历中须填写博士学位' });
  }
  return errors;
}

/** Completeness, uploads, overlaps and scope consequences, checked when the person submits. */
export function submissionErrors(s: SubmissionInput): FieldError[] {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path, message });
  if (!s.scope) at('scope', '请选择采集范围');
  if (!s.basic.photoFileId) at('basic.photoFileId', '请上传证件照片');
  if (!s.basic.politicalStatus) at('basic.politicalStatus', '请选择政治面貌');
  if (!s.basic.ethnicity) at('basic.ethnicity', '请选择民族');
  const working = s.work.some((w) => w.ongoing);
  const studying = s.education.some((e) => e.ongoing);
  if (!working && !studying && !s.basic.identityProofFileId) at('basic.identityProofFileId', '暂未工作且不属于在校学生的人员，须上传身份证或居住证');

  if (s.education.length === 0) at('education', '请至少填写一条教育经历');
  for (const e of s.education) {
    const p = `education.${e.id}.`;
    for (const f of educationEntryErrors(e)) at(`${p}${f.path}`, f.message);
    const overlap = findOverlap(s.education.slice(0, s.education.indexOf(e)), e, (o) => `教育经历“${o.school ?? ''}”`);
    if (overlap) at(`${p}startDate`, overlap);
  }
  for (const w of s.work) {
    const p = `work.${w.id}.`;
    for (const f of workEntryErrors(w)) at(`${p}${f.path}`, f.message);
    const overlap = findOverlap(s.work.slice(0, s.work.indexOf(w)), w, (o) => `工作经历“${o.company ?? ''}”`);
    if (overlap) at(`${p}startDate`, overlap);
  }
  errors.push(...scopeConsequenceErrors(s.scope, s.education, s.work));
  if (!s.departmentCode) at('departmentCode', '请选择会计管理部门');
  return errors;
}

/** Readable names beside codes in the review's snapshot, so a reviewer never decodes them by hand. */
export function educationNames(e: EducationEntry): Record<string, string | null> {
  return {
    modeName: e.mode ? (codeName('studyMode', e.mode) ?? null) : null,
    educationLevelName: e.educationLevel ? (educationName(e.educationLevel) ?? null) : null,
    degreeName: e.degree ? (degreeName(e.degree) ?? null) : null,
    majorName: e.majorCode ? (codeName('major', e.majorCode) ?? null) : null,
  };
}

export function workNames(w: WorkEntry): Record<string, string | null> {
  return {
    unitTypeName: w.unitType ? (codeName('unitType', w.unitType) ?? null) : null,
    industryName: w.industry ? (codeName('industry', w.industry) ?? null) : null,
    titleName: w.title ? (codeName('accountingTitle', w.title) ?? null) : null,
  };
}
