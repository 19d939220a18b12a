import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Result, Row, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  COLLECTION_SCOPES,
  COLLECTION_STATUSES,
  COLLECTION_STATUS_LABELS,
  HONOR_TYPES,
  REVIEW_STATUS_LABELS,
  idDocumentTypeLabel,
  type CollectionStatus,
  type DepartmentHonorRequest,
  type HonorRecord,
  type IdDocumentType,
  type PeopleStats,
  type PersonArchive,
  type PersonListItem,
  type ReviewStatus,
} from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { formatBeijingSeconds } from './review-shared';
import { usePageTitle } from './admin-session';
import { FileUpload } from '../../components/file-upload';

interface PeopleFilters {
  q?: string;
  status?: CollectionStatus | 'all';
  scope?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function queryOf(f: PeopleFilters): string {
  const s = new URLSearchParams({ limit: '20' });
  if (f.q?.trim()) s.set('q', f.q.trim());
  if (f.status && f.status !== 'all') s.set('status', f.status);
  if (f.scope && f.scope !== 'all') s.set('scope', f.scope);
  const [from, to] = f.dates ?? [null, null];
  if (from) s.set('from', from.format('YYYY-MM-DD'));
  if (to) s.set('to', to.format('YYYY-MM-DD'));
  return s.toString();
}

/** 人员查询: the people the department holds (a supervisor: and the departments below), masked. */
export function PeoplePage() {
  usePageTitle('人员查询');
  const [form] = Form.useForm<PeopleFilters>();
  const [filters, setFilters] = useState<PeopleFilters>({ status: 'all' });
  const key = queryOf(filters);
  const exportKey = key.replace(/(^|&)limit=\d+/, '').replace(/^&/, '');
  const list = useInfiniteQuery({
    queryKey: ['admin-people', key],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: PersonListItem[]; nextCursor: string | null }>('GET', `/api/admin/people?${key}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const stats = useQuery({ queryKey: ['admin-people-stats'], queryFn: () => api<PeopleStats>('GET', '/api/admin/people/stats') });
  const byDepartment = [...new Map((stats.data?.items ?? []).map((i) => [i.departmentCode, i.departmentName])).entries()].map(([code, name]) => ({
    code,
    name,
    counts: Object.fromEntries((stats.data?.items ?? []).filter((i) => i.departmentCode === code).map((i) => [i.status, i.count])) as Partial<Record<CollectionStatus, number>>,
  }));
  const totals = COLLECTION_STATUSES.filter((st) => st !== 'draft').map((st) => ({ status: st, count: (stats.data?.items ?? []).filter((i) => i.status === st).reduce((a, i) => a + i.count, 0) }));
  const columns: TableColumnsType<PersonListItem> = [
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '证件号码', dataIndex: 'maskedIdNumber', width: 160 },
    { title: '手机尾号', dataIndex: 'phoneTail', width: 90 },
    { title: '采集状态', key: 'status', width: 110, render: (_, r) => <Tag>{COLLECTION_STATUS_LABELS[r.status]}</Tag> },
    { title: '采集范围', dataIndex: 'scopeName', render: (v: string | null) => v ?? '—' },
    { title: '所属会计管理部门', dataIndex: 'departmentName', width: 170 },
    { title: '提交时间', key: 'submitted', width: 170, render: (_, r) => formatBeijingSeconds(r.submittedAt) },
    {
      title: '操作',
      key: 'open',
      width: 100,
      fixed: 'right',
      render: (_, r) => (
        <Link to={`/admin/people/${encodeURIComponent(r.accountId)}`}>
          查看档案<span className="sr-only">：{r.name}</span>
        </Link>
      ),
    },
  ];
  return (
    <>
      <div className="ausm-admin-page-head">
        <Typography.Title level={1} className="ausm-admin-page-title">
          人员查询
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={`/api/admin/people/export?${exportKey}`} download>
          导出
        </Button>
      </div>
      {stats.data && (
        <Card size="small" style={{ marginBottom: 12 }} title={<h2 className="ausm-admin-card-title">人员统计</h2>} extra={<Typography.Text type="secondary">{stats.data.asOf ? `截至 ${formatBeijingSeconds(stats.data.asOf)}` : '统计尚未生成'}</Typography.Text>}>
          <Space wrap size={[24, 8]}>
            {totals.map((t) => (
              <Typography.Text key={t.status}>
                {COLLECTION_STATUS_LABELS[t.status]}：<Typography.Text strong>{t.count}</Typography.Text> 人
              </Typography.Text>
            ))}
          </Space>
          {byDepartment.length > 1 && (
            <Table
              rowKey="code"
              size="small"
              style={{ marginTop: 12 }}
              pagination={false}
              aria-label="各部门人数"
              dataSource={byDepartment}
              scroll={{ x: 560 }}
              columns={[
                { title: '会计管理部门', dataIndex: 'name' },
                ...totals.map((t) => ({ title: COLLECTION_STATUS_LABELS[t.status], key: t.status, width: 90, render: (_: unknown, d: (typeof byDepartment)[number]) => d.counts[t.status] ?? 0 })),
              ]}
            />
          )}
        </Card>
      )}
      <Card className="ausm-review-filters" size="small">
        <Form<PeopleFilters> form={form} layout="vertical" initialValues={{ status: 'all', scope: 'all' }} aria-label="筛选会计人员" role="search" onFinish={setFilters}>
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="姓名或证件号码" name="q">
                <Input allowClear maxLength={30} placeholder="姓名或完整证件号码" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="采集状态" name="status">
                <Select options={[{ value: 'all', label: '全部' }, ...COLLECTION_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: COLLECTION_STATUS_LABELS[s] }))]} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={5}>
              <Form.Item label="采集范围" name="scope">
                <Select options={[{ value: 'all', label: '全部' }, ...COLLECTION_SCOPES.map((s) => ({ value: s.code, label: s.name }))]} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="提交日期" name="dates">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={3}>
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon role="alert" title={list.error instanceof ApiError ? list.error.message : '查询失败，请稍后重试'} style={{ margin: '16px 0' }} />}
      <Table<PersonListItem> rowKey="accountId" style={{ marginTop: 16 }} columns={columns} dataSource={rows} loading={list.isLoading} pagination={false} scroll={{ x: 990 }} aria-label="会计人员" locale={{ emptyText: '没有符合条件的会计人员' }} />
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            加载更多
          </Button>
        </div>
      )}
    </>
  );
}

/** the form's values: the request's fields, the date as the picker's */
type HonorForm = Partial<Omit<DepartmentHonorRequest, 'date'>> & { date?: Dayjs };

/** 录入奖惩: the department's own record of a reward or penalty, named by its 文号; approved as it is recorded. */
function HonorModal({ accountId, onClose, onDone }: { accountId: string; onClose: () => void; onDone: (r: HonorRecord) => void }) {
  const [form] = Form.useForm<HonorForm>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: HonorForm) => {
    setSaving(true);
    setError(undefined);
    try {
      const body: DepartmentHonorRequest = {
        type: v.type ?? 'reward', title: v.title ?? '', authority: v.authority ?? '', date: v.date?.format('YYYY-MM-DD') ?? '', documentNo: v.documentNo ?? '', description: v.description ?? '',
        documentFileId: v.documentFileId ?? null,
      };
      onDone(await api<HonorRecord>('POST', `/api/admin/people/${encodeURIComponent(accountId)}/honors`, body));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.path as 'title', errors: [f.message] })));
      else setError(e instanceof ApiError ? e.message : '录入失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="录入奖惩信息" okText="录入" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">部门依据表彰决定或处罚决定书录入，须注明文号；录入即记入该会计人员档案，并留有审核记录。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark onFinish={(v) => void submit(v)} initialValues={{ type: 'reward' }}>
        <Form.Item label="奖惩类型" name="type" rules={[{ required: true, message: '请选择奖惩类型' }]}>
          <Select options={HONOR_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
        <Form.Item label="奖惩名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入奖惩名称' }]}>
          <Input maxLength={100} placeholder="如：先进会计工作者；警告并处罚款" />
        </Form.Item>
        <Form.Item label="授予或作出机关" name="authority" rules={[{ required: true, whitespace: true, message: '请输入授予或作出机关' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="奖惩时间" name="date" rules={[{ required: true, message: '请选择奖惩时间' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="文号" name="documentNo" rules={[{ required: true, whitespace: true, message: '请输入文号' }]}>
          <Input maxLength={60} placeholder="如：京财会〔2024〕12号" />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
        <Form.Item label="决定文件" name="documentFileId" extra="选填：上传的文件存入该会计人员档案，本人可查看">
          <FileUpload purpose="honor_proof" label="决定文件" uploadUrl={`/api/admin/people/${encodeURIComponent(accountId)}/files`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 会计人员档案: what the department holds of one person (the read is audited), and 录入奖惩. */
export function PersonArchivePage() {
  usePageTitle('会计人员档案');
  const { accountId = '' } = useParams();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [recording, setRecording] = useState(false);
  const q = useQuery({ queryKey: ['admin-person', accountId], queryFn: () => api<PersonArchive>('GET', `/api/admin/people/${encodeURIComponent(accountId)}`), retry: false });
  const back = (
    <Link to="/admin/people">
      <ArrowLeftOutlined /> 返回人员查询
    </Link>
  );
  if (q.isLoading) return <Spin aria-label="加载中" />;
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? '会计人员不存在' : '暂时无法加载档案'} subTitle={notFound ? '该会计人员不存在，或其档案不在您所在会计管理部门的管辖范围内。' : undefined} extra={back} />;
  }
  const { collection: c, honors, transfers, history } = q.data;
  const reg = c.registration;
  return (
    <>
      {back}
      <div className="ausm-admin-page-head">
        <Typography.Title level={1} className="ausm-admin-page-title">
          {reg.name}的档案
        </Typography.Title>
        <Button type="primary" onClick={() => setRecording(true)}>
          录入奖惩
        </Button>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="ausm-admin-card-title">个人基本信息</h2>} size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
            { key: 'name', label: '姓名', children: reg.name },
            { key: 'idType', label: '证件类型', children: idDocumentTypeLabel(reg.idType as IdDocumentType) ?? reg.idType },
            { key: 'id', label: '证件号码', children: reg.maskedIdNumber },
            { key: 'phone', label: '手机号码', children: reg.maskedPhone },
            { key: 'status', label: '采集状态', children: COLLECTION_STATUS_LABELS[c.status] },
            { key: 'dept', label: '所属会计管理部门', children: c.departmentPath.map((p) => p.name).join(' / ') },
            { key: 'scope', label: '采集范围', children: COLLECTION_SCOPES.find((s) => s.code === c.scope)?.name ?? '—' },
          ]} />
        </Card>
        <Card title={<h2 className="ausm-admin-card-title">教育经历与工作经历</h2>} size="small">
          <Table rowKey="id" size="small" pagination={false} aria-label="教育经历" dataSource={c.education} scroll={{ x: 600 }} columns={[
            { title: '学校名称', dataIndex: 'school' }, { title: '入学时间', dataIndex: 'startDate', width: 110 }, { title: '毕业时间', key: 'end', width: 110, render: (_, e) => (e.ongoing ? '至今' : e.endDate) },
          ]} />
          <Table rowKey="id" size="small" style={{ marginTop: 12 }} pagination={false} aria-label="工作经历" dataSource={c.work} scroll={{ x: 600 }} columns={[
            { title: '单位名称', dataIndex: 'company' }, { title: '工作开始时间', dataIndex: 'startDate', width: 120 }, { title: '工作结束时间', key: 'end', width: 120, render: (_, w) => (w.ongoing ? '至今' : w.endDate) },
          ]} />
        </Card>
        <Card title={<h2 className="ausm-admin-card-title">奖惩信息</h2>} size="small">
          <Table<HonorRecord> rowKey="id" size="small" pagination={false} aria-label="奖惩信息" dataSource={honors} locale={{ emptyText: '暂无奖惩信息' }} scroll={{ x: 700 }} columns={[
            { title: '类型', dataIndex: 'typeName', width: 70 }, { title: '名称', dataIndex: 'title' }, { title: '授予或作出机关', dataIndex: 'authority' }, { title: '时间', dataIndex: 'date', width: 110 },
            { title: '文号', dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' }, { title: '来源', key: 'by', width: 90, render: (_, h) => (h.recordedBy === 'department' ? '部门录入' : '本人申请') },
          ]} />
        </Card>
        <Card title={<h2 className="ausm-admin-card-title">属地关系调转</h2>} size="small">
          <Table rowKey="id" size="small" pagination={false} aria-label="属地关系调转" dataSource={transfers} locale={{ emptyText: '暂无调转信息' }} scroll={{ x: 700 }} columns={[
            { title: '调转类型', dataIndex: 'reasonName' }, { title: '调出', key: 'from', render: (_, r) => r.from.name }, { title: '调入', key: 'to', render: (_, r) => r.to.name },
            { title: '调出时间', key: 'at', render: (_, r) => formatBeijingSeconds(r.transferredAt) }, { title: '审核状态', key: 's', render: (_, r) => REVIEW_STATUS_LABELS[r.status] },
          ]} />
        </Card>
        <Card title={<h2 className="ausm-admin-card-title">办理记录</h2>} size="small">
          <Table rowKey="id" size="small" pagination={false} aria-label="办理记录" dataSource={history} scroll={{ x: 700 }} columns={[
            { title: '事项', key: 'kind', render: (_, h) => (h.readable ? <Link to={`/admin/reviews/${encodeURIComponent(h.id)}`}>{h.kindLabel}</Link> : h.kindLabel) },
            { title: '受理部门', dataIndex: 'departmentName' }, { title: '审核状态', key: 's', render: (_, h) => REVIEW_STATUS_LABELS[h.status as ReviewStatus] ?? h.status },
            { title: '提交时间', key: 'at', render: (_, h) => formatBeijingSeconds(h.submittedAt) },
          ]} />
        </Card>
      </Space>
      {recording && (
        <HonorModal
          accountId={accountId}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            message.success('奖惩信息已录入');
            void qc.invalidateQueries({ queryKey: ['admin-person', accountId] });
          }}
        />
      )}
    </>
  );
}
