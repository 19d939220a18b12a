import { useEffect, useState } from 'react';
import { App, Button } from 'antd';
import { checkMobile, type SmsPurpose } from '@ausm/domain';
import { api, ApiError } from '../lib/api';

interface Props {
  purpose: SmsPurpose;
  /** reads the phone field; returns undefined after showing its own error */
  getPhone: () => string;
  onPhoneError: (message: string) => void;
}

/**
 * 免费获取验证码: sends a code and counts down until another may be sent (the server's window, so a
 * reload or a second tab still shows the true wait).
 */
export function SmsCodeButton({ purpose, getPhone, onPhoneError }: Props) {
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  const send = async () => {
    const phone = getPhone().trim();
    const check = checkMobile(phone);
    if (!check.ok) {
      onPhoneError(check.message);
      return;
    }
    setSending(true);
    try {
      const r = await api<{ resendAfter: number }>('POST', '/api/sms/send', { phone, purpose });
      setLeft(r.resendAfter);
      void message.success('验证码已发送，请注意查收短信');
    } catch (e) {
      if (e instanceof ApiError && e.retryAfter) setLeft(e.retryAfter);
      const fieldMsg = e instanceof ApiError ? e.fields.find((f) => f.path === 'phone')?.message : undefined;
      if (fieldMsg) onPhoneError(fieldMsg);
      else void message.error(e instanceof Error ? e.message : '验证码发送失败');
    } finally {
      setSending(false);
    }
  };

  return (
    <Button onClick={send} disabled={left > 0} loading={sending} data-testid="sms-button" aria-live="polite" style={{ minWidth: 132 }}>
      {left > 0 ? `${left}秒后重新获取` : '免费获取验证码'}
    </Button>
  );
}
