import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Spin, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  REVIEW_ACTION_LABELS,
  REVIEW_ACTION_RULES,
  REVIEW_MODE_LABELS,
  idDocumentTypeLabel,
  type ReviewAction,
  type ReviewDetail,
} from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { ReviewFileList, ReviewFilesContext } from '../../components/review-files';
import { useReviewPresenter } from '../../components/review-presenters';
import { FieldDiffTable } from '../../components/field-diff-table';
import { usePageTitle } from './admin-session';
import { ReviewDecision } from './review-decision';
import { ReviewAssign } from './review-assign';
import { REVIEWS_KEY, ReviewStatusTag, formatBeijingSeconds } from './review-shared';
import './review.css';

const SEX: Readonly<Record<string, string>> = { male: '男', female: '女' };

function actionLabel(action: string): string {
  return action in REVIEW_ACTION_LABELS ? REVIEW_ACTION_LABELS[action as ReviewAction | 'submit'] : action;
}

function noteLabel(action: string): string {
  return action in REVIEW_ACTION_RULES ? REVIEW_ACTION_RULES[action as ReviewAction].noteLabel : '说明';
}

/**
 * 证件号码, masked like everywhere else; 查看完整证件号 asks the server for the full number (each reveal is
 * in the audit log) and shows it on this page only, until it is left.
 */
function ApplicantIdNumber({ reviewId, masked }: { reviewId: string; masked: string }) {
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setFull((await api<{ idNumber: string }>('POST', `/api/admin/reviews/${encodeURIComponent(reviewId)}/reveal-id-number`)).idNumber);
    } catch (e) {
      setError(e instanceof Error ? e.message : '查看失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span>
      <span data-testid="applicant-id-number">{full ?? masked}</span>
      {full === null && (
        <Button type="link" size="small" onClick={() => void reveal()} loading={busy} aria-label="查看完整证件号（记入审计日志）">
          查看完整证件号
        </Button>
      )}
      {full !== null && <Typography.Text type="secondary"> （本次查看已记入审计日志）</Typography.Text>}
      {error && (
        <Typography.Text type="danger" role="alert">
          {' '}
          {error}
        </Typography.Text>
      )}
    </span>
  );
}

/** A kind without a presenter of its own: its summary, and what changed when it replaces something. */
function GenericBody({ d }: { d: ReviewDetail }) {
  return (
    <Card className="ausm-review-section" title={<h2>申请内容</h2>}>
      <Typography.Paragraph>{d.summary || '—'}</Typography.Paragraph>
    </Card>
  );
}

function actorLabel(a: ReviewDetail['actions'][number], applicant: string): string {
  if (a.actorKind === 'owner') return `申请人 ${applicant}`;
  if (a.actorKind === 'system') return '系统自动审核';
  return a.actorName ?? '审核人员';
}

/** Who decided (the last staff or system decision), for the outcome banner. */
function decider(d: ReviewDetail): string | undefined {
  const last = [...d.actions].reverse().find((a) => a.action === 'approve' || a.action === 'reject' || a.action === 'return');
  return last ? actorLabel(last, d.applicant.name) : undefined;
}

function Outcome({ d }: { d: ReviewDetail }) {
  if (d.status === 'pending') return null;
  const by = decider(d);
  if (d.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        className="ausm-review-section"
        role="status"
        title="已退回补正"
        description={
          <>
            <div className="ausm-review-history-note">退回原因：{d.decisionNote ?? '—'}</div>
            <div>
              {by ? `退回人：${by}，` : ''}退回时间：{formatBeijingSeconds(d.decidedAt)}。申请人补正后重新提交，该事项将重新进入审核。
            </div>
          </>
        }
      />
    );
  }
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
        color: a.action === 'approve' ? 'green' : a.action === 'reject' ? 'red' : a.action === 'return' ? 'orange' : 'blue',
        content: (
          <>
            <Typography.Text strong>{actionLabel(a.action)}</Typography.Text>
            <div>
              {actorLabel(a, d.applicant.name)}
              {a.actorKind === 'staff' && a.departmentName ? `（${a.departmentName}${d.stage.count > 1 && a.stageLabel ? ` · ${a.stageLabel}` : ''}）` : ''} · {formatBeijingSeconds(a.at)}
            </div>
            {a.note && <div className="ausm-review-history-note">{noteLabel(a.action)}：{a.note}</div>}
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
  usePageTitle(d ? `${d.applicant.name}的${d.kindLabel} - 审核详情` : '审核详情');
  const presenter = useReviewPresenter(d?.kind ?? '');
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
          {d.kindLabel}审核
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
        {d.access === 'read' && d.status === 'pending' && (
          <Alert
            type="info"
            showIcon
            className="ausm-review-section"
            role="note"
            title="只读查看"
            description={`贵部门为该事项的参与部门，可以查看，由${d.departmentName}作出审核决定。`}
          />
        )}
      </div>
      <Card className="ausm-review-section" title={<h2>审核事项</h2>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'kind', label: '事项类型', children: d.kindLabel },
            ...(d.stage.count > 1 ? [{ key: 'stage', label: '审核阶段', children: `${d.stage.label}（第${d.stage.index + 1}阶段，共${d.stage.count}阶段）` }] : []),
            { key: 'status', label: '审核状态', children: <ReviewStatusTag status={d.status} /> },
            { key: 'mode', label: '审核方式', children: REVIEW_MODE_LABELS[d.mode] },
            { key: 'department', label: d.stage.count > 1 ? '当前审核部门' : '受理部门', children: d.departmentName },
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
            { key: 'idNumber', label: '证件号码', children: <ApplicantIdNumber key={d.id} reviewId={d.id} masked={a.maskedIdNumber} /> },
            { key: 'sex', label: '性别', children: a.sex ? (SEX[a.sex] ?? a.sex) : '—' },
            { key: 'birth', label: '出生日期', children: a.birthDate ?? '—' },
            { key: 'phone', label: '手机号码', children: a.maskedPhone },
          ]}
        />
      </Card>
      <Suspense fallback={<Spin aria-label="加载中" />}>{presenter ? <presenter.Body detail={d} /> : <GenericBody d={d} />}</Suspense>
      {d.diff && (
        <Card className="ausm-review-section" title={<h2>变更前后对比</h2>}>
          <FieldDiffTable rows={d.diff} />
        </Card>
      )}
      {(presenter?.listFiles ?? true) && (
        <Card className="ausm-review-section" title={<h2>附件材料</h2>}>
          <ReviewFileList files={d.files} />
        </Card>
      )}
      <Card className="ausm-review-section" title={<h2>审核记录</h2>}>
        <History d={d} />
      </Card>
      <ReviewAssign key={d.version} detail={d} detailKey={detailKey} />
      <ReviewDecision detail={d} detailKey={detailKey} onStale={(message) => {
          setConflict(message.replace(/[。.]$/, ''));
          void q.refetch();
        }} />
    </ReviewFilesContext.Provider>
  );
}
