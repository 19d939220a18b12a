import { Link, useOutletContext } from 'react-router';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { STAFF_ROLE_LABELS, type StaffMe } from '@ausm/domain';
import { REVIEW_ROLES, navFor } from './admin-nav';
import { usePageTitle } from './admin-session';
import { ReviewStatsCard } from './review-stats-card';

/** 工作台: who is signed in, reviewers' counts of their queue, and the pages this role can open. */
export function AdminHomePage() {
  usePageTitle('工作台');
  const me = useOutletContext<StaffMe>();
  const shortcuts = navFor(me.role).filter((n) => n.description);
  return (
    <>
      <Typography.Title level={1} className="ausm-admin-page-title">
        工作台
      </Typography.Title>
      <Card title={`欢迎，${me.displayName}`} className="ausm-admin-welcome">
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            { key: 'username', label: '用户名', children: me.username },
            { key: 'role', label: '角色', children: STAFF_ROLE_LABELS[me.role] },
            {
              key: 'department',
              label: '所属会计管理部门',
              children: me.departmentName ?? (me.role === 'sysadmin' ? '不隶属具体部门（系统管理员）' : '未指定'),
            },
          ]}
        />
      </Card>
      {REVIEW_ROLES.includes(me.role) && (
        <section aria-label="审核事项统计" style={{ marginTop: 24 }}>
          <ReviewStatsCard />
        </section>
      )}
      {shortcuts.length > 0 && (
        <section aria-labelledby="admin-shortcuts" style={{ marginTop: 24 }}>
          <Typography.Title level={2} id="admin-shortcuts" style={{ fontSize: 18 }}>
            常用功能
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {shortcuts.map((n) => (
              <Col key={n.path} xs={24} md={12} xl={8}>
                <Link to={n.path} className="ausm-admin-shortcut">
                  <Card hoverable>
                    <Card.Meta
                      avatar={<span className="ausm-admin-shortcut-icon">{n.icon}</span>}
                      title={
                        <span>
                          {n.label} <RightOutlined aria-hidden style={{ fontSize: 12 }} />
                        </span>
                      }
                      description={n.description}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      )}
    </>
  );
}
