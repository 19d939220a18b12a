import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { Alert, App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { STAFF_ROLES, STAFF_ROLE_LABELS, type StaffMe, type StaffSummary } from '@ausm/domain';
import { api } from '../../lib/api';
import { ADMIN_KEY, forgetStaffIfSignedOut, formatBeijingTime, usePageTitle } from './admin-session';
import { ConfirmButton } from './confirm-button';
import { StaffCreateModal } from './staff-create-modal';
import { StaffPasswordModal } from './staff-password-modal';

const STAFF_KEY = [ADMIN_KEY, 'staff'] as const;

function StatusTags({ s }: { s: StaffSummary }) {
  if (!s.disabled && !s.locked) return <Tag className="ausm-admin-status-ok">正常</Tag>;
  return (
    <>
      {s.disabled && <Tag className="ausm-admin-status-disabled">已停用</Tag>}
      {s.locked && <Tag className="ausm-admin-status-locked">已锁定</Tag>}
    </>
  );
}

/** 工作人员管理 (system administrators): the staff register with create, disable/enable, reset password. */
export function StaffPage() {
  usePageTitle('工作人员管理');
  const me = useOutletContext<StaffMe>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffSummary>();
  const list = useQuery({ queryKey: STAFF_KEY, queryFn: () => api<{ items: StaffSummary[] }>('GET', '/api/admin/staff') });

  const toggle = useMutation({
    mutationFn: (v: { staff: StaffSummary; disabled: boolean }) => api<StaffSummary>('PATCH', `/api/admin/staff/${v.staff.id}`, { disabled: v.disabled }),
    onSuccess: (s) => {
      void message.success(`${s.displayName}（${s.username}）已${s.disabled ? '停用' : '启用'}`);
      void qc.invalidateQueries({ queryKey: STAFF_KEY });
    },
    onError: (err) => {
      if (!forgetStaffIfSignedOut(qc, err)) void message.error(err.message);
    },
  });

  const columns: TableColumnsType<StaffSummary> = [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (v: string, s) => (
        <>
          {v}
          {s.id === me.id && <Typography.Text type="secondary">（本人）</Typography.Text>}
        </>
      ),
    },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'role',
      render: (_: unknown, s) => STAFF_ROLE_LABELS[s.role],
      filters: STAFF_ROLES.map((r) => ({ text: STAFF_ROLE_LABELS[r], value: r })),
      onFilter: (value, s) => s.role === value,
    },
    { title: '所属会计管理部门', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, s) => <StatusTags s={s} />,
      filters: [
        { text: '正常', value: 'ok' },
        { text: '已停用', value: 'disabled' },
        { text: '已锁定', value: 'locked' },
      ],
      onFilter: (value, s) => (value === 'disabled' ? s.disabled : value === 'locked' ? s.locked : !s.disabled && !s.locked),
    },
    { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatBeijingTime(v) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 160,
      render: (_: unknown, s) => {
        const busy = toggle.isPending && toggle.variables.staff.id === s.id;
        return (
          <Space size={4} wrap>
            {s.id !== me.id && (
              <ConfirmButton
                title={s.disabled ? '启用该工作人员？' : '停用该工作人员？'}
                description={
                  s.disabled
                    ? `${s.displayName}（${s.username}）将可以重新登录管理端。`
                    : `${s.displayName}（${s.username}）的登录状态立即失效，且无法再登录。`
                }
                okText={s.disabled ? '启用' : '停用'}
                danger={!s.disabled}
                busy={busy}
                onConfirm={() => toggle.mutate({ staff: s, disabled: !s.disabled })}
              >
                {s.disabled ? '启用' : '停用'}
              </ConfirmButton>
            )}
            <Button type="link" size="small" onClick={() => setResetting(s)}>
              重置密码
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <div className="ausm-admin-page-head">
        <Typography.Title level={1} className="ausm-admin-page-title">
          工作人员管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建工作人员
        </Button>
      </div>
      {list.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={list.error.message}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<StaffSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isLoading}
          scroll={{ x: 960 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 人`, hideOnSinglePage: false }}
          aria-label="工作人员列表"
        />
      )}
      <StaffCreateModal
        actor={me}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          void message.success(`已创建工作人员 ${s.displayName}（${s.username}）`);
          void qc.invalidateQueries({ queryKey: STAFF_KEY });
        }}
      />
      <StaffPasswordModal
        staff={resetting}
        onClose={() => setResetting(undefined)}
        onDone={(s) => {
          void message.success(`已重置 ${s.displayName}（${s.username}）的密码`);
          void qc.invalidateQueries({ queryKey: STAFF_KEY });
        }}
      />
    </>
  );
}
