import type { ReactNode } from 'react';
import { AuditOutlined, BookOutlined, ControlOutlined, HomeOutlined, IdcardOutlined, QuestionCircleOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { StaffRole } from '@ausm/domain';

export interface AdminNavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** who sees it; every staff member when absent */
  roles?: readonly StaffRole[];
  /** one line for the 工作台 shortcut card */
  description?: string;
}

/** Staff who decide reviews; the system administrator does not (the server refuses it too). */
export const REVIEW_ROLES: readonly StaffRole[] = ['reviewer', 'supervisor'];

/** The management portal's pages, in menu order: the menu and the 工作台 shortcuts both read this. */
export const ADMIN_NAV: readonly AdminNavItem[] = [
  { path: '/admin', label: '工作台', icon: <HomeOutlined /> },
  {
    path: '/admin/reviews',
    label: '审核队列',
    icon: <AuditOutlined />,
    roles: REVIEW_ROLES,
    description: '审核本部门受理的线上实名认证、会计人员信息采集等事项，按条件筛选并导出。',
  },
  {
    path: '/admin/people',
    label: '人员查询',
    icon: <IdcardOutlined />,
    roles: REVIEW_ROLES,
    description: '查询本部门（主管含下级部门）所辖会计人员，查看档案（查看留痕），录入奖惩信息。',
  },
  {
    path: '/admin/staff',
    label: '工作人员管理',
    icon: <TeamOutlined />,
    roles: ['sysadmin', 'admin'],
    description: '新建工作人员账号，分配角色和所属会计管理部门，停用、启用账号或重置密码（部门管理员：本部门及下级部门）。',
  },
  {
    path: '/admin/certificates',
    label: '全国会计资格职称库',
    icon: <SafetyCertificateOutlined />,
    roles: ['sysadmin'],
    description: '查询证书，导入CSV证书数据；信息采集按此核验“具有会计专业技术资格”的人员。',
  },
  {
    path: '/admin/policies',
    label: '政策参数',
    icon: <ControlOutlined />,
    roles: ['sysadmin'],
    description: '按版本设定登录失败锁定等政策参数，指定生效日期；每项决定记录所用版本。',
  },
  {
    path: '/admin/faq',
    label: '帮助中心管理',
    icon: <QuestionCircleOutlined />,
    roles: ['sysadmin'],
    description: '维护会计人员端帮助中心的常见问题及答案。',
  },
  { path: '/admin/guide', label: '操作说明', icon: <BookOutlined />, description: '管理端的登录、工作人员管理、帮助中心维护和审核的操作说明。' },
];

export function navFor(role: StaffRole): AdminNavItem[] {
  return ADMIN_NAV.filter((n) => !n.roles || n.roles.includes(role));
}

/** The menu entry a path belongs to: the longest matching prefix. */
export function selectedNavPath(pathname: string): string {
  const match = ADMIN_NAV.filter((n) => pathname === n.path || pathname.startsWith(`${n.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/admin';
}
