import { requireStaff } from '../../platform/auth';

/**
 * Review queues and decisions: reviewers and supervisors, within their scope (the queue is a WHERE
 * clause; each item is checked by the engine: decide, read-only, or 404). Other roles decide nothing.
 */
export const reviewsPolicy = {
  reviewers: requireStaff('reviewer', 'supervisor'),
} as const;
