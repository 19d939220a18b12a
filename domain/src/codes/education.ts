import type { CodeItem } from './code-lists';

/**
 * 学历, 学位 and 培养方式 for 教育经历. The 学历 codes are GB/T 4658-2006's "毕业" codes; the platform
 * groups the standard's 普通高中, 职业高中 and 技工学校 into one choice, and 初中 and below into another.
 */
export const EDUCATION_VERSION = 'GB/T 4658-2006（采集平台七档）';
export const DEGREE_VERSION = 'GB/T 6864-2003（学位一级代码）';
export const STUDY_MODE_VERSION = 'AUSM 平台代码 2026.1';

/** rank orders the levels so rules can say "大学专科 and above" without listing names. */
export interface EducationLevel extends CodeItem {
  rank: number;
}

export const EDUCATION_LEVELS: ReadonlyArray<EducationLevel> = [
  { code: '11', name: '博士研究生', rank: 7 },
  { code: '14', name: '硕士研究生', rank: 6 },
  // GB/T 4658 17 研究生班毕业: below 硕士研究生, above 本科 (中级 exam: 研究生班 + 2 years, RULES.md §7)
  { code: '17', name: '研究生班', rank: 5.5 },
  { code: '21', name: '大学本科', rank: 5 },
  { code: '31', name: '大学专科', rank: 4 },
  { code: '41', name: '中等专科', rank: 3 },
  { code: '61', name: '高中(含职高、技校)', rank: 2 },
  { code: '71', name: '初中及以下', rank: 1 },
];

/** The codes by meaning, so rules never spell a code literal. */
export const EDUCATION_CODES = {
  doctoral: '11',
  master: '14',
  postgraduateClass: '17',
  bachelor: '21',
  juniorCollege: '31',
  technicalSecondary: '41',
  highSchool: '61',
  juniorHighOrBelow: '71',
} as const;

export interface Degree extends CodeItem {
  rank: number;
}

export const DEGREES: ReadonlyArray<Degree> = [
  { code: '2', name: '博士', rank: 3 },
  { code: '3', name: '硕士', rank: 2 },
  // 第二学士学位: a second bachelor's degree, read by the 中级 exam rule as its own line (+ 2 years)
  { code: '5', name: '第二学士', rank: 1.5 },
  { code: '4', name: '学士', rank: 1 },
  { code: '0', name: '无', rank: 0 },
];

export const DEGREE_CODES = { doctor: '2', master: '3', secondBachelor: '5', bachelor: '4', none: '0' } as const;

export const STUDY_MODES: ReadonlyArray<CodeItem> = [
  { code: '1', name: '全日制' },
  { code: '2', name: '非全日制' },
];

export const STUDY_MODE_CODES = { fullTime: '1', partTime: '2' } as const;

const levels = new Map(EDUCATION_LEVELS.map((e) => [e.code, e]));
const degrees = new Map(DEGREES.map((d) => [d.code, d]));
const studyModes = new Map(STUDY_MODES.map((s) => [s.code, s.name]));

export function educationLevel(code: string): EducationLevel | undefined {
  return levels.get(code);
}

export function educationName(code: string): string | undefined {
  return levels.get(code)?.name;
}

export function degreeName(code: string): string | undefined {
  return degrees.get(code)?.name;
}

export function studyModeName(code: string): string | undefined {
  return studyModes.get(code);
}

/** True when `code` is a known 学历 at or above the 学历 `minimumCode`; unknown codes are never enough. */
export function isEducationAtLeast(code: string, minimumCode: string): boolean {
  const level = levels.get(code);
  const minimum = levels.get(minimumCode);
  return level !== undefined && minimum !== undefined && level.rank >= minimum.rank;
}

/** 高中毕业（含高中、中专、职高、技校）及以上: the 初级 exam's floor (RULES.md §7). */
export function isHighSchoolOrAbove(code: string): boolean {
  return isEducationAtLeast(code, EDUCATION_CODES.highSchool);
}

/** 大专及以上: the line between "upload the certificate" and "check with 学信网" in the guide (3.4). */
export function isJuniorCollegeOrAbove(code: string): boolean {
  return isEducationAtLeast(code, EDUCATION_CODES.juniorCollege);
}

export function isBachelorOrAbove(code: string): boolean {
  return isEducationAtLeast(code, EDUCATION_CODES.bachelor);
}

/**
 * The lowest 学历 a degree can sit beside in one 教育经历 row. Kept permissive on purpose: a
 * 硕士 degree beside 大学本科 is 同等学力申请硕士学位, a 博士 beside 硕士研究生 is its 博士 counterpart.
 * Nothing below 大学本科 carries a degree.
 */
const DEGREE_MINIMUM_EDUCATION: Readonly<Record<string, string>> = {
  [DEGREE_CODES.doctor]: EDUCATION_CODES.master,
  [DEGREE_CODES.master]: EDUCATION_CODES.bachelor,
  [DEGREE_CODES.bachelor]: EDUCATION_CODES.bachelor,
  [DEGREE_CODES.secondBachelor]: EDUCATION_CODES.bachelor,
};

/** Whether a 学位 may be recorded with a 学历 in the same 教育经历 row; 无 goes with any known 学历. */
export function degreeAllowedFor(educationCode: string, degreeCode: string): boolean {
  if (!levels.has(educationCode) || !degrees.has(degreeCode)) return false;
  if (degreeCode === DEGREE_CODES.none) return true;
  const minimum = DEGREE_MINIMUM_EDUCATION[degreeCode];
  return minimum !== undefined && isEducationAtLeast(educationCode, minimum);
}

/** The degrees the form should offer once a 学历 is chosen, highest first. */
export function degreesAllowedFor(educationCode: string): ReadonlyArray<Degree> {
  return DEGREES.filter((d) => degreeAllowedFor(educationCode, d.code));
}
