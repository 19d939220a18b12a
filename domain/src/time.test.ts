import { describe, expect, it } from 'vitest';
import { beijingDate, beijingDateTime, beijingTime } from './time';

describe('Beijing time, one way everywhere', () => {
  it('shows UTC instants in UTC+8, across the date line', () => {
    expect(beijingDate('2026-12-01T16:30:00.000Z')).toBe('2026-12-02');
    expect(beijingDateTime('2026-12-01T08:16:35.120Z')).toBe('2026-12-01 16:16');
    expect(beijingDateTime('2026-12-01T08:16:35.120Z', { seconds: true })).toBe('2026-12-01 16:16:35');
    expect(beijingTime(new Date('2026-12-01T15:59:00Z'))).toBe('23:59');
  });
  it('says nothing for no time and keeps what it cannot read', () => {
    expect(beijingDateTime(null)).toBe('');
    expect(beijingDateTime('soon')).toBe('soon');
  });
});
