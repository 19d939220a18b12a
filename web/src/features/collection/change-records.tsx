import { useState } from 'react';
import { App, Button, Descriptions, Grid, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CHANGE_METHOD_LABELS, REVIEW_MODE_LABELS, REVIEW_STATUS_LABELS, beijingDateTime, type ChangeRecord, type ReviewStatus } from '@ausm/domain';
import { FieldDiffTable } from '../../components/field-diff-table';
import { ApiError, api } from '../../lib/api';

const STATUS_COLOR: Readonly<Record<ReviewStatus, string>> = { pending: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };

export function ChangeStatusTag({ status }: { status: ReviewStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{REVIEW_STATUS_LABELS[status]}</Tag>;
}

/** 撤回 of one of the person's own open applications (the same key twice is one withdrawal). */
export function useWithdraw(done: string, onChanged: () => Promise<void>) {
  const { message } = App.useApp();
  return async (r: { id: string }) => {
    try {
      await api('POST', `/api/my/reviews/${encodeURIComponent(r.id)}/withdraw`, { idempotencyKey: `withdraw-${r.id}` });
      message.success(done);
      await onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '撤回失败，请稍后再试');
    }
  };
}

const at = (iso: string | null) => beijingDateTime(iso, { seconds: true }) || '—';

/**
 * 变更记录 of one section (guide §4): 序号, 审核方式, 审核状态, 变更类型, 变更方式, the time, and 详情 with
 * 变更前 / 变更后 side by side and the changed fields in red. A change still under review can be withdrawn.
 */
export function ChangeRecords({ records, timeLabel, onChanged }: { records: ReadonlyArray<ChangeRecord>; timeLabel: '变更时间' | '提交时间'; onChanged: () => Promise<void> }) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [open, setOpen] = useState<ChangeRecord | null>(null);

  const withdraw = useWithdraw('已撤回该变更申请', onChanged);

  const actions = (r: ChangeRecord) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setOpen(r)} aria-label={`详情：第${records.length - records.indexOf(r)}条${r.kindLabel}`}>
        详情
      </Button>
      {r.status === 'pending' && r.mode === 'manual' && (
        <Popconfirm title="确定撤回该变更申请吗？" okText="撤回" cancelText="取消" onConfirm={() => withdraw(r)}>
          <Button type="link" size="small">
            撤回
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <>
      {phone ? (
        records.length === 0 ? (
          <Typography.Paragraph>暂无变更记录</Typography.Paragraph>
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="change-record-cards">
            {records.map((r, i) => (
              <Descriptions
                key={r.id}
                bordered
                size="small"
                column={1}
                title={`${records.length - i}. ${r.kindLabel}`}
                extra={actions(r)}
                items={[
                  { key: 'mode', label: '审核方式', children: REVIEW_MODE_LABELS[r.mode] },
                  { key: 'status', label: '审核状态', children: <ChangeStatusTag status={r.status} /> },
                  { key: 'method', label: '变更方式', children: `${CHANGE_METHOD_LABELS[r.method]}${r.subject ? `（${r.subject}）` : ''}` },
                  { key: 'at', label: timeLabel, children: at(r.submittedAt) },
                ]}
              />
            ))}
          </Space>
        )
      ) : (
        <Table<ChangeRecord>
          rowKey="id"
          size="middle"
          bordered
          pagination={false}
          dataSource={[...records]}
          locale={{ emptyText: '暂无变更记录' }}
          aria-label="变更记录"
          columns={[
            { title: '序号', key: 'n', width: 70, render: (_, _r, i) => records.length - i },
            { title: '审核方式', key: 'mode', width: 100, render: (_, r) => REVIEW_MODE_LABELS[r.mode] },
            { title: '审核状态', key: 'status', width: 110, render: (_, r) => <ChangeStatusTag status={r.status} /> },
            { title: '变更类型', dataIndex: 'kindLabel', width: 130 },
            { title: '变更方式', key: 'method', render: (_, r) => `${CHANGE_METHOD_LABELS[r.method]}${r.subject ? `（${r.subject}）` : ''}` },
            { title: timeLabel, key: 'at', width: 180, render: (_, r) => at(r.submittedAt) },
            { title: '操作', key: 'actions', width: 130, render: (_, r) => actions(r) },
          ]}
        />
      )}
      <Modal wrapClassName="ausm-collection-modal" open={open !== null} title={open ? `${open.kindLabel}详情` : ''} footer={null} width={760} onCancel={() => setOpen(null)}>
        {open && (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'mode', label: '审核方式', children: REVIEW_MODE_LABELS[open.mode] },
                { key: 'status', label: '审核状态', children: <ChangeStatusTag status={open.status} /> },
                { key: 'method', label: '变更方式', children: CHANGE_METHOD_LABELS[open.method] },
                { key: 'submitted', label: '提交时间', children: at(open.submittedAt) },
                ...(open.decidedAt ? [{ key: 'decided', label: '审核时间', children: at(open.decidedAt) }] : []),
                ...(open.decisionNote ? [{ key: 'note', label: open.status === 'rejected' ? '不通过原因' : '审核意见', children: open.decisionNote }] : []),
              ]}
            />
            <FieldDiffTable rows={open.diff} caption={open.subject ? `变更内容：${open.subject}` : '变更内容'} />
          </>
        )}
      </Modal>
    </>
  );
}
