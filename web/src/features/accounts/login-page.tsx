import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, WechatTicket, WechatTicketState } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { CaptchaImage, type CaptchaHandle } from '../../components/captcha-image';
import { NoticeCard } from '../../components/notice-card';
import { WechatQr } from '../../components/wechat-qr';
import { usePublicConfig } from '../../lib/session';

/** 登录: 证件号码或手机号, 密码, 图形验证码; back to 首页 with the masked name on success. */
export function LoginPage() {
  const [form] = Form.useForm<LoginRequest>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const captchaRef = useRef<CaptchaHandle>(null);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onCaptcha = useCallback((id: string) => form.setFieldValue('captchaId', id), [form]);
  const { data: config } = usePublicConfig();
  const openWechat = useCallback(() => api<WechatTicket>('POST', '/api/session/wechat'), []);
  const pollWechat = useCallback(
    async (ticket: string): Promise<WechatTicketState> => {
      const r = await api<{ state: WechatTicketState; me: Me | null }>('POST', `/api/session/wechat/${encodeURIComponent(ticket)}`);
      if (r.me) qc.setQueryData(['me'], r.me);
      return r.state;
    },
    [qc],
  );
  const wechatDone = useCallback(() => navigate('/'), [navigate]);

  const submit = async (values: LoginRequest) => {
    setError(undefined);
    setSubmitting(true);
    try {
      const me = await api<Me>('POST', '/api/session', values);
      qc.setQueryData(['me'], me);
      navigate('/');
    } catch (e) {
      // a captcha is single use: clear it and load a new one first, then say why (clearing after the
      // message would wipe the message beside the field)
      form.setFieldValue('captchaText', '');
      captchaRef.current?.refresh();
      setError(applyApiError(form, e));
    } finally {
      setSubmitting(false);
    }
  };

  const passwordForm = (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="证件号码或手机号" name="account" rules={[{ required: true, message: '请输入证件号码或手机号' }]}>
          <Input autoComplete="username" placeholder="注册时填写的证件号码或手机号" maxLength={30} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="captchaId" hidden>
          <Input />
        </Form.Item>
        <Form.Item label="验证码" htmlFor="captchaText" required>
          <Space wrap>
            <Form.Item name="captchaText" noStyle rules={[{ required: true, message: '请输入图形验证码' }]}>
              <Input id="captchaText" autoComplete="off" maxLength={6} style={{ width: 140 }} placeholder="图中字符" />
            </Form.Item>
            <CaptchaImage ref={captchaRef} onChange={onCaptcha} />
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          登录
        </Button>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
          <Typography.Text>
            还没有账号？<Link to="/register">立即注册</Link>
          </Typography.Text>
          <Link to="/forgot-password">忘记密码</Link>
        </div>
      </Form>
    </>
  );

  return (
    <div className="ausm-two-col">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>会计人员登录</h1>}>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'password', label: '账号登录', children: passwordForm },
            {
              key: 'wechat',
              label: '微信扫码登录',
              children: (
                <>
                  <WechatQr purpose="登录" open={openWechat} poll={pollWechat} onDone={wechatDone} demo={Boolean(config?.demo)} />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                    微信扫码登录仅适用于已绑定微信的账号。尚未绑定的，请先使用账号密码登录，在“个人中心 → 微信绑定”中绑定微信。
                  </Typography.Paragraph>
                </>
              ),
            },
          ]}
        />
      </Card>
      <NoticeCard
        items={[
          '可使用注册时填写的证件号码或手机号登录。',
          '连续输错密码5次，账号将被锁定30分钟；忘记密码请点击“忘记密码”重置。',
          '图形验证码不区分大小写，看不清可点击图片换一张。',
          '为保护您的信息安全，30分钟无操作将自动退出登录；在公共电脑上使用后请点击“退出”。',
          '已绑定微信的账号可使用“微信扫码登录”；二维码5分钟内有效，过期请刷新。',
        ]}
      />
    </div>
  );
}
