import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Spin } from 'antd';
import { PortalLayout } from './portal-layout';
import { LoginPage } from '../features/accounts/login-page';
import { NotFoundPage } from './not-found-page';
import { ReviewPresentersContext } from '../components/review-presenters';
import { REVIEW_PRESENTERS } from './review-presenters';

// The login page is the one most people open first: it loads with the shell, every other page on demand.
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const RegisterPage = lazy(() => import('../features/accounts/register-page').then((m) => ({ default: m.RegisterPage })));
const ForgotPasswordPage = lazy(() => import('../features/accounts/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const HelpCenterPage = lazy(() => import('../features/help/help-center-page'));
const GuidePage = lazy(() => import('../features/help/guide-page'));
const AskPage = lazy(() => import('../features/help/ask-page'));
const AdminApp = lazy(() => import('../features/admin/admin-app'));
const CollectionPage = lazy(() => import('../features/collection/collection-page'));
const ChangesPage = lazy(() => import('../features/collection/changes-page'));
const TransferPage = lazy(() => import('../features/collection/transfer-page'));
const HonorsPage = lazy(() => import('../features/collection/honors-page'));
const AlipaySimPage = lazy(() => import('../features/realname/alipay-sim-page'));
const WechatSimPage = lazy(() => import('../features/center/wechat-sim-page'));
const CenterApp = lazy(() => import('../features/center/center-app'));

const fallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin aria-label="加载中" />
  </div>
);

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={fallback}>
        <Routes>
          <Route
            path="/admin/*"
            element={
              <ReviewPresentersContext.Provider value={REVIEW_PRESENTERS}>
                <AdminApp />
              </ReviewPresentersContext.Provider>
            }
          />
          {/* the simulated phone that the 支付宝实名认证 QR code opens: a bare page, no portal frame */}
          <Route path="/sim/alipay/:id" element={<AlipaySimPage />} />
          <Route path="/sim/wechat/:ticket" element={<WechatSimPage />} />
          <Route element={<PortalLayout />}>
            <Route index element={<HomePage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="help" element={<HelpCenterPage />} />
            <Route path="guide" element={<GuidePage />} />
            <Route path="guide/:chapter" element={<GuidePage />} />
            <Route path="ask" element={<AskPage />} />
            <Route path="collection" element={<CollectionPage />} />
            <Route path="changes" element={<ChangesPage />} />
            <Route path="transfer" element={<TransferPage />} />
            <Route path="honors" element={<HonorsPage />} />
            <Route path="center/*" element={<CenterApp />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
