import { Outlet, Link, useNavigate } from 'react-router';
import { Suspense } from 'react';
import { Button, Dropdown, Space, Spin } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useLogout, useMe, usePublicConfig } from '../lib/session';
import { ConsentGate } from '../components/privacy-notice';
import { ElderModeSwitch } from '../components/elder-mode';

/** 会计人员信息服务: only the chapters that exist (a later chapter adds its entry here). */
const SERVICE_MENU: ReadonlyArray<{ to: string; label: string }> = [
  { to: '/collection', label: '信息采集' },
  { to: '/changes', label: '信息变更' },
  { to: '/transfer', label: '属地关系调转' },
  { to: '/honors', label: '奖惩信息' },
];

/** The accountant portal frame: title bar with 注册 / 会计人员登录, or the masked name and 退出. */
export function PortalLayout() {
  const { data: me } = useMe();
  const { data: config } = usePublicConfig();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <a href="#main" className="sr-only">跳到主要内容</a>
      {config?.demo && (
        <div className="ausm-demo-banner" role="note">
          演示环境：短信、支付宝等外部服务均为模拟器，数据仅供演示
        </div>
      )}
      <header className="ausm-header">
        <Link to="/" className="ausm-brand">
          <span className="ausm-emblem" aria-hidden="true">会</span>
          <span>全国会计人员统一服务管理平台</span>
        </Link>
        <nav aria-label="账号">
          {me ? (
            <Space>
              <ElderModeSwitch />
              {/* 会计人员信息服务 (guide §3): the entries built so far; later chapters add theirs */}
              <Dropdown menu={{ items: SERVICE_MENU.map((m) => ({ key: m.to, label: <Link to={m.to}>{m.label}</Link> })) }}>
                <Button type="text" style={{ color: '#fff' }} aria-haspopup="menu" data-testid="service-menu">
                  会计人员信息服务
                </Button>
              </Dropdown>
              {/* guide §9: clicking the name opens 个人中心; its menu also offers 退出登录 */}
              <Dropdown
                menu={{
                  items: [
                    { key: 'center', label: <Link to="/center">个人中心</Link> },
                    { key: 'logout', label: '退出登录' },
                  ],
                  onClick: async ({ key }) => {
                    if (key !== 'logout') return;
                    await logout();
                    navigate('/');
                  },
                }}
              >
                <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="masked-name" onClick={() => navigate('/center')}>
                  {me.maskedName}
                </Button>
              </Dropdown>
              <Button
                ghost
                onClick={async () => {
                  await logout();
                  navigate('/');
                }}
              >
                退出
              </Button>
            </Space>
          ) : (
            <Space>
              <ElderModeSwitch />
              <Link to="/register" className="ausm-header-link">
                注册
              </Link>
              <Link to="/login" className="ausm-header-link ausm-header-link-primary">
                会计人员登录
              </Link>
            </Space>
          )}
        </nav>
      </header>
      <ConsentGate
        me={me}
        onDecline={async () => {
          await logout();
          navigate('/');
        }}
      />
      <main id="main" className="ausm-main">
        {/* pages load on demand: the header and footer stay while one does */}
        <Suspense
          fallback={
            <div style={{ padding: 48, textAlign: 'center' }}>
              <Spin aria-label="加载中" />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="ausm-footer">
        <div>主办单位：中华人民共和国财政部{'\u3000'}承办单位：财政部会计资格评价中心</div>
        <div>
          <Link to="/help">帮助中心</Link>{'\u3000'}|{'\u3000'}<Link to="/guide">操作说明</Link>{'\u3000'}|{'\u3000'}<Link to="/ask">咨询答疑</Link>
        </div>
      </footer>
    </>
  );
}
