import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Table, Tag, type TableColumnsType } from 'antd';
import {
  EXTRA_ID_TYPES,
  accountingPostLevelName,
  accountingPostName,
  accountingTitle,
  collectionScope,
  degreeName,
  educationName,
  ethnicityName,
  findMajorPath,
  findUnitType,
  industryName,
  politicalStatusName,
  studyModeName,
  type AccountingRow,
  type EducationEntry,
  type WorkEntry,
} from '@ausm/domain';
import { ReviewFileView } from '../../components/review-files';
import type { ReviewBodyProps } from '../../components/review-presenters';

/**
 * The snapshot the collection module hands to the review engine at submit
 * (collectionSnapshot in server/src/modules/collection/collection.service.ts). Names stand beside
 * codes; the code lists are the fallback for a snapshot written before a name was added.
 */
type EducationRow = EducationEntry & { modeName?: string | null; educationLevelName?: string | null; degreeName?: string | null; majorName?: string | null };
type WorkRow = WorkEntry & { unitTypeName?: string | null; industryName?: string | null; titleName?: string | null };

interface CollectionSnapshot {
  scope?: string | null;
  scopeName?: string | null;
  basic?: {
    photoFileId?: string | null;
    politicalStatus?: string | null;
    politicalStatusName?: string | null;
    ethnicity?: string | null;
    ethnicityName?: string | null;
    email?: string | null;
    address?: string | null;
    postcode?: string | null;
    extraIdType?: string | null;
    maskedExtraIdNumber?: string | null;
    identityProofFileId?: string | null;
  };
  education?: EducationRow[];
  work?: WorkRow[];
  department?: { code?: string | null; path?: Array<{ code: string; name: string }> };
  certVerified?: boolean;
  certificate?: { certNo: string; level: string; year: number; issuer: string; label?: string } | null;
  flags?: { creditCodeWarning?: boolean; chsiNotFound?: boolean };
  notes?: string[];
}

const CHSI: Readonly<Record<EducationEntry['chsiStatus'], { text: string; className: string }>> = {
  verified: { text: '核验通过', className: 'ausm-review-ok' },
  not_found: { text: '核验未通过', className: 'ausm-review-bad' },
  not_applicable: { text: '无需核验', className: 'ausm-review-plain' },
  unchecked: { text: '待核验', className: 'ausm-review-warn' },
};

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? <span className="ausm-review-muted">未填写</span> : v);
const named = (name: string | null | undefined, code: string | null | undefined, lookup: (c: string) => string | undefined) =>
  name ?? (code ? (lookup(code) ?? code) : null);
const period = (start: string | null, end: string | null, ongoing: boolean) => (ongoing || !end ? `${start ?? '—'} 至今` : `${start ?? '—'} 至 ${end}`);

/**
 * A wide table scrolls inside a keyboard-focusable region (WCAG 2.1.1), since its rows may hold no
 * link to tab to.
 */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ausm-review-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="ausm-review-section" title={<h2>{title}</h2>}>
      {children}
    </Card>
  );
}

/** 北京市 → 市辖区 → 东城区 names its province and city departments alike: say it once. */
function departmentPath(path: ReadonlyArray<{ name: string }> | undefined): string {
  return (path ?? []).map((d) => d.name).filter((name, i, all) => name !== all[i - 1]).join(' / ');
}

function AccountingRows({ rows }: { rows: ReadonlyArray<AccountingRow> }) {
  if (rows.length === 0) return <span className="ausm-review-muted">无</span>;
  return (
    <ul className="ausm-review-accounting">
      {rows.map((r, i) => (
        <li key={i}>
          {accountingPostLevelName(r.level) ?? r.level}：{accountingPostName(r.post) ?? r.post}
          <br />
          <span className="ausm-review-muted">{period(r.startDate, r.endDate, r.endDate === null)}</span>
        </li>
      ))}
    </ul>
  );
}

