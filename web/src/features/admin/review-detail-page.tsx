import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Spin, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  REVIEW_ACTION_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_MODE_LABELS,
  idDocumentTypeLabel,
  type ReviewAction,
  type ReviewDetail,
} from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { usePageTitle } from './admin-session';
import { CollectionReview } from './review-collection';
import { ReviewDecision } from './review-decision';
import { ReviewFileList, ReviewFilesContext } from './review-files';
import { RealnameReview } from './review-realname';
import { REVIEWS_KEY, ReviewStatusTag, formatBeijingSeconds } from './review-shared';
import './review.css';

const SEX: Readonly<Record<string, string>> = { male: '男', female: '女' };

function actionLabel(action: string): string {
  return action in REVIEW_ACTION_LABELS ? REVIEW_ACTION_LABELS[action as ReviewAction | 'submit'] : action;
}

function actorLabel(a: ReviewDetail['actions'][number], applicant: string): string {
  if (a.actorKind === 'owner') return `申请人 ${applicant}`;
  if (a.actorKind === 'system') return '系统自动审核';
  return a.actorName ?? '审核人员';
}

/** Who decided (the last staff or system action), for the outcome banner. */
function decider(d: ReviewDetail): string | undefined {
  const last = [...d.actions].reverse().find((a) => a.action === 'approve' || a.action === 'reject');
  return last ? actorLabel(last, d.applicant.name) : undefined;
}

function Outcome({ d }: { d: ReviewDetail }) {
  if (d.status === 'pending') return null;
  const by = decider(d);
  const when = formatBeijingSeconds(d.decidedAt);
  if (d.status === 'approved') {
    return <Alert type="success" showIcon className="ausm-review-section" role="status" title="审核通过" description={`${by ? `审核人：${by}，` : ''}审核时间：${when}。审核决定不可更改。`} />;
  }
  if (d.status === 'rejected') {
    return (
      <Alert
        type="error"
        showIcon
        className="ausm-review-section"
        role="status"
        title="审核不通过"
        description={
          <>
            <div className="ausm-review-history-note">不通过原因：{d.decisionNote ?? '—'}</div>
            <div>
              {by ? `审核人：${by}，` : ''}审核时间：{when}。审核决定不可更改，申请人修改后可重新提交。
            </div>
          </>
        }
      />
    );
  }
  return <Alert type="info" showIcon className="ausm-review-section" role="status" title="申请人已撤回" description={`撤回时间：${when}`} />;
}

