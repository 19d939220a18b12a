import { useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REVIEW_ACTION_RULES, type ReviewDetail, type StaffReviewAction } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { forgetStaffIfSignedOut } from './admin-session';
import { REVIEWS_KEY } from './review-shared';

const NOTE_MAX = 500;

/** A fresh key per decision attempt: repeated clicks and retries of one attempt have one effect. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Decision {
  action: StaffReviewAction;
  note?: string;
  idempotencyKey: string;
}

/** The actions that need a reason open a dialog; what the dialog says per action. */
const WITH_REASON: Readonly<Record<'reject' | 'return', { hint: string; done: string; danger: boolean }>> = {
  reject: { hint: '请写明不通过的具体原因，申请人将在其办理结果中看到。不通过后，申请人可修改后重新提交新的申请。', done: '已审核不通过，申请人将看到不通过原因', danger: true },
  return: { hint: '请写明需要申请人修改或补充的内容。退回后申请人可补正并重新提交同一申请，审核记录中保留退回原因。', done: '已退回补正，申请人将看到退回原因', danger: false },
};

/**
 * 审核通过 (asks once), 退回补正 and 审核不通过 (each with a required reason). The buttons come from the detail's
 * availableActions, i.e. from the workflow table on the server; decisions are final.
 */
export function ReviewDecision({ detail, detailKey, onStale }: { detail: ReviewDetail; detailKey: readonly unknown[]; onStale: (message: string) => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [asking, setAsking] = useState<'reject' | 'return' | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const key = useRef<string>('');
  const approveButton = useRef<HTMLButtonElement>(null);

  const decide = useMutation({
    mutationFn: (d: Decision) => api<ReviewDetail>('POST', `/api/admin/reviews/${encodeURIComponent(detail.id)}/decision`, d),
    onSuccess: (next, d) => {
      qc.setQueryData(detailKey, next);
      void qc.invalidateQueries({ queryKey: [...REVIEWS_KEY, 'queue'] });
      void qc.invalidateQueries({ queryKey: [...REVIEWS_KEY, 'stats'] });
      setAsking(null);
      void message.success(d.action === 'approve' ? (next.status === 'pending' ? '已审核通过，事项已转至下一审核阶段' : '已审核通过') : WITH_REASON[d.action].done);
    },
    onError: (err) => {
      if (forgetStaffIfSignedOut(qc, err)) return;
      if (err instanceof ApiError && err.status === 409) {
        // decided meanwhile (by someone else, or by an earlier click): show what stands now
        setAsking(null);
        onStale(err.message);
        return;
      }
      const noteError = err instanceof ApiError ? err.fields.find((f) => f.path === 'note') : undefined;
      if (noteError && asking) form.setFields([{ name: 'note', errors: [noteError.message] }]);
      else void message.error(err.message);
    },
  });

  const can = (a: StaffReviewAction) => detail.availableActions.includes(a);
  if (!can('approve') && !can('reject') && !can('return')) return null;
  const ask = asking ? REVIEW_ACTION_RULES[asking] : undefined;
  const askButton = (a: 'reject' | 'return', icon: ReactNode) =>
    can(a) && (
      <Button
        danger={WITH_REASON[a].danger}
        icon={icon}
        disabled={decide.isPending}
        onClick={() => {
          key.current = newIdempotencyKey();
          setAsking(a);
        }}
      >
        {REVIEW_ACTION_RULES[a].label}
      </Button>
    );

  return (
    <Card className="ausm-review-section ausm-review-decision" title={<h2>审核操作</h2>}>
      <Typography.Text className="ausm-review-muted" style={{ flexBasis: '100%' }}>
        请核对以上信息及附件后作出审核决定。审核通过、审核不通过作出后不可更改；{can('return') ? '需要申请人修改或补充的，可退回补正；' : ''}审核不通过须填写原因，申请人修改后可重新提交。
      </Typography.Text>
      {can('approve') && (
        <span
          onKeyDown={(e) => {
            if (e.key === 'Escape' && confirmOpen) {
              e.stopPropagation();
              setConfirmOpen(false);
              approveButton.current?.focus();
            }
          }}
        >
          <Popconfirm
            open={confirmOpen}
            onOpenChange={(open) => {
              if (open) key.current = newIdempotencyKey();
              setConfirmOpen(open);
            }}
            destroyOnHidden
            title="确认审核通过？"
            description="审核通过后不可更改。"
            okText="确定"
            cancelText="取消"
            okButtonProps={{ autoFocus: true }}
            onConfirm={() => {
              setConfirmOpen(false);
              decide.mutate({ action: 'approve', idempotencyKey: key.current });
            }}
            onCancel={() => {
              setConfirmOpen(false);
              approveButton.current?.focus();
            }}
          >
            <Button ref={approveButton} type="primary" icon={<CheckOutlined />} loading={decide.isPending && decide.variables.action === 'approve'} disabled={decide.isPending}>
              审核通过
            </Button>
          </Popconfirm>
        </span>
      )}
      {askButton('return', <RollbackOutlined />)}
      {askButton('reject', <CloseOutlined />)}
      <Modal
        open={asking !== null}
        title={ask?.label}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: asking ? WITH_REASON[asking].danger : false, htmlType: 'submit' }}
        confirmLoading={decide.isPending}
        onCancel={() => setAsking(null)}
        destroyOnHidden
        modalRender={(dom) => (
          <Form<{ note: string }>
            form={form}
            layout="vertical"
            clearOnDestroy
            initialValues={{ note: '' }}
            onFinish={(v) => asking && decide.mutate({ action: asking, note: v.note.trim(), idempotencyKey: key.current })}
          >
            {dom}
          </Form>
        )}
      >
        <Typography.Paragraph>{asking ? WITH_REASON[asking].hint : ''}</Typography.Paragraph>
        <Form.Item
          label={ask?.noteLabel}
          name="note"
          rules={[
            { required: true, whitespace: true, message: `请填写${ask?.noteLabel ?? '原因'}` },
            { max: NOTE_MAX, message: `${ask?.noteLabel ?? '原因'}不能超过${NOTE_MAX}字` },
          ]}
        >
          <Input.TextArea autoFocus rows={5} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Modal>
    </Card>
  );
}