const educationColumns: TableColumnsType<EducationRow> = [
  { title: '起止时间', key: 'period', width: 190, render: (_, e) => period(e.startDate, e.endDate, e.ongoing) },
  { title: '学校名称', dataIndex: 'school', width: 160, render: (v: string | null, e) => (
    <>
      {dash(v)}
      {e.abroad && <Tag className="ausm-review-plain" style={{ marginInlineStart: 6 }}>留学</Tag>}
    </>
  ) },
  { title: '培养方式', key: 'mode', width: 90, render: (_, e) => dash(named(e.modeName, e.mode, studyModeName)) },
  { title: '学历', key: 'level', width: 110, render: (_, e) => dash(named(e.educationLevelName, e.educationLevel, educationName)) },
  { title: '学位', key: 'degree', width: 90, render: (_, e) => dash(named(e.degreeName, e.degree, degreeName)) },
  { title: '所学专业', key: 'major', width: 130, render: (_, e) => dash(named(e.majorName, e.majorCode, (c) => findMajorPath(c)?.at(-1))) },
  {
    title: '证书编号',
    key: 'certs',
    width: 210,
    render: (_, e) => (
      <>
        <div>学历：{dash(e.eduCertNo)}</div>
        {e.degreeCertNo && <div>学位：{e.degreeCertNo}</div>}
      </>
    ),
  },
  { title: '学信网核验', key: 'chsi', width: 110, render: (_, e) => <Tag className={CHSI[e.chsiStatus].className}>{CHSI[e.chsiStatus].text}</Tag> },
  {
    title: '证明材料',
    key: 'proof',
    width: 200,
    render: (_, e) =>
      e.proofFileId || e.abroadCertFileId ? (
        <>
          {e.proofFileId && <ReviewFileView id={e.proofFileId} label="学历学位证书" />}
          {e.abroadCertFileId && <ReviewFileView id={e.abroadCertFileId} label="留学认证书" />}
        </>
      ) : (
        <span className="ausm-review-muted">无</span>
      ),
  },
];

const workColumns: TableColumnsType<WorkRow> = [
  { title: '起止时间', key: 'period', width: 190, render: (_, w) => period(w.startDate, w.endDate, w.ongoing) },
  { title: '单位名称', dataIndex: 'company', width: 180, render: (v: string | null) => dash(v) },
  {
    title: '统一社会信用代码',
    key: 'credit',
    width: 200,
    render: (_, w) => (
      <>
        {w.noCreditCodeReason ? `无（${w.noCreditCodeReason}）` : dash(w.creditCode)}
        {w.creditCodeWarning && (
          <div>
            <Tag className="ausm-review-warn">需人工核实</Tag>
          </div>
        )}
      </>
    ),
  },
  { title: '单位类型', key: 'unitType', width: 150, render: (_, w) => dash(named(w.unitTypeName, w.unitType, (c) => findUnitType(c)?.join(' / '))) },
  { title: '所属行业', key: 'industry', width: 150, render: (_, w) => dash(named(w.industryName, w.industry, industryName)) },
  {
    title: '单位地址及电话',
    key: 'address',
    width: 200,
    render: (_, w) => (
      <>
        <div>{dash(w.address)}</div>
        {w.phone && <div className="ausm-review-muted">{w.phone}</div>}
      </>
    ),
  },
  { title: '会计工作经历', key: 'accounting', width: 260, render: (_, w) => (w.hasAccounting ? <AccountingRows rows={w.accountingRows} /> : '无') },
  { title: '工作证明', key: 'proof', width: 200, render: (_, w) => (w.accountingProofFileId ? <ReviewFileView id={w.accountingProofFileId} /> : <span className="ausm-review-muted">无</span>) },
];

const titleColumns: TableColumnsType<WorkRow> = [
  { title: '单位名称', dataIndex: 'company', width: 200, render: (v: string | null) => dash(v) },
  { title: '会计专业职务', key: 'title', width: 140, render: (_, w) => named(w.titleName, w.title, (c) => accountingTitle(c)?.name) },
  { title: '聘任时间', dataIndex: 'titleDate', width: 120, render: (v: string | null) => dash(v) },
  { title: '聘任文件', key: 'file', width: 220, render: (_, w) => <ReviewFileView id={w.titleFileId} /> },
];

