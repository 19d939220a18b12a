import { Tag } from 'antd';
import {
  beijingDateTime,
  REVIEW_KINDS,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  type ReviewKind,
  type ReviewQueueItem,
  type ReviewStatus,
} from '@ausm/domain';
import { ADMIN_KEY } from './admin-session';

/** Query keys of the review pages; a decision invalidates all of them at once. */
export const REVIEWS_KEY = [ADMIN_KEY, 'reviews'] as const;

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  nextCursor: string | null;
}

export interface ReviewStats {
  scopeName: string;
  asOf: string | null;
  items: Array<{ kind: ReviewKind; status: ReviewStatus; count: number }>;
}

/**
 * The queue's filters as they stand in the URL, so a link (from 工作台, or shared) opens the same view.
 * Without a status the queue shows 审核中 — what a reviewer came for; `status=all` shows every status.
 */
export interface ReviewFilters {
  kind?: ReviewKind;
  status: ReviewStatus | 'all';
  from?: string;
  to?: string;
  q?: string;
  /** the open items the department only reads (a transfer's 调出地) */
  view?: 'participating';
  /** me: given to the caller; unassigned: given to no one */
  assignee?: 'me' | 'unassigned';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: URLSearchParams): ReviewFilters {
  const kind = search.get('kind');
  const status = search.get('status');
  const from = search.get('from');
  const to = search.get('to');
  const q = search.get('q')?.trim();
  return {
    kind: (REVIEW_KINDS as ReadonlyArray<string>).includes(kind ?? '') ? (kind as ReviewKind) : undefined,
    status: status === 'all' ? 'all' : (REVIEW_STATUSES as ReadonlyArray<string>).includes(status ?? '') ? (status as ReviewStatus) : 'pending',
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    q: q ? q.slice(0, 30) : undefined,
    view: search.get('view') === 'participating' ? 'participating' : undefined,
    assignee: search.get('assignee') === 'me' ? 'me' : search.get('assignee') === 'unassigned' ? 'unassigned' : undefined,
  };
}

/** The URL query of the queue page (status always spelled out, so the link says what it shows). */
export function searchFromFilters(f: ReviewFilters): URLSearchParams {
  const s = new URLSearchParams();
  if (f.kind) s.set('kind', f.kind);
  s.set('status', f.status);
  if (f.from) s.set('from', f.from);
  if (f.to) s.set('to', f.to);
  if (f.q) s.set('q', f.q);
  if (f.view) s.set('view', f.view);
  if (f.assignee) s.set('assignee', f.assignee);
  return s;
}

/** The API's query for the same filters (no `status` means every status). */
export function apiQuery(f: ReviewFilters, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams();
  if (f.kind) s.set('kind', f.kind);
  if (f.status !== 'all') s.set('status', f.status);
  if (f.from) s.set('from', f.from);
  if (f.to) s.set('to', f.to);
  if (f.q) s.set('q', f.q);
  if (f.view) s.set('view', f.view);
  if (f.assignee) s.set('assignee', f.assignee);
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  return s.toString();
}

export function queueLink(kind: ReviewKind, status: ReviewStatus): string {
  return `/admin/reviews?${searchFromFilters({ kind, status }).toString()}`;
}

/** An ISO instant as Beijing time to the second: 2026-03-01 10:00:05 (— for none). */
export function formatBeijingSeconds(iso: string | null | undefined): string {
  return beijingDateTime(iso, { seconds: true }) || '—';
}

/** antd's preset tag colours are too light for AA contrast; these classes (review.css) are not. */
const STATUS_CLASS: Readonly<Record<ReviewStatus, string>> = {
  pending: 'ausm-review-status-pending',
  returned: 'ausm-review-status-returned',
  approved: 'ausm-review-status-approved',
  rejected: 'ausm-review-status-rejected',
  withdrawn: 'ausm-review-status-withdrawn',
};

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  return <Tag className={STATUS_CLASS[status]}>{REVIEW_STATUS_LABELS[status]}</Tag>;
}
