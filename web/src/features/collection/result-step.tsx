import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Typography } from 'antd';
import { COLLECTION_STATUS_LABELS, beijingDateTime, type CollectionState } from '@ausm/domain';
import { CollectionSummary } from './collection-summary';
import { useSave } from './collection-data';

/** 撤回申请: takes a pending collection back to 未提交 so it can be changed before the department decides. */
function WithdrawButton({ reviewId }: { reviewId: string }) {
  const save = useSave();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // one key per confirmation, so a double click withdraws once
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Popconfirm
      title="撤回后可修改信息并重新提交，确定撤回吗？"
      okText="确定撤回"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await save('POST', `/api/my/reviews/${reviewId}/withdraw`, { idempotencyKey: key });
          void message.success('已撤回，可修改后重新提交');
        } catch (e) {
          void message.error(e instanceof Error ? e.message : '撤回失败，请稍后再试');
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button loading={busy}>撤回申请</Button>
    </Popconfirm>
  );
}

/** How long a department usually takes (shown to the person; the deadline itself is the department's). */
const REVIEW_WORKING_DAYS = 15;

function timeText(iso: string | null | undefined): string {
  return beijingDateTime(iso, { seconds: true });
}

const NEXT_STEPS: Readonly<Record<CollectionState['status'], string[]>> = {
  draft: ['请按步骤填写采集须知、基本信息、教育经历、工作经历，选择会计管理部门后提交审核。'],
  pending: [
    `所属会计管理部门将对您提交的信息进行审核，一般在${REVIEW_WORKING_DAYS}个工作日内完成。`,
    '审核期间不能修改采集信息；审核结果会显示在本页面，请留意查看。',
    '审核不通过的，可按不通过原因修改后重新提交。',
    '审核前发现填写有误的，可点击“撤回申请”，修改后重新提交。',
  ],
  approved: [
    '您的会计人员信息采集已审核通过，可以办理会计专业技术资格考试报名、继续教育等业务。',
    '采集信息如有变化，请通过“信息变更”办理；属地关系变化的，请办理属地关系调转。',
  ],
  returned: [
    '管理部门已将您的信息采集退回补正，请按退回原因修改或补充后重新提交。',
    '重新提交的仍是同一申请，管理部门将继续审核；审核记录中保留退回原因。',
    '不再办理的，可点击“撤回申请”。',
  ],
  rejected: ['请按不通过原因修改采集信息后重新提交审核，管理部门将重新审核。'],
};

/** 审核告知 (guide 3.6): the review status, the department, and what happens next. */
export function ResultStep({ state, onRevise, onContinue }: { state: CollectionState; onRevise: () => void; onContinue: () => void }) {
  const review = state.review;
  // once approved, the department the person belongs to now (a 属地关系调转 moves it); before, the one deciding
  const current = state.departmentPath.at(-1)?.name ?? '';
  const department = state.status === 'approved' ? current || (review?.departmentName ?? '') : (review?.departmentName ?? state.departmentPath.map((p) => p.name).join(' / '));
  const status = state.status;

  const result = {
    draft: <Result status="info" title="尚未提交审核" subTitle="信息采集尚未提交，请继续填写并提交审核。" extra={<Button type="primary" onClick={onContinue}>继续填写</Button>} />,
    pending: (
      <Result
        status="info"
        title="已提交，审核中"
        subTitle={`您的信息采集已提交至${department || '所属会计管理部门'}，管理部门一般在${REVIEW_WORKING_DAYS}个工作日内完成审核。`}
        extra={review?.status === 'pending' ? <WithdrawButton reviewId={review.id} /> : undefined}
      />
    ),
    returned: (
      <Result
        status="warning"
        title="退回补正"
        subTitle={review?.reason ? `退回原因：${review.reason}` : '请按管理部门的意见修改或补充后重新提交。'}
        extra={
          <>
            {state.editable && (
              <Button type="primary" onClick={onRevise}>
                补正后重新提交
              </Button>
            )}
            {review?.status === 'returned' && <WithdrawButton reviewId={review.id} />}
          </>
        }
      />
    ),
    approved: <Result status="success" title="审核通过" subTitle="您的会计人员信息采集已审核通过。" />,
    rejected: (
      <Result
        status="error"
        title="审核不通过"
        subTitle={review?.reason ? `不通过原因：${review.reason}` : '请按管理部门的意见修改后重新提交。'}
        extra={
          state.editable ? (
            <Button type="primary" onClick={onRevise}>
              修改后重新提交
            </Button>
          ) : undefined
        }
      />
    ),
  }[status];

  return (
    <>
      {result}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ maxWidth: 720, margin: '0 auto 24px' }}
        items={[
          { key: 'status', label: '审核状态', children: <span data-testid="collection-status">{COLLECTION_STATUS_LABELS[status]}</span> },
          { key: 'department', label: '所属会计管理部门', children: department || '未选择' },
          ...(review ? [{ key: 'submitted', label: '提交时间', children: timeText(review.submittedAt) }] : []),
          ...(review?.decidedAt ? [{ key: 'decided', label: '审核时间', children: timeText(review.decidedAt) }] : []),
          ...(status === 'rejected' ? [{ key: 'reason', label: '不通过原因', children: review?.reason ?? '未说明' }] : []),
          ...(status === 'returned' ? [{ key: 'reason', label: '退回原因', children: review?.reason ?? '未说明' }] : []),
          ...(state.certVerified ? [{ key: 'cert', label: '全国证书库', children: '已核验全国证书库' }] : []),
        ]}
      />
      <Card size="small" title={<h2 className="ausm-step-heading">后续办理</h2>} style={{ maxWidth: 720, margin: '0 auto 24px' }}>
        <ol style={{ paddingLeft: 20, margin: 0 }}>
          {NEXT_STEPS[status].map((s) => (
            <li key={s} style={{ lineHeight: 1.8 }}>
              {s}
            </li>
          ))}
        </ol>
      </Card>
      {(status === 'pending' || status === 'approved') && (
        <>
          {status === 'approved' && <Alert type="info" showIcon role="note" title="采集信息已审核通过，不能在此修改；如需修改请通过“信息变更”办理。" style={{ marginBottom: 16 }} />}
          <Typography.Title level={2} className="ausm-step-heading">
            采集信息
          </Typography.Title>
          <CollectionSummary state={state} departmentNames={state.departmentPath.map((p) => p.name)} />
        </>
      )}
    </>
  );
}