/** 会计人员信息采集: the whole submission, in the order the applicant filled it in. */
export default function CollectionReview({ detail }: ReviewBodyProps) {
  const p = (detail.payload ?? {}) as CollectionSnapshot;
  const b = p.basic ?? {};
  const education = p.education ?? [];
  const work = p.work ?? [];
  const titled = work.filter((w) => w.title);
  const scopeName = p.scopeName ?? (p.scope ? (collectionScope(p.scope)?.name ?? p.scope) : null);
  const warned = work.filter((w) => w.creditCodeWarning);
  const notes = p.notes?.length ? p.notes : warned.map((w) => `工作单位“${w.company ?? ''}”的统一社会信用代码${w.creditCode ?? ''}校验位不符，请人工核实`);
  const extraType = EXTRA_ID_TYPES.find((t) => t.value === b.extraIdType)?.label;
  return (
    <>
      {(p.flags?.creditCodeWarning || warned.length > 0) && (
        <Alert
          type="warning"
          showIcon
          className="ausm-review-section"
          title={warned.some((w) => !w.noCreditCodeReason) ? '需人工核实：统一社会信用代码校验位不符' : '需人工核实：单位无统一社会信用代码'}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
      {(p.flags?.chsiNotFound || education.some((e) => e.chsiStatus === 'not_found')) && (
        <Alert
          type="warning"
          showIcon
          className="ausm-review-section"
          title="学信网核验未通过"
          description="有教育经历未通过学信网核验，请核对申请人上传的学历、学位证书。"
        />
      )}
      <Section title="采集范围">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'scope',
              label: '采集范围',
              children: (
                <>
                  {dash(scopeName)}
                  {p.certVerified && (
                    <Tag className="ausm-review-ok" style={{ marginInlineStart: 8 }}>
                      已核验全国证书库
                    </Tag>
                  )}
                </>
              ),
            },
            ...(p.certificate
              ? [
                  {
                    key: 'cert',
                    label: '会计专业技术资格',
                    children: `${p.certificate.level}（${p.certificate.year}年，证书编号 ${p.certificate.certNo}，${p.certificate.issuer}）`,
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section title="基本信息">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'photo', label: '证件照片', span: { xs: 1, sm: 1, md: 2 }, children: <ReviewFileView id={b.photoFileId} label="证件照片" photo /> },
            { key: 'political', label: '政治面貌', children: dash(named(b.politicalStatusName, b.politicalStatus, politicalStatusName)) },
            { key: 'ethnicity', label: '民族', children: dash(named(b.ethnicityName, b.ethnicity, ethnicityName)) },
            { key: 'email', label: '邮箱', children: dash(b.email) },
            { key: 'postcode', label: '邮编', children: dash(b.postcode) },
            { key: 'address', label: '通讯地址', span: { xs: 1, sm: 1, md: 2 }, children: dash(b.address) },
            ...(b.extraIdType ? [{ key: 'extra', label: '居住证或永久居留证', children: `${extraType ?? b.extraIdType} ${b.maskedExtraIdNumber ?? ''}` }] : []),
            ...(b.identityProofFileId ? [{ key: 'idProof', label: '身份证或居住证', children: <ReviewFileView id={b.identityProofFileId} /> }] : []),
          ]}
        />
      </Section>
      <Section title="教育经历">
        <ScrollRegion label="教育经历（可横向滚动）">
          <Table<EducationRow> rowKey="id" size="small" columns={educationColumns} dataSource={education} pagination={false} style={{ minWidth: 1290 }} locale={{ emptyText: '未填写教育经历' }} />
        </ScrollRegion>
      </Section>
      <Section title="工作经历">
        <ScrollRegion label="工作经历（可横向滚动）">
          <Table<WorkRow> rowKey="id" size="small" columns={workColumns} dataSource={work} pagination={false} style={{ minWidth: 1530 }} locale={{ emptyText: '未填写工作经历' }} />
        </ScrollRegion>
      </Section>
      <Section title="会计专业职务">
        {titled.length === 0 ? (
          <span className="ausm-review-muted">未填写会计专业职务</span>
        ) : (
          <ScrollRegion label="会计专业职务（可横向滚动）">
            <Table<WorkRow> rowKey="id" size="small" columns={titleColumns} dataSource={titled} pagination={false} style={{ minWidth: 680 }} />
          </ScrollRegion>
        )}
      </Section>
      <Section title="会计管理部门">
        <Descriptions
          size="small"
          column={1}
          items={[{ key: 'department', label: '会计管理部门', children: dash(departmentPath(p.department?.path)) }]}
        />
      </Section>
    </>
  );
}
