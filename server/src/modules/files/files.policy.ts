import { requireAccountant, requireStaff } from '../../platform/auth';

/**
 * Files: an accountant uploads and reads their own; staff read a file only through an item it was
 * submitted with (the engine's per-item access: decide or read-only participant) or through the
 * archive of a person their department holds — each its own route.
 */
export const filesPolicy = {
  owner: requireAccountant,
  staffThroughItemOrArchive: requireStaff('reviewer', 'supervisor'),
} as const;
