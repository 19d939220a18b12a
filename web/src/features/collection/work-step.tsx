import { Descriptions, Table, Tag, Typography } from 'antd';
import { ACCOUNTING_TITLES, INDUSTRIES, type CollectionState, type WorkEntry } from '@ausm/domain';
import { ENTRY_REVIEW_LABELS, nameOf, periodEnd, unitTypeName } from './collection-data';
import { accountingRowColumns } from './accounting-rows';
import { EntryListStep, LegacyName, type EntryStepProps } from './entry-list-step';
import { WorkModal } from './work-modal';
import { FileLink } from './step-parts';

function CreditCode({ w }: { w: WorkEntry }) {
  return (
    <>
      {w.noCreditCodeReason ? `单位无统一社会信用代码（${w.noCreditCodeReason}）` : w.creditCode}
      {w.creditCodeWarning && (
        <Tag color="warning" style={{ marginInlineStart: 6 }}>
          {w.noCreditCodeReason ? '转人工审核' : '校验位不符，转人工审核'}
        </Tag>
      )}
    </>
  );
}

/** 工作经历详情, laid out as the guide shows it. */
export function WorkDetail({ w, status }: { w: WorkEntry; status: CollectionState['status'] }) {
  return (
    <>
      <Typography.Paragraph>
        审核状态：{ENTRY_REVIEW_LABELS[status]}
        {w.legacy && (
          <Tag color="gold" style={{ marginInlineStart: 8 }}>
            原省平台数据
          </Tag>
        )}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'start', label: '工作开始时间', children: w.startDate ?? '' },
          { key: 'end', label: '工作结束时间', children: periodEnd(w.endDate, w.ongoing) },
          { key: 'company', label: '单位名称', children: w.company ?? '' },
          { key: 'credit', label: '统一社会信用代码', children: <CreditCode w={w} /> },
          { key: 'unitType', label: '单位类型', children: unitTypeName(w.unitType) },
          { key: 'industry', label: '所属行业', children: nameOf(INDUSTRIES, w.industry) },
          { key: 'address', label: '工作单位地址', children: w.address ?? '' },
          { key: 'phone', label: '工作单位电话', children: w.phone ?? '' },
        ]}
      />
      <Typography.Paragraph style={{ margin: '16px 0 8px' }}>是否有会计工作经历：{w.hasAccounting ? '是' : '否'}</Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.level}-${r.post}-${r.startDate}`}
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={w.accountingRows}
        locale={{ emptyText: '暂无数据' }}
        columns={accountingRowColumns()}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'title', label: '会计专业职务', children: nameOf(ACCOUNTING_TITLES, w.title) },
          { key: 'titleDate', label: '会计专业职务聘任时间', children: w.titleDate ?? '' },
          ...(w.hasAccounting ? [{ key: 'proof', label: '会计工作经历证明', children: <FileLink id={w.accountingProofFileId}>证明</FileLink> }] : []),
          ...(w.title ? [{ key: 'titleFile', label: '聘任文件或证明', children: <FileLink id={w.titleFileId}>聘任文件</FileLink> }] : []),
        ]}
      />
    </>
  );
}

/** 工作经历 (guide 3.5): the table of entries with 查看详情 / 编辑 / 删除 and the 新增 modal. */
export function WorkStep({ state, ...step }: EntryStepProps) {
  const blockNext = () =>
    state.scope === 'accountant' && !state.work.some((w) => w.hasAccounting && w.accountingRows.length > 0)
      ? '采集范围为“会计人员”的，工作经历中须填写会计工作经历'
      : undefined;

  return (
    <EntryListStep<WorkEntry>
      kind="work"
      noun="工作经历"
      intro={
        <>
          可分段采集工作经历。原省平台采集并审核通过的工作岗位信息会显示在下方，请点击“编辑”补充缺失项；原始信息有误的，请删除后新增。
          {state.scope === 'accountant' && ' 采集范围为“会计人员”的，须填写会计工作经历。'}
        </>
      }
      entries={state.work}
      {...step}
      // every column has its width and together (+ 操作 200) they fit the 1280 px page, so 会计专业职务
      // is never under the fixed 操作 column; narrower screens scroll
      scrollX={1120}
      columns={[
        { title: '工作开始时间', dataIndex: 'startDate', width: 100 },
        { title: '工作结束时间', key: 'end', width: 100, render: (_, w) => periodEnd(w.endDate, w.ongoing) },
        { title: '单位名称', key: 'company', width: 140, render: (_, w) => <LegacyName name={w.company} legacy={w.legacy} /> },
        { title: '统一社会信用代码', key: 'credit', width: 170, render: (_, w) => <CreditCode w={w} /> },
        { title: '单位类型', key: 'unitType', width: 120, render: (_, w) => unitTypeName(w.unitType) },
        { title: '所属行业', key: 'industry', width: 100, render: (_, w) => nameOf(INDUSTRIES, w.industry) },
        { title: '是否有会计工作经历', key: 'hasAccounting', width: 90, render: (_, w) => (w.hasAccounting ? '是' : '否') },
        { title: '会计专业职务', key: 'title', width: 100, render: (_, w) => nameOf(ACCOUNTING_TITLES, w.title) },
      ]}
      Editor={WorkModal}
      detailWidth={860}
      renderDetail={(w) => <WorkDetail w={w} status={state.status} />}
      blockNext={blockNext}
    />
  );
}
