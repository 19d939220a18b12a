import { useState } from 'react';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ReviewDetail } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { REVIEWS_KEY } from './review-shared';

/**
 * 分配: an open item given to one of the receiving department's reviewers (or back to the
 * department's queue). Shown to staff who decide the item; every change is in the audit log.
 */
export function ReviewAssign({ detail, detailKey }: { detail: ReviewDetail; detailKey: readonly unknown[] }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [to, setTo] = useState<string>(detail.assignee?.id ?? '');
  const [busy, setBusy] = useState(false);
  if (detail.assignableStaff.length === 0) return null;
  const save = async () => {
    setBusy(true);
    try {
      const next = await api<ReviewDetail>('POST', `/api/admin/reviews/${encodeURIComponent(detail.id)}/assignee`, { assigneeId: to || null });
      qc.setQueryData(detailKey, next);
      await qc.invalidateQueries({ queryKey: REVIEWS_KEY });
      message.success(next.assignee ? `已分配给${next.assignee.name}` : '已退回部门队列');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '分配失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="ausm-review-section" title={<h2>分配</h2>}>
      <Typography.Paragraph>当前：{detail.assignee ? `已分配给${detail.assignee.name}` : '未分配（部门队列）'}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label="分配给"
          style={{ minWidth: 220 }}
          value={to}
          onChange={setTo}
          options={[{ value: '', label: '不分配（部门队列）' }, ...detail.assignableStaff.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Button onClick={() => void save()} loading={busy} disabled={to === (detail.assignee?.id ?? '')}>
          确认分配
        </Button>
      </Space>
    </Card>
  );
}
