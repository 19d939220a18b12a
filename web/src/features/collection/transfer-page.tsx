import { useEffect, useState } from 'react';
import { Alert, App, Button, Cascader, Col, DatePicker, Descriptions, Form, Grid, Input, Modal, Popconfirm, Result, Row, Select, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ARCHIVE_MODES,
  INDUSTRIES,
  MAJORS,
  TRANSFER_PROOF_NOTE,
  TRANSFER_REASONS,
  UNIT_TYPES,
  beijingDateTime,
  type TransferReason,
  type TransferRecord,
  type TransferRequest,
  type TransfersState,
} from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
import { FileUpload } from '../../components/file-upload';
import { cascaderFilter, cascaderOptions, options, placeFieldErrors, useSubmit, useToday } from './collection-data';
import { ChangeStatusTag, useWithdraw } from './change-records';
import { ROOT_DEPARTMENT, childrenOf, departmentCodeOf, type DeptOption } from './department-step';
import { ServiceCard, SignInFirst } from './step-parts';
import './collection.css';

const TITLE = '会计人员属地关系调转';
export const TRANSFERS_KEY = ['transfers'] as const;
const UNIT_TYPE_OPTIONS = cascaderOptions(UNIT_TYPES);
const MAJOR_OPTIONS = cascaderOptions(MAJORS);
const at = (iso: string | null) => beijingDateTime(iso, { seconds: true }) || '—';

interface TransferForm {
  reason?: TransferReason;
  companyName?: string;
  creditCode?: string;
  unitTypePath?: string[];
  industry?: string;
  address?: string;
  phone?: string;
  startDate?: Dayjs;
  schoolName?: string;
  majorPath?: string[];
  archiveMode?: string;
  enrolDate?: Dayjs;
  departmentPath?: string[];
  proofFileId?: string | null;
}
const FIELDS: ReadonlyArray<keyof TransferForm> = ['reason', 'companyName', 'creditCode', 'unitTypePath', 'industry', 'address', 'phone', 'startDate', 'schoolName', 'majorPath', 'archiveMode', 'enrolDate', 'departmentPath', 'proofFileId'];
const ALIAS: Readonly<Record<string, keyof TransferForm>> = { unitType: 'unitTypePath', majorCode: 'majorPath', toDepartmentCode: 'departmentPath' };

