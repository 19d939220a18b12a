import { requireAccountant } from '../../platform/auth';

/** 奖惩信息: the accountant applies for themself and reads their own; departments record through 人员查询. */
export const honorsPolicy = {
  owner: requireAccountant,
} as const;
