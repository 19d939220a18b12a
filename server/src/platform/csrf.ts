import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery, checked on every state-changing request (onRequest, before anything
 * is parsed). SameSite=Lax cookies do not stop a page on another port of the same host — another
 * port is the same site — so the request must say it came from our own origin:
 * - a browser that sends Sec-Fetch-Site (every current one) must say `same-origin` (our pages) or
 *   `none` (typed by the user); `same-site` and `cross-site` are refused;
 * - otherwise, when an Origin header is present it must be the public origin (AUSM_PUBLIC_URL, or the
 *   running server's own origin) or one of AUSM_ALLOWED_ORIGINS;
 * - a request with neither header (a server-to-server callback, a test's inject) passes this check
 *   and still needs its session cookie like any other.
 */
export function csrfGuard(config: Config) {
  const allowed = new Set([...(config.publicOrigin ? [config.publicOrigin] : []), ...config.allowedOrigins]);
  return async (req: FastifyRequest): Promise<void> => {
    if (SAFE_METHODS.has(req.method)) return;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined) {
      if (site === 'same-origin' || site === 'none') return;
      throw refused();
    }
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (allowed.has(origin) || (!config.publicOrigin && origin === ownOrigin(req))) return;
    throw refused();
  };
}

/** Links handed out (a QR code's address) start at the public address, never at what the Host header says. */
export function linkOrigin(req: FastifyRequest): string {
  return req.server.ctx.config.publicOrigin ?? ownOrigin(req);
}

/** The origin this request was addressed to (behind a trusted proxy, as the proxy says). */
export function ownOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function refused(): AppError {
  return new AppError('CROSS_SITE_REFUSED', '请求来源不是本平台页面，已拒绝。请在本平台页面内操作');
}
