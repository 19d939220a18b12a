import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Descriptions, Grid, Menu, Radio, Result, Segmented, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CHANGE_SECTIONS,
  CHANGE_SECTION_LABELS,
  COLLECTION_SCOPES,
  COLLECTION_STATUS_LABELS,
  ETHNICITIES,
  POLITICAL_STATUSES,
  collectionScope,
  idDocumentTypeLabel,
  type ChangeRecord,
  type ChangeSection,
  type ChangesState,
  type CollectionState,
  type CollectionStatus,
  type IdDocumentType,
} from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
import { COLLECTION_KEY, nameOf, useCollection } from './collection-data';
import { EntryChangeContext, type EntryChangeMode } from './entry-form';
import { EducationStep } from './education-step';
import { WorkStep } from './work-step';
import { FileLink, ServiceCard, SignInFirst } from './step-parts';
import { sexLabel } from './basic-step';
import { BasicChangeModal } from './basic-change-modal';
import { ChangeRecords } from './change-records';
import './collection.css';

const TITLE = '会计人员信息变更';
export const CHANGES_KEY = ['changes'] as const;

function isSection(s: string | null): s is ChangeSection {
  return s !== null && (CHANGE_SECTIONS as ReadonlyArray<string>).includes(s);
}

const noop = () => undefined;

/** 基本信息: the current values, masked where the guide masks them, and 进行变更. */
function BasicSection({ state, pending, onDone }: { state: CollectionState; pending: boolean; onDone: (r: ChangeRecord) => void }) {
  const [open, setOpen] = useState(false);
  const reg = state.registration;
  const b = state.basic;
  return (
    <>
      <div className="ausm-step-toolbar">
        <Typography.Paragraph style={{ margin: 0 }}>基本信息中部分信息脱敏显示。手机号码请在个人中心修改。</Typography.Paragraph>
        <Button type="primary" disabled={pending} onClick={() => setOpen(true)}>
          进行变更
        </Button>
      </div>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'idType', label: '证件类型', children: idDocumentTypeLabel(reg.idType as IdDocumentType) ?? reg.idType },
          { key: 'idNumber', label: '证件号码', children: reg.maskedIdNumber },
          { key: 'name', label: '姓名', children: reg.name },
          { key: 'sex', label: '性别', children: sexLabel(reg.sex) },
          { key: 'birth', label: '出生年月', children: reg.birthDate ?? '' },
          { key: 'political', label: '政治面貌', children: nameOf(POLITICAL_STATUSES, b.politicalStatus) },
          { key: 'ethnicity', label: '民族', children: nameOf(ETHNICITIES, b.ethnicity) },
          { key: 'email', label: '邮箱', children: b.email ?? '' },
          { key: 'phone', label: '手机号码', children: reg.maskedPhone },
          { key: 'address', label: '通讯地址', children: b.address ?? '' },
          { key: 'postcode', label: '邮编', children: b.postcode ?? '' },
          { key: 'photo', label: '证件照片', children: <FileLink id={b.photoFileId}>证件照片</FileLink> },
          { key: 'proof', label: '身份证明（身份证或居住证）', children: <FileLink id={b.identityProofFileId}>身份证明</FileLink> },
        ]}
      />
      {open && (
        <BasicChangeModal
          state={state}
          onClose={() => setOpen(false)}
          onDone={(r) => {
            setOpen(false);
            onDone(r);
          }}
        />
      )}
    </>
  );
}

