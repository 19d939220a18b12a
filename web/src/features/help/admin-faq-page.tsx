import { useMemo, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FAQ_CATEGORIES, FAQ_LIMITS, beijingDateTime, type CreateFaqRequest, type FaqEntry, type FaqListResponse } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useStaffMe } from '../../lib/session';
import { MUTED } from './help-styles';

interface FaqFormValues {
  category: string;
  question: string;
  answer: string;
  sort?: number | null;
}


function toRequest(v: FaqFormValues): CreateFaqRequest {
  return { category: v.category, question: v.question, answer: v.answer, ...(typeof v.sort === 'number' ? { sort: v.sort } : {}) };
}

/** 常见问题维护 (management portal, /admin/faq): the system administrator edits the 帮助中心. */
export default function AdminFaqPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useStaffMe();
  const canEdit = me?.role === 'sysadmin';
  const list = useQuery({ queryKey: ['faq', ''], queryFn: () => api<FaqListResponse>('GET', '/api/help/faq') });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<FaqEntry | 'new' | null>(null);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<FaqFormValues>();

  const save = useMutation({
    mutationFn: (v: FaqFormValues) =>
      editing && editing !== 'new'
        ? api<FaqEntry>('PATCH', `/api/admin/faq/${editing.id}`, toRequest(v))
        : api<FaqEntry>('POST', '/api/admin/faq', toRequest(v)),
    onMutate: () => setFormError(undefined),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['faq'] });
      message.success(editing === 'new' ? '已新增常见问题' : '已保存修改');
      setEditing(null);
    },
    onError: (err) => setFormError(applyApiError(form, err)),
  });

  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/admin/faq/${id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['faq'] });
      message.success('已删除');
    },
    onError: (err) => message.error(err instanceof ApiError ? err.message : '删除失败，请稍后再试'),
  });

  const categories = useMemo(
    () => [...new Set([...FAQ_CATEGORIES, ...(list.data?.categories ?? [])])].map((c) => ({ value: c })),
    [list.data],
  );
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const items = list.data?.items ?? [];
    return f ? items.filter((i) => `${i.category}\n${i.question}\n${i.answer}`.toLowerCase().includes(f)) : items;
  }, [list.data, filter]);

  const open = (target: FaqEntry | 'new') => {
    setFormError(undefined);
    setEditing(target);
  };

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        常见问题维护
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        这里维护会计人员端“帮助中心”的问题和答案。保存后帮助中心和咨询答疑立即使用新内容，每次修改都记入审计日志。
      </Typography.Paragraph>
      {me && !canEdit && <Alert type="warning" showIcon title="只有系统管理员可以新增、修改或删除常见问题" style={{ marginBottom: 16 }} />}
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}

      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', justifyContent: 'space-between', marginBottom: 16 }}>
          <div style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <label htmlFor="admin-faq-filter" style={{ display: 'block', marginBottom: 4 }}>
              筛选问题
            </label>
            <Input id="admin-faq-filter" value={filter} onChange={(e) => setFilter(e.target.value)} allowClear placeholder="输入类别、问题或答案中的文字" />
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} disabled={!canEdit}>
            新增常见问题
          </Button>
        </div>
        <Table<FaqEntry>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          locale={{ emptyText: filter ? '没有符合筛选条件的问题' : '暂无常见问题' }}
          columns={[
            { title: '排序', dataIndex: 'sort', width: 72 },
            { title: '类别', dataIndex: 'category', width: 110, render: (c: string) => <Tag>{c}</Tag> },
            {
              title: '问题与答案',
              key: 'qa',
              render: (_: unknown, r) => (
                <>
                  <Typography.Text strong>{r.question}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ ...MUTED, marginBottom: 0 }}>
                    {r.answer}
                  </Typography.Paragraph>
                </>
              ),
            },
            { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => beijingDateTime(t) },
            {
              title: '操作',
              key: 'actions',
              width: 170,
              render: (_: unknown, r) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => open(r)} disabled={!canEdit} aria-label={`编辑：${r.question}`}>
                    编辑
                  </Button>
                  <Popconfirm
                    title="删除这个常见问题？"
                    description="删除后帮助中心和咨询答疑将不再显示该问题。"
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}
                    disabled={!canEdit}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} disabled={!canEdit} aria-label={`删除：${r.question}`}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增常见问题' : '编辑常见问题'}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={720}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form<FaqFormValues>
          key={editing === null || editing === 'new' ? 'new' : editing.id}
          form={form}
          name="faq"
          layout="vertical"
          requiredMark="optional"
          onFinish={(v) => save.mutate(v)}
          initialValues={
            editing && editing !== 'new'
              ? { category: editing.category, question: editing.question, answer: editing.answer, sort: editing.sort }
              : { category: FAQ_CATEGORIES[0], question: '', answer: '', sort: null }
          }
        >
          <Form.Item
            label="类别"
            name="category"
            rules={[
              { required: true, whitespace: true, message: '请输入类别' },
              { max: FAQ_LIMITS.category, message: `类别不能超过${FAQ_LIMITS.category}个字` },
            ]}
            extra={<span style={MUTED}>可从已有类别中选择，也可输入新的类别</span>}
          >
            <AutoComplete options={categories} filterOption={(input, o) => (o?.value ?? '').toString().includes(input)} />
          </Form.Item>
          <Form.Item
            label="问题"
            name="question"
            rules={[
              { required: true, whitespace: true, message: '请输入问题' },
              { max: FAQ_LIMITS.question, message: `问题不能超过${FAQ_LIMITS.question}个字` },
            ]}
          >
            <Input maxLength={FAQ_LIMITS.question} />
          </Form.Item>
          <Form.Item
            label="答案"
            name="answer"
            rules={[
              { required: true, whitespace: true, message: '请输入答案' },
              { max: FAQ_LIMITS.answer, message: `答案不能超过${FAQ_LIMITS.answer}个字` },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={FAQ_LIMITS.answer} showCount />
          </Form.Item>
          <Form.Item label="排序" name="sort" extra={<span style={MUTED}>数字越小越靠前；新增时不填则排在最后</span>}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
