import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '@ausm/domain';
import { AppError } from './errors';
import type { Staff } from '../db/types';

export const ACCOUNTANT_COOKIE = 'ausm_sid';
export const STAFF_COOKIE = 'ausm_staff_sid';

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, name: string, token: string): void {
  const { config } = req.server.ctx;
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    // a browser-session cookie: the server enforces idle and absolute lifetimes
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.server.ctx.config.cookieSecure });
}

/**
 * Who may call a route, declared where the route is: a guard from a module's *.policy.ts carries its
 * policy, and a route without a guard says `config: { access: 'public' }`. The authorization matrix
 * (server/test/modules/authorization-matrix.test.ts) reads both for every route in the OpenAPI
 * document, so a route that declares neither fails it.
 */
export type RoutePolicy = { kind: 'accountant' } | { kind: 'staff'; roles: readonly StaffRole[] };
export type Guard = ((req: FastifyRequest) => Promise<void>) & { policy: RoutePolicy };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** a route anyone may call (it has no guard): login, registration, public reference data, probes */
    access?: 'public';
  }
}

/**
 * preValidation guard (it runs before the body is validated, so an anonymous caller learns nothing
 * about a route's fields): the caller must be a signed-in accountant; sets request.accountantId.
 */
export const requireAccountant: Guard = Object.assign(async function requireAccountant(req: FastifyRequest): Promise<void> {
  const token = req.cookies[ACCOUNTANT_COOKIE];
  const session = await req.server.ctx.sessions.resolveAccountant(token);
  if (!session) {
    throw token ? new AppError('SESSION_EXPIRED', '登录已超时，请重新登录') : AppError.unauthenticated();
  }
  req.accountantId = session.subjectId;
  req.account = session.account;
}, { policy: { kind: 'accountant' } as const });

/** Resolves the signed-in staff member (enabled) or throws 401; loaded once per request. */
export async function loadStaff(req: FastifyRequest): Promise<Staff> {
  if (req.staff) return req.staff;
  const token = req.cookies[STAFF_COOKIE];
  const { sessions } = req.server.ctx;
  const session = await sessions.resolveStaff(token);
  if (!session) throw token ? new AppError('SESSION_EXPIRED', '登录已超时，请重新登录') : AppError.unauthenticated();
  const { staff } = session;
  if (staff.disabled) {
    await sessions.destroy(token);
    throw AppError.unauthenticated('账号已停用');
  }
  req.staffId = staff.id;
  req.staff = staff;
  return staff;
}

/** preValidation guard factory: a signed-in staff member with one of the roles. */
export function requireStaff(...roles: StaffRole[]): Guard {
  const guard = async (req: FastifyRequest): Promise<void> => {
    const staff = await loadStaff(req);
    if (roles.length > 0 && !roles.includes(staff.role)) throw AppError.forbidden('您的角色无权执行此操作');
  };
  return Object.assign(guard, { policy: { kind: 'staff', roles } as const });
}
