import { describe, it, expect } from 'vitest';
import { ACCOUNTING_POSTS, ACCOUNTING_POST_LEVELS, ACCOUNTING_TITLES, COLLECTION_SCOPES, accountingTitle, collectionScope, isCollectionScopeCode } from './accounting';
import { CODE_LISTS, CODE_LIST_NAMES, type CodeTreeNode, codeName, isCodeListName, isValidCode } from './code-lists';
import { DEGREE_CODES, EDUCATION_CODES, EDUCATION_LEVELS, degreeAllowedFor, degreesAllowedFor, isBachelorOrAbove, isHighSchoolOrAbove, isJuniorCollegeOrAbove } from './education';
import { ETHNICITIES, ethnicityName } from './ethnicities';
import { INDUSTRIES, industryName } from './industries';
import { ACCOUNTING_MAJOR_CODES, findMajorPath, isAccountingRelated, isMajorLeaf } from './majors';
import { POLITICAL_STATUSES, politicalStatusName } from './political-status';
import { UNIT_TYPES, findUnitType, isUnitTypeLeaf } from './unit-types';

function allCodes(nodes: ReadonlyArray<CodeTreeNode>): string[] {
  return nodes.flatMap((n) => [n.code, ...allCodes(n.children ?? [])]);
}

function leafNames(nodes: ReadonlyArray<CodeTreeNode>): string[] {
  return nodes.flatMap((n) => (n.children?.length ? leafNames(n.children) : [n.name]));
}

describe('code list sizes follow the standards', () => {
  it('has the 56 groups of GB/T 3304 numbered 01–56 in order, then 97 and 98', () => {
    expect(ETHNICITIES).toHaveLength(58);
    const groups = ETHNICITIES.slice(0, 56).map((e) => e.code);
    expect(groups).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(ETHNICITIES.slice(0, 10).map((e) => e.name)).toEqual(
      ['汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族'],
    );
    expect(ethnicityName('56')).toBe('基诺族');
    expect(ethnicityName('97')).toBe('其他');
    expect(ethnicityName('98')).toBe('外国血统中国籍人士');
  });

  it('has the 13 political statuses of GB/T 4762, 01 中共党员 to 13 群众', () => {
    expect(POLITICAL_STATUSES).toHaveLength(13);
    expect(politicalStatusName('01')).toBe('中共党员');
    expect(politicalStatusName('10')).toBe('九三学社社员');
    expect(politicalStatusName('13')).toBe('群众');
  });

  it('has the 20 GB/T 4754-2017 sections A–T', () => {
    expect(INDUSTRIES.map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryName('A')).toBe('农、林、牧、渔业');
    expect(industryName('T')).toBe('国际组织');
  });

  it('has the nine posts of 财会〔2018〕33号, three post levels and five titles', () => {
    expect(ACCOUNTING_POSTS).toHaveLength(9);
    expect(ACCOUNTING_POST_LEVELS.map((l) => l.name)).toEqual(['总会计师', '会计机构负责人（会计主管人员）', '一般会计人员']);
    expect(ACCOUNTING_TITLES.map((t) => `${t.name}:${t.level}`)).toEqual(
      ['会计员:初级', '助理会计师:初级', '会计师:中级', '高级会计师:副高', '正高级会计师:正高'],
    );
    expect(EDUCATION_LEVELS).toHaveLength(8);
  });
});

describe('codes are unique', () => {
  it.each(CODE_LIST_NAMES)('in list %s', (name) => {
    const list = CODE_LISTS[name];
    const codes = list.kind === 'tree' ? allCodes(list.items) : list.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.version).not.toBe('');
  });
});

