import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLES, STAFF_ROLE_LABELS, type StaffMe, type StaffRole, type StaffSummary } from '@ausm/domain';
import { api } from '../../lib/api';
import { applyApiError } from '../../lib/forms';
import { usePublicConfig } from '../../lib/session';
import { buildDepartmentTree, subtreeOf, type DepartmentOption } from './department-tree';
import { ADMIN_KEY, forgetStaffIfSignedOut } from './admin-session';
import { passwordHint, passwordRule, usernameRule } from './staff-rules';

interface CreateForm {
  username: string;
  displayName: string;
  role: StaffRole;
  departmentCode?: string;
  password: string;
}

const ROLE_HINTS: Record<StaffRole, string> = {
  sysadmin: '管理工作人员账号、帮助中心和政策参数，不隶属具体会计管理部门',
  admin: '管理本部门及下级部门的工作人员账号，不参与业务审核',
  reviewer: '审核本部门受理的业务',
  supervisor: '审核本部门及下级部门的业务',
  exam_office: '负责本地区（省、计划单列市、兵团或中央单位）的会计资格考试工作，不参与信息审核',
};

function useDepartmentTree(enabled: boolean) {
  const q = useQuery({
    queryKey: [ADMIN_KEY, 'departments'],
    queryFn: () => api<{ items: DepartmentOption[] }>('GET', '/api/admin/departments'),
    enabled,
    staleTime: 30 * 60_000,
  });
  const tree = useMemo(() => (q.data ? buildDepartmentTree(q.data.items) : []), [q.data]);
  return { tree, loading: q.isLoading, failed: q.isError };
}

/** 新建工作人员: username, name, role, department (not for a system administrator), initial password. */
export function StaffCreateModal({ actor, open, onClose, onCreated }: { actor: StaffMe; open: boolean; onClose: () => void; onCreated: (s: StaffSummary) => void }) {
  const [form] = Form.useForm<CreateForm>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string>();
  const { data: config } = usePublicConfig();
  const qc = useQueryClient();
  const departments = useDepartmentTree(open);
  // a department administrator works inside its own subtree, and never creates system administrators
  const delegated = actor.role === 'admin';
  const tree = delegated && actor.departmentCode ? subtreeOf(departments.tree, actor.departmentCode) : departments.tree;
  const roles = STAFF_ROLES.filter((r) => !delegated || r !== 'sysadmin');
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      api<StaffSummary>('POST', '/api/admin/staff', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        departmentCode: v.role === 'sysadmin' ? null : (v.departmentCode ?? null),
        password: v.password,
      }),
    onMutate: () => setError(undefined),
    onSuccess: (s) => {
      onCreated(s);
      onClose();
    },
    onError: (err) => {
      if (!forgetStaffIfSignedOut(qc, err)) setError(applyApiError(form, err));
    },
  });

  return (
    <Modal
      open={open}
      title="新建工作人员"
      okText="创建"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={create.isPending}
      onCancel={onClose}
      afterClose={() => setError(undefined)}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<CreateForm>
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ username: '', displayName: '', role: 'reviewer', password: '' }}
          onFinish={(v) => create.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, usernameRule]} extra="3至32位小写字母、数字、下划线、点或短横线，以字母开头">
        <Input autoFocus autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={32} />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { min: 2, message: '请输入姓名' }]}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]} extra={role ? ROLE_HINTS[role] : undefined}>
        <Select options={roles.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }))} />
      </Form.Item>
      {role !== 'sysadmin' && (
        <Form.Item
          label="所属会计管理部门"
          name="departmentCode"
          rules={[{ required: true, message: '请选择所属会计管理部门' }]}
          extra={departments.failed ? '会计管理部门列表加载失败，请关闭后重试' : '可输入部门名称或代码查找'}
        >
          <TreeSelect
            treeData={tree}
            loading={departments.loading}
            showSearch={{ treeNodeFilterProp: 'search' }}
            treeDefaultExpandedKeys={[delegated ? (actor.departmentCode ?? '') : '000000']}
            placeholder="请选择"
            allowClear
            popupMatchSelectWidth={false}
            styles={{ popup: { root: { maxWidth: 'calc(100vw - 32px)' } } }}
          />
        </Form.Item>
      )}
      <Form.Item
        label="初始密码"
        name="password"
        rules={[{ required: true, message: '请输入初始密码' }, passwordRule(config?.passwordPolicy)]}
        extra={passwordHint(config?.passwordPolicy)}
      >
        <Input.Password autoComplete="new-password" maxLength={64} />
      </Form.Item>
    </Modal>
  );
}
