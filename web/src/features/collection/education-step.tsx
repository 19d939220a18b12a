import { Descriptions, Tag } from 'antd';
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
import { CHSI_LABELS, COLLECTION_KEY, nameOf, periodEnd, treeNames } from './collection-data';
import { EducationModal } from './education-modal';
import { EntryListStep, LegacyName, type EntryStepProps } from './entry-list-step';
import { FileLink } from './step-parts';

function majorName(code: string | null): string {
  return treeNames(MAJORS, code).at(-1) ?? '';
}

function ChsiTag({ status }: { status: EducationEntry['chsiStatus'] }) {
  return <Tag color={CHSI_LABELS[status].color}>{CHSI_LABELS[status].text}</Tag>;
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
    { key: 'chsi', label: '学信网核验', children: <ChsiTag status={e.chsiStatus} /> },
    { key: 'proof', label: '学历学位证书', children: <FileLink id={e.proofFileId}>学历学位证书</FileLink> },
    ...(e.abroad ? [{ key: 'abroadCert', label: '教育部留学服务中心认证书', children: <FileLink id={e.abroadCertFileId}>认证书</FileLink> }] : []),
  ];
}

/** 教育经历 (guide 3.4): the table of entries with 查看详情 / 编辑 / 删除 and the 新增 modal. */
export function EducationStep({ state, ...step }: EntryStepProps) {
  const qc = useQueryClient();

  // a new entry is found as the one that was not there before the save
  const savedWarning = (entryId: string | null) => {
    const before = new Set(state.education.map((e) => e.id));
    const now = qc.getQueryData<CollectionState>(COLLECTION_KEY);
    const entry = now?.education.find((e) => (entryId ? e.id === entryId : !before.has(e.id)));
    return entry?.chsiStatus === 'not_found' && !entry.proofFileId ? '学信网核验未通过，请编辑该教育经历并上传学历学位证书' : undefined;
  };

  const blockNext = () => {
    if (!state.education.length) return '请至少新增一条教育经历';
    if (state.scope === 'doctoral' && !state.education.some((e) => e.degree === DEGREE_CODES.doctor)) {
      return '采集范围为“暂未工作但具有博士学位拟报名中级会计专业技术资格考试的人员”的，教育经历中须填写“博士”学位';
    }
    return undefined;
  };

  return (
    <EntryListStep<EducationEntry>
      kind="education"
      noun="教育经历"
      intro="可分段采集教育经历。原省平台采集并审核通过的学历学位信息会显示在下方，请点击“编辑”补充缺失项；原始信息有误的，请删除后新增。"
      entries={state.education}
      {...step}
      scrollX={1100}
      columns={[
        { title: '培养方式', key: 'mode', width: 90, render: (_, e) => nameOf(STUDY_MODES, e.mode) },
        { title: '学校名称', key: 'school', render: (_, e) => <LegacyName name={e.school} legacy={e.legacy} /> },
        { title: '入学时间', dataIndex: 'startDate', width: 110 },
        { title: '毕业时间', key: 'end', width: 110, render: (_, e) => periodEnd(e.endDate, e.ongoing) },
        { title: '学历', key: 'level', width: 120, render: (_, e) => nameOf(EDUCATION_LEVELS, e.educationLevel) },
        { title: '学位', key: 'degree', width: 70, render: (_, e) => nameOf(DEGREES, e.degree) },
        { title: '所学专业', key: 'major', render: (_, e) => majorName(e.majorCode) },
        { title: '学信网核验', key: 'chsi', width: 110, render: (_, e) => <ChsiTag status={e.chsiStatus} /> },
      ]}
      Editor={EducationModal}
      savedWarning={savedWarning}
      detailWidth={760}
      renderDetail={(e) => (
        <>
          {e.legacy && <Tag color="gold">原省平台数据</Tag>}
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 8 }} items={educationItems(e)} />
        </>
      )}
      blockNext={blockNext}
    />
  );
}
