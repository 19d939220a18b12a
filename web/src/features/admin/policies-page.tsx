import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { PolicyVersion } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { formatBeijingTime, usePageTitle } from './admin-session';
import { PrivacyNoticesCard } from './privacy-notices-card';

interface PolicyField {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
}
interface PolicyEntry {
  name: string;
  label: string;
  description: string;
  perProvince: boolean;
  fields: PolicyField[];
  versions: PolicyVersion[];
}
interface PolicyList {
  today: string;
  policies: PolicyEntry[];
}

const POLICIES_KEY = ['admin', 'policies'] as const;

function NewVersion({ policy, today, onClose }: { policy: PolicyEntry; today: string; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ effectiveFrom: Dayjs; note: string } & Record<string, number>>();
  const current = policy.versions.find((v) => v.current && v.provinceCode === null)?.value ?? {};
  const save = useMutation({
    mutationFn: (v: { effectiveFrom: Dayjs; note: string } & Record<string, number>) =>
      api<PolicyVersion>('POST', '/api/admin/policies', {
        name: policy.name,
        provinceCode: null,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        value: Object.fromEntries(policy.fields.map((f) => [f.key, v[f.key]])),
        note: v.note,
      }),
    onSuccess: (created) => {
      void qc.invalidateQueries({ queryKey: POLICIES_KEY });
      void message.success(`已新增版本，自${created.effectiveFrom}起生效`);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length) {
        form.setFields(err.fields.map((f) => ({ name: f.path.replace(/^value\./, ''), errors: [f.message] })));
      } else void message.error(err.message);
    },
  });
  return (
    <Modal
      open
      title={`新增版本：${policy.label}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: 'policy-version' }}
      destroyOnHidden
    >
      <Typography.Paragraph>新版本自生效日期起适用；此前已作出的决定仍按当时的版本，不能追溯修改。</Typography.Paragraph>
      <Form
        id="policy-version"
        form={form}
        layout="vertical"
        initialValues={{ effectiveFrom: dayjs(today).add(1, 'day'), ...current }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
        {policy.fields.map((f) => (
          <Form.Item key={f.key} label={`${f.label}（${f.unit}，${f.min}–${f.max}）`} name={f.key} rules={[{ required: true, message: `请填写${f.label}` }]}>
            <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item label="调整依据或说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写调整依据或说明' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 政策参数: each policy's versions with their effective dates; the one in force is marked. */
export default function PoliciesPage() {
  usePageTitle('政策参数');
  const q = useQuery({ queryKey: POLICIES_KEY, queryFn: () => api<PolicyList>('GET', '/api/admin/policies') });
  const [editing, setEditing] = useState<PolicyEntry>();
  if (q.isError) return <Alert type="error" showIcon role="alert" title={`政策参数加载失败：${q.error.message}`} />;
  return (
    <>
      <Typography.Title level={1} className="ausm-admin-page-title">
        政策参数
      </Typography.Title>
      <Typography.Paragraph>法规或管理要求可能调整的数值按版本保存：每个版本有生效日期，系统按办理当日有效的版本执行，并在每项决定中记录所用版本。</Typography.Paragraph>
      {(q.data?.policies ?? []).map((p) => {
        const columns: TableColumnsType<PolicyVersion> = [
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 120, render: (v: string, r) => (<>{v}{r.current && <Tag color="success" style={{ marginLeft: 8 }}>现行</Tag>}{v > (q.data?.today ?? '') && <Tag style={{ marginLeft: 8 }}>待生效</Tag>}</>) },
          { title: '适用范围', dataIndex: 'provinceCode', width: 100, render: (v: string | null) => v ?? '全国' },
          ...p.fields.map((f) => ({ title: f.label, key: f.key, width: 120, render: (_: unknown, r: PolicyVersion) => `${r.value[f.key] ?? '—'}${f.unit}` })),
          { title: '调整依据或说明', dataIndex: 'note' },
          { title: '设定时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatBeijingTime(v) },
        ];
        return (
          <Card
            key={p.name}
            className="ausm-review-section"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{p.label}</h2>}
            extra={<Button type="primary" onClick={() => setEditing(p)}>新增版本</Button>}
          >
            <Typography.Paragraph>{p.description}</Typography.Paragraph>
            <div className="ausm-review-scroll" tabIndex={0} role="region" aria-label={`${p.label}的版本`}>
              <Table<PolicyVersion> rowKey="id" size="small" pagination={false} columns={columns} dataSource={p.versions} scroll={{ x: 760 }} />
            </div>
          </Card>
        );
      })}
      <PrivacyNoticesCard />
      {editing && q.data && <NewVersion policy={editing} today={q.data.today} onClose={() => setEditing(undefined)} />}
    </>
  );
}
