import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SecondFactorResponse, StaffLoginResponse } from '@ausm/domain';
import { ApiError, api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';

interface Props {
  step: StaffLoginResponse;
  /** the session is open */
  onSignedIn: (me: SecondFactorResponse) => void;
  /** the ticket ran out: back to the password, with a message */
  onRestart: (message: string) => void;
}

/** 4 characters, a space, 4 …: a secret people can type into an authenticator by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * The second screen of 工作人员登录 (等保三级: two factors for staff): the authenticator's 6-digit code,
 * or a one-time recovery code; a member not yet enrolled first binds an authenticator by QR code.
 * After enrolment the ten recovery codes are shown once, before the 工作台 opens.
 */
export function AdminSecondFactor({ step, onSignedIn, onRestart }: Props) {
  const [form] = Form.useForm<{ code: string; recoveryCode: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState<SecondFactorResponse | null>(null);
  const enrolling = step.next === 'enrol';

  const onFinish = async (values: { code?: string; recoveryCode?: string }) => {
    setError(undefined);
    setSubmitting(true);
    try {
      const me = await api<SecondFactorResponse>('POST', '/api/admin/session/second-factor', {
        ticket: step.ticket,
        ...(useRecovery ? { recoveryCode: (values.recoveryCode ?? '').trim() } : { code: (values.code ?? '').replace(/\s/g, '') }),
      });
      if (me.recoveryCodes?.length) setSaved(me);
      else onSignedIn(me);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SESSION_EXPIRED') onRestart(err.message);
      // at the field when it names one (a wrong code), above the form otherwise (locked, too many tries)
      else setError(applyApiError(form, err));
    } finally {
      setSubmitting(false);
    }
  };

  if (saved) {
    return (
      <section aria-labelledby="recovery-title">
        <Typography.Title level={2} id="recovery-title" style={{ fontSize: 20 }}>
          绑定成功，请保存恢复码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title="每个恢复码只能使用一次。手机丢失或无法使用身份验证器时，可用恢复码代替动态验证码登录。离开本页后将无法再次查看。"
          style={{ marginBottom: 12 }}
        />
        <ol className="ausm-recovery-codes" data-testid="recovery-codes">
          {saved.recoveryCodes?.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <Button type="primary" block size="large" onClick={() => onSignedIn(saved)}>
          我已保存，进入工作台
        </Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="second-factor-title">
      <Typography.Title level={2} id="second-factor-title" style={{ fontSize: 20 }}>
        <SafetyCertificateOutlined aria-hidden /> {enrolling ? '绑定身份验证器' : '身份验证'}
      </Typography.Title>
      {step.next === 'enrol' ? (
        <>
          <Typography.Paragraph>首次登录须绑定身份验证器（手机令牌、Google Authenticator 等）。以后每次登录，在密码之后输入它显示的6位动态验证码。</Typography.Paragraph>
          <Typography.Paragraph strong>第一步：用身份验证器扫描二维码</Typography.Paragraph>
          <img className="ausm-totp-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(step.qrSvg)}`} alt="绑定身份验证器的二维码" width={180} height={180} />
          <Typography.Paragraph>
            无法扫码时，在身份验证器中手动输入密钥：
            <Typography.Text code copyable={{ text: step.secret }} data-testid="totp-secret">
              {grouped(step.secret)}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph strong>第二步：输入身份验证器显示的6位动态验证码</Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph>请打开手机上的身份验证器，输入“全国会计人员统一服务管理平台”当前显示的6位动态验证码。</Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        {useRecovery ? (
          <Form.Item label="恢复码" name="recoveryCode" rules={[{ required: true, whitespace: true, message: '请输入恢复码' }]} extra="绑定时保存的10个恢复码之一，格式如 ABCDE-FGHIJ">
            <Input autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={20} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item label="动态验证码" name="code" rules={[{ required: true, pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: '请输入6位数字动态验证码' }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus />
          </Form.Item>
        )}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {enrolling ? '验证并绑定' : '验证并登录'}
          </Button>
        </Form.Item>
      </Form>
      {!enrolling && (
        <Button type="link" onClick={() => setUseRecovery((v) => !v)} style={{ paddingInline: 0 }}>
          {useRecovery ? '改用动态验证码' : '无法使用身份验证器？使用恢复码'}
        </Button>
      )}
    </section>
  );
}
