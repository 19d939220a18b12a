import { createContext, useContext, type ComponentType } from 'react';
import type { ReviewDetail } from '@ausm/domain';

export interface ReviewBodyProps {
  detail: ReviewDetail;
}

/**
 * How the review page shows one kind (ADR 0005): each feature exports its own presenter and the app
 * layer composes them (web/src/app/review-presenters.ts), so the management feature has no branch per
 * kind and imports no other feature. A kind without a presenter gets the generic body.
 */
export interface ReviewPresenter {
  /** what was submitted */
  Body: ComponentType<ReviewBodyProps>;
  /** list every attachment under the body (a body that shows its files itself says false) */
  listFiles: boolean;
}

export const ReviewPresentersContext = createContext<ReadonlyMap<string, ReviewPresenter>>(new Map());

export function useReviewPresenter(kind: string): ReviewPresenter | undefined {
  return useContext(ReviewPresentersContext).get(kind);
}
