import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';

/** 注意事项: the common questions beside a form, with the way to 帮助中心. */
export function NoticeCard({ items, children }: { items: ReactNode[]; children?: ReactNode }) {
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>注意事项</h2>} size="small">
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        {items.map((item, i) => (
          <li key={i} style={{ marginBottom: 8, lineHeight: 1.7 }}>
            {item}
          </li>
        ))}
      </ol>
      {children}
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        注意事项中没有的问题，请到<Link to="/help">帮助中心</Link>查询，或使用<Link to="/ask">咨询答疑</Link>。
      </Typography.Paragraph>
    </Card>
  );
}
