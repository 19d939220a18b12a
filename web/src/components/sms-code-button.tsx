import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Input, Modal, Typography } from 'antd';
import { checkMobile, type SmsPurpose } from '@ausm/domain';
import { api, ApiError } from '../lib/api';
import { CaptchaImage, type CaptchaHandle } from './captcha-image';

interface Props {
  purpose: SmsPurpose;
  /** reads the phone field; returns undefined after showing its own error */
  getPhone: () => string;
  onPhoneError: (message: string) => void;
  /** changes when the server used the code up without doing its work: the button may send again */
  codeVoided?: number;
  /** a signed-in route of its own (个人中心): sends for this phone instead of POST /api/sms/send */
  request?: (phone: string, captcha?: { captchaId: string; captchaText: string }) => Promise<{ resendAfter: number }>;
  /** the code goes to the account's registered phone, which the page does not type: no phone check */
  registeredPhone?: boolean;
  /** the API's field path of the phone (the server names it so in its errors) */
  phoneField?: string;
}

/**
 * 免费获取验证码: sends a code and counts down until another may be sent (the server's window, so a
 * reload or a second tab still shows the true wait). Once this network or phone has had a code, the
 * server asks for the image captcha (CAPTCHA_REQUIRED): a 安全验证 dialog shows it, then sends.
 */
export function SmsCodeButton({ purpose, getPhone, onPhoneError, codeVoided, request, registeredPhone, phoneField = 'phone' }: Props) {
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);
  const [asking, setAsking] = useState(false);
  const [captchaId, setCaptchaId] = useState('');
  const [captchaText, setCaptchaText] = useState('');
  const [captchaError, setCaptchaError] = useState<string | undefined>();
  const captchaRef = useRef<CaptchaHandle>(null);
  const onCaptcha = useCallback((id: string) => setCaptchaId(id), []);

  useEffect(() => {
    if (codeVoided) setLeft(0);
  }, [codeVoided]);

  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  const send = async (captcha?: { captchaId: string; captchaText: string }) => {
    const phone = getPhone().trim();
    const check = checkMobile(phone);
    if (!registeredPhone && !check.ok) {
      onPhoneError(check.message);
      return;
    }
    setSending(true);
    try {
      const r = request ? await request(phone, captcha) : await api<{ resendAfter: number }>('POST', '/api/sms/send', { phone, purpose, ...captcha });
      setAsking(false);
      setLeft(r.resendAfter);
      void message.success('验证码已发送，请注意查收短信');
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'CAPTCHA_REQUIRED' || e.code === 'CAPTCHA_INVALID')) {
        // a captcha is single use: whatever happened, the next try needs a new image
        setCaptchaText('');
        setCaptchaError(e.code === 'CAPTCHA_INVALID' ? e.message : undefined);
        if (asking) captchaRef.current?.refresh();
        setAsking(true);
        return;
      }
      setAsking(false);
      if (e instanceof ApiError && e.retryAfter) setLeft(e.retryAfter);
      const fieldMsg = e instanceof ApiError ? e.fields.find((f) => f.path === phoneField)?.message : undefined;
      if (fieldMsg) onPhoneError(fieldMsg);
      else void message.error(e instanceof Error ? e.message : '验证码发送失败');
    } finally {
      setSending(false);
    }
  };

  const confirm = () => {
    if (!captchaText.trim()) {
      setCaptchaError('请输入图形验证码');
      return;
    }
    void send({ captchaId, captchaText: captchaText.trim() });
  };

  return (
    <>
      <Button onClick={() => void send()} disabled={left > 0} loading={sending && !asking} data-testid="sms-button" aria-live="polite" style={{ minWidth: 132 }}>
        {left > 0 ? `${left > 60 ? `${Math.ceil(left / 60)}分钟` : `${left}秒`}后重新获取` : '免费获取验证码'}
      </Button>
      <Modal title="安全验证" open={asking} onOk={confirm} okText="确定" cancelText="取消" confirmLoading={sending} onCancel={() => setAsking(false)} destroyOnHidden>
        <Typography.Paragraph>为保护您的手机号不被他人滥用，请输入图形验证码后获取短信验证码。</Typography.Paragraph>
        <label htmlFor="sms-captcha" style={{ display: 'block', marginBottom: 8 }}>
          图形验证码
        </label>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Input
            id="sms-captcha"
            value={captchaText}
            onChange={(e) => {
              setCaptchaText(e.target.value);
              setCaptchaError(undefined);
            }}
            onPressEnter={confirm}
            maxLength={8}
            autoComplete="off"
            status={captchaError ? 'error' : undefined}
            aria-describedby={captchaError ? 'sms-captcha-error' : undefined}
            style={{ width: 140 }}
            autoFocus
          />
          <CaptchaImage ref={captchaRef} onChange={onCaptcha} />
        </div>
        {captchaError ? (
          <Typography.Text type="danger" id="sms-captcha-error" role="alert" style={{ display: 'block', marginTop: 8 }}>
            {captchaError}
          </Typography.Text>
        ) : null}
      </Modal>
    </>
  );
}
