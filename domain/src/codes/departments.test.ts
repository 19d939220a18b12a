import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, organisationCodeCheckChar } from '../validators/credit-code';
import { checkMainlandId, makeMainlandId } from '../validators/id-document';
import { BINGTUAN_CODE, CENTRAL_UNITS_CODE, departmentTree, isReservedDepartmentCode, replacementDepartment } from './departments';

const tree = departmentTree();
const byCode = new Map(tree.map((d) => [d.code, d]));

describe('the department tree (RULES.md §5)', () => {
  it('is a tree: one root, every parent present and one level up, no name twice', () => {
    const up = { national: null, province: 'national', city: 'province', county: ['city', 'province'] } as const;
    for (const d of tree) {
      if (d.level === 'national') continue;
      const parent = byCode.get(d.parentCode ?? '');
      expect(parent, d.code).toBeDefined();
      expect([up[d.level]].flat(), `${d.code} ${d.name} under ${parent?.name ?? ''}`).toContain(parent?.level);
    }
    expect(new Set(tree.map((d) => d.name)).size).toBe(tree.length);
    expect(tree.filter((d) => d.level === 'national')).toHaveLength(1);
  });

  it('collapses the municipalities and names Chongqing’s counties', () => {
    expect(byCode.get('110101')).toMatchObject({ name: '北京市东城区财政局', parentCode: '110000' });
    expect(byCode.get('500229')).toMatchObject({ name: '重庆市城口县财政局', parentCode: '500000' });
    for (const gone of ['110100', '120100', '310100', '500100', '500200']) expect(byCode.has(gone), gone).toBe(false);
  });

  it('has no invented codes: no 开发区, no towns of 东莞/中山/儋州, no 省直辖县 placeholders', () => {
    expect(tree.filter((d) => d.gb && /开发区|产业园区|工业园区|高新技术|经济技术|管委会|镇$|街道$/.test(d.name) && d.level === 'county')).toEqual([]);
    for (const code of ['441900', '442000', '460400']) expect(tree.filter((d) => d.parentCode === code), code).toEqual([]);
    for (const code of ['419000', '429000', '469000', '659000']) expect(byCode.has(code), code).toBe(false);
    expect(byCode.get('429004')).toMatchObject({ name: '仙桃市财政局', parentCode: '420000', level: 'county' });
    expect(byCode.get('419001')).toMatchObject({ parentCode: '410000' });
  });

  it('gives 兵团 its 14 师 and their cities, and 中央单位 its two offices, all on reserved codes', () => {
    const divisions = tree.filter((d) => d.parentCode === BINGTUAN_CODE);
    expect(divisions.map((d) => d.name.replace('新疆生产建设兵团', ''))).toHaveLength(14);
    expect(byCode.get('659001')).toMatchObject({ name: '石河子市财政局', parentCode: '991800', gb: true });
    expect(tree.filter((d) => d.parentCode === CENTRAL_UNITS_CODE).map((d) => d.name)).toEqual(['中共中央直属机关事务管理局（中直管理局）', '国家机关事务管理局（国管局）']);
    expect(tree.filter((d) => !d.gb).every((d) => isReservedDepartmentCode(d.code))).toBe(true);
    expect(tree.filter((d) => d.gb).some((d) => isReservedDepartmentCode(d.code))).toBe(false);
  });

  it('never lets a reserved code pass as an ID-card or credit-code area', () => {
    for (const d of tree.filter((x) => !x.gb)) {
      expect(checkMainlandId(makeMainlandId(d.code, '19900101', '001'), '2026-12-01').ok, d.code).toBe(false);
      const org = '12345678';
      const first17 = `91${d.code}${org}${organisationCodeCheckChar(org)}`;
      expect(checkCreditCode(first17 + creditCodeCheckChar(first17)), d.code).toMatchObject({ ok: false });
    }
  });

  it('flags the 计划单列市', () => {
    expect(tree.filter((d) => d.separatelyPlanned).map((d) => d.name).sort()).toEqual(['厦门市财政局', '大连市财政局', '宁波市财政局', '深圳市财政局', '青岛市财政局'].sort());
  });

  it('says where the records of a removed code go', () => {
    expect(['130171', '110100', '500200', '441901', '660000', '659000', '429000', '620201'].map((c) => replacementDepartment(c))).toEqual(['130100', '110000', '500000', '441900', BINGTUAN_CODE, BINGTUAN_CODE, '420000', '620200']);
    expect(replacementDepartment('110101')).toBeUndefined();
  });
});
