import { requireAccountant, requireStaff } from '../../platform/auth';

/**
 * 信息采集: who may do what. The accountant reads and edits only their own collection (every query is
 * keyed by the session's account, never by an id from the request); the 全国会计资格职称库 (search and
 * CSV import) is the system administrator's. Reference data (code lists, departments) is public.
 */
export const collectionPolicy = {
  owner: requireAccountant,
  certificateLibrary: requireStaff('sysadmin'),
} as const;
