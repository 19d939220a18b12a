import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Checkbox, Form, Input, Result, Spin, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { alipaySimConfirmRequest, alipaySimSessionResponse } from '@ausm/domain';
import { api, ApiError } from '../../lib/api';
import { SimPhone } from '../../components/sim-phone';

type SimSession = z.infer<typeof alipaySimSessionResponse>;
type ConfirmRequest = z.infer<typeof alipaySimConfirmRequest>;
interface ConfirmForm extends ConfirmRequest {
  newAccount?: boolean;
}

const BLUE = '#0958d9';

/**
 * The simulated Alipay phone page that the 实名认证 QR code opens (demo only): sign in as a simulated
 * 支付宝账号 — a new one gets a verified identity (姓名 + 身份证号) — and authorise; the simulator
 * compares that identity with the platform's registration.
 */
export default function AlipaySimPage() {
  const { id = '' } = useParams();
  const [form] = Form.useForm<ConfirmForm>();
  const newAccount = Form.useWatch('newAccount', form) ?? false;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const session = useQuery({
    queryKey: ['alipay-sim', id],
    queryFn: () => api<SimSession>('GET', `/api/sim/alipay/${encodeURIComponent(id)}`),
    retry: false,
  });


  const confirm = async (values: ConfirmForm) => {
    setSubmitting(true);
    setError(undefined);
    const body: ConfirmRequest = { login: values.login.trim() };
    if (values.newAccount) {
      body.name = values.name?.trim();
      body.idNumber = values.idNumber?.trim();
    }
    try {
      await api<{ status: string }>('POST', `/api/sim/alipay/${encodeURIComponent(id)}/confirm`, body);
      await session.refetch();
    } catch (e) {
      if (e instanceof ApiError) {
        const login = e.fields.find((f) => f.path === 'login');
        if (login) {
          form.setFields([{ name: 'login', errors: [login.message] }]);
          // an unknown account: offer to create it with its verified identity
          if (/不存在/.test(login.message)) form.setFieldValue('newAccount', true);
        } else setError(e.message);
        if (e.code === 'INVALID_TRANSITION') await session.refetch();
      } else setError('网络连接失败，请重试');
    } finally {
      setSubmitting(false);
    }
  };

  const s = session.data;
  let content;
  if (session.isLoading) {
    content = (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin aria-label="加载中" />
      </div>
    );
  } else if (!s) {
    content = <Result status="warning" title="二维码无效" subTitle={session.error instanceof ApiError ? session.error.message : '请回到电脑端重新发起认证'} />;
  } else if (s.status === 'passed') {
    content = <Result status="success" title="验证通过" subTitle="身份验证已完成，请回到电脑端继续操作。" />;
  } else if (s.status === 'failed') {
    content = <Result status="error" title="验证失败" subTitle={s.reason ?? '身份信息不一致'} />;
  } else if (s.status === 'expired') {
    content = <Result status="warning" title="验证失败" subTitle={s.reason ?? '认证已超时，请回到电脑端重新发起'} />;
  } else {
    content = (
      <>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: BLUE }} aria-hidden="true" />
          <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
            {s.merchant}
          </Typography.Paragraph>
          <Typography.Text type="secondary">申请验证您的身份信息</Typography.Text>
        </div>
        <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: '0 0 16px', padding: 12, background: '#f5f7fa', borderRadius: 8 }}>
          <dt style={{ color: '#595959' }}>验证对象</dt>
          <dd style={{ margin: 0 }} data-testid="sim-masked-name">
            {s.maskedName}
          </dd>
          <dt style={{ color: '#595959' }}>授权内容</dt>
          <dd style={{ margin: 0 }}>姓名、身份证号码的一致性核验结果</dd>
        </dl>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} name="alipay" layout="vertical" requiredMark onFinish={confirm}>
          <Form.Item
            label="支付宝账号"
            name="login"
            rules={[
              { required: true, message: '请输入支付宝账号' },
              { min: 3, message: '请输入支付宝账号' },
            ]}
            extra="模拟的支付宝账号，例如手机号或邮箱"
          >
            <Input autoComplete="username" placeholder="手机号/邮箱" maxLength={64} />
          </Form.Item>
          <Form.Item name="newAccount" valuePropName="checked">
            <Checkbox>这是首次使用的新账号（需登记其实名信息）</Checkbox>
          </Form.Item>
          {newAccount && (
            <>
              <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入支付宝账号的实名姓名' }]}>
                <Input autoComplete="name" maxLength={60} />
              </Form.Item>
              <Form.Item label="身份证号" name="idNumber" rules={[{ required: true, whitespace: true, message: '请输入支付宝账号的实名身份证号' }]}>
                <Input autoComplete="off" maxLength={30} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            同意授权并验证
          </Button>
        </Form>
      </>
    );
  }

  return (
    <SimPhone title="支付宝 · 身份验证" headerColor={BLUE} background="#e9edf3">
      {content}
    </SimPhone>
  );
}
