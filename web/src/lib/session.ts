import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, PublicConfig, StaffMe } from '@ausm/domain';
import { api, ApiError } from './api';

/** The signed-in accountant, or null. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    // asks whether anyone is signed in without a 401 (which every logged-out page would log)
    queryFn: async () => (await api<{ me: Me | null }>('GET', '/api/session')).me,
    staleTime: 60_000,
  });
}

export function useStaffMe() {
  return useQuery({
    queryKey: ['staff-me'],
    queryFn: async () => {
      try {
        return await api<StaffMe>('GET', '/api/admin/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function usePublicConfig() {
  return useQuery({ queryKey: ['config'], queryFn: () => api<PublicConfig>('GET', '/api/config'), staleTime: 10 * 60_000 });
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    qc.setQueryData(['me'], null);
  };
}
