import { requireAccountant } from '../../platform/auth';

/**
 * 信息变更: the accountant changes only their own record (every query is keyed by the session's
 * account; an entry id from the request is looked up among that account's entries). The department
 * decides through the review queue (reviews.policy.ts).
 */
export const changesPolicy = {
  owner: requireAccountant,
} as const;
