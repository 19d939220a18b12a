import { beijingDate } from '@ausm/domain';
/** Injectable time source: tests move it forward to prove expiry, idle timeouts and lockouts. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current = new Date('2026-03-01T02:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date.getTime());
  }
}

/** YYYY-MM-DD of a moment in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDate(d: Date): string {
  return beijingDate(d);
}

export const iso = (d: Date): string => d.toISOString();
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
