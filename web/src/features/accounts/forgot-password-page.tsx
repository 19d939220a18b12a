import { Alert, Button, Card, Form, Input } from 'antd';
import { checkMobile, DENGBAO_PASSWORD_POLICY, type ResetPasswordRequest } from '@ausm/domain';
import { api } from '../../lib/api';
import { ruleFrom } from '../../lib/forms';
import { usePublicConfig } from '../../lib/session';
import { NoticeCard } from '../../components/notice-card';
import { DoneCard, PasswordPair, SmsCodeField, useFormSubmit } from './account-form-parts';
import { NameField } from '../../components/name-field';

/** 找回密码: every field must match the registration; success ends all sessions of the account. */
export function ForgotPasswordPage() {
  const [form] = Form.useForm<ResetPasswordRequest>();
  const { data: config } = usePublicConfig();
  const policy = config?.passwordPolicy ?? DENGBAO_PASSWORD_POLICY;
  const { error, submitting, done, submit, codeVoided } = useFormSubmit(form, (values) => api('POST', '/api/password-reset', values));

  if (done) return <DoneCard title="密码已重置" subTitle="请使用新密码登录。为保护账号安全，该账号在其他设备上的登录已全部退出。" />;

  return (
    <div className="ausm-two-col">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>找回密码</h1>}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} validateTrigger="onBlur">
          <Form.Item label="证件号码" name="idNumber" rules={[{ required: true, message: '请输入证件号码' }]}>
            <Input autoComplete="off" maxLength={30} />
          </Form.Item>
          <NameField form={form} rules={[{ required: true, message: '请输入真实姓名' }]} />
          <PasswordPair form={form} policy={policy} name="newPassword" label="新密码" confirmLabel="确认新密码" />
          <Form.Item label="手机号" name="phone" rules={[{ required: true, message: '请输入手机号' }, ruleFrom(checkMobile)]}>
            <Input autoComplete="tel" inputMode="tel" maxLength={20} />
          </Form.Item>
          <SmsCodeField form={form} purpose="reset_password" codeVoided={codeVoided} />
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            确认重置密码
          </Button>
        </Form>
      </Card>
      <NoticeCard
        items={[
          '证件号码、真实姓名、手机号须与注册时填写的一致，否则无法重置。',
          '验证码将发送到注册时填写的手机号，3分钟内有效。',
          '注册手机号已停用的，请携带本人有效身份证件到所属会计管理部门办理。',
          '重置成功后，该账号在所有设备上的登录都会退出，请用新密码重新登录。',
          '重置密码会同时解除因密码输错导致的账号锁定。',
        ]}
      />
    </div>
  );
}
