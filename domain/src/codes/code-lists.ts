import { ACCOUNTING_POSTS, ACCOUNTING_POST_LEVELS, ACCOUNTING_POST_LEVEL_VERSION, ACCOUNTING_POST_VERSION, ACCOUNTING_TITLES, ACCOUNTING_TITLE_VERSION, COLLECTION_SCOPES, COLLECTION_SCOPE_VERSION } from './accounting';
import { COUNTRIES } from './countries';
import { DEGREES, DEGREE_VERSION, EDUCATION_LEVELS, EDUCATION_VERSION, STUDY_MODES, STUDY_MODE_VERSION } from './education';
import { ETHNICITIES, ETHNICITY_VERSION } from './ethnicities';
import { INDUSTRIES, INDUSTRY_VERSION } from './industries';
import { MAJORS, MAJOR_VERSION } from './majors';
import { POLITICAL_STATUSES, POLITICAL_STATUS_VERSION } from './political-status';
import { REGIONS } from './regions';
import { UNIT_TYPES, UNIT_TYPE_VERSION } from './unit-types';

/** One entry of a flat code list. Lists may add fields (rank, level …); code and name are always there. */
export interface CodeItem {
  code: string;
  name: string;
}

/** One node of a cascader list; only leaves are stored on records. */
export interface CodeTreeNode {
  code: string;
  name: string;
  children?: ReadonlyArray<CodeTreeNode>;
}

export interface FlatCodeList {
  kind: 'flat';
  /** the field's Chinese label, for messages such as "民族代码无效" */
  label: string;
  /** standard and edition; stored beside a decision so a later edition never rewrites it */
  version: string;
  items: ReadonlyArray<CodeItem>;
}

export interface TreeCodeList {
  kind: 'tree';
  label: string;
  version: string;
  items: ReadonlyArray<CodeTreeNode>;
}

export type CodeList = FlatCodeList | TreeCodeList;

/**
 * Every code list the forms use, in one registry, so GET /api/codes (or /api/codes/:name) serves
 * them from one place and the server validates submitted codes against the same data the web shows.
 * region is large (~3 500 rows); serve it by name rather than in the bundle of all lists.
 */
export const CODE_LISTS = {
  ethnicity: { kind: 'flat', label: '民族', version: ETHNICITY_VERSION, items: ETHNICITIES },
  politicalStatus: { kind: 'flat', label: '政治面貌', version: POLITICAL_STATUS_VERSION, items: POLITICAL_STATUSES },
  education: { kind: 'flat', label: '学历', version: EDUCATION_VERSION, items: EDUCATION_LEVELS },
  degree: { kind: 'flat', label: '学位', version: DEGREE_VERSION, items: DEGREES },
  studyMode: { kind: 'flat', label: '培养方式', version: STUDY_MODE_VERSION, items: STUDY_MODES },
  major: { kind: 'tree', label: '所学专业', version: MAJOR_VERSION, items: MAJORS },
  industry: { kind: 'flat', label: '所属行业', version: INDUSTRY_VERSION, items: INDUSTRIES },
  unitType: { kind: 'tree', label: '单位类型', version: UNIT_TYPE_VERSION, items: UNIT_TYPES },
  accountingPost: { kind: 'flat', label: '从事会计工作岗位', version: ACCOUNTING_POST_VERSION, items: ACCOUNTING_POSTS },
  accountingPostLevel: { kind: 'flat', label: '会计人员岗位层级', version: ACCOUNTING_POST_LEVEL_VERSION, items: ACCOUNTING_POST_LEVELS },
  accountingTitle: { kind: 'flat', label: '会计专业职务', version: ACCOUNTING_TITLE_VERSION, items: ACCOUNTING_TITLES },
  collectionScope: { kind: 'flat', label: '采集范围', version: COLLECTION_SCOPE_VERSION, items: COLLECTION_SCOPES },
  country: { kind: 'flat', label: '国籍', version: 'ISO 3166-1 alpha-3（GB/T 2659 中文简称）', items: COUNTRIES },
  region: { kind: 'flat', label: '行政区划', version: 'GB/T 2260（@vant/area-data）', items: REGIONS },
} as const satisfies Record<string, CodeList>;

export type CodeListName = keyof typeof CODE_LISTS;

export const CODE_LIST_NAMES = Object.keys(CODE_LISTS) as ReadonlyArray<CodeListName>;

interface ListIndex {
  /** every code, tree inner nodes included */
  names: Map<string, string>;
  /** codes a record may store: all of a flat list, the leaves of a tree */
  selectable: Set<string>;
}

function indexTree(nodes: ReadonlyArray<CodeTreeNode>, into: ListIndex): void {
  for (const node of nodes) {
    into.names.set(node.code, node.name);
    const children = node.children ?? [];
    if (children.length === 0) into.selectable.add(node.code);
    else indexTree(children, into);
  }
}

function indexList(list: CodeList): ListIndex {
  const index: ListIndex = { names: new Map(), selectable: new Set() };
  if (list.kind === 'tree') {
    indexTree(list.items, index);
  } else {
    for (const item of list.items) {
      index.names.set(item.code, item.name);
      index.selectable.add(item.code);
    }
  }
  return index;
}

const indexes = new Map<string, ListIndex>(
  CODE_LIST_NAMES.map((name) => [name, indexList(CODE_LISTS[name])]),
);

export function isCodeListName(name: string): name is CodeListName {
  return Object.hasOwn(CODE_LISTS, name);
}

/** Whether `code` may be stored for that list: any code of a flat list, a leaf of a tree. */
export function isValidCode(listName: CodeListName, code: string): boolean {
  return indexes.get(listName)?.selectable.has(code) === true;
}

/** The display name of any code in the list (tree inner nodes included), or undefined. */
export function codeName(listName: CodeListName, code: string): string | undefined {
  return indexes.get(listName)?.names.get(code);
}
