import { lazy } from 'react';
import type { ReviewPresenter } from '../components/review-presenters';

/**
 * The review page's presenters, one per kind, from the feature that owns the kind. Loaded with the
 * page that shows them (the management portal), not with the login page.
 */
export const REVIEW_PRESENTERS: ReadonlyMap<string, ReviewPresenter> = new Map<string, ReviewPresenter>([
  ['realname', { Body: lazy(() => import('../features/realname/realname-review')), listFiles: false }],
  ['collection', { Body: lazy(() => import('../features/collection/collection-review')), listFiles: true }],
  ['transfer', { Body: lazy(() => import('../features/collection/transfer-review')), listFiles: true }],
  ['honor', { Body: lazy(() => import('../features/collection/honor-review')), listFiles: true }],
]);
