import { Link } from 'react-router';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { REVIEW_KINDS, REVIEW_KIND_LABELS, REVIEW_STATUS_LABELS, REVIEW_WORKFLOWS, workflowStatuses } from '@ausm/domain';
import { api } from '../../lib/api';
import { REVIEWS_KEY, formatBeijingSeconds, queueLink, type ReviewStats } from './review-shared';
import './review.css';

/** 工作台 for reviewers and supervisors: counts per kind and status in their scope, each opening that queue. */
export function ReviewStatsCard() {
  const stats = useQuery({ queryKey: [...REVIEWS_KEY, 'stats'], queryFn: () => api<ReviewStats>('GET', '/api/admin/reviews/stats') });
  const count = (kind: string, status: string) => stats.data?.items.find((i) => i.kind === kind && i.status === status)?.count ?? 0;

  if (stats.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`审核事项统计加载失败：${stats.error.message}`}
        action={
          <Button size="small" onClick={() => void stats.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0, fontWeight: 600 }}>{stats.data?.scopeName ?? '审核事项'}</h2>} extra={<Link to="/admin/reviews">进入审核队列</Link>}>
      {stats.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
        <p className="ausm-review-stats-asof">
          {stats.data?.asOf ? `统计时间：${formatBeijingSeconds(stats.data.asOf)}（每分钟更新，点击数字查看最新队列）` : '统计正在生成，请稍后刷新。'}
        </p>
        {REVIEW_KINDS.map((kind) => (
          <section key={kind} aria-labelledby={`review-stats-${kind}`}>
            <h3 id={`review-stats-${kind}`} className="ausm-review-stats-kind">
              {REVIEW_KIND_LABELS[kind]}
            </h3>
            <ul className="ausm-review-stats-row">
              {workflowStatuses(REVIEW_WORKFLOWS[kind]).map((status) => (
                <li key={status}>
                  <Link to={queueLink(kind, status)} className={`ausm-review-stat ausm-review-stat-${status}`} data-testid={`review-count-${kind}-${status}`}>
                    <span className="ausm-review-stat-label">{REVIEW_STATUS_LABELS[status]}</span>
                    <span className="ausm-review-stat-count">{count(kind, status)}</span>
                    <span className="sr-only">件{REVIEW_KIND_LABELS[kind]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
        </>
      )}
    </Card>
  );
}
