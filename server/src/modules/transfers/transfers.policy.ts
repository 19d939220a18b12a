import { requireAccountant } from '../../platform/auth';

/**
 * 属地关系调转: the accountant applies for themself and reads only their own applications (queries
 * keyed by the session's account); the receiving department decides and the sending department reads
 * through the review queue (reviews.policy.ts), per item by the engine's scope.
 */
export const transfersPolicy = {
  owner: requireAccountant,
} as const;
