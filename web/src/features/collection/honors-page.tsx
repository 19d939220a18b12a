import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { HONOR_TYPES, type HonorRecord, type HonorRequest, type HonorsState } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
import { FileUpload } from '../../components/file-upload';
import { placeFieldErrors, useSubmit, useToday } from './collection-data';
import { ChangeStatusTag, useWithdraw } from './change-records';
import { FileLink, ServiceCard, SignInFirst } from './step-parts';
import './collection.css';

const TITLE = '奖惩信息';
const HONORS_KEY = ['honors'] as const;

/** the form's values: the request's fields, the date as the picker's */
type HonorForm = Partial<Omit<HonorRequest, 'date'>> & { date?: Dayjs };

/** 申请登记: a reward or penalty with its document, for the person's department to review. */
function HonorApplyModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<HonorForm>();
  const today = useToday();
  const { saving, error, run } = useSubmit((fields) => placeFieldErrors(form, fields, ['type', 'title', 'authority', 'date', 'documentNo', 'description', 'documentFileId'], /^$/));
  const submit = (v: HonorForm) => {
    const body: HonorRequest = {
      type: v.type ?? 'reward', title: v.title ?? '', authority: v.authority ?? '', date: v.date?.format('YYYY-MM-DD') ?? '',
      documentNo: v.documentNo?.trim() || null, description: v.description?.trim() || null, documentFileId: v.documentFileId ?? '',
    };
    void run(async () => {
      await api('POST', '/api/honors', body);
      onDone();
    });
  };
  return (
    <Modal wrapClassName="ausm-collection-modal" open title="申请登记奖惩信息" okText="提交审核" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">请如实填写并上传表彰决定、处罚决定书等文件，由所属会计管理部门审核后记入档案。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark onFinish={submit} initialValues={{ type: 'reward' }}>
        <Form.Item label="奖惩类型" name="type" rules={[{ required: true, message: '请选择奖惩类型' }]}>
          <Select virtual={false} options={HONOR_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        <Form.Item label="奖惩名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入奖惩名称' }]}>
          <Input maxLength={100} placeholder="如：先进会计工作者" />
        </Form.Item>
        <Form.Item label="授予或作出机关" name="authority" rules={[{ required: true, whitespace: true, message: '请输入授予或作出机关' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="奖惩时间" name="date" rules={[{ required: true, message: '请选择奖惩时间' }, { validator: (_, d?: Dayjs) => (d && d.format('YYYY-MM-DD') > today ? Promise.reject(new Error('奖惩时间不能晚于今天')) : Promise.resolve()) }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="文号" name="documentNo">
          <Input maxLength={60} placeholder="选填，如：京财会〔2024〕12号" />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Form.Item label="奖惩文件" name="documentFileId" rules={[{ required: true, message: '请上传奖惩文件' }]}>
          <FileUpload purpose="honor_proof" label="奖惩文件" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 奖惩信息 at /honors: the person's record (approved), their applications, and 申请登记. */
export default function HonorsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const honors = useQuery({ queryKey: HONORS_KEY, queryFn: () => api<HonorsState>('GET', '/api/honors'), enabled: Boolean(me.data) });
  const [applying, setApplying] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: HONORS_KEY });
  const withdraw = useWithdraw('已撤回该奖惩申请', refresh);

  usePageTitle(TITLE);

  let body;
  if (me.isLoading || (me.data && honors.isLoading)) body = <Spin aria-label="加载中" />;
  else if (!me.data) body = <SignInFirst what="奖惩信息登记" />;
  else if (honors.error || !honors.data) body = <Alert type="error" showIcon role="alert" title={honors.error instanceof ApiError ? honors.error.message : '奖惩信息加载失败，请稍后重试'} />;
  else {
    const s = honors.data;
    body = (
      <>
        <div className="ausm-step-toolbar">
          <Typography.Paragraph style={{ margin: 0 }}>奖励和惩戒记入会计人员档案。部门依据决定文件录入的，会直接显示在这里。</Typography.Paragraph>
          <Button type="primary" disabled={!s.allowed} onClick={() => setApplying(true)}>
            申请登记
          </Button>
        </div>
        {!s.allowed && <Alert type="warning" showIcon role="status" style={{ marginBottom: 16 }} title="信息采集审核通过后才能申请登记奖惩信息" />}
        <Table<HonorRecord>
          rowKey="id"
          bordered
          pagination={false}
          aria-label="奖惩信息"
          dataSource={s.records}
          locale={{ emptyText: '暂无奖惩信息' }}
          scroll={{ x: 980 }}
          columns={[
            { title: '类型', dataIndex: 'typeName', width: 70 },
            { title: '奖惩名称', dataIndex: 'title' },
            { title: '授予或作出机关', dataIndex: 'authority' },
            { title: '奖惩时间', dataIndex: 'date', width: 110 },
            { title: '文号', dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' },
            { title: '来源', key: 'by', width: 90, render: (_, h) => (h.recordedBy === 'department' ? '部门录入' : '本人申请') },
            { title: '审核状态', key: 'status', width: 100, render: (_, h) => <ChangeStatusTag status={h.status} /> },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, h) => (
                <>
                  {h.documentFileId && <FileLink id={h.documentFileId}>文件</FileLink>}
                  {h.status === 'pending' && h.recordedBy === 'self' && (
                    <Button type="link" size="small" onClick={() => void withdraw(h)}>
                      撤回
                    </Button>
                  )}
                </>
              ),
            },
          ]}
        />
        {applying && (
          <HonorApplyModal
            onClose={() => setApplying(false)}
            onDone={() => {
              setApplying(false);
              message.success('奖惩信息已提交，等待所属会计管理部门审核');
              void refresh();
            }}
          />
        )}
      </>
    );
  }
  return (
    <ServiceCard title={TITLE}>{body}</ServiceCard>
  );
}
