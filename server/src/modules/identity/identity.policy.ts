import { requireAccountant } from '../../platform/auth';

/** Accounts: registering, logging in and resetting a password are public (captcha, SMS, limits); the rest is the signed-in accountant's own. */
export const identityPolicy = {
  self: requireAccountant,
} as const;
