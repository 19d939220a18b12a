import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ACCOUNTING_TITLES, INDUSTRIES, type CollectionState, type WorkEntry } from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { usePublicConfig } from '../../lib/session';
import { ENTRY_REVIEW_LABELS, nameOf, periodEnd, unitTypeName, useSave, type StepIssue } from './collection-data';
import { accountingRowColumns } from './accounting-rows';
import { WorkModal } from './work-modal';
import { FileLink, StepActions } from './step-parts';

function CreditCode({ w }: { w: WorkEntry }) {
  return (
    <>
      {w.creditCode}
      {w.creditCodeWarning && (
        <Tag color="warning" style={{ marginInlineStart: 6 }}>
          校验位不符，转人工审核
        </Tag>
      )}
    </>
  );
}

/** 工作经历详情, laid out as the guide shows it. */
export function WorkDetail({ w, status }: { w: WorkEntry; status: CollectionState['status'] }) {
  return (
    <>
      <Typography.Paragraph>
        审核状态：{ENTRY_REVIEW_LABELS[status]}
        {w.legacy && (
          <Tag color="gold" style={{ marginInlineStart: 8 }}>
            原省平台数据
          </Tag>
        )}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'start', label: '工作开始时间', children: w.startDate ?? '' },
          { key: 'end', label: '工作结束时间', children: periodEnd(w.endDate, w.ongoing) },
          { key: 'company', label: '单位名称', children: w.company ?? '' },
          { key: 'credit', label: '统一社会信用代码', children: <CreditCode w={w} /> },
          { key: 'unitType', label: '单位类型', children: unitTypeName(w.unitType) },
          { key: 'industry', label: '所属行业', children: nameOf(INDUSTRIES, w.industry) },
          { key: 'address', label: '工作单位地址', children: w.address ?? '' },
          { key: 'phone', label: '工作单位电话', children: w.phone ?? '' },
        ]}
      />
      <Typography.Paragraph style={{ margin: '16px 0 8px' }}>是否有会计工作经历：{w.hasAccounting ? '是' : '否'}</Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.level}-${r.post}-${r.startDate}`}
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={w.accountingRows}
        locale={{ emptyText: '暂无数据' }}
        columns={accountingRowColumns()}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'title', label: '会计专业职务', children: nameOf(ACCOUNTING_TITLES, w.title) },
          { key: 'titleDate', label: '会计专业职务聘任时间', children: w.titleDate ?? '' },
          ...(w.hasAccounting ? [{ key: 'proof', label: '会计工作经历证明', children: <FileLink id={w.accountingProofFileId}>证明</FileLink> }] : []),
          ...(w.title ? [{ key: 'titleFile', label: '聘任文件或证明', children: <FileLink id={w.titleFileId}>聘任文件</FileLink> }] : []),
        ]}
      />
    </>
  );
}

/** 工作经历 (guide 3.5): the table of entries with 查看详情 / 编辑 / 删除 and the 新增 modal. */
export function WorkStep({
  state,
  issues,
  focusEntryId,
  onPrev,
  onNext,
}: {
  state: CollectionState;
  issues: ReadonlyArray<StepIssue>;
  focusEntryId?: string;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { message } = App.useApp();
  const save = useSave();
  const { data: config } = usePublicConfig();
  const today = config?.today ?? new Date().toISOString().slice(0, 10);
  const [editing, setEditing] = useState<WorkEntry | 'new' | null>(() => state.work.find((w) => w.id === focusEntryId) ?? null);
  const [viewing, setViewing] = useState<WorkEntry | null>(null);
  const [blocked, setBlocked] = useState<string>();
  const [error, setError] = useState<string>();

  const remove = async (w: WorkEntry) => {
    setError(undefined);
    try {
      await save('DELETE', `/api/collection/work/${encodeURIComponent(w.id)}`);
      message.success('已删除该工作经历');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '删除失败，请稍后再试');
    }
  };

  const next = () => {
    if (state.scope === 'accountant' && !state.work.some((w) => w.hasAccounting && w.accountingRows.length > 0)) {
      setBlocked('采集范围为“会计人员”的，工作经历中须填写会计工作经历');
      return;
    }
    onNext();
  };

  return (
    <>
      <div className="ausm-step-toolbar">
        <Typography.Paragraph style={{ margin: 0 }}>
          可分段采集工作经历。原省平台采集并审核通过的工作岗位信息会显示在下方，请点击“编辑”补充缺失项；原始信息有误的，请删除后新增。
          {state.scope === 'accountant' && ' 采集范围为“会计人员”的，须填写会计工作经历。'}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增
        </Button>
      </div>
      {blocked && <Alert type="error" showIcon role="alert" title={blocked} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<WorkEntry>
        rowKey="id"
        size="middle"
        bordered
        pagination={false}
        scroll={{ x: 1200 }}
        dataSource={state.work}
        locale={{ emptyText: '暂无工作经历，请点击“新增”' }}
        rowClassName={(w) => (issues.some((i) => i.entryId === w.id) ? 'ausm-row-error' : '')}
        columns={[
          { title: '工作开始时间', dataIndex: 'startDate', width: 120 },
          { title: '工作结束时间', key: 'end', width: 120, render: (_, w) => periodEnd(w.endDate, w.ongoing) },
          {
            title: '单位名称',
            key: 'company',
            render: (_, w) => (
              <>
                {w.company}
                {w.legacy && (
                  <Tag color="gold" style={{ marginInlineStart: 6 }}>
                    原省平台数据
                  </Tag>
                )}
              </>
            ),
          },
          { title: '统一社会信用代码', key: 'credit', width: 200, render: (_, w) => <CreditCode w={w} /> },
          { title: '单位类型', key: 'unitType', render: (_, w) => unitTypeName(w.unitType) },
          { title: '所属行业', key: 'industry', render: (_, w) => nameOf(INDUSTRIES, w.industry) },
          { title: '是否有会计工作经历', key: 'hasAccounting', width: 100, render: (_, w) => (w.hasAccounting ? '是' : '否') },
          { title: '会计专业职务', key: 'title', width: 110, render: (_, w) => nameOf(ACCOUNTING_TITLES, w.title) },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, w) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setViewing(w)}>
                  查看详情
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(w)}>
                  编辑
                </Button>
                <Popconfirm title="确定删除该工作经历吗？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(w)}>
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <StepActions onPrev={onPrev} onNext={next} />
      {editing && (
        <WorkModal
          entry={editing === 'new' ? null : editing}
          issues={issues}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setBlocked(undefined);
            message.success('工作经历已保存');
          }}
        />
      )}
      <Modal wrapClassName="ausm-collection-modal" open={viewing !== null} title="工作经历详情" footer={null} onCancel={() => setViewing(null)} width={860}>
        {viewing && <WorkDetail w={viewing} status={state.status} />}
      </Modal>
    </>
  );
}
