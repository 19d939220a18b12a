import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Result, Typography } from 'antd';
import type { StepIssue } from './collection-data';

/** 上一步 / 保存并下一步 at the foot of a step. */
export function StepActions({
  onPrev,
  nextLabel = '保存并下一步',
  onNext,
  loading,
  extra,
}: {
  onPrev?: () => void;
  nextLabel?: string;
  /** without it the next button submits the step's form */
  onNext?: () => void;
  loading?: boolean;
  extra?: ReactNode;
}) {
  return (
    <div className="ausm-step-actions">
      {onPrev ? <Button onClick={onPrev}>上一步</Button> : <span />}
      <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
        {extra}
        <Button type="primary" htmlType={onNext ? 'button' : 'submit'} onClick={onNext} loading={loading}>
          {nextLabel}
        </Button>
      </span>
    </div>
  );
}

/**
 * The problems the server found at 提交审核, as a list of links to where each one is
 * (e.g. 教育经历：山东大学 — 请上传学历学位证书).
 */
export function IssueList({
  issues,
  onGo,
  title = '提交未成功，请修改以下内容后重新提交',
}: {
  issues: ReadonlyArray<StepIssue>;
  onGo: (issue: StepIssue) => void;
  title?: string;
}) {
  if (!issues.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          {issues.map((i, n) => (
            <li key={n}>
              <Typography.Link
                href={`?step=${i.step}`}
                onClick={(e) => {
                  e.preventDefault();
                  onGo(i);
                }}
              >
                {i.where}
              </Typography.Link>{' '}
              — {i.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** Marks the person's answer as missing in the check-your-answers view. */
export function Missing({ children = '未填写' }: { children?: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** A link to an uploaded file (served only to its owner), or 未上传. */
export function FileLink({ id, children }: { id: string | null; children: string }) {
  if (!id) return <Typography.Text type="secondary">未上传</Typography.Text>;
  return (
    <Typography.Link href={`/api/files/${encodeURIComponent(id)}`} target="_blank" rel="noopener noreferrer">
      查看{children}
    </Typography.Link>
  );
}

/** A page of 会计人员信息服务 opened without signing in: what it is for and the way to sign in. */
export function SignInFirst({ what }: { what: string }) {
  return (
    <Result
      status="info"
      title="请先登录"
      subTitle={`登录后才能办理${what}`}
      extra={
        <Link to="/login">
          <Button type="primary">会计人员登录</Button>
        </Link>
      }
    />
  );
}

/** The frame of a 会计人员信息服务 page: a card titled with the page's h1. */
export function ServiceCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="ausm-collection" title={<h1 style={{ fontSize: 20, margin: 0 }}>{title}</h1>}>
      {children}
    </Card>
  );
}
