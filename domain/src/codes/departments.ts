import { REGIONS } from './regions';

/**
 * The tree of 会计管理部门 (RULES.md §5): 财政部 → province-level finance departments → city →
 * county, built from GB/T 2260 with the corrections real departments need:
 * - a municipality's 市辖区/县 level is collapsed, so a name never repeats (北京市财政局 → 北京市东城区财政局);
 * - no invented codes: development zones (county part 70–79, 90–99) and the towns listed under 东莞,
 *   中山 and 儋州 are not departments — people there belong to the real city;
 * - 省直辖县 placeholders go: 济源、仙桃、五指山 … sit directly under their province;
 * - 新疆生产建设兵团 has its 14 师 and its cities (石河子市 under 第八师 …);
 * - 中央单位 is 中直管理局 and 国管局 for 中央在京单位;
 * - departments without a GB/T 2260 code take codes of the reserved range 990000–999999, which no
 *   ID-card or credit-code area check accepts (no province has the prefix 99).
 */
export interface DepartmentNode {
  code: string;
  name: string;
  parentCode: string | null;
  level: 'national' | 'province' | 'city' | 'county';
  sort: number;
  /** false for the reserved, non-GB/T 2260 codes */
  gb: boolean;
  /** 计划单列市 (大连 青岛 宁波 厦门 深圳): province-level offices for the exams */
  separatelyPlanned: boolean;
}

export const MOF_CODE = '000000';
export const RESERVED_CODE_FROM = '990000';
/** A department code outside GB/T 2260 (兵团, its 师, 中央单位 …). */
export function isReservedDepartmentCode(code: string): boolean {
  return code >= RESERVED_CODE_FROM && code <= '999999';
}

export const CENTRAL_UNITS_CODE = '990000';
export const BINGTUAN_CODE = '991000';
/** 兵团's divisions, their reserved codes, and the GB/T 2260 cities each administers. */
const BINGTUAN_DIVISIONS: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]> = [
  ['991100', '第一师', ['659002']], ['991200', '第二师', ['659006']], ['991300', '第三师', ['659003']], ['991400', '第四师', ['659008']],
  ['991500', '第五师', ['659007']], ['991600', '第六师', ['659004']], ['991700', '第七师', ['659010']], ['991800', '第八师', ['659001']],
  ['991900', '第九师', ['659012']], ['992000', '第十师', ['659005']], ['992100', '第十一师', []], ['992200', '第十二师', []],
  ['992300', '第十三师', ['659011']], ['992400', '第十四师', ['659009']],
];
export const SEPARATELY_PLANNED_CITY_CODES = ['210200', '370200', '330200', '350200', '440300'] as const;

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** 省直辖县级行政区划: placeholders whose counties belong to the province itself */
const PROVINCE_DIRECT = new Set(['419000', '429000', '469000', '659000']);
/** cities without counties in GB/T 2260 whose "children" in the source data are towns or a 市辖区 */
const NO_COUNTIES = new Set(['441900', '442000', '460400', '620200']);

/** A county-part code that GB/T 2260 does not have: 开发区 and the like (70–79, 90–99). */
function inventedCounty(code: string): boolean {
  const part = Number(code.slice(4));
  return (part >= 70 && part <= 79) || part >= 90;
}

function provinceName(name: string, code: string): string {
  return MUNICIPALITIES.has(code.slice(0, 2)) ? `${name}财政局` : `${name}财政厅`;
}

let cached: ReadonlyArray<DepartmentNode> | undefined;

export function departmentTree(): ReadonlyArray<DepartmentNode> {
  if (cached) return cached;
  const regions = REGIONS.filter((r) => !/^(71|81|82)/.test(r.code));
  const name = new Map(regions.map((r) => [r.code, r.name]));
  const bingtuanCity = new Map(BINGTUAN_DIVISIONS.flatMap(([division, , cities]) => cities.map((c) => [c, division] as const)));
  const out: DepartmentNode[] = [{ code: MOF_CODE, name: '中华人民共和国财政部', parentCode: null, level: 'national', sort: 0, gb: true, separatelyPlanned: false }];
  let sort = 1;
  const add = (n: Omit<DepartmentNode, 'sort' | 'gb' | 'separatelyPlanned'> & { gb?: boolean }) =>
    out.push({ gb: true, ...n, sort: sort++, separatelyPlanned: (SEPARATELY_PLANNED_CITY_CODES as readonly string[]).includes(n.code) });
  for (const r of regions) {
    const province = `${r.code.slice(0, 2)}0000`;
    const municipal = MUNICIPALITIES.has(r.code.slice(0, 2));
    if (r.level === 'province') {
      add({ code: r.code, name: provinceName(r.name, r.code), parentCode: MOF_CODE, level: 'province' });
      continue;
    }
    if (r.level === 'city') {
      if (municipal || PROVINCE_DIRECT.has(r.code)) continue;
      add({ code: r.code, name: `${r.name}财政局`, parentCode: province, level: 'city' });
      continue;
    }
    if (bingtuanCity.has(r.code)) continue; // under its 师, below
    const city = `${r.code.slice(0, 4)}00`;
    if (inventedCounty(r.code) || NO_COUNTIES.has(city)) continue;
    if (municipal) add({ code: r.code, name: `${name.get(province) ?? ''}${r.name}财政局`, parentCode: province, level: 'county' });
    else if (PROVINCE_DIRECT.has(city) || !name.has(city)) add({ code: r.code, name: `${r.name}财政局`, parentCode: province, level: 'county' });
    else add({ code: r.code, name: `${name.get(city) ?? ''}${r.name}财政局`, parentCode: city, level: 'county' });
  }
  add({ code: BINGTUAN_CODE, name: '新疆生产建设兵团财政局', parentCode: MOF_CODE, level: 'province', gb: false });
  for (const [division, label, cities] of BINGTUAN_DIVISIONS) {
    add({ code: division, name: `新疆生产建设兵团${label}财政局`, parentCode: BINGTUAN_CODE, level: 'city', gb: false });
    for (const c of cities) add({ code: c, name: `${name.get(c) ?? ''}财政局`, parentCode: division, level: 'county' });
  }
  add({ code: CENTRAL_UNITS_CODE, name: '中央单位会计管理部门', parentCode: MOF_CODE, level: 'province', gb: false });
  add({ code: '990100', name: '中共中央直属机关事务管理局（中直管理局）', parentCode: CENTRAL_UNITS_CODE, level: 'city', gb: false });
  add({ code: '990200', name: '国家机关事务管理局（国管局）', parentCode: CENTRAL_UNITS_CODE, level: 'city', gb: false });
  cached = out;
  return out;
}

/**
 * Where the records of a department the tree no longer has go (migrating an older tree): a
 * development zone or a town to its city, a municipality's 市辖区 or a 省直辖县 placeholder to the
 * province, the old 兵团 code to the new one. Undefined for a code the tree still has.
 */
let treeCodes: ReadonlySet<string> | undefined;

export function replacementDepartment(code: string): string | undefined {
  treeCodes ??= new Set(departmentTree().map((d) => d.code));
  const tree = treeCodes;
  if (tree.has(code)) return undefined;
  if (code === '660000' || code === '659000') return BINGTUAN_CODE;
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (tree.has(city)) return city;
  return tree.has(province) ? province : MOF_CODE;
}
