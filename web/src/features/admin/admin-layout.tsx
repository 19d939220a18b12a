import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Layout, Menu, Spin, Tag } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLE_LABELS, type StaffMe } from '@ausm/domain';
import { api } from '../../lib/api';
import { navFor, selectedNavPath } from './admin-nav';
import { ADMIN_KEY, PORTAL_TITLE, useIsDesktop, useSessionWatch } from './admin-session';

function AdminMenu({ me, onNavigate }: { me: StaffMe; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedNavPath(pathname)]}
      onClick={onNavigate}
      items={navFor(me.role).map((n) => ({ key: n.path, icon: n.icon, label: <Link to={n.path}>{n.label}</Link> }))}
    />
  );
}

/** The management frame: side menu (a drawer on phones), header with who is signed in and 退出. */
export function AdminLayout({ me }: { me: StaffMe }) {
  useSessionWatch();
  const isDesktop = useIsDesktop();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  // After an in-app navigation (not a fresh page load) move focus to the new page, as a page load would.
  useEffect(() => {
    if (location.key !== 'default') document.getElementById('admin-main')?.focus({ preventScroll: true });
  }, [location.key, location.pathname]);

  const logout = async () => {
    await api('DELETE', '/api/admin/session').catch(() => undefined);
    navigate('/admin/login', { replace: true });
    qc.removeQueries({ queryKey: [ADMIN_KEY] });
    qc.setQueryData(['staff-me'], null);
  };

  return (
    <Layout className="ausm-admin">
      <a href="#admin-main" className="sr-only ausm-admin-skip">
        跳到主要内容
      </a>
      {isDesktop && (
        <Layout.Sider width={220} className="ausm-admin-sider">
          <div className="ausm-admin-sider-brand" aria-hidden="true">
            <span className="ausm-admin-emblem">会</span>管理端
          </div>
          <nav aria-label="管理端导航">
            <AdminMenu me={me} />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="ausm-admin-header">
          <div className="ausm-admin-title-row">
            {!isDesktop && (
              <Button
                type="text"
                className="ausm-admin-menu-button"
                icon={<MenuOutlined />}
                aria-label="打开导航菜单"
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            <Link to="/admin" className="ausm-admin-title">
              {PORTAL_TITLE}
            </Link>
          </div>
          <div className="ausm-admin-user" aria-label="当前登录的工作人员" role="group">
            <UserOutlined aria-hidden />
            <span className="ausm-admin-user-name" data-testid="staff-name">
              {me.displayName}
            </span>
            <Tag color="blue" className="ausm-admin-role">
              {STAFF_ROLE_LABELS[me.role]}
            </Tag>
            {me.departmentName && <span className="ausm-admin-dept">{me.departmentName}</span>}
            <Button size="small" icon={<LogoutOutlined />} onClick={logout}>
              退出
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content id="admin-main" tabIndex={-1} className="ausm-admin-content">
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin aria-label="加载中" />
              </div>
            }
          >
            <Outlet context={me} />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!isDesktop && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title="管理端导航"
          className="ausm-admin-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <nav aria-label="管理端导航">
            <AdminMenu me={me} onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
    </Layout>
  );
}
