import { requireStaff } from '../../platform/auth';

/** 帮助中心: reading and asking are public; editing the FAQ is the system administrator's (audited). */
export const helpPolicy = {
  editors: requireStaff('sysadmin'),
} as const;
