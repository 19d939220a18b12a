import { Route, Routes, useLocation, Link } from 'react-router';
import { Button, Menu, Result, Spin } from 'antd';
import { useMe } from '../../lib/session';
import { ArchivePage } from './archive-page';
import { WechatPage } from './wechat-page';
import { PhonePage } from './phone-page';
import { DataPage, ClosedPage } from './data-page';
import './center.css';

const SECTIONS = [
  { path: '/center', label: '个人档案' },
  { path: '/center/wechat', label: '微信绑定' },
  { path: '/center/phone', label: '信息修改' },
  { path: '/center/data', label: '我的数据' },
] as const;

/** 个人中心 (guide §9): reached by clicking one's name at the top right. */
export default function CenterApp() {
  const { data: me, isLoading } = useMe();
  const { pathname } = useLocation();
  if (pathname === '/center/closed') return <ClosedPage />;
  if (isLoading) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  }
  if (!me) {
    return (
      <Result
        status="info"
        title="请先登录"
        subTitle="个人中心需要登录后查看。"
        extra={
          <Link to="/login">
            <Button type="primary">会计人员登录</Button>
          </Link>
        }
      />
    );
  }
  const current = SECTIONS.find((s) => s.path === pathname.replace(/\/$/, ''))?.path ?? '/center';
  return (
    <div className="ausm-center">
      <nav aria-label="个人中心" className="ausm-center-nav">
        <h1 className="ausm-center-title">个人中心</h1>
        <Menu mode="inline" selectedKeys={[current]} items={SECTIONS.map((s) => ({ key: s.path, label: <Link to={s.path}>{s.label}</Link> }))} />
      </nav>
      <div className="ausm-center-body">
        <Routes>
          <Route index element={<ArchivePage />} />
          <Route path="wechat" element={<WechatPage />} />
          <Route path="phone" element={<PhonePage />} />
          <Route path="data" element={<DataPage />} />
          <Route path="*" element={<ArchivePage />} />
        </Routes>
      </div>
    </div>
  );
}
