import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert, Card, Collapse, Empty, Input, Skeleton, Space, Typography } from 'antd';
import { BookOutlined, CommentOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FAQ_CATEGORIES, FAQ_LIMITS, faqAnchor, type FaqEntry, type FaqListResponse } from '@ausm/domain';
import { api } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { MUTED } from './help-styles';

function useFaq(q: string) {
  return useQuery({
    queryKey: ['faq', q],
    queryFn: () => api<FaqListResponse>('GET', q ? `/api/help/faq?q=${encodeURIComponent(q)}` : '/api/help/faq'),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The FAQ id named by a #faq-<id> fragment, if any. */
function faqIdOf(hash: string): string | undefined {
  const m = /^#faq-(.+)$/.exec(decodeURIComponent(hash));
  return m?.[1];
}

/** 帮助中心: the registration and login FAQ, grouped by category, searchable, linkable per entry. */
export default function HelpCenterPage() {
  usePageTitle('帮助中心');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [input, setInput] = useState(q);
  const { hash } = useLocation();
  const { data, isPending, isError, error, isFetching } = useFaq(q);
  const [open, setOpen] = useState<string[]>([]);

  useEffect(() => setInput(q), [q]);

  // A link to /help#faq-<id> (from 咨询答疑) opens that entry and brings it into view.
  const target = faqIdOf(hash);
  const targetLoaded = Boolean(target && data?.items.some((i) => i.id === target));
  useEffect(() => {
    if (!target || !targetLoaded) return;
    setOpen((keys) => (keys.includes(target) ? keys : [...keys, target]));
    requestAnimationFrame(() => document.getElementById(faqAnchor(target))?.scrollIntoView({ block: 'start' }));
  }, [target, targetLoaded]);

  const search = (value: string) => {
    const v = value.trim();
    setParams(v ? { q: v } : {}, { replace: true });
  };

  const byCategory = (category: string): FaqEntry[] => data?.items.filter((i) => i.category === category) ?? [];

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        帮助中心
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        {/* the topics the page has, from the entries themselves: a new category is named as soon as it exists */}
        {`这里汇总了${(q ? FAQ_CATEGORIES : (data?.categories ?? FAQ_CATEGORIES)).join('、')}方面的常见问题。点击问题查看答案，也可以输入关键词搜索。`}
      </Typography.Paragraph>

      <Card style={{ marginBottom: 24 }}>
        <label htmlFor="help-faq-search" style={{ display: 'block', fontWeight: 500, marginBottom: 8 }}>
          搜索常见问题
        </label>
        <Input.Search
          id="help-faq-search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onSearch={search}
          placeholder="例如：验证码、锁定、生僻字"
          enterButton="搜索"
          allowClear
          maxLength={FAQ_LIMITS.query}
          loading={isFetching && !isPending}
          size="large"
        />
        <Space wrap size={[16, 8]} style={{ marginTop: 12 }}>
          <Link to="/guide">
            <BookOutlined aria-hidden="true" /> 查看操作说明
          </Link>
          <Link to={q ? `/ask?q=${encodeURIComponent(q)}` : '/ask'}>
            <CommentOutlined aria-hidden="true" /> 到咨询答疑提问
          </Link>
        </Space>
      </Card>

      {isError && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {isPending && <Skeleton active paragraph={{ rows: 8 }} />}

      {data && (
        <div aria-live="polite">
          <Typography.Paragraph style={MUTED}>
            {q ? `找到 ${data.items.length} 个与“${q}”相关的问题` : `共 ${data.total} 个常见问题`}
          </Typography.Paragraph>
          {data.items.length === 0 ? (
            <Empty description={<span style={MUTED}>{`没有找到与“${q}”相关的常见问题`}</span>}>
              <Space wrap>
                <Link to={`/ask?q=${encodeURIComponent(q)}`}>用咨询答疑提问</Link>
                <Link to="/guide">查看操作说明</Link>
                <Link to="/help" onClick={() => setInput('')}>
                  显示全部问题
                </Link>
              </Space>
            </Empty>
          ) : (
            data.categories.map((category) => (
              <section key={category} aria-label={category} style={{ marginBottom: 24 }}>
                <Typography.Title level={2} style={{ fontSize: 19 }}>
                  {category}
                </Typography.Title>
                <Collapse
                  activeKey={open}
                  onChange={(keys) => setOpen(keys)}
                  items={byCategory(category).map((item) => ({
                    key: item.id,
                    label: (
                      <span id={faqAnchor(item.id)} style={{ scrollMarginTop: 16, fontWeight: 500 }}>
                        {item.question}
                      </span>
                    ),
                    children: (
                      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line', lineHeight: 1.8 }}>
                        {item.answer}
                      </Typography.Paragraph>
                    ),
                  }))}
                />
              </section>
            ))
          )}
        </div>
      )}
    </div>
  );
}
