import { requireAccountant } from '../../platform/auth';

/** A person's own submissions: only the applicant withdraws (the engine checks the item is theirs). */
export const submissionsPolicy = {
  owner: requireAccountant,
} as const;
