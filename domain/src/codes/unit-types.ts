import type { CodeTreeNode } from './code-lists';

/** A platform list (no national standard covers it); edit it only by adding codes, never reusing one. */
export const UNIT_TYPE_VERSION = 'AUSM 单位类型 2026.1';

/**
 * 单位类型, two levels. A work record stores the leaf code; the details page shows the leaf name on
 * its own (the guide shows "省国资委管理国有控股上市公司"), so leaf names read without their parent.
 * Codes: two digits for the group, two more for the leaf; 99 is the group's catch-all.
 */
export const UNIT_TYPES: ReadonlyArray<CodeTreeNode> = [
  {
    code: '10', name: '国家机关', children: [
      { code: '1001', name: '党政机关' },
      { code: '1002', name: '人大机关' },
      { code: '1003', name: '政协机关' },
      { code: '1004', name: '监察机关' },
      { code: '1005', name: '审判机关' },
      { code: '1006', name: '检察机关' },
      { code: '1007', name: '民主党派和工商联机关' },
      { code: '1099', name: '其他国家机关' },
    ],
  },
  {
    code: '20', name: '事业单位', children: [
      { code: '2001', name: '参照公务员法管理事业单位' },
      { code: '2002', name: '公益一类事业单位' },
      { code: '2003', name: '公益二类事业单位' },
      { code: '2099', name: '其他事业单位' },
    ],
  },
  {
    code: '30', name: '社会团体', children: [
      { code: '3001', name: '人民团体' },
      { code: '3002', name: '行业协会商会' },
      { code: '3003', name: '学术性社会团体' },
      { code: '3099', name: '其他社会团体' },
    ],
  },
  {
    code: '40', name: '企业', children: [
      { code: '4001', name: '中央企业' },
      { code: '4002', name: '省国资委管理国有控股上市公司' },
      { code: '4003', name: '省国资委管理其他国有企业' },
      { code: '4004', name: '地方国有企业' },
      { code: '4005', name: '国有控股上市公司' },
      { code: '4006', name: '集体企业' },
      { code: '4007', name: '民营企业' },
      { code: '4008', name: '外资企业' },
      { code: '4009', name: '港澳台资企业' },
      { code: '4010', name: '混合所有制企业' },
      { code: '4011', name: '个体工商户' },
      { code: '4099', name: '其他企业' },
    ],
  },
  {
    code: '90', name: '其他组织', children: [
      { code: '9001', name: '民办非企业单位' },
      { code: '9002', name: '基金会' },
      { code: '9003', name: '律师事务所' },
      { code: '9004', name: '会计师事务所' },
      { code: '9005', name: '农民专业合作社' },
      { code: '9006', name: '村（居）民委员会' },
      { code: '9099', name: '其他组织' },
    ],
  },
];

interface Indexed {
  path: ReadonlyArray<string>;
  leaf: boolean;
}

function indexTree(nodes: ReadonlyArray<CodeTreeNode>, parents: ReadonlyArray<string>, into: Map<string, Indexed>): void {
  for (const node of nodes) {
    const path = [...parents, node.name];
    const children = node.children ?? [];
    into.set(node.code, { path, leaf: children.length === 0 });
    indexTree(children, path, into);
  }
}

const index = new Map<string, Indexed>();
indexTree(UNIT_TYPES, [], index);

/** Names from the top group down to `code`, e.g. ['企业', '民营企业']; undefined for an unknown code. */
export function findUnitType(code: string): ReadonlyArray<string> | undefined {
  return index.get(code)?.path;
}

/** Only leaves can be stored on a work record. */
export function isUnitTypeLeaf(code: string): boolean {
  return index.get(code)?.leaf === true;
}