describe('单位类型', () => {
  it('holds the guide’s value 省国资委管理国有控股上市公司 as a leaf under 企业', () => {
    expect(leafNames(UNIT_TYPES)).toContain('省国资委管理国有控股上市公司');
    expect(findUnitType('4002')).toEqual(['企业', '省国资委管理国有控股上市公司']);
  });

  it('stores only leaves', () => {
    expect(isUnitTypeLeaf('4002')).toBe(true);
    expect(isUnitTypeLeaf('40')).toBe(false);
    expect(isValidCode('unitType', '40')).toBe(false);
    expect(isValidCode('unitType', '9004')).toBe(true);
    expect(findUnitType('0000')).toBeUndefined();
  });

  it('has two levels everywhere', () => {
    for (const group of UNIT_TYPES) {
      expect(group.children?.length).toBeGreaterThan(0);
      for (const leaf of group.children ?? []) expect(leaf.children).toBeUndefined();
    }
  });
});

describe('RULES.md §4 additions: 研究生班, 第二学士学位, postgraduate disciplines, older names, the 2019 title reform', () => {
  it('has 研究生班 between 硕士研究生 and 大学本科, and 第二学士 between 硕士 and 学士', () => {
    expect(EDUCATION_LEVELS.map((e) => e.name)).toEqual(['博士研究生', '硕士研究生', '研究生班', '大学本科', '大学专科', '中等专科', '高中(含职高、技校)', '初中及以下']);
    expect(isBachelorOrAbove(EDUCATION_CODES.postgraduateClass)).toBe(true);
    expect(CODE_LISTS.degree.items.map((d) => d.name)).toEqual(['博士', '硕士', '第二学士', '学士', '无']);
    expect(degreeAllowedFor(EDUCATION_CODES.bachelor, DEGREE_CODES.secondBachelor)).toBe(true);
    expect(degreeAllowedFor(EDUCATION_CODES.juniorCollege, DEGREE_CODES.secondBachelor)).toBe(false);
  });

  it('finds 会计学 under 工商管理 as a postgraduate discipline, and 会计电算化 of the 2004 catalogue; both count as 会计类', () => {
    expect(findMajorPath('PA120201')).toEqual(['研究生学术学位', '工商管理', '会计学']);
    expect(findMajorPath('620204')).toEqual(['原专业名称（旧目录）', '财经大类（高职高专，2004年目录）', '会计电算化']);
    expect([isMajorLeaf('PA120201'), isAccountingRelated('PA120201'), isAccountingRelated('620204')]).toEqual([true, true, true]);
  });

  it('keeps 会计员 only for appointments before 人社部发〔2019〕8号', () => {
    expect(CODE_LISTS.accountingTitle.version).toBe('人社部发〔2019〕8号');
    expect(accountingTitle('1')).toMatchObject({ name: '会计员', appointedBefore: '2019-01-11' });
    expect(ACCOUNTING_TITLES.filter((t) => !t.appointedBefore).map((t) => t.name)).toEqual(['助理会计师', '会计师', '高级会计师', '正高级会计师']);
  });
});

describe('所学专业', () => {
  it('finds catalogue codes with their path', () => {
    expect(findMajorPath('120203K')).toEqual(['管理学', '工商管理类', '会计学']);
    expect(findMajorPath('020201K')).toEqual(['经济学', '财政学类', '财政学']);
    expect(findMajorPath('530302')).toEqual(['财经商贸大类（高职专科）', '财务会计类', '大数据与会计']);
    expect(findMajorPath('999999')).toEqual(['其他', '其他', '其他专业']);
    expect(findMajorPath('nope')).toBeUndefined();
  });

  it('covers every 学科门类 the brief names', () => {
    const top = CODE_LISTS.major.items.map((n) => n.name);
    for (const name of ['哲学', '经济学', '法学', '教育学', '文学', '历史学', '理学', '工学', '农学', '医学', '管理学', '艺术学', '其他']) {
      expect(top).toContain(name);
    }
  });

  it('flags the 会计 majors and nothing else', () => {
    for (const code of ['120203K', '120204', '120207', '530302', '530301', '530303', '530304', '1253']) {
      expect(isAccountingRelated(code)).toBe(true);
    }
    for (const code of ['120201K', '020201K', '080901', '999999', '1202']) expect(isAccountingRelated(code)).toBe(false);
    for (const code of ACCOUNTING_MAJOR_CODES) expect(isMajorLeaf(code)).toBe(true);
  });

  it('stores only a 专业, not a 门类 or 专业类', () => {
    expect(isValidCode('major', '120204')).toBe(true);
    expect(isValidCode('major', '1202')).toBe(false);
    expect(isValidCode('major', '12')).toBe(false);
  });
});

