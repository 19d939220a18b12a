import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Form, Input, Result, Space, Spin, Typography } from 'antd';
import { WechatOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { SimPhone } from '../../components/sim-phone';

interface SimSession {
  purpose: 'login' | 'bind';
  status: string;
  expiresAt: string;
  app: string;
}
interface AnswerForm {
  login: string;
  nickname?: string;
}

const GREEN = '#07c160';

/**
 * The simulated WeChat phone that the platform's QR codes open (demo only): "scan" with a WeChat
 * user of the simulator (a new 微信号 gets the nickname given) and confirm or cancel.
 */
export default function WechatSimPage() {
  const { ticket = '' } = useParams();
  const [form] = Form.useForm<AnswerForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const session = useQuery({ queryKey: ['wechat-sim', ticket], queryFn: () => api<SimSession>('GET', `/api/sim/wechat/${encodeURIComponent(ticket)}`), retry: false });


  const answer = async (confirm: boolean) => {
    setError(undefined);
    let v: AnswerForm = { login: 'cancel' };
    if (confirm) {
      try {
        v = await form.validateFields();
      } catch {
        return;
      }
    }
    setBusy(true);
    try {
      await api('POST', `/api/sim/wechat/${encodeURIComponent(ticket)}/answer`, { login: v.login.trim(), nickname: v.nickname?.trim() || undefined, confirm });
      await session.refetch();
    } catch (e) {
      if (e instanceof ApiError) {
        const nick = e.fields.find((f) => f.path === 'nickname');
        if (nick) form.setFields([{ name: 'nickname', errors: [nick.message] }]);
        else setError(e.message);
        if (e.code === 'INVALID_TRANSITION') await session.refetch();
      } else setError('网络连接失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const s = session.data;
  const action = s?.purpose === 'bind' ? '绑定' : '登录';
  let content;
  if (session.isLoading) content = <Spin aria-label="加载中" />;
  else if (!s) content = <Result status="warning" title="二维码无效" subTitle={session.error instanceof ApiError ? session.error.message : '请在电脑上刷新二维码'} />;
  else if (s.status === 'confirmed') content = <Result status="success" title={`已确认${action}`} subTitle="请回到电脑上继续操作。" />;
  else if (s.status === 'cancelled') content = <Result status="info" title={`已取消${action}`} subTitle="如需继续，请在电脑上刷新二维码后重新扫描。" />;
  else if (s.status === 'expired') content = <Result status="warning" title="二维码已过期" subTitle="请在电脑上刷新二维码后重新扫描。" />;
  else {
    content = (
      <>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <WechatOutlined style={{ fontSize: 40, color: GREEN }} aria-hidden="true" />
          <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
            {s.app}
          </Typography.Paragraph>
          <Typography.Text>{s.purpose === 'bind' ? '申请绑定你的微信，用于扫码登录和接收公众号消息' : '申请使用你的微信登录'}</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item label="微信号" name="login" rules={[{ required: true, whitespace: true, message: '请输入微信号' }]} extra="模拟的微信用户；首次使用的微信号请同时填写昵称">
            <Input autoComplete="username" maxLength={40} />
          </Form.Item>
          <Form.Item label="昵称" name="nickname">
            <Input maxLength={32} />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button type="primary" block size="large" loading={busy} style={{ background: GREEN }} onClick={() => void answer(true)}>
              确认{action}
            </Button>
            <Button block onClick={() => void answer(false)} disabled={busy}>
              取消
            </Button>
          </Space>
        </Form>
      </>
    );
  }
  return (
    <SimPhone title="微信 · 扫码确认" headerColor="#1f1f1f" background="#ededed">
      {content}
    </SimPhone>
  );
}
