import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  COLLECTION_STEP_LABELS,
  findUnitType,
  type CodeItem,
  type CodeTreeNode,
  type CollectionState,
  type CollectionStep,
  type FieldError,
} from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { usePublicConfig } from '../../lib/session';

import { COLLECTION_KEY } from '../../lib/query-keys';

export { COLLECTION_KEY };

export function useCollection(enabled: boolean) {
  return useQuery({ queryKey: COLLECTION_KEY, queryFn: () => api<CollectionState>('GET', '/api/collection'), enabled });
}

/** Sends one draft change and reloads the collection, so every step shows what the server kept. */
export function useSave() {
  const qc = useQueryClient();
  return async (method: string, url: string, body?: unknown): Promise<void> => {
    await api<unknown>(method, url, body);
    await qc.invalidateQueries({ queryKey: COLLECTION_KEY });
  };
}

/** The server's today, so date checks agree with it; the browser's until the config has loaded. */
export function useToday(): string {
  const { data: config } = usePublicConfig();
  return config?.today ?? new Date().toISOString().slice(0, 10);
}

/**
 * The saving flag and the message above a form for one save: messages the server ties to a field
 * go beside it (`placeFields` returns false when none of them is this form's), the rest above.
 */
export function useSubmit(placeFields: (fields: ReadonlyArray<FieldError>) => boolean) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (send: () => Promise<void>): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      await send();
    } catch (e) {
      if (!(e instanceof ApiError)) setError('系统繁忙，请稍后再试');
      else if (!placeFields(e.fields)) setError(e.message);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, run };
}

/**
 * Sets server messages beside a form's fields: `prefix` strips the path down to the form's own
 * field (`basic.`, `education.<id>.`), `alias` renames the fields the form keeps under another name.
 * Returns whether any message was this form's.
 */
export function placeFieldErrors<F extends object>(
  form: Pick<FormInstance, 'setFields'>,
  fields: ReadonlyArray<{ path: string; message: string }>,
  names: ReadonlyArray<keyof F>,
  prefix: RegExp,
  alias: Readonly<Record<string, keyof F>> = {},
): boolean {
  const mine = fields
    .map((f) => {
      const segment = f.path.replace(prefix, '').split('.')[0] ?? '';
      return { name: alias[segment] ?? (segment as keyof F), message: f.message };
    })
    .filter((f) => names.includes(f.name));
  form.setFields(mine.map((f) => ({ name: f.name, errors: [f.message] })));
  return mine.length > 0;
}

/* ---------- code lists ---------- */

export function nameOf(list: ReadonlyArray<CodeItem>, code: string | null | undefined): string {
  if (!code) return '';
  return list.find((i) => i.code === code)?.name ?? code;
}

export function options(list: ReadonlyArray<CodeItem>) {
  return list.map((i) => ({ value: i.code, label: i.name }));
}

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

export function cascaderOptions(nodes: ReadonlyArray<CodeTreeNode>): CascaderOption[] {
  return nodes.map((n) => ({ value: n.code, label: n.name, children: n.children?.length ? cascaderOptions(n.children) : undefined }));
}

/** Codes from the root down to `code` (a Cascader's value), or undefined when the code is unknown. */
export function treePath(nodes: ReadonlyArray<CodeTreeNode>, code: string | null | undefined): string[] | undefined {
  if (!code) return undefined;
  for (const n of nodes) {
    if (n.code === code) return [n.code];
    const below = n.children ? treePath(n.children, code) : undefined;
    if (below) return [n.code, ...below];
  }
  return undefined;
}

export function treeNames(nodes: ReadonlyArray<CodeTreeNode>, code: string | null | undefined): string[] {
  const path = treePath(nodes, code) ?? [];
  const names: string[] = [];
  let level: ReadonlyArray<CodeTreeNode> | undefined = nodes;
  for (const c of path) {
    const node: CodeTreeNode | undefined = level?.find((n) => n.code === c);
    if (!node) break;
    names.push(node.name);
    level = node.children;
  }
  return names.length ? names : code ? [code] : [];
}

/** The leaf name alone, as the guide's detail view shows 单位类型 ("省国资委管理国有控股上市公司"). */
export function unitTypeName(code: string | null | undefined): string {
  if (!code) return '';
  return findUnitType(code)?.at(-1) ?? code;
}

export function cascaderFilter(input: string, path: ReadonlyArray<{ label?: unknown }>): boolean {
  return path.some((o) => String(o.label ?? '').toLowerCase().includes(input.trim().toLowerCase()));
}

/* ---------- dates ---------- */

export const toDay = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
export const fromDay = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

export function periodEnd(endDate: string | null, ongoing: boolean): string {
  return ongoing ? '至今' : (endDate ?? '');
}

/* ---------- server field errors, mapped to the steps ---------- */

export interface StepIssue {
  step: Exclude<CollectionStep, 'result'>;
  /** the server's path, e.g. education.<id>.proofFileId */
  path: string;
  /** the education or work entry the message is about */
  entryId?: string;
  /** the field inside the step or entry (first segment), e.g. photoFileId, proofFileId */
  field?: string;
  /** where it is, in the page's words: 教育经历：山东大学 */
  where: string;
  message: string;
}

const STEP_OF_ROOT: Readonly<Record<string, StepIssue['step']>> = {
  scope: 'notice',
  basic: 'basic',
  education: 'education',
  work: 'work',
  departmentCode: 'department',
  department: 'department',
  promise: 'department',
};

/** Turns paths like `basic.photoFileId` or `education.<id>.proofFileId` into step issues. */
export function issuesFrom(fields: ReadonlyArray<FieldError>, state: CollectionState): StepIssue[] {
  return fields.map((f) => {
    const [root = '', second, third] = f.path.split('.');
    const step = STEP_OF_ROOT[root] ?? 'department';
    const label = COLLECTION_STEP_LABELS[step];
    if (step === 'education' || step === 'work') {
      const entry = step === 'education' ? state.education.find((e) => e.id === second) : state.work.find((w) => w.id === second);
      if (entry) {
        const name = step === 'education' ? (entry as CollectionState['education'][number]).school : (entry as CollectionState['work'][number]).company;
        return { step, path: f.path, entryId: entry.id, field: third, where: `${label}：${name ?? '未命名'}`, message: f.message };
      }
      return { step, path: f.path, where: label, message: f.message };
    }
    return { step, path: f.path, field: step === 'basic' ? second : root, where: label, message: f.message };
  });
}

/**
 * The problems of the last 提交审核 that still stand in the draft as saved now: one fixed on its step
 * leaves the list at once. The certificate library's answer (scope.certificate) is asked only at
 * submit, so it stays until the person saves 采集须知 again.
 */
export function standingIssues(issues: ReadonlyArray<StepIssue>, state: CollectionState): StepIssue[] {
  return issues.filter((i) => i.path === 'scope.certificate' || state.openProblems.some((p) => p.path === i.path && p.message === i.message));
}

export const CHSI_LABELS: Readonly<Record<CollectionState['education'][number]['chsiStatus'], { text: string; color: string }>> = {
  verified: { text: '核验通过', color: 'success' },
  not_found: { text: '核验未通过', color: 'error' },
  not_applicable: { text: '无需核验', color: 'default' },
  unchecked: { text: '待核验', color: 'processing' },
};

/** 审核状态 of one entry as the guide's 工作经历详情 says it. */
export const ENTRY_REVIEW_LABELS: Readonly<Record<CollectionState['status'], string>> = {
  draft: '未提交审核',
  pending: '审核中',
  returned: '退回补正',
  approved: '审核通过',
  rejected: '审核不通过',
};
