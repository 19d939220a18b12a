import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { PrivacyNoticeList } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { formatBeijingTime } from './admin-session';

type Version = PrivacyNoticeList['notices'][number];
const KEY = ['admin', 'privacy-notices'] as const;

function PublishModal({ list, onClose }: { list: PrivacyNoticeList; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string; effectiveFrom: Dayjs }>();
  const latest = list.notices[0];
  const earliest = latest && latest.effectiveFrom > list.today ? latest.effectiveFrom : list.today;
  const save = useMutation({
    mutationFn: (v: { title: string; body: string; effectiveFrom: Dayjs }) =>
      api<{ version: number; effectiveFrom: string }>('POST', '/api/admin/privacy-notices', { title: v.title, body: v.body, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') }),
    onSuccess: (created) => {
      void qc.invalidateQueries({ queryKey: KEY });
      void message.success(`已发布第${created.version}版，自${created.effectiveFrom}起生效`);
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.path as 'title' | 'body' | 'effectiveFrom', errors: [f.message] })));
      else void message.error(err.message);
    },
  });
  return (
    <Modal open title="发布个人信息保护政策新版本" okText="发布" cancelText="取消" width={760} confirmLoading={save.isPending} onCancel={onClose} okButtonProps={{ htmlType: 'submit', form: 'privacy-notice' }} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="自生效日期起，所有已同意旧版本的会计人员登录后须阅读并同意新版本，方可继续使用平台。发布后不能修改或撤回，请先经法务审核。" />
      <Form id="privacy-notice" form={form} layout="vertical" initialValues={{ title: latest?.title ?? '个人信息保护政策', body: latest?.body ?? '', effectiveFrom: dayjs(earliest).add(1, 'day') }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="正文" name="body" rules={[{ required: true, whitespace: true, message: '请输入正文' }]} extra="段落之间空一行">
          <Input.TextArea rows={12} maxLength={20000} />
        </Form.Item>
        <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < earliest} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 个人信息保护政策 in 政策参数: its versions (the one in force marked) and 发布新版本. */
export function PrivacyNoticesCard() {
  const q = useQuery({ queryKey: KEY, queryFn: () => api<PrivacyNoticeList>('GET', '/api/admin/privacy-notices') });
  const [publishing, setPublishing] = useState(false);
  const columns: TableColumnsType<Version> = [
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
    { title: '生效日期', dataIndex: 'effectiveFrom', width: 170, render: (v: string, r) => (<>{v}{r.current && <Tag color="success" style={{ marginLeft: 8 }}>现行</Tag>}{v > (q.data?.today ?? '') && <Tag style={{ marginLeft: 8 }}>待生效</Tag>}</>) },
    { title: '标题', dataIndex: 'title' },
    { title: '发布时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatBeijingTime(v) },
  ];
  return (
    <Card className="ausm-review-section" title={<h2 style={{ fontSize: 16, margin: 0 }}>个人信息保护政策</h2>} extra={<Button type="primary" disabled={!q.data} onClick={() => setPublishing(true)}>发布新版本</Button>}>
      <Typography.Paragraph>会计人员注册时阅读并同意的政策全文，按版本保存。新版本自生效日期起施行，已同意旧版本的人员登录后须重新同意；每次同意记录版本、时间和网络地址。</Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon role="alert" title={`加载失败：${q.error.message}`} />}
      <div className="ausm-review-scroll" tabIndex={0} role="region" aria-label="个人信息保护政策的版本">
        <Table<Version> rowKey="version" size="small" pagination={false} columns={columns} dataSource={q.data?.notices ?? []} scroll={{ x: 600 }} expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.body}</Typography.Paragraph> }} />
      </div>
      {publishing && q.data && <PublishModal list={q.data} onClose={() => setPublishing(false)} />}
    </Card>
  );
}
