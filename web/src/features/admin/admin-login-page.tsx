import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { StaffLoginResponse, StaffMe } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { useStaffMe } from '../../lib/session';
import { CaptchaInput, useCaptcha } from './admin-captcha';
import { ADMIN_KEY, PORTAL_TITLE, usePageTitle } from './admin-session';
import { AdminSecondFactor } from './admin-second-factor';

interface LoginForm {
  username: string;
  password: string;
  captchaText: string;
}

/** Where the guard came from, if it is a management page (never an outside URL). */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/admin') && !from.startsWith('/admin/login') ? from : '/admin';
}

/** 管理端登录: username, password and an image captcha; separate from the accountant login. */
export function AdminLoginPage() {
  usePageTitle('工作人员登录');
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [step, setStep] = useState<StaffLoginResponse | null>(null);
  const { captcha, loading, failed, refresh } = useCaptcha();
  const { data: me } = useStaffMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  if (me && !step) return <Navigate to={returnPath(location.state)} replace />;

  const signedIn = (staff: StaffMe) => {
    qc.removeQueries({ queryKey: [ADMIN_KEY] });
    qc.setQueryData(['staff-me'], staff);
    navigate(returnPath(location.state), { replace: true });
  };

  const onFinish = async (values: LoginForm) => {
    if (!captcha) return;
    setError(undefined);
    setSubmitting(true);
    try {
      // the password opens no session: the second screen (动态验证码, or binding an authenticator) follows
      setStep(
        await api<StaffLoginResponse>('POST', '/api/admin/session', {
          username: values.username.trim(),
          password: values.password,
          captchaId: captcha.id,
          captchaText: values.captchaText.trim(),
        }),
      );
    } catch (err) {
      // a captcha is single use: every failed attempt needs a new one
      form.setFieldValue('captchaText', '');
      refresh();
      setError(applyApiError(form, err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="ausm-admin-login">
      <a href="#admin-login" className="sr-only">
        跳到登录表单
      </a>
      <header className="ausm-admin-login-brand">
        <span className="ausm-admin-emblem" aria-hidden="true">
          会
        </span>
        <span>{PORTAL_TITLE}</span>
      </header>
      <main id="admin-login">
        <Card className="ausm-admin-login-card">
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            工作人员登录
          </Typography.Title>
          <Typography.Paragraph type="secondary">供会计管理部门、考试管理机构及系统管理员使用。会计人员请从会计人员端登录。</Typography.Paragraph>
          {step ? (
            <AdminSecondFactor
              step={step}
              onSignedIn={signedIn}
              onRestart={(message) => {
                setStep(null);
                form.setFieldsValue({ password: '', captchaText: '' });
                refresh();
                setError(message);
              }}
            />
          ) : (
            <>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} initialValues={{ username: '', password: '', captchaText: '' }}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="off" spellCheck={false} maxLength={64} />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={200} />
            </Form.Item>
            <Form.Item label="验证码" name="captchaText" rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}>
              <CaptchaInput captcha={captcha} loading={loading} failed={failed} onRefresh={refresh} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block size="large" loading={submitting} disabled={!captcha}>
                登录
              </Button>
            </Form.Item>
          </Form>
            </>
          )}
        </Card>
        <p className="ausm-admin-login-note">
          <Link to="/">返回会计人员端</Link>
        </p>
      </main>
    </div>
  );
}