function History({ d }: { d: ReviewDetail }) {
  return (
    <Timeline
      items={d.actions.map((a, i) => ({
        key: i,
        color: a.action === 'approve' ? 'green' : a.action === 'reject' ? 'red' : 'blue',
        content: (
          <>
            <Typography.Text strong>{actionLabel(a.action)}</Typography.Text>
            <div>
              {actorLabel(a, d.applicant.name)} · {formatBeijingSeconds(a.at)}
            </div>
            {a.note && <div className="ausm-review-history-note">{a.action === 'reject' ? '不通过原因' : '审核意见'}：{a.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/** 审核详情: who applied, what they submitted with the attachments, the history, and the decision. */
export function ReviewDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const back = `/admin/reviews${from ?? ''}`;
  const detailKey = useMemo(() => [...REVIEWS_KEY, 'detail', id] as const, [id]);
  const q = useQuery({ queryKey: detailKey, queryFn: () => api<ReviewDetail>('GET', `/api/admin/reviews/${encodeURIComponent(id)}`) });
  const d = q.data;
  usePageTitle(d ? `${d.applicant.name}的${REVIEW_KIND_LABELS[d.kind]} - 审核详情` : '审核详情');
  const files = useMemo(() => new Map((d?.files ?? []).map((f) => [f.id, f])), [d]);
  const [conflict, setConflict] = useState<string>();
  const outcome = useRef<HTMLDivElement>(null);
  const shownStatus = useRef(d?.status);

  // Once this page sees the item decided (by this reviewer or, after a 409, by someone else), the
  // outcome at the top is what matters: bring it into view and read it out.
  useEffect(() => {
    if (shownStatus.current === 'pending' && d && d.status !== 'pending') outcome.current?.focus();
    shownStatus.current = d?.status;
  }, [d]);

  const backLink = (
    <Link to={back}>
      <ArrowLeftOutlined aria-hidden /> 返回审核队列
    </Link>
  );

  if (q.isPending) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  }
  if (q.isError) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '审核事项不存在' : '暂时无法加载审核事项'}
        subTitle={notFound ? '该事项不存在，或不在您所在会计管理部门的管辖范围内。' : q.error.message}
        extra={
          <>
            {!notFound && (
              <Button type="primary" onClick={() => void q.refetch()}>
                重试
              </Button>
            )}
            <Link to={back}>
              <Button>返回审核队列</Button>
            </Link>
          </>
        }
      />
    );
  }
  if (!d) return null;

  const a = d.applicant;
  return (
    <ReviewFilesContext.Provider value={files}>
      <div style={{ marginBottom: 8 }}>{backLink}</div>
      <div className="ausm-admin-page-head ausm-review-title-row">
        <Typography.Title level={1} className="ausm-admin-page-title">
          {REVIEW_KIND_LABELS[d.kind]}审核
        </Typography.Title>
        <ReviewStatusTag status={d.status} />
      </div>
      <div ref={outcome} tabIndex={-1} className="ausm-review-outcome">
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="ausm-review-section"
            title="审核决定未生效"
            description={`${conflict}。以下为该事项的最新状态。`}
            closable={{ 'aria-label': '关闭提示', onClose: () => setConflict(undefined) }}
          />
        )}
        <Outcome d={d} />
      </div>
      <Card className="ausm-review-section" title={<h2>审核事项</h2>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'kind', label: '事项类型', children: REVIEW_KIND_LABELS[d.kind] },
            { key: 'status', label: '审核状态', children: <ReviewStatusTag status={d.status} /> },
            { key: 'mode', label: '审核方式', children: REVIEW_MODE_LABELS[d.mode] },
            { key: 'department', label: '受理部门', children: d.departmentName },
            { key: 'submitted', label: '提交时间', children: formatBeijingSeconds(d.submittedAt) },
            ...(d.decidedAt ? [{ key: 'decided', label: d.status === 'withdrawn' ? '撤回时间' : '审核时间', children: formatBeijingSeconds(d.decidedAt) }] : []),
          ]}
        />
      </Card>
      <Card className="ausm-review-section" title={<h2>申请人信息</h2>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'name', label: '姓名', children: a.name },
            { key: 'idType', label: '证件类型', children: idDocumentTypeLabel(a.idType) },
            { key: 'idNumber', label: '证件号码', children: <span data-testid="applicant-id-number">{a.idNumber}</span> },
            { key: 'sex', label: '性别', children: a.sex ? (SEX[a.sex] ?? a.sex) : '—' },
            { key: 'birth', label: '出生日期', children: a.birthDate ?? '—' },
            { key: 'phone', label: '手机号码', children: a.maskedPhone },
          ]}
        />
      </Card>
      {d.kind === 'realname' ? <RealnameReview payload={d.payload} /> : <CollectionReview payload={d.payload} />}
      {d.kind !== 'realname' && (
        <Card className="ausm-review-section" title={<h2>附件材料</h2>}>
          <ReviewFileList files={d.files} />
        </Card>
      )}
      <Card className="ausm-review-section" title={<h2>审核记录</h2>}>
        <History d={d} />
      </Card>
      <ReviewDecision detail={d} detailKey={detailKey} onStale={(message) => {
          setConflict(message.replace(/[。.]$/, ''));
          void q.refetch();
        }} />
    </ReviewFilesContext.Provider>
  );
}
