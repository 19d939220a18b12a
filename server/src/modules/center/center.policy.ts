import { requireAccountant } from '../../platform/auth';

/** 个人中心: the signed-in accountant's own account only (every route reads the caller's account). */
export const centerPolicy = {
  self: requireAccountant,
} as const;