describe('学历 and 学位', () => {
  const { doctoral, master, bachelor, juniorCollege, technicalSecondary, highSchool, juniorHighOrBelow } = EDUCATION_CODES;

  it('ranks 学历 for "and above" rules', () => {
    expect(isJuniorCollegeOrAbove(juniorCollege)).toBe(true);
    expect(isJuniorCollegeOrAbove(doctoral)).toBe(true);
    expect(isJuniorCollegeOrAbove(technicalSecondary)).toBe(false);
    expect(isJuniorCollegeOrAbove('xx')).toBe(false);
    expect(isBachelorOrAbove(bachelor)).toBe(true);
    expect(isBachelorOrAbove(juniorCollege)).toBe(false);
    expect(isHighSchoolOrAbove(technicalSecondary)).toBe(true);
    expect(isHighSchoolOrAbove(highSchool)).toBe(true);
    expect(isHighSchoolOrAbove(juniorHighOrBelow)).toBe(false);
  });

  it('allows 无 with any 学历 and nothing else below 大学本科', () => {
    for (const e of EDUCATION_LEVELS) expect(degreeAllowedFor(e.code, DEGREE_CODES.none)).toBe(true);
    for (const e of [juniorCollege, technicalSecondary, highSchool, juniorHighOrBelow]) {
      expect(degreesAllowedFor(e).map((d) => d.name)).toEqual(['无']);
    }
  });

  it('needs 大学本科 for 学士 and 硕士, 硕士研究生 for 博士', () => {
    expect(degreeAllowedFor(bachelor, DEGREE_CODES.bachelor)).toBe(true);
    expect(degreeAllowedFor(bachelor, DEGREE_CODES.master)).toBe(true);
    expect(degreeAllowedFor(bachelor, DEGREE_CODES.doctor)).toBe(false);
    expect(degreeAllowedFor(master, DEGREE_CODES.doctor)).toBe(true);
    expect(degreeAllowedFor(doctoral, DEGREE_CODES.doctor)).toBe(true);
    expect(degreeAllowedFor(juniorCollege, DEGREE_CODES.bachelor)).toBe(false);
    expect(degreeAllowedFor('xx', DEGREE_CODES.none)).toBe(false);
    expect(degreeAllowedFor(bachelor, 'x')).toBe(false);
  });
});

describe('采集范围', () => {
  it('has the three scopes in the guide’s wording, each with a checklist', () => {
    expect(COLLECTION_SCOPES.map((s) => s.code)).toEqual(['accountant', 'qualified', 'doctoral']);
    expect(collectionScope('qualified')?.name).toBe('不从事第(一)项所列具体会计工作但具有会计专业技术资格的人员');
    expect(collectionScope('doctoral')?.name).toBe('暂未工作但具有博士学位拟报名中级会计专业技术资格考试的人员');
    for (const s of COLLECTION_SCOPES) expect(s.materials.length).toBeGreaterThan(0);
    expect(isCollectionScopeCode('accountant')).toBe(true);
    expect(isCollectionScopeCode('student')).toBe(false);
  });
});

describe('registry', () => {
  it('validates codes by list name', () => {
    expect(isCodeListName('ethnicity')).toBe(true);
    expect(isCodeListName('toString')).toBe(false);
    expect(isValidCode('ethnicity', '01')).toBe(true);
    expect(isValidCode('ethnicity', '57')).toBe(false);
    expect(isValidCode('politicalStatus', '13')).toBe(true);
    expect(isValidCode('industry', 'U')).toBe(false);
    expect(isValidCode('collectionScope', 'doctoral')).toBe(true);
    expect(isValidCode('region', '370000')).toBe(true);
    expect(isValidCode('country', 'USA')).toBe(true);
    expect(codeName('unitType', '40')).toBe('企业');
    expect(codeName('accountingTitle', '3')).toBe('会计师');
    expect(accountingTitle('5')?.level).toBe('正高');
  });
});
