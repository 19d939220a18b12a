import { requireStaff } from '../../platform/auth';

/** 政策参数: the system administrator reads and adds versions (audited); everyone else is refused. */
export const policySettingsPolicy = {
  administrators: requireStaff('sysadmin'),
} as const;