/** 调入会计管理机构: 省 / 市 / 区县, children loaded as the person opens them (本级 first where there is one). */
function DepartmentPicker({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [opts, setOpts] = useState<DeptOption[]>([]);
  useEffect(() => {
    void childrenOf(ROOT_DEPARTMENT).then(setOpts);
  }, []);
  const loadData = async (selected: DeptOption[]) => {
    const target = selected.at(-1);
    if (!target || target.children) return;
    target.loading = true;
    setOpts((o) => [...o]);
    target.children = await childrenOf(target.value, target.label);
    if (!target.children.length) target.isLeaf = true;
    target.loading = false;
    setOpts((o) => [...o]);
  };
  return <Cascader<DeptOption> id={id} options={opts} loadData={loadData} value={value} onChange={(v) => onChange?.(v as string[])} placeholder="请选择省 / 市 / 区县" style={{ width: '100%' }} />;
}

/** 调转申请 (guide §5.1): the reason decides the fields; every reason needs the receiving department and one proof image. */
function TransferModal({ current, onClose, onDone }: { current: string; onClose: () => void; onDone: (r: TransferRecord) => void }) {
  const [form] = Form.useForm<TransferForm>();
  const today = useToday();
  const reason = Form.useWatch('reason', form);
  const { saving, error, run } = useSubmit((fields) => placeFieldErrors(form, fields, FIELDS, /^$/, ALIAS));
  const day = (d?: Dayjs) => d?.format('YYYY-MM-DD') ?? '';
  const notAfterToday = { validator: (_: unknown, v?: Dayjs) => (v && v.format('YYYY-MM-DD') > today ? Promise.reject(new Error('不能晚于今天')) : Promise.resolve()) };

  const submit = (v: TransferForm) => {
    const common = { toDepartmentCode: departmentCodeOf(v.departmentPath?.at(-1)) ?? '', proofFileId: v.proofFileId ?? '' };
    let body: TransferRequest;
    if (v.reason === 'work') {
      body = {
        reason: 'work', companyName: v.companyName ?? '', creditCode: v.creditCode ?? '', unitType: v.unitTypePath?.at(-1) ?? '', industry: v.industry ?? '',
        address: v.address ?? '', phone: v.phone?.trim() ?? '', startDate: day(v.startDate), ...common,
      };
    } else if (v.reason === 'school') {
      body = { reason: 'school', schoolName: v.schoolName ?? '', majorCode: v.majorPath?.at(-1) ?? '', archiveMode: v.archiveMode ?? '', enrolDate: day(v.enrolDate), ...common };
    } else body = { reason: 'residence', ...common };
    void run(async () => onDone(await api<TransferRecord>('POST', '/api/transfers', body)));
  };

  const required = (label: string, verb = '请输入') => [{ required: true, whitespace: true, message: `${verb}${label}` }];
  return (
    <Modal wrapClassName="ausm-collection-modal" open title="调转申请" width={820} okText="提交审核" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph>当前所属会计管理机构：{current}。调转申请由调入地会计管理机构审核，审核通过后您的信息转入调入地。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark scrollToFirstError onFinish={submit}>
        <Typography.Title level={2} className="ausm-step-heading" style={{ marginBottom: 12 }}>
          填写调档信息
        </Typography.Title>
        <Form.Item label="调档原因" name="reason" rules={required('调档原因', '请选择')}>
          <Select virtual={false} placeholder="请选择调档原因" options={TRANSFER_REASONS.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        {reason === 'work' && (
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位名称" name="companyName" rules={required('调入单位名称')}>
                <Input maxLength={100} placeholder="请输入调入单位全称" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位名称—社会信用代码" name="creditCode" rules={required('调入单位统一社会信用代码')}>
                <Input maxLength={30} placeholder="18位统一社会信用代码" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位经济类型" name="unitTypePath" rules={[{ required: true, message: '请选择调入单位经济类型' }]}>
                <Cascader options={UNIT_TYPE_OPTIONS} placeholder="请选择调入单位经济类型" showSearch={{ filter: cascaderFilter }} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位所属行业" name="industry" rules={[{ required: true, message: '请选择调入单位所属行业' }]}>
                <Select virtual={false} placeholder="请选择调入单位所属行业" options={options(INDUSTRIES)} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="调入单位地址" name="address" rules={required('调入单位地址')}>
                <Input maxLength={200} placeholder="请输入调入单位地址" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位电话" name="phone" rules={[{ pattern: /^[\d\-+() ]{5,20}$/, message: '调入单位电话格式不正确' }]}>
                <Input maxLength={20} placeholder="选填" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="调入单位工作开始时间" name="startDate" rules={[{ required: true, message: '请选择调入单位工作开始时间' }, notAfterToday]}>
                <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {reason === 'school' && (
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item label="调入学校名称" name="schoolName" rules={required('调入学校名称')}>
                <Input maxLength={100} placeholder="请输入学校全称" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="所学专业" name="majorPath" rules={[{ required: true, message: '请选择所学专业' }]}>
                <Cascader options={MAJOR_OPTIONS} placeholder="请选择所学专业，可输入名称搜索" showSearch={{ filter: cascaderFilter }} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="档案方式" name="archiveMode" rules={[{ required: true, message: '请选择档案方式' }]}>
                <Select virtual={false} placeholder="请选择档案方式" options={ARCHIVE_MODES.map((m) => ({ value: m.code, label: m.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="入学时间" name="enrolDate" rules={[{ required: true, message: '请选择入学时间' }, notAfterToday]}>
                <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item label="调入会计管理机构" name="departmentPath" rules={[{ required: true, message: '请选择调入会计管理机构' }]}>
          <DepartmentPicker />
        </Form.Item>
        <Typography.Title level={2} className="ausm-step-heading" style={{ margin: '8px 0 12px' }}>
          证明文件上传
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          role="note"
          style={{ marginBottom: 12 }}
          title={
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              <li>{TRANSFER_PROOF_NOTE}。</li>
              <li>{reason ? TRANSFER_REASONS.find((r) => r.code === reason)?.proofHint : TRANSFER_REASONS.map((r) => r.proofHint).join('；')}。</li>
            </ol>
          }
        />
        <Form.Item label="证明材料" name="proofFileId" rules={[{ required: true, message: '请上传证明材料' }]}>
          <FileUpload purpose="transfer_proof" label="证明材料" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 退回补正: the receiving department asked for a better proof; the same application goes back with it. */
function ResubmitModal({ record, onClose, onDone }: { record: TransferRecord; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ proofFileId?: string | null }>();
  const { saving, error, run } = useSubmit((fields) => placeFieldErrors(form, fields, ['proofFileId'], /^$/));
  return (
    <Modal wrapClassName="ausm-collection-modal" open title="重新上传证明材料" okText="重新提交" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>退回原因：{record.decisionNote}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void run(async () => {
        await api('POST', `/api/transfers/${encodeURIComponent(record.id)}/resubmit`, { proofFileId: v.proofFileId ?? '' });
        onDone();
      })}>
        <Form.Item label="证明材料" name="proofFileId" rules={[{ required: true, message: '请上传证明材料' }]} extra={TRANSFER_PROOF_NOTE}>
          <FileUpload purpose="transfer_proof" label="证明材料" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProofPreview({ id }: { id: string }) {
  return (
    <a href={`/api/files/${encodeURIComponent(id)}`} target="_blank" rel="noopener noreferrer">
      <img src={`/api/files/${encodeURIComponent(id)}`} alt="调转证明材料" className="ausm-transfer-proof" />
    </a>
  );
}

/** 调转信息 (guide §5.2): 调转类型, 调出省市县, 调入省市县, 调出时间, 审核状态 and the proof. */
function TransferRecords({ records, onChanged }: { records: ReadonlyArray<TransferRecord>; onChanged: () => Promise<void> }) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [viewing, setViewing] = useState<TransferRecord | null>(null);
  const [resubmitting, setResubmitting] = useState<TransferRecord | null>(null);
  const withdraw = useWithdraw('已撤回该调转申请', onChanged);
  const actions = (r: TransferRecord) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setViewing(r)}>
        详情
      </Button>
      {(r.status === 'pending' || r.status === 'returned') && (
        <Popconfirm title="确定撤回该调转申请吗？" okText="撤回" cancelText="取消" onConfirm={() => withdraw(r)}>
          <Button type="link" size="small">
            撤回
          </Button>
        </Popconfirm>
      )}
      {r.status === 'returned' && (
        <Button type="link" size="small" onClick={() => setResubmitting(r)}>
          重新上传证明
        </Button>
      )}
    </Space>
  );
  return (
    <>
      {phone ? (
        records.length === 0 ? (
          <Typography.Paragraph>暂无调转信息</Typography.Paragraph>
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {records.map((r) => (
              <Descriptions key={r.id} bordered size="small" column={1} title={r.reasonName} extra={actions(r)} items={[
                { key: 'from', label: '调出省市县', children: r.from.path },
                { key: 'to', label: '调入省市县', children: r.to.path },
                { key: 'at', label: '调出时间', children: at(r.transferredAt) },
                { key: 'status', label: '审核状态', children: <ChangeStatusTag status={r.status} /> },
                { key: 'proof', label: '证明材料', children: <ProofPreview id={r.proofFileId} /> },
              ]} />
            ))}
          </Space>
        )
      ) : (
        <Table<TransferRecord>
          rowKey="id"
          bordered
          pagination={false}
          aria-label="调转信息"
          dataSource={[...records]}
          locale={{ emptyText: '暂无调转信息' }}
          columns={[
            { title: '调转类型', dataIndex: 'reasonName', width: 150 },
            { title: '调出省市县', key: 'from', render: (_, r) => r.from.path },
            { title: '调入省市县', key: 'to', render: (_, r) => r.to.path },
            { title: '调出时间', key: 'at', width: 170, render: (_, r) => at(r.transferredAt) },
            { title: '审核状态', key: 'status', width: 100, render: (_, r) => <ChangeStatusTag status={r.status} /> },
            { title: '证明材料', key: 'proof', width: 110, render: (_, r) => <ProofPreview id={r.proofFileId} /> },
            { title: '操作', key: 'actions', width: 150, render: (_, r) => actions(r) },
          ]}
        />
      )}
      <Modal wrapClassName="ausm-collection-modal" open={viewing !== null} title="调转详情" footer={null} width={720} onCancel={() => setViewing(null)}>
        {viewing && (
          <Descriptions bordered size="small" column={1} items={[
            { key: 'reason', label: '调档原因', children: viewing.reasonName },
            ...viewing.details.map((d) => ({ key: d.label, label: d.label, children: d.value || '—' })),
            { key: 'from', label: '调出会计管理机构', children: viewing.from.path },
            { key: 'to', label: '调入会计管理机构', children: viewing.to.path },
            { key: 'submitted', label: '提交时间', children: at(viewing.submittedAt) },
            { key: 'status', label: '审核状态', children: <ChangeStatusTag status={viewing.status} /> },
            ...(viewing.decisionNote ? [{ key: 'note', label: viewing.status === 'returned' ? '退回原因' : '审核意见', children: viewing.decisionNote }] : []),
          ]} />
        )}
      </Modal>
      {resubmitting && (
        <ResubmitModal
          record={resubmitting}
          onClose={() => setResubmitting(null)}
          onDone={() => {
            setResubmitting(null);
            void onChanged();
          }}
        />
      )}
    </>
  );
}

/** 会计人员属地关系调转 (guide chapter 5) at /transfer. */
export default function TransferPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const transfers = useQuery({ queryKey: TRANSFERS_KEY, queryFn: () => api<TransfersState>('GET', '/api/transfers'), enabled: Boolean(me.data) });
  const [applying, setApplying] = useState(false);

  usePageTitle(TITLE);

  const refresh = () => qc.invalidateQueries({ queryKey: TRANSFERS_KEY });
  const s = transfers.data;
  let body;
  if (me.isLoading || (me.data && transfers.isLoading)) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  } else if (!me.data) body = <SignInFirst what="属地关系调转" />;
  else if (transfers.error || !s) body = <Alert type="error" showIcon role="alert" title={transfers.error instanceof ApiError ? transfers.error.message : '调转信息加载失败，请稍后重试'} />;
  else {
    body = (
      <>
        <div className="ausm-step-toolbar">
          <Typography.Paragraph style={{ margin: 0 }}>
            当前所属会计管理机构：<Typography.Text strong>{s.current?.path ?? '—'}</Typography.Text>
          </Typography.Paragraph>
          <Button type="primary" disabled={s.blocked !== null} onClick={() => setApplying(true)}>
            调转申请
          </Button>
        </div>
        {s.blocked && <Alert type="warning" showIcon role="status" style={{ marginBottom: 16 }} title={s.blocked} />}
        <h2 className="ausm-step-title">调转信息</h2>
        {s.records.length === 0 && !s.current ? (
          <Result status="info" title="信息采集审核通过后可办理属地关系调转" />
        ) : (
          <TransferRecords records={s.records} onChanged={refresh} />
        )}
        {applying && s.current && (
          <TransferModal
            current={s.current.path}
            onClose={() => setApplying(false)}
            onDone={() => {
              setApplying(false);
              message.success('调转申请已提交，等待调入地会计管理机构审核');
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
