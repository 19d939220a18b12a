/**
 * Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving): the one place that
 * turns an instant into what a page or a CSV shows (2026-12-01, 2026-12-01 16:16, …:35, 16:16).
 */
const OFFSET_MS = 8 * 3600_000;

function shifted(at: string | Date): string | undefined {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms + OFFSET_MS).toISOString();
}

/** YYYY-MM-DD in Beijing. */
export function beijingDate(at: string | Date): string {
  return shifted(at)?.slice(0, 10) ?? String(at);
}

/** YYYY-MM-DD HH:mm (or with seconds) in Beijing; '' for none, the input itself when unreadable. */
export function beijingDateTime(at: string | Date | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (at === null || at === undefined || at === '') return '';
  const s = shifted(at);
  if (!s) return String(at);
  return `${s.slice(0, 10)} ${s.slice(11, opts.seconds ? 19 : 16)}`;
}

/** HH:mm in Beijing. */
export function beijingTime(at: string | Date): string {
  return shifted(at)?.slice(11, 16) ?? String(at);
}
