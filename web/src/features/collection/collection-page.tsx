import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Grid, Result, Spin, Steps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { COLLECTION_STEPS, COLLECTION_STEP_LABELS, type CollectionState, type CollectionStep } from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
// eslint-disable-next-line no-restricted-imports -- 信息采集 opens the 实名认证 dialog
import { RealnameDialog } from '../realname/realname-dialog';
import { COLLECTION_KEY, standingIssues, useCollection, type StepIssue } from './collection-data';
import { NoticeStep } from './notice-step';
import { BasicStep } from './basic-step';
import { EducationStep } from './education-step';
import { WorkStep } from './work-step';
import { DepartmentStep } from './department-step';
import { ResultStep } from './result-step';
import { IssueList, SignInFirst } from './step-parts';
import './collection.css';

const TITLE = '会计人员信息采集';

function isStep(s: string | null): s is CollectionStep {
  return s !== null && (COLLECTION_STEPS as ReadonlyArray<string>).includes(s);
}

/**
 * Where a person comes back to: the step after the furthest one saved while filling in (a fresh
 * collection starts at 采集须知), the 审核告知 once submitted or decided.
 */
function resumeStep(state: CollectionState): CollectionStep {
  if (state.status !== 'draft') return 'result';
  if (state.step === 'notice' && !state.scope) return 'notice';
  const next = COLLECTION_STEPS[COLLECTION_STEPS.indexOf(state.step) + 1];
  return !next || next === 'result' ? 'department' : next;
}

/** The steps themselves, once the person is real-name verified. */
function CollectionFlow({ state }: { state: CollectionState }) {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const [submitIssues, setIssues] = useState<StepIssue[]>([]);
  const issues = standingIssues(submitIssues, state);
  const [focusEntryId, setFocusEntryId] = useState<string>();
  const requested = params.get('step');
  const step: CollectionStep = !state.editable ? 'result' : isStep(requested) ? requested : resumeStep(state);
  const index = COLLECTION_STEPS.indexOf(step);
  const savedIndex = COLLECTION_STEPS.indexOf(state.step);
  const [furthest, setFurthest] = useState(Math.max(index, savedIndex));
  const headingRef = useRef<HTMLHeadingElement>(null);

  const go = (next: CollectionStep, entryId?: string) => {
    setFocusEntryId(entryId);
    setFurthest((f) => Math.max(f, COLLECTION_STEPS.indexOf(next)));
    setParams({ step: next });
    window.scrollTo({ top: 0 });
    // move keyboard and screen-reader users to the new step's heading
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const forward = (from: CollectionStep) => {
    setIssues((list) => list.filter((i) => i.step !== from));
    const next = COLLECTION_STEPS[COLLECTION_STEPS.indexOf(from) + 1];
    if (next) go(next);
  };
  const backward = (from: CollectionStep) => {
    const prev = COLLECTION_STEPS[COLLECTION_STEPS.indexOf(from) - 1];
    if (prev) go(prev);
  };
  const stepIssues = issues.filter((i) => i.step === step);
  const canOpen = (i: number) => state.editable && (COLLECTION_STEPS[i] === 'result' ? state.status !== 'draft' : i <= Math.max(furthest, savedIndex) || state.status === 'rejected' || state.status === 'returned');

  let content;
  switch (step) {
    case 'notice':
      content = <NoticeStep state={state} onNext={() => forward('notice')} />;
      break;
    case 'basic':
      content = <BasicStep state={state} issues={stepIssues} onPrev={() => backward('basic')} onNext={() => forward('basic')} />;
      break;
    case 'education':
      content = <EducationStep key={`education-${focusEntryId ?? ''}`} state={state} issues={stepIssues} focusEntryId={focusEntryId} onPrev={() => backward('education')} onNext={() => forward('education')} />;
      break;
    case 'work':
      content = <WorkStep key={`work-${focusEntryId ?? ''}`} state={state} issues={stepIssues} focusEntryId={focusEntryId} onPrev={() => backward('work')} onNext={() => forward('work')} />;
      break;
    case 'department':
      content = (
        <DepartmentStep
          state={state}
          issues={issues}
          onIssues={setIssues}
          onGo={(i) => go(i.step, i.entryId)}
          onPrev={() => backward('department')}
          onSubmitted={() => go('result')}
        />
      );
      break;
    default:
      content = <ResultStep state={state} onRevise={() => go('notice')} onContinue={() => go(resumeStep({ ...state, status: 'draft' }))} />;
  }

  return (
    <>
      <nav aria-label="信息采集步骤" className="ausm-collection-steps">
        <Steps
          current={index}
          orientation={screens.md ? 'horizontal' : 'vertical'}
          size={screens.md ? 'medium' : 'small'}
          onChange={(i) => {
            const target = COLLECTION_STEPS[i];
            if (target && canOpen(i)) go(target);
          }}
          items={COLLECTION_STEPS.map((s, i) => ({
            title: COLLECTION_STEP_LABELS[s],
            disabled: !canOpen(i) && i !== index,
            status: s === 'result' && state.status === 'approved' ? 'finish' : undefined,
          }))}
        />
      </nav>
      {step !== 'department' && step !== 'result' && <IssueList issues={stepIssues} onGo={(i) => go(i.step, i.entryId)} title="提交审核时发现本页以下问题，请修改" />}
      <section>
        <h2 id="collection-step-title" ref={headingRef} tabIndex={-1} className="ausm-step-title">
          {COLLECTION_STEP_LABELS[step]}
        </h2>
        {content}
      </section>
    </>
  );
}

/**
 * 会计人员信息采集 (guide chapter 3) at /collection. Before anything else the person must be real-name
 * verified: the 实名认证 window opens by itself when they are not.
 */
export default function CollectionPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const collection = useCollection(Boolean(me.data));
  const state = collection.data;
  const [realnameOpen, setRealnameOpen] = useState(false);
  const asked = useRef(false);

  usePageTitle(TITLE);

  useEffect(() => {
    if (state && !state.realnameVerified && !asked.current) {
      asked.current = true;
      setRealnameOpen(true);
    }
  }, [state]);

  const verified = async () => {
    setRealnameOpen(false);
    message.success('实名认证成功，请继续信息采集');
    await qc.invalidateQueries({ queryKey: COLLECTION_KEY });
  };

  let body;
  if (me.isLoading || (me.data && collection.isLoading)) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  } else if (!me.data || (collection.error instanceof ApiError && collection.error.status === 401)) {
    body = <SignInFirst what="会计人员信息采集" />;
  } else if (collection.error || !state) {
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={collection.error instanceof ApiError ? collection.error.message : '信息采集加载失败，请稍后重试'}
        action={<Button onClick={() => collection.refetch()}>重试</Button>}
      />
    );
  } else if (!state.realnameVerified) {
    body = (
      <Result
        status="warning"
        title="请先完成实名认证"
        subTitle="在信息采集前必须进行实名认证，可使用支付宝扫码认证，或上传证件照片进行线上实名认证。"
        extra={
          <Button type="primary" onClick={() => setRealnameOpen(true)}>
            实名认证
          </Button>
        }
      />
    );
  } else {
    body = <CollectionFlow state={state} />;
  }

  return (
    <Card className="ausm-collection" title={<h1 style={{ fontSize: 20, margin: 0 }}>{TITLE}</h1>}>
      {body}
      <RealnameDialog open={realnameOpen} onClose={() => setRealnameOpen(false)} onVerified={verified} />
    </Card>
  );
}
