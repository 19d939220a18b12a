import { useEffect, useState } from 'react';
import { Alert, Button, Cascader, Checkbox, Form, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { CollectionState, CollectionStep } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { COLLECTION_KEY, issuesFrom, type StepIssue } from './collection-data';
import { CollectionSummary } from './collection-summary';
import { IssueList } from './step-parts';

type DepartmentChildren = { items: Array<{ code: string; name: string; level: string; isLeaf: boolean }> };

export interface DeptOption {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: DeptOption[];
}

/** 中华人民共和国财政部: the provinces are its children. */
export const ROOT_DEPARTMENT = '000000';

/** The option of a city or province-level department itself (本级), first among its children. */
const SELF = ':self';
export const departmentCodeOf = (value: string | undefined): string | undefined => value?.replace(SELF, '');

export async function childrenOf(parent: string, parentName?: string): Promise<DeptOption[]> {
  const r = await api<DepartmentChildren>('GET', `/api/departments/children?parent=${encodeURIComponent(parent)}`);
  const children = r.items.map((d) => ({ value: d.code, label: d.name, isLeaf: d.isLeaf }));
  // an employer at city or province level belongs to that department itself (RULES.md §5)
  return parent !== ROOT_DEPARTMENT && parentName ? [{ value: `${parent}${SELF}`, label: `${parentName}（本级）`, isLeaf: true }, ...children] : children;
}

interface DepartmentForm {
  departmentPath?: string[];
  promise?: boolean;
}

export const DEPARTMENT_NOTICE = [
  '会计管理部门关系到后续信息采集审核、信息变更、继续教育等一系列业务的办理，请认真核对后提交。',
  '有工作单位的，选择工作单位所在地的会计管理部门；暂未工作的，选择户籍所在地或居住地的会计管理部门；在校学生选择学校所在地的会计管理部门。',
  '提交后由所选会计管理部门审核，审核期间不能修改采集信息。',
];

/**
 * 会计管理部门 (guide 3.1): the 省/市/区县 cascader (children loaded on demand), a check-your-answers
 * summary with 修改 links, the promise, and 提交审核; problems the server finds are listed with links.
 */
export function DepartmentStep({
  state,
  issues,
  onIssues,
  onGo,
  onPrev,
  onSubmitted,
}: {
  state: CollectionState;
  issues: ReadonlyArray<StepIssue>;
  onIssues: (issues: StepIssue[]) => void;
  onGo: (issue: Pick<StepIssue, 'step' | 'entryId'>) => void;
  onPrev: () => void;
  onSubmitted: () => void;
}) {
  const [form] = Form.useForm<DepartmentForm>();
  const qc = useQueryClient();
  const savedPath = state.departmentPath.filter((p) => p.code !== ROOT_DEPARTMENT);
  const [options, setOptions] = useState<DeptOption[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [names, setNames] = useState<string[]>(savedPath.map((p) => p.name));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const roots = await childrenOf(ROOT_DEPARTMENT);
        // open the saved path so the cascader can show it; a saved city or province is its 本级 option
        let level = roots;
        let last: DeptOption | undefined;
        for (const p of savedPath) {
          last = level.find((o) => o.value === p.code);
          if (!last || last.isLeaf) break;
          last.children = await childrenOf(p.code, last.label);
          level = last.children;
        }
        if (cancelled) return;
        setOptions(roots);
        if (last && !last.isLeaf) form.setFieldValue('departmentPath', [...savedPath.map((p) => p.code), `${last.value}${SELF}`]);
      } catch (e) {
        if (!cancelled) setLoadError(e instanceof ApiError ? e.message : '会计管理部门加载失败，请刷新重试');
      }
    })();
    return () => {
      cancelled = true;
    };
    // loaded once per visit of the step: the saved path only matters on arrival
  }, []);

  const loadData = async (selected: DeptOption[]) => {
    const target = selected.at(-1);
    if (!target || target.children) return;
    target.loading = true;
    setOptions((o) => [...o]);
    try {
      target.children = await childrenOf(target.value, target.label);
      if (!target.children.length) target.isLeaf = true;
    } catch {
      setLoadError('下级会计管理部门加载失败，请重试');
    } finally {
      target.loading = false;
      setOptions((o) => [...o]);
    }
  };

  const saveDepartment = async (): Promise<string | undefined> => {
    const path = form.getFieldValue('departmentPath') as string[] | undefined;
    const code = departmentCodeOf(path?.at(-1));
    if (code && code !== state.departmentCode) await api('PUT', '/api/collection/department', { departmentCode: code });
    return code;
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await saveDepartment();
      await api('POST', '/api/collection/submit', { promise: true });
      onIssues([]);
      await qc.invalidateQueries({ queryKey: COLLECTION_KEY });
      onSubmitted();
    } catch (e) {
      await qc.invalidateQueries({ queryKey: COLLECTION_KEY });
      if (!(e instanceof ApiError)) setError('系统繁忙，请稍后再试');
      else if (e.fields.length) {
        const latest = qc.getQueryData<CollectionState>(COLLECTION_KEY) ?? state;
        const found = issuesFrom(e.fields, latest);
        const here = found.filter((i) => i.step === 'department');
        form.setFields(
          here.map((i) => ({ name: i.field === 'promise' ? 'promise' : 'departmentPath', errors: [i.message] })),
        );
        onIssues(found);
      } else setError(e.message);
    } finally {
      setSubmitting(false);
    }
  };

  const back = async () => {
    try {
      await saveDepartment();
      await qc.invalidateQueries({ queryKey: COLLECTION_KEY });
    } catch {
      // the choice is kept on the page; going back must not be blocked by it
    }
    onPrev();
  };

  const goEdit = (step: Exclude<CollectionStep, 'result'>) => onGo({ step });

  return (
    <Form form={form} layout="vertical" requiredMark initialValues={{ departmentPath: savedPath.length ? savedPath.map((p) => p.code) : undefined, promise: false }}>
      <IssueList issues={issues} onGo={onGo} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Alert
        type="info"
        showIcon
        role="note"
        title="请认真核对会计管理部门"
        description={
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {DEPARTMENT_NOTICE.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        }
        style={{ marginBottom: 16 }}
      />
      {loadError && <Alert type="error" showIcon role="alert" title={loadError} style={{ marginBottom: 16 }} />}
      <Form.Item label="会计管理部门" name="departmentPath" rules={[{ required: true, message: '请选择会计管理部门' }]} extra="请依次选择省、市、区县；工作单位在市级或省级的，选择该级的“（本级）”">
        <Cascader<DeptOption>
          options={options}
          loadData={loadData}
          placeholder="请选择省 / 市 / 区县"
          style={{ width: '100%', maxWidth: 560 }}
          onChange={(_v, selected) => setNames((selected ?? []).map((o) => o.label))}
          changeOnSelect={false}
        />
      </Form.Item>
      <Typography.Title level={2} className="ausm-step-heading" style={{ marginTop: 8 }}>
        核对采集信息
      </Typography.Title>
      <Typography.Paragraph type="secondary">提交前请核对以下信息，如需修改请点击对应部分的“修改”。</Typography.Paragraph>
      <CollectionSummary state={state} departmentNames={names} onEdit={goEdit} />
      <Form.Item
        name="promise"
        valuePropName="checked"
        rules={[{ validator: (_, v?: boolean) => (v ? Promise.resolve() : Promise.reject(new Error('请勾选“承诺所提供信息真实有效”'))) }]}
      >
        <Checkbox>承诺所提供信息真实有效</Checkbox>
      </Form.Item>
      <div className="ausm-step-actions">
        <Button onClick={back}>上一步</Button>
        <Button type="primary" onClick={submit} loading={submitting}>
          提交审核
        </Button>
      </div>
    </Form>
  );
}
