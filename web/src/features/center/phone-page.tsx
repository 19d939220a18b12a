import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { checkMobile, type PhoneChangeRequest } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError, ruleFrom } from '../../lib/forms';
import { useMe } from '../../lib/session';
import { usePageTitle } from '../../lib/use-page-title';
import { SmsCodeButton } from '../../components/sms-code-button';

/**
 * 信息修改: the registered phone. The current password again, a code sent to the new phone; other
 * devices are signed out and the old number is told.
 */
export function PhonePage() {
  usePageTitle('信息修改');
  const [form] = Form.useForm<PhoneChangeRequest>();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [changedTo, setChangedTo] = useState<string>();

  const submit = async (v: PhoneChangeRequest) => {
    setSaving(true);
    setError(undefined);
    try {
      const r = await api<{ maskedPhone: string }>('POST', '/api/center/phone', { password: v.password, newPhone: v.newPhone.trim(), smsCode: v.smsCode.trim() });
      setChangedTo(r.maskedPhone);
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  if (changedTo) {
    return (
      <Card title={<h2>信息修改</h2>}>
        <Result
          status="success"
          title="手机号修改成功"
          subTitle={`注册手机号已改为 ${changedTo}。今后请用新手机号登录和接收验证码；其他设备上的登录已退出，并已向原手机号发送修改通知。`}
          extra={<Button onClick={() => setChangedTo(undefined)}>返回</Button>}
        />
      </Card>
    );
  }
  return (
    <Card title={<h2>信息修改</h2>}>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前手机号">{me?.maskedPhone}</Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark onFinish={submit} style={{ maxWidth: 480 }}>
        <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]} extra="为确认是您本人操作，请输入登录密码">
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新手机号" name="newPhone" rules={[{ required: true, message: '请输入新手机号' }, ruleFrom(checkMobile)]}>
          <Input autoComplete="tel" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item label="短信验证码" htmlFor="smsCode" required extra="验证码将发送至新手机号">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="smsCode" noStyle rules={[{ required: true, message: '请输入短信验证码' }]}>
              <Input id="smsCode" autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <SmsCodeButton
              purpose="change_phone"
              phoneField="newPhone"
              getPhone={() => String(form.getFieldValue('newPhone') ?? '')}
              onPhoneError={(m) => form.setFields([{ name: 'newPhone', errors: [m] }])}
              request={(newPhone, captcha) => api('POST', '/api/center/phone/code', { newPhone, ...captcha })}
            />
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} size="large">
          确认修改
        </Button>
      </Form>
    </Card>
  );
}