/** 采集范围: the current scope and the others to change to; the new scope's conditions are checked. */
function ScopeSection({ state, pending, onDone }: { state: CollectionState; pending: boolean; onDone: (r: ChangeRecord) => void }) {
  const [scope, setScope] = useState<string | undefined>(state.scope ?? undefined);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      onDone(await api<ChangeRecord>('POST', '/api/changes/scope', { scope }));
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : '系统繁忙，请稍后再试');
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Typography.Paragraph>
        当前采集范围：<Typography.Text strong>{state.scope ? (collectionScope(state.scope)?.name ?? state.scope) : '—'}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>请根据实际填写的教育经历、工作经历和取得的资格选择采集范围。新的采集范围满足其条件的，提交后系统自动审核通过。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as string)} aria-label="采集范围" style={{ width: '100%' }}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {COLLECTION_SCOPES.map((s) => (
            <Radio key={s.code} value={s.code}>
              {s.name}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <div className="ausm-step-actions">
        <span />
        <Button type="primary" loading={saving} disabled={pending || !scope || scope === state.scope} onClick={() => void submit()}>
          提交变更
        </Button>
      </div>
    </>
  );
}

function ChangesBody({ state, changes }: { state: CollectionState; changes: ChangesState }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const requested = params.get('section');
  const section: ChangeSection = isSection(requested) ? requested : 'basic';
  const [tab, setTab] = useState<'current' | 'records'>('current');
  const go = (next: ChangeSection) => {
    setParams({ section: next });
    setTab('current');
  };
  const refresh = async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: COLLECTION_KEY }), qc.invalidateQueries({ queryKey: CHANGES_KEY })]);
  };
  const done = async (r: ChangeRecord) => {
    await refresh();
    if (r.mode === 'auto' && r.status === 'approved') message.success(`${r.kindLabel}已自动审核通过`);
    else message.success(`${r.kindLabel}已提交，等待所属会计管理部门审核`);
  };
  const mode: EntryChangeMode = {
    save: async (kind, entryId, body) => {
      await api('POST', entryId ? `/api/changes/${kind}/${encodeURIComponent(entryId)}` : `/api/changes/${kind}`, body);
      await refresh();
    },
    remove: async (kind, entryId) => {
      await api('POST', `/api/changes/${kind}/${encodeURIComponent(entryId)}/deletion`);
      await refresh();
    },
  };
  const records = changes.records.filter((r) => r.section === section);
  const pending = changes.pending[section];
  const label = CHANGE_SECTION_LABELS[section];

  let current;
  if (section === 'basic') current = <BasicSection state={state} pending={pending} onDone={(r) => void done(r)} />;
  else if (section === 'scope') current = <ScopeSection key={state.scope ?? ''} state={state} pending={pending} onDone={(r) => void done(r)} />;
  else {
    const intro = `信息采集审核通过的${label}显示在下方，可查看详情、变更、变更删除，也可新增${label}（时间不得与已有${label}交叉）；每项变更由所属会计管理部门审核。`;
    const Step = section === 'education' ? EducationStep : WorkStep;
    current = (
      <EntryChangeContext.Provider value={mode}>
        <Step state={state} issues={[]} intro={intro} onPrev={noop} onNext={noop} />
      </EntryChangeContext.Provider>
    );
  }

  return (
    <div className="ausm-changes-layout">
      <nav aria-label="信息变更项目">
        {screens.md ? (
          <Menu mode="inline" selectedKeys={[section]} onClick={({ key }) => go(key as ChangeSection)} items={CHANGE_SECTIONS.map((s) => ({ key: s, label: CHANGE_SECTION_LABELS[s] }))} />
        ) : (
          // on a phone the four sections side by side, none hidden behind "…"
          <Segmented block value={section} onChange={(v) => go(v as ChangeSection)} options={CHANGE_SECTIONS.map((s) => ({ value: s, label: CHANGE_SECTION_LABELS[s] }))} />
        )}
      </nav>
      <section aria-labelledby="changes-section-title">
        <h2 id="changes-section-title" className="ausm-step-title">
          {label}变更
        </h2>
        <Typography.Paragraph>
          当前信息审核状态：<Tag color="success">{COLLECTION_STATUS_LABELS[state.status]}</Tag>
          <Typography.Text type="secondary">仅在信息采集审核通过状态下允许变更</Typography.Text>
        </Typography.Paragraph>
        {pending && <Alert type="info" showIcon role="status" style={{ marginBottom: 16 }} title={`您有一项${label}变更正在审核中，审核完成前不能再次提交${label}变更`} />}
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'current' | 'records')}
          items={[
            { key: 'current', label: '当前信息', children: current },
            {
              key: 'records',
              label: `变更记录（${records.length}）`,
              children: <ChangeRecords records={records} timeLabel={section === 'basic' ? '变更时间' : '提交时间'} onChanged={refresh} />,
            },
          ]}
        />
      </section>
    </div>
  );
}

/** 会计人员信息变更 (guide chapter 4) at /changes?section=basic|education|work|scope. */
export default function ChangesPage() {
  const me = useMe();
  const collection = useCollection(Boolean(me.data));
  const changes = useQuery({ queryKey: CHANGES_KEY, queryFn: () => api<ChangesState>('GET', '/api/changes'), enabled: Boolean(me.data) });

  usePageTitle(TITLE);

  let body;
  if (me.isLoading || (me.data && (collection.isLoading || changes.isLoading))) {
    body = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  } else if (!me.data) {
    body = <SignInFirst what="会计人员信息变更" />;
  } else if (collection.error || changes.error || !collection.data || !changes.data) {
    const e = collection.error ?? changes.error;
    body = <Alert type="error" showIcon role="alert" title={e instanceof ApiError ? e.message : '信息变更加载失败，请稍后重试'} />;
  } else if (!changes.data.allowed) {
    const status = collection.data.status as CollectionStatus;
    body = (
      <Result
        status="warning"
        title="信息采集审核通过后才能办理信息变更"
        subTitle={`当前信息审核状态：${COLLECTION_STATUS_LABELS[status]}。仅在信息采集审核通过状态下允许变更。`}
        extra={
          <Link to="/collection">
            <Button type="primary">前往信息采集</Button>
          </Link>
        }
      />
    );
  } else {
    body = <ChangesBody state={collection.data} changes={changes.data} />;
  }

  return (
    <ServiceCard title={TITLE}>{body}</ServiceCard>
  );
}
