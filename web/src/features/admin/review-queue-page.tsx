import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_MODE_LABELS,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type ReviewKind,
  type ReviewQueueItem,
  type ReviewStatus,
} from '@ausm/domain';
import { api } from '../../lib/api';
import { usePageTitle } from './admin-session';
import { BatchDecision } from './review-batch';
import {
  REVIEWS_KEY,
  ReviewStatusTag,
  apiQuery,
  filtersFromSearch,
  formatBeijingSeconds,
  searchFromFilters,
  type ReviewFilters,
  type ReviewQueuePage,
} from './review-shared';
import './review.css';

const PAGE_SIZE = 20;

interface FilterForm {
  kind: ReviewKind | 'all';
  status: ReviewStatus | 'all';
  dates: [Dayjs | null, Dayjs | null] | null;
  q: string;
  view: 'mine' | 'participating';
  assignee: 'all' | 'me' | 'unassigned';
}

function toForm(f: ReviewFilters): FilterForm {
  return {
    kind: f.kind ?? 'all',
    status: f.status,
    dates: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
    q: f.q ?? '',
    view: f.view ?? 'mine',
    assignee: f.assignee ?? 'all',
  };
}

function fromForm(v: FilterForm): ReviewFilters {
  const [from, to] = v.dates ?? [null, null];
  const q = v.q.trim();
  return {
    kind: v.kind === 'all' ? undefined : v.kind,
    status: v.status,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    q: q || undefined,
    view: v.view === 'participating' ? 'participating' : undefined,
    assignee: v.assignee === 'all' ? undefined : v.assignee,
  };
}

/** 审核队列: the department's (a supervisor's: and its descendants') reviews, newest first, 加载更多 by cursor. */
export function ReviewQueuePage() {
  usePageTitle('审核队列');
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const filterKey = apiQuery(filters);
  const [form] = Form.useForm<FilterForm>();

  // A link from 工作台 or the menu changes the URL while the page is open: the form follows it.
  useEffect(() => {
    form.setFieldsValue(toForm(filtersFromSearch(search)));
  }, [form, search]);

  const queue = useInfiniteQuery({
    queryKey: [...REVIEWS_KEY, 'queue', filterKey],
    queryFn: ({ pageParam }) =>
      api<ReviewQueuePage>('GET', `/api/admin/reviews?${apiQuery(filters, { limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const selected = items.filter((i) => selectedIds.includes(i.id) && i.status === 'pending');
  // the department decides what it holds: items it only reads (调出地) are not selectable
  const selectable = filters.view !== 'participating';
  const here = `?${searchFromFilters(filters).toString()}`;

  const columns: TableColumnsType<ReviewQueueItem> = [
    { title: '申请人', dataIndex: 'applicantName', width: 100 },
    { title: '证件号码', dataIndex: 'maskedIdNumber', width: 160 },
    { title: '事项类型', dataIndex: 'kindLabel', width: 140, render: (k: string, r) => (r.stageLabel && r.status === 'pending' && r.stageLabel !== '审核' ? `${k}（${r.stageLabel}）` : k) },
    { title: '受理部门', dataIndex: 'departmentName', width: 150 },
    { title: '分配给', dataIndex: 'assigneeName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '审核方式', dataIndex: 'mode', width: 90, render: (m: ReviewQueueItem['mode']) => REVIEW_MODE_LABELS[m] },
    { title: '审核状态', dataIndex: 'status', width: 100, render: (s: ReviewStatus) => <ReviewStatusTag status={s} /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string) => formatBeijingSeconds(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, r) => (
        <Link to={`/admin/reviews/${encodeURIComponent(r.id)}`} state={{ from: here }}>
          {r.status === 'pending' ? '审核' : '查看'}
          <span className="sr-only">
            {r.applicantName}的{r.kindLabel}
          </span>
        </Link>
      ),
    },
  ];

  return (
    <>
      <div className="ausm-admin-page-head">
        <Typography.Title level={1} className="ausm-admin-page-title">
          审核队列
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={`/api/admin/reviews/export?${filterKey}`} download>
          导出
        </Button>
      </div>
      <Card className="ausm-review-filters" size="small">
        <Form<FilterForm>
          form={form}
          layout="vertical"
          initialValues={toForm(filters)}
          aria-label="筛选审核事项"
          role="search"
          onFinish={(v) => setSearch(searchFromFilters(fromForm(v)))}
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} lg={24}>
              <Form.Item label="办理范围" name="view" style={{ marginBottom: 8 }}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'mine', label: '本部门受理' },
                    { value: 'participating', label: '调出地只读（审核中）' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="分配" name="assignee">
                <Select options={[{ value: 'all', label: '全部' }, { value: 'me', label: '分配给我的' }, { value: 'unassigned', label: '未分配' }]} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={5}>
              <Form.Item label="事项类型" name="kind">
                <Select options={[{ value: 'all', label: '全部' }, ...REVIEW_KINDS.map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k] }))]} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="审核状态" name="status">
                <Select options={[{ value: 'all', label: '全部' }, ...REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s] }))]} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="提交日期" name="dates">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} placeholder={['开始日期', '结束日期']} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label="申请人姓名或证件号码" name="q">
                <Input allowClear maxLength={30} placeholder="姓名或完整证件号码" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={4}>
              <Form.Item>
                <div className="ausm-review-filter-actions">
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    查询
                  </Button>
                  <Button onClick={() => setSearch(searchFromFilters({ status: 'pending' }))}>重置</Button>
                </div>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {queue.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={queue.error.message}
          action={
            <Button size="small" onClick={() => void queue.refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <>
          {selectable && <BatchDecision selected={selected} onDone={() => setSelectedIds([])} />}
          <Table<ReviewQueueItem>
            rowKey="id"
            rowSelection={
              selectable
                ? {
                    selectedRowKeys: selectedIds,
                    onChange: (keys) => setSelectedIds(keys.map(String)),
                    getCheckboxProps: (r) => ({ disabled: r.status !== 'pending', 'aria-label': `选择${r.applicantName}的${r.kindLabel}` }),
                  }
                : undefined
            }
            columns={columns}
            dataSource={items}
            loading={queue.isLoading}
            pagination={false}
            scroll={{ x: 1090 }}
            locale={{ emptyText: '暂无符合条件的审核事项' }}
            aria-label="审核事项列表"
          />
          {items.length > 0 && (
            <div className="ausm-review-more">
              {queue.hasNextPage ? (
                <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                  加载更多
                </Button>
              ) : (
                <span className="ausm-review-muted">已显示全部 {items.length} 条</span>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
