import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-reviews-collection';
import * as m0003 from './0003-queue-indexes';
import * as m0004 from './0004-review-engine-v2';
import * as m0005 from './0005-review-files';
import * as m0006 from './0006-jobs-and-summaries';
import * as m0007 from './0007-policies';
import * as m0008 from './0008-mask-audit-numbers';
import * as m0009 from './0009-staff-second-factor';
import * as m0010 from './0010-secrets-at-rest';
import * as m0011 from './0011-person-identity';
import * as m0012 from './0012-employer-without-code';
import * as m0013 from './0013-department-tree';
import * as m0014 from './0014-legacy-work-locks';
import * as m0015 from './0015-review-assignee';
import * as m0016 from './0016-collection-counts';
import * as m0017 from './0017-personal-centre';

/** Migrations are imported, not read from disk, so the bundled server carries them. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-reviews-collection': m0002,
  '0003-queue-indexes': m0003,
  '0004-review-engine-v2': m0004,
  '0005-review-files': m0005,
  '0006-jobs-and-summaries': m0006,
  '0007-policies': m0007,
  '0008-mask-audit-numbers': m0008,
  '0009-staff-second-factor': m0009,
  '0010-secrets-at-rest': m0010,
  '0011-person-identity': m0011,
  '0012-employer-without-code': m0012,
  '0013-department-tree': m0013,
  '0014-legacy-work-locks': m0014,
  '0015-review-assignee': m0015,
  '0016-collection-counts': m0016,
  '0017-personal-centre': m0017,
};
