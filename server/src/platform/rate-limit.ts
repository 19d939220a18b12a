import { Redis } from 'ioredis';
import type { Clock } from './clock';

export interface LimitResult {
  allowed: boolean;
  /** seconds until the window frees up (0 when allowed) */
  retryAfter: number;
}

/**
 * Counters shared by every instance when REDIS_URL is set (rate limits, SMS send windows, login
 * throttles); in-process otherwise, which is right for the single embedded process.
 */
export interface RateLimiter {
  /** fixed-window counter: allowed while the count in the window is ≤ limit */
  hit(key: string, limit: number, windowSeconds: number): Promise<LimitResult>;
  /** takes a key for ttl seconds if free (SMS resend window); refuses while held */
  acquire(key: string, ttlSeconds: number): Promise<LimitResult>;
  release(key: string): Promise<void>;
  /** the count of a `hit` key in its current window (0 when none), without counting */
  count(key: string): Promise<number>;
  /** for /api/ready: 'memory' in process, or whether the shared store answers */
  ping(): Promise<'memory' | 'ok'>;
  close(): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly clock: Clock) {}

  private sweep(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [k, v] of this.entries) if (v.resetAt <= now) this.entries.delete(k);
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<LimitResult> {
    const now = this.clock.now().getTime();
    this.sweep(now);
    let e = this.entries.get(key);
    if (!e || e.resetAt <= now) {
      e = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.entries.set(key, e);
    }
    e.count++;
    return e.count <= limit
      ? { allowed: true, retryAfter: 0 }
      : { allowed: false, retryAfter: Math.ceil((e.resetAt - now) / 1000) };
  }

  async acquire(key: string, ttlSeconds: number): Promise<LimitResult> {
    const now = this.clock.now().getTime();
    const e = this.entries.get(key);
    if (e && e.resetAt > now) return { allowed: false, retryAfter: Math.ceil((e.resetAt - now) / 1000) };
    this.entries.set(key, { count: 1, resetAt: now + ttlSeconds * 1000 });
    return { allowed: true, retryAfter: 0 };
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async count(key: string): Promise<number> {
    const e = this.entries.get(key);
    return e && e.resetAt > this.clock.now().getTime() ? e.count : 0;
  }

  async ping(): Promise<'memory'> {
    return 'memory';
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * Redis keeps its own time, so an injected clock does not apply here; tests of the Redis path check
 * counting and sharing between instances, and expiry by TTL.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  constructor(url: string, private readonly prefix = 'ausm:') {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<LimitResult> {
    const k = this.prefix + 'rl:' + key;
    const results = await this.redis.multi().incr(k).pttl(k).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    let ttl = Number(results?.[1]?.[1] ?? -1);
    if (ttl < 0) {
      await this.redis.pexpire(k, windowSeconds * 1000);
      ttl = windowSeconds * 1000;
    }
    return count <= limit ? { allowed: true, retryAfter: 0 } : { allowed: false, retryAfter: Math.ceil(ttl / 1000) };
  }

  async acquire(key: string, ttlSeconds: number): Promise<LimitResult> {
    const k = this.prefix + 'lock:' + key;
    const ok = await this.redis.set(k, '1', 'PX', ttlSeconds * 1000, 'NX');
    if (ok === 'OK') return { allowed: true, retryAfter: 0 };
    const ttl = await this.redis.pttl(k);
    return { allowed: false, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + 'lock:' + key);
  }

  async count(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + 'rl:' + key)) ?? 0);
  }

  async ping(): Promise<'ok'> {
    await this.redis.ping();
    return 'ok';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
