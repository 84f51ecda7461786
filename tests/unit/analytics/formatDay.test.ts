import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth } from '../../../src/analytics/formatDay';

describe('formatDay and formatMonth', () => {
  it('write a calendar day the way the locale does', () => {
    expect(formatDay('2026-12-01', 'en-US')).toBe('Dec 1, 2026');
    expect(formatDay('2026-12-01', 'en-GB')).toBe('1 Dec 2026');
    expect(formatDay('2026-12-01', 'de-DE')).toBe('01.12.2026');
    expect(formatMonth('2026-03', 'en-US')).toBe('Mar 2026');
  });

  it('never move a day: the first and last day of a year stay in that year', () => {
    // Shown in local time, "2026-01-01" would print as Dec 31, 2025 anywhere west of Greenwich.
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(Date.parse('2026-01-01T00:00:00Z')).getDate()).toBe(31); // the zone took effect
      expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
      expect(formatDay('2025-12-31', 'en-US')).toBe('Dec 31, 2025');
      expect(formatMonth('2026-01', 'en-US')).toBe('Jan 2026');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('return anything that is not a day unchanged rather than "Invalid Date"', () => {
    expect(formatDay('—', 'en-US')).toBe('—');
    expect(formatDay('2026-13-45', 'en-US')).toBe('2026-13-45');
    expect(formatMonth('2026-03-01', 'en-US')).toBe('2026-03-01');
  });
});
