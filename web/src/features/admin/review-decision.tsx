import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewDetail } from '@ausm/domain';
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
  action: 'approve' | 'reject';
  note?: string;
  idempotencyKey: string;
}

/**
 * 审核通过 (asks once) and 审核不通过 (with a required reason). The buttons come from the detail's
 * availableActions, i.e. from the workflow table on the server; decisions are final.
 */
export function ReviewDecision({ detail, detailKey, onStale }: { detail: ReviewDetail; detailKey: readonly unknown[]; onStale: (message: string) => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const key = useRef<string>('');
  const approveButton = useRef<HTMLButtonElement>(null);

  const decide = useMutation({
    mutationFn: (d: Decision) => api<ReviewDetail>('POST', `/api/admin/reviews/${encodeURIComponent(detail.id)}/decision`, d),
    onSuccess: (next, d) => {
      qc.setQueryData(detailKey, next);
      void qc.invalidateQueries({ queryKey: [...REVIEWS_KEY, 'queue'] });
      void qc.invalidateQueries({ queryKey: [...REVIEWS_KEY, 'stats'] });
      setRejecting(false);
      void message.success(d.action === 'approve' ? '已审核通过' : '已审核不通过，申请人将看到不通过原因');
    },
    onError: (err) => {
      if (forgetStaffIfSignedOut(qc, err)) return;
      if (err instanceof ApiError && err.status === 409) {
        // decided meanwhile (by someone else, or by an earlier click): show what stands now
        setRejecting(false);
        onStale(err.message);
        return;
      }
      const noteError = err instanceof ApiError ? err.fields.find((f) => f.path === 'note') : undefined;
      if (noteError && rejecting) form.setFields([{ name: 'note', errors: [noteError.message] }]);
      else void message.error(err.message);
    },
  });

  const can = (a: 'approve' | 'reject') => detail.availableActions.includes(a);
  if (!can('approve') && !can('reject')) return null;

  return (
    <Card className="ausm-review-section ausm-review-decision" title={<h2>审核操作</h2>}>
      <Typography.Text className="ausm-review-muted" style={{ flexBasis: '100%' }}>
        请核对以上信息及附件后作出审核决定。审核决定作出后不可更改；审核不通过须填写原因，申请人修改后可重新提交。
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
      {can('reject') && (
        <Button
          danger
          icon={<CloseOutlined />}
          disabled={decide.isPending}
          onClick={() => {
            key.current = newIdempotencyKey();
            setRejecting(true);
          }}
        >
          审核不通过
        </Button>
      )}
      <Modal
        open={rejecting}
        title="审核不通过"
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: true, htmlType: 'submit' }}
        confirmLoading={decide.isPending}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
        modalRender={(dom) => (
          <Form<{ note: string }>
            form={form}
            layout="vertical"
            clearOnDestroy
            initialValues={{ note: '' }}
            onFinish={(v) => decide.mutate({ action: 'reject', note: v.note.trim(), idempotencyKey: key.current })}
          >
            {dom}
          </Form>
        )}
      >
        <Typography.Paragraph>请写明不通过的具体原因及需要申请人修改或补充的内容，申请人将在其办理结果中看到。</Typography.Paragraph>
        <Form.Item
          label="不通过原因"
          name="note"
          rules={[
            { required: true, whitespace: true, message: '请填写审核不通过的原因' },
            { max: NOTE_MAX, message: `不通过原因不能超过${NOTE_MAX}字` },
          ]}
        >
          <Input.TextArea autoFocus rows={5} maxLength={NOTE_MAX} showCount />
        </Form.Item>
      </Modal>
    </Card>
  );
}
