import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { beijingDateTime } from '@ausm/domain';

export const PORTAL_TITLE = '全国会计人员统一服务管理平台 · 管理端';

/** Query keys of the management portal all start with this, so logout can drop them at once. */
export const ADMIN_KEY = 'admin';

/**
 * A 401 from any management call means the staff session is gone (idle timeout, disabled by an
 * administrator, password reset): forget the signed-in staff member so the guard sends them to login.
 */
export function forgetStaffIfSignedOut(qc: QueryClient, err: unknown): boolean {
  if (err instanceof ApiError && err.status === 401) {
    qc.setQueryData(['staff-me'], null);
    return true;
  }
  return false;
}

/** Watches every management query for a lost session. */
export function useSessionWatch(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      qc.getQueryCache().subscribe((e) => {
        if (e.type === 'updated' && e.action.type === 'error' && e.query.queryKey[0] === ADMIN_KEY) {
          forgetStaffIfSignedOut(qc, e.action.error);
        }
      }),
    [qc],
  );
}

export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} - ${PORTAL_TITLE}`;
  }, [page]);
}

const DESKTOP_QUERY = '(min-width: 992px)';

/** True at antd's lg breakpoint and wider; read synchronously so phones never flash the side menu. */
export function useIsDesktop(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(DESKTOP_QUERY);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(DESKTOP_QUERY).matches,
    () => true,
  );
}

/** An ISO instant shown as Beijing time: 2026-03-01 10:00 (domain's one formatter). */
export function formatBeijingTime(iso: string): string {
  return beijingDateTime(iso);
}
