import { requireAccountant } from '../../platform/auth';

/**
 * 实名认证: the accountant verifies their own account (Alipay or upload). Deciding an upload is the
 * review engine's (the department of the chosen city); the simulator's phone page needs no session
 * and exists only in demo mode.
 */
export const realnamePolicy = {
  owner: requireAccountant,
} as const;
