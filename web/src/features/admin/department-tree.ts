export interface DepartmentOption {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface DepartmentNode {
  value: string;
  title: string;
  /** name and code, for searching by either */
  search: string;
  children?: DepartmentNode[];
}

/** The flat department list (parents before or after children, any order) as a tree for TreeSelect. */
export function buildDepartmentTree(items: readonly DepartmentOption[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const d of items) nodes.set(d.code, { value: d.code, title: d.name, search: `${d.name} ${d.code}` });
  const roots: DepartmentNode[] = [];
  for (const d of items) {
    const node = nodes.get(d.code);
    if (!node) continue;
    const parent = d.parentCode ? nodes.get(d.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The subtree rooted at one department (a department administrator creates accounts only there). */
export function subtreeOf(roots: readonly DepartmentNode[], code: string): DepartmentNode[] {
  for (const n of roots) {
    if (n.value === code) return [n];
    const found = subtreeOf(n.children ?? [], code);
    if (found.length) return found;
  }
  return [];
}
