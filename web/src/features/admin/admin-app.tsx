import { lazy, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useOutletContext } from 'react-router';
import { Button, ConfigProvider, Result, Spin, type ThemeConfig } from 'antd';
import type { StaffMe, StaffRole } from '@ausm/domain';
import { useStaffMe } from '../../lib/session';
import { AdminLayout } from './admin-layout';
import { AdminLoginPage } from './admin-login-page';
import { AdminHomePage } from './admin-home-page';
import { StaffPage } from './staff-page';
import { REVIEW_ROLES } from './admin-nav';
import { ReviewQueuePage } from './review-queue-page';
import { ReviewDetailPage } from './review-detail-page';
import { PeoplePage, PersonArchivePage } from './people-page';
import { usePageTitle } from './admin-session';
import './admin.css';

// The one cross-feature reference, on purpose: the admin shell mounts the help feature's admin page.
// (no-restricted-imports does not look at dynamic import(), so no disable comment is needed.)
const AdminFaqPage = lazy(() => import('../help/admin-faq-page'));
const CertificatesPage = lazy(() => import('./certificates-page'));
const PoliciesPage = lazy(() => import('./policies-page'));
const GuidePage = lazy(() => import('../help/guide-page'));

/** Signed-in staff only: everyone else goes to /admin/login and comes back after signing in. */
function SignedInLayout() {
  const { data: me, isPending, isError, refetch } = useStaffMe();
  const location = useLocation();
  if (isPending) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  }
  if (isError) {
    return (
      <Result
        status="error"
        title="暂时无法连接服务器"
        subTitle="请检查网络后重试。"
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!me) return <Navigate to="/admin/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <AdminLayout me={me} />;
}

function BackToDesk() {
  return (
    <Link to="/admin">
      <Button type="primary">返回工作台</Button>
    </Link>
  );
}

/** A page only some roles may open; the others see 403 (the server refuses them too). */
function RoleOnly({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const me = useOutletContext<StaffMe>();
  return roles.includes(me.role) ? children : <Forbidden />;
}

function Forbidden() {
  usePageTitle('无权访问');
  return <Result status="403" title="无权访问" subTitle="您的角色无权使用此功能。如需开通，请联系系统管理员。" extra={<BackToDesk />} />;
}

/** The help feature's page does not name the browser tab itself; the shell does. */
function FaqRoute() {
  usePageTitle('帮助中心管理');
  return <AdminFaqPage />;
}

function AdminNotFound() {
  usePageTitle('页面不存在');
  return <Result status="404" title="页面不存在" subTitle="您访问的管理端页面不存在或已移动。" extra={<BackToDesk />} />;
}

/** antd's grey secondary texts (45% black) fail WCAG AA on white: the portal uses #595959 instead. */
const ADMIN_THEME: ThemeConfig = { token: { colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorError: '#cf1322' } };

/** 管理端: mounted by the app router at /admin/*. */
export default function AdminApp() {
  return (
    <ConfigProvider theme={ADMIN_THEME}>
      <AdminRoutes />
    </ConfigProvider>
  );
}

function AdminRoutes() {
  return (
    <Routes>
      <Route path="login" element={<AdminLoginPage />} />
      <Route element={<SignedInLayout />}>
        <Route index element={<AdminHomePage />} />
        <Route
          path="staff"
          element={
            <RoleOnly roles={['sysadmin', 'admin']}>
              <StaffPage />
            </RoleOnly>
          }
        />
        <Route
          path="reviews"
          element={
            <RoleOnly roles={REVIEW_ROLES}>
              <ReviewQueuePage />
            </RoleOnly>
          }
        />
        <Route
          path="reviews/:id"
          element={
            <RoleOnly roles={REVIEW_ROLES}>
              <ReviewDetailPage />
            </RoleOnly>
          }
        />
        <Route
          path="people"
          element={
            <RoleOnly roles={REVIEW_ROLES}>
              <PeoplePage />
            </RoleOnly>
          }
        />
        <Route
          path="people/:accountId"
          element={
            <RoleOnly roles={REVIEW_ROLES}>
              <PersonArchivePage />
            </RoleOnly>
          }
        />
        <Route
          path="certificates"
          element={
            <RoleOnly roles={['sysadmin']}>
              <CertificatesPage />
            </RoleOnly>
          }
        />
        <Route
          path="policies"
          element={
            <RoleOnly roles={['sysadmin']}>
              <PoliciesPage />
            </RoleOnly>
          }
        />
        <Route
          path="faq/*"
          element={
            <RoleOnly roles={['sysadmin']}>
              <FaqRoute />
            </RoleOnly>
          }
        />
        {/* the staff's 操作说明: the management chapters, no longer in the public guide */}
        <Route path="guide" element={<GuidePage audience="staff" />} />
        <Route path="guide/:chapter" element={<GuidePage audience="staff" />} />
        <Route path="*" element={<AdminNotFound />} />
      </Route>
    </Routes>
  );
}
