import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffSummary } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { usePublicConfig } from '../../lib/session';
import { forgetStaffIfSignedOut } from './admin-session';
import { passwordHint, passwordRule } from './staff-rules';

interface PasswordForm {
  password: string;
  confirmPassword: string;
}

/** 重置密码: the administrator sets a new password; the person's sessions end at once. */
export function StaffPasswordModal({ staff, onClose, onDone }: { staff: StaffSummary | undefined; onClose: () => void; onDone: (s: StaffSummary) => void }) {
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string>();
  const { data: config } = usePublicConfig();
  const qc = useQueryClient();
  const reset = useMutation({
    mutationFn: (v: PasswordForm & { id: string }) => api<StaffSummary>('PATCH', `/api/admin/staff/${v.id}`, { password: v.password }),
    onMutate: () => setError(undefined),
    onSuccess: (s) => {
      onDone(s);
      onClose();
    },
    onError: (err) => {
      if (!forgetStaffIfSignedOut(qc, err)) setError(applyApiError(form, err));
    },
  });

  return (
    <Modal
      open={staff !== undefined}
      title="重置密码"
      okText="重置密码"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={reset.isPending}
      onCancel={onClose}
      afterClose={() => setError(undefined)}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ password: '', confirmPassword: '' }}
          onFinish={(v) => staff && reset.mutate({ ...v, id: staff.id })}
        >
          {dom}
        </Form>
      )}
    >
      {staff && (
        <Typography.Paragraph>
          为 <strong>{staff.displayName}</strong>（{staff.username}）设置新密码。重置后其已登录的会话立即失效，锁定状态同时解除，请将新密码告知本人。
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item label="新密码" name="password" rules={[{ required: true, message: '请输入新密码' }, passwordRule(config?.passwordPolicy)]} extra={passwordHint(config?.passwordPolicy)}>
        <Input.Password autoFocus autoComplete="new-password" maxLength={64} />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
    </Modal>
  );
}
