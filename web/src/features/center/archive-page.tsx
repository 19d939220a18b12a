import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Empty, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  COLLECTION_STATUS_LABELS,
  ID_DOCUMENT_TYPES,
  REVIEW_STATUS_LABELS,
  beijingDateTime,
  type ChangesState,
  type CollectionState,
  type HonorsState,
  type ReviewStatus,
  type TransfersState,
} from '@ausm/domain';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';

const STATUS_COLOR: Partial<Record<ReviewStatus, string>> = { approved: 'green', pending: 'blue', returned: 'orange', rejected: 'red' };
const when = (iso: string | null | undefined) => (iso ? beijingDateTime(iso) : '—');
const status = (s: ReviewStatus) => <Tag color={STATUS_COLOR[s]}>{REVIEW_STATUS_LABELS[s]}</Tag>;

function Section({ title, to, children }: { title: string; to?: string; children: ReactNode }) {
  return (
    <Card title={<h2>{title}</h2>} extra={to ? <Link to={to}>办理{title}</Link> : undefined}>
      {children}
    </Card>
  );
}

function Records<T extends { id: string }>({ loading, rows, empty, columns }: { loading: boolean; rows: ReadonlyArray<T> | undefined; empty: string; columns: TableColumnsType<T> }) {
  return <Table<T> size="small" rowKey="id" loading={loading} pagination={false} dataSource={rows ? [...rows] : []} locale={{ emptyText: <Empty description={empty} /> }} columns={columns} />;
}

function useOwn<T>(key: string, url: string) {
  return useQuery({ queryKey: [key], queryFn: () => api<T>('GET', url), retry: false });
}

/**
 * 个人档案: 个人基本信息, 信息采集, 信息变更, 属地关系调转, 职业资格, 奖惩 on one page (guide §9), masked
 * where the guide masks; each section links to where it is done.
 */
export function ArchivePage() {
  usePageTitle('个人档案');
  const { data: me } = useMe();
  const collection = useOwn<CollectionState>('collection', '/api/collection');
  const changes = useOwn<ChangesState>('changes', '/api/changes');
  const transfers = useOwn<TransfersState>('transfers', '/api/transfers');
  const honors = useOwn<HonorsState>('honors', '/api/honors');
  if (!me) return null;
  const c = collection.data;
  const loading = <Spin aria-label="加载中" />;
  return (
    <>
      <Section title="个人基本信息">
        <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
          <Descriptions.Item label="姓名">{me.maskedName}</Descriptions.Item>
          <Descriptions.Item label="证件类型">{ID_DOCUMENT_TYPES.find((t) => t.value === me.idType)?.label ?? me.idType}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{me.maskedIdNumber}</Descriptions.Item>
          <Descriptions.Item label="手机号">{me.maskedPhone}</Descriptions.Item>
          <Descriptions.Item label="性别">{me.sex === 'male' ? '男' : me.sex === 'female' ? '女' : '—'}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{me.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="实名认证">{me.realnameVerified ? <Tag color="green">已实名认证</Tag> : <Tag>未实名认证</Tag>}</Descriptions.Item>
        </Descriptions>
      </Section>
      <Section title="信息采集" to="/collection">
        {!c ? (collection.isError ? <Alert type="info" showIcon title="尚未开始信息采集" /> : loading) : (
          <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
            <Descriptions.Item label="采集状态">{COLLECTION_STATUS_LABELS[c.status]}</Descriptions.Item>
            <Descriptions.Item label="所属会计管理部门">{c.departmentPath.length ? c.departmentPath.map((d) => d.name).join(' / ') : '—'}</Descriptions.Item>
            <Descriptions.Item label="教育经历">{c.education.length} 条</Descriptions.Item>
            <Descriptions.Item label="工作经历">{c.work.length} 条</Descriptions.Item>
            <Descriptions.Item label="提交时间">{when(c.review?.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="审核时间">{when(c.review?.decidedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Section>
      <Section title="信息变更" to="/changes">
        <Records
          loading={changes.isLoading}
          rows={changes.data?.records}
          empty="暂无信息变更记录"
          columns={[
            { title: '变更事项', dataIndex: 'kindLabel' },
            { title: '提交时间', dataIndex: 'submittedAt', render: when },
            { title: '状态', dataIndex: 'status', render: status },
          ]}
        />
      </Section>
      <Section title="属地关系调转" to="/transfer">
        <Records
          loading={transfers.isLoading}
          rows={transfers.data?.records}
          empty="暂无调转记录"
          columns={[
            { title: '调转原因', dataIndex: 'reasonName' },
            { title: '调出', render: (_v, r) => r.from.path },
            { title: '调入', render: (_v, r) => r.to.path },
            { title: '状态', dataIndex: 'status', render: status },
          ]}
        />
      </Section>
      <Section title="职业资格">
        <Empty description="暂无职业资格信息。会计专业技术资格取得后在此显示。" />
      </Section>
      <Section title="奖惩信息" to="/honors">
        <Records
          loading={honors.isLoading}
          rows={honors.data?.records}
          empty="暂无奖惩记录"
          columns={[
            { title: '奖惩名称', dataIndex: 'title' },
            { title: '奖惩时间', dataIndex: 'date' },
            { title: '状态', dataIndex: 'status', render: status },
          ]}
        />
      </Section>
    </>
  );
}
