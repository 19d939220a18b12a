import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import {
  ACCOUNTING_TITLES,
  COLLECTION_STEP_LABELS,
  DEGREES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  EXTRA_ID_TYPES,
  INDUSTRIES,
  MAJORS,
  POLITICAL_STATUSES,
  STUDY_MODES,
  idDocumentTypeLabel,
  type CollectionState,
  type CollectionStep,
} from '@ausm/domain';
import { CHSI_LABELS, nameOf, periodEnd, treeNames, unitTypeName } from './collection-data';
import { scopeTitle } from './notice-step';
import { sexLabel } from './basic-step';
import { FileLink, Missing } from './step-parts';

type EditableStep = Exclude<CollectionStep, 'result'>;

function period(start: string | null, end: string | null, ongoing: boolean): string {
  return ongoing ? `${start ?? ''} 至今` : `${start ?? ''} 至 ${periodEnd(end, ongoing)}`;
}

function orMissing(v: ReactNode): ReactNode {
  return v === null || v === undefined || v === '' ? <Missing /> : v;
}

function Section({ step, onEdit, children }: { step: EditableStep; onEdit?: (step: EditableStep) => void; children: ReactNode }) {
  const label = COLLECTION_STEP_LABELS[step];
  return (
    <Card
      size="small"
      title={<span className="ausm-summary-heading">{label}</span>}
      extra={
        onEdit ? (
          <Button type="link" size="small" onClick={() => onEdit(step)}>
            修改<span className="sr-only">{label}</span>
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    >
      {children}
    </Card>
  );
}

/** One block per education or work entry, headed by its school or company. */
function EntrySummaries<T extends { id: string }>({
  entries,
  empty,
  heading,
  items,
}: {
  entries: ReadonlyArray<T>;
  empty: string;
  heading: (entry: T) => string;
  items: (entry: T) => DescriptionsProps['items'];
}) {
  return (
    <>
      {entries.length === 0 && <Missing>{empty}</Missing>}
      {entries.map((e) => (
        <Descriptions
          key={e.id}
          size="small"
          column={{ xs: 1, sm: 2 }}
          title={<Typography.Text strong>{heading(e)}</Typography.Text>}
          style={{ marginBottom: 12 }}
          items={items(e)}
        />
      ))}
    </>
  );
}

/**
 * Everything the person entered, step by step ("check your answers"): with 修改 links back to the
 * steps before 提交审核, read-only once submitted.
 */
export function CollectionSummary({ state, departmentNames, onEdit }: { state: CollectionState; departmentNames: string[]; onEdit?: (step: EditableStep) => void }) {
  const reg = state.registration;
  const b = state.basic;
  const extraType = EXTRA_ID_TYPES.find((t) => t.value === b.extraIdType)?.label;
  return (
    <div>
      <Section step="notice" onEdit={onEdit}>
        <Descriptions size="small" column={1} items={[{ key: 'scope', label: '采集范围', children: orMissing(scopeTitle(state.scope)) }]} />
      </Section>
      <Section step="basic" onEdit={onEdit}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'idType', label: '证件类型', children: idDocumentTypeLabel(reg.idType) },
            { key: 'idNumber', label: '证件号码', children: reg.maskedIdNumber },
            { key: 'name', label: '姓名', children: reg.name },
            { key: 'sex', label: '性别', children: orMissing(sexLabel(reg.sex)) },
            { key: 'birth', label: '出生年月', children: orMissing(reg.birthDate) },
            { key: 'phone', label: '手机号码', children: reg.maskedPhone },
            { key: 'photo', label: '证件照片', children: b.photoFileId ? <FileLink id={b.photoFileId}>照片</FileLink> : <Missing>未上传</Missing> },
            { key: 'political', label: '政治面貌', children: orMissing(nameOf(POLITICAL_STATUSES, b.politicalStatus)) },
            { key: 'ethnicity', label: '民族', children: orMissing(nameOf(ETHNICITIES, b.ethnicity)) },
            { key: 'email', label: '邮箱', children: orMissing(b.email) },
            { key: 'address', label: '通讯地址', children: orMissing(b.address) },
            { key: 'postcode', label: '邮编', children: orMissing(b.postcode) },
            ...(reg.idType !== 'mainland_id'
              ? [{ key: 'extra', label: '居住证或永久居留证', children: extraType ? `${extraType} ${b.maskedExtraIdNumber ?? ''}` : <Missing>未填写（选填）</Missing> }]
              : []),
            { key: 'identityProof', label: '身份证或居住证', children: b.identityProofFileId ? <FileLink id={b.identityProofFileId}>附件</FileLink> : <Missing>未上传</Missing> },
          ]}
        />
      </Section>
      <Section step="education" onEdit={onEdit}>
        <EntrySummaries
          entries={state.education}
          empty="暂无教育经历"
          heading={(e) => e.school ?? '未填写学校名称'}
          items={(e) => [
            { key: 'period', label: '起止时间', children: period(e.startDate, e.endDate, e.ongoing) },
            { key: 'mode', label: '培养方式', children: orMissing(nameOf(STUDY_MODES, e.mode)) },
            { key: 'level', label: '学历/学位', children: `${nameOf(EDUCATION_LEVELS, e.educationLevel)} / ${nameOf(DEGREES, e.degree)}` },
            { key: 'major', label: '所学专业', children: orMissing(treeNames(MAJORS, e.majorCode).at(-1)) },
            { key: 'chsi', label: '学信网核验', children: CHSI_LABELS[e.chsiStatus].text },
            { key: 'proof', label: '学历学位证书', children: e.proofFileId ? '已上传' : '未上传' },
          ]}
        />
      </Section>
      <Section step="work" onEdit={onEdit}>
        <EntrySummaries
          entries={state.work}
          empty="暂无工作经历"
          heading={(w) => w.company ?? '未填写单位名称'}
          items={(w) => [
            { key: 'period', label: '起止时间', children: period(w.startDate, w.endDate, w.ongoing) },
            { key: 'credit', label: '统一社会信用代码', children: w.noCreditCodeReason ? `单位无代码（${w.noCreditCodeReason}）` : orMissing(w.creditCode) },
            { key: 'unitType', label: '单位类型', children: orMissing(unitTypeName(w.unitType)) },
            { key: 'industry', label: '所属行业', children: orMissing(nameOf(INDUSTRIES, w.industry)) },
            { key: 'hasAccounting', label: '是否有会计工作经历', children: w.hasAccounting ? `是（${w.accountingRows.length}段）` : '否' },
            { key: 'title', label: '会计专业职务', children: w.title ? `${nameOf(ACCOUNTING_TITLES, w.title)}（${w.titleDate ?? ''}聘任）` : '无' },
          ]}
        />
      </Section>
      <Section step="department" onEdit={onEdit}>
        <Descriptions size="small" column={1} items={[{ key: 'department', label: '会计管理部门', children: orMissing(departmentNames.join(' / ')) }]} />
      </Section>
    </div>
  );
}
