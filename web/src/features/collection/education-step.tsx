import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  DEGREES,
  DEGREE_CODES,
  EDUCATION_LEVELS,
  MAJORS,
  STUDY_MODES,
  type CollectionState,
  type EducationEntry,
} from '@ausm/domain';
import { ApiError } from '../../lib/api';
import { usePublicConfig } from '../../lib/session';
import { CHSI_LABELS, COLLECTION_KEY, nameOf, periodEnd, treeNames, useSave, type StepIssue } from './collection-data';
import { EducationModal } from './education-modal';
import { FileLink, StepActions } from './step-parts';

function majorName(code: string | null): string {
  return treeNames(MAJORS, code).at(-1) ?? '';
}

export function educationItems(e: EducationEntry) {
  return [
    { key: 'mode', label: '培养方式', children: nameOf(STUDY_MODES, e.mode) },
    { key: 'school', label: '学校名称(全称)', children: e.school ?? '' },
    { key: 'start', label: '入学时间', children: e.startDate ?? '' },
    { key: 'end', label: '毕业时间', children: periodEnd(e.endDate, e.ongoing) },
    { key: 'level', label: '学历', children: nameOf(EDUCATION_LEVELS, e.educationLevel) },
    { key: 'degree', label: '学位', children: nameOf(DEGREES, e.degree) },
    { key: 'major', label: '所学专业', children: treeNames(MAJORS, e.majorCode).join(' / ') },
    { key: 'eduCert', label: '学历证书编号', children: e.eduCertNo ?? '' },
    { key: 'degreeCert', label: '学位证书编号', children: e.degreeCertNo ?? '' },
    { key: 'abroad', label: '是否有留学经历', children: e.abroad ? '是' : '否' },
    { key: 'chsi', label: '学信网核验', children: <Tag color={CHSI_LABELS[e.chsiStatus].color}>{CHSI_LABELS[e.chsiStatus].text}</Tag> },
    { key: 'proof', label: '学历学位证书', children: <FileLink id={e.proofFileId}>学历学位证书</FileLink> },
    ...(e.abroad ? [{ key: 'abroadCert', label: '教育部留学服务中心认证书', children: <FileLink id={e.abroadCertFileId}>认证书</FileLink> }] : []),
  ];
}

/** 教育经历 (guide 3.4): the table of entries with 查看详情 / 编辑 / 删除 and the 新增 modal. */
export function EducationStep({
  state,
  issues,
  focusEntryId,
  onPrev,
  onNext,
}: {
  state: CollectionState;
  issues: ReadonlyArray<StepIssue>;
  /** opened for editing on arrival (from an issue link) */
  focusEntryId?: string;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useSave();
  const { data: config } = usePublicConfig();
  const today = config?.today ?? new Date().toISOString().slice(0, 10);
  const [editing, setEditing] = useState<EducationEntry | 'new' | null>(() => state.education.find((e) => e.id === focusEntryId) ?? null);
  const [viewing, setViewing] = useState<EducationEntry | null>(null);
  const [blocked, setBlocked] = useState<string>();
  const [error, setError] = useState<string>();

  const remove = async (e: EducationEntry) => {
    setError(undefined);
    try {
      await save('DELETE', `/api/collection/education/${encodeURIComponent(e.id)}`);
      message.success('已删除该教育经历');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '删除失败，请稍后再试');
    }
  };

  const saved = (entryId: string | null) => {
    const before = new Set(state.education.map((e) => e.id));
    const now = qc.getQueryData<CollectionState>(COLLECTION_KEY);
    const entry = now?.education.find((e) => (entryId ? e.id === entryId : !before.has(e.id)));
    setEditing(null);
    setBlocked(undefined);
    if (entry?.chsiStatus === 'not_found' && !entry.proofFileId) message.warning('学信网核验未通过，请编辑该教育经历并上传学历学位证书');
    else message.success('教育经历已保存');
  };

  const next = () => {
    if (!state.education.length) {
      setBlocked('请至少新增一条教育经历');
      return;
    }
    if (state.scope === 'doctoral' && !state.education.some((e) => e.degree === DEGREE_CODES.doctor)) {
      setBlocked('采集范围为“暂未工作但具有博士学位拟报名中级会计专业技术资格考试的人员”的，教育经历中须填写“博士”学位');
      return;
    }
    onNext();
  };

  return (
    <>
      <div className="ausm-step-toolbar">
        <Typography.Paragraph style={{ margin: 0 }}>
          可分段采集教育经历。原省平台采集并审核通过的学历学位信息会显示在下方，请点击“编辑”补充缺失项；原始信息有误的，请删除后新增。
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增
        </Button>
      </div>
      {blocked && <Alert type="error" showIcon role="alert" title={blocked} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<EducationEntry>
        rowKey="id"
        size="middle"
        bordered
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={state.education}
        locale={{ emptyText: '暂无教育经历，请点击“新增”' }}
        rowClassName={(e) => (issues.some((i) => i.entryId === e.id) ? 'ausm-row-error' : '')}
        columns={[
          { title: '培养方式', key: 'mode', width: 90, render: (_, e) => nameOf(STUDY_MODES, e.mode) },
          {
            title: '学校名称',
            key: 'school',
            render: (_, e) => (
              <>
                {e.school}
                {e.legacy && (
                  <Tag color="gold" style={{ marginInlineStart: 6 }}>
                    原省平台数据
                  </Tag>
                )}
              </>
            ),
          },
          { title: '入学时间', dataIndex: 'startDate', width: 110 },
          { title: '毕业时间', key: 'end', width: 110, render: (_, e) => periodEnd(e.endDate, e.ongoing) },
          { title: '学历', key: 'level', width: 120, render: (_, e) => nameOf(EDUCATION_LEVELS, e.educationLevel) },
          { title: '学位', key: 'degree', width: 70, render: (_, e) => nameOf(DEGREES, e.degree) },
          { title: '所学专业', key: 'major', render: (_, e) => majorName(e.majorCode) },
          { title: '学信网核验', key: 'chsi', width: 110, render: (_, e) => <Tag color={CHSI_LABELS[e.chsiStatus].color}>{CHSI_LABELS[e.chsiStatus].text}</Tag> },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            fixed: 'right',
            render: (_, e) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setViewing(e)}>
                  查看详情
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(e)}>
                  编辑
                </Button>
                <Popconfirm title="确定删除该教育经历吗？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <StepActions onPrev={onPrev} onNext={next} />
      {editing && <EducationModal entry={editing === 'new' ? null : editing} issues={issues} today={today} onClose={() => setEditing(null)} onSaved={saved} />}
      <Modal wrapClassName="ausm-collection-modal" open={viewing !== null} title="教育经历详情" footer={null} onCancel={() => setViewing(null)} width={760}>
        {viewing && (
          <>
            {viewing.legacy && <Tag color="gold">原省平台数据</Tag>}
            <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 8 }} items={educationItems(viewing)} />
          </>
        )}
      </Modal>
    </>
  );
}
