import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { BATCH_DECISION_MAX, type ReviewBatchDecisionResult, type ReviewQueueItem } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { REVIEWS_KEY } from './review-shared';

/**
 * 批量审核 above the queue: the selected 审核中 items decided alike, each its own decision. What could
 * not be decided (already decided elsewhere, out of scope) is listed with its reason.
 */
export function BatchDecision({ selected, onDone }: { selected: ReadonlyArray<ReviewQueueItem>; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note: string }>();

  const send = async (action: 'approve' | 'reject', note?: string) => {
    setBusy(true);
    try {
      const key = `batch-${crypto.randomUUID().slice(0, 18)}`;
      const { results } = await api<ReviewBatchDecisionResult>('POST', '/api/admin/reviews/batch-decision', { ids: selected.map((s) => s.id), action, note, idempotencyKey: key });
      const failed = results.filter((r) => !r.ok);
      const done = results.length - failed.length;
      if (failed.length === 0) message.success(`已${action === 'approve' ? '审核通过' : '审核不通过'}${done}件`);
      else {
        const name = (id: string) => selected.find((s) => s.id === id);
        modal.warning({
          title: `已处理${done}件，${failed.length}件未处理`,
          content: (
            <ul style={{ paddingLeft: 20 }}>
              {failed.map((f) => (
                <li key={f.id}>
                  {name(f.id)?.applicantName}的{name(f.id)?.kindLabel}：{f.message}
                </li>
              ))}
            </ul>
          ),
        });
      }
      setRejecting(false);
      onDone();
      await qc.invalidateQueries({ queryKey: REVIEWS_KEY });
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : '批量审核失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  if (selected.length === 0) return null;
  return (
    <>
    <Alert
      type="info"
      role="region"
      aria-label="批量审核"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <Typography.Text>已选择{selected.length}件（一次最多{BATCH_DECISION_MAX}件）</Typography.Text>
          <Button
            type="primary"
            size="small"
            loading={busy}
            disabled={selected.length > BATCH_DECISION_MAX}
            onClick={() => modal.confirm({ title: `确认将所选${selected.length}件审核通过？`, content: '每件事项单独生效、单独留痕，作出后不可撤销。', okText: '确定', cancelText: '取消', onOk: () => send('approve') })}
          >
            批量审核通过
          </Button>
          <Button danger size="small" disabled={selected.length > BATCH_DECISION_MAX} onClick={() => setRejecting(true)}>
            批量审核不通过
          </Button>
        </Space>
      }
    />
      <Modal open={rejecting} title="批量审核不通过" okText="确定" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setRejecting(false)} destroyOnHidden>
        <Typography.Paragraph>所选{selected.length}件将以同一原因审核不通过，申请人会看到这段原因。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void send('reject', v.note)}>
          <Form.Item label="不通过原因" name="note" rules={[{ required: true, whitespace: true, message: '请填写不通过原因' }, { max: 500, message: '不通过原因不能超过500字' }]}>
            <Input.TextArea rows={4} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
