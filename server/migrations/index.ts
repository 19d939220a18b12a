import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';

/** Migrations are imported, not read from disk, so the bundled server carries them. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
