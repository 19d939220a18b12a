import { useState } from 'react';
import { Button, Card, Form, Input, Result, Space, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import { checkPassword, describePasswordPolicy, type PasswordPolicy, type SmsPurpose } from '@ausm/domain';
import { applyApiError, ruleFrom } from '../../lib/forms';
import { ApiError } from '../../lib/api';
import { SmsCodeButton } from '../../components/sms-code-button';

/** Answers after which the server has used the SMS code up: the page may ask for a new one at once. */
const CODE_VOIDING = new Set(['RESET_MISMATCH', 'ID_ALREADY_REGISTERED', 'PHONE_ALREADY_REGISTERED']);

/**
 * Submits a form to the API: server field errors land beside their fields, others in `error`;
 * `codeVoided` counts the answers that used the SMS code up (SmsCodeField restarts its button).
 */
export function useFormSubmit<T>(form: FormInstance<T>, send: (values: T) => Promise<unknown>) {
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);
  const [codeVoided, setCodeVoided] = useState(0);
  const submit = async (values: T) => {
    setError(undefined);
    setSubmitting(true);
    try {
      await send(values);
      setDone(true);
    } catch (e) {
      setError(applyApiError(form, e));
      if (e instanceof ApiError && CODE_VOIDING.has(e.code)) {
        form.setFieldValue('smsCode' as never, '' as never);
        setCodeVoided((n) => n + 1);
      }
    } finally {
      setSubmitting(false);
    }
  };
  return { error, submitting, done, submit, codeVoided };
}

/** The confirmation page after registering or resetting a password, with the way to 登录. */
export function DoneCard({ title, subTitle }: { title: string; subTitle: string }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="success"
        title={title}
        subTitle={subTitle}
        extra={
          <Button type="primary" onClick={() => navigate('/login')}>
            去登录
          </Button>
        }
      />
    </Card>
  );
}

/** A new password and its confirmation, checked by the same policy as the server. */
export function PasswordPair({ form, policy, name, label, confirmLabel }: { form: FormInstance; policy: PasswordPolicy; name: string; label: string; confirmLabel: string }) {
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        extra={describePasswordPolicy(policy)}
        rules={[
          { required: true, message: `请输入${label}` },
          ruleFrom((v) => checkPassword(v, policy, { idNumber: form.getFieldValue('idNumber'), phone: form.getFieldValue('phone') })),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={confirmLabel}
        name="confirmPassword"
        dependencies={[name]}
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || v === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** 验证码 with 免费获取验证码 for the phone in the form's `phone` field. */
export function SmsCodeField({ form, purpose, codeVoided }: { form: FormInstance; purpose: SmsPurpose; codeVoided?: number }) {
  return (
    <Form.Item label="验证码" htmlFor="smsCode" required>
      <Space.Compact style={{ width: '100%' }}>
        {/* checked as it is typed and at submit, not on blur: leaving the box to press 免费获取验证码 is no mistake */}
        <Form.Item name="smsCode" noStyle validateTrigger={['onChange']} rules={[{ required: true, message: '请输入验证码' }, { pattern: /^\d{6}$/, message: '请输入6位短信验证码' }]}>
          <Input id="smsCode" autoComplete="one-time-code" inputMode="numeric" maxLength={6} placeholder="短信验证码" />
        </Form.Item>
        <SmsCodeButton purpose={purpose} codeVoided={codeVoided} getPhone={() => form.getFieldValue('phone') ?? ''} onPhoneError={(m) => form.setFields([{ name: 'phone', errors: [m] }])} />
      </Space.Compact>
    </Form.Item>
  );
}
