import { describe, expect, it } from 'vitest';
import { quantile, summariseTimings } from '../../../../src/analytics/monitoring/timingStats';

const q = (name: string, ms: number, ok = true) => ({ kind: 'query', name, ms, ok });

describe('timing summaries', () => {
  it('give the nearest-rank median and 95th percentile', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('mark the latest timing that jumps against its own history, not ordinary spread', () => {
    const steady = Array.from({ length: 30 }, (_, i) => q('SELECT … purchases', 20 + (i % 5)));
    const [calm] = summariseTimings([...steady, q('SELECT … purchases', 26)]);
    expect(calm!.jumped).toBe(false);
    const [slow] = summariseTimings([...steady, q('SELECT … purchases', 180)]);
    expect(slow).toMatchObject({ count: 31, lastMs: 180, maxMs: 180, jumped: true });
  });

  it('group by name, most recent first, and count failures', () => {
    const rows = summariseTimings([q('a', 1), q('b', 2, false), q('a', 3), q('b', 4)]);
    expect(rows.map((r) => [r.name, r.count, r.failures])).toEqual([
      ['b', 2, 1],
      ['a', 2, 0],
    ]);
  });
});
