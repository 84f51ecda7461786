// The connection queue: each task starts only after the one before settled, in call order, and a failed
// task does not stop those behind it (a streamed read on a DuckDB connection must not be interleaved).

import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../../src/data/duckdb/oneAtATime';

const ticks = (n: number) => new Promise<void>((resolve) => setTimeout(resolve, n));

describe('oneAtATime', () => {
  it.each([
    { name: 'a slow first task', delaysMs: [20, 0, 5] },
    { name: 'a slow last task', delaysMs: [0, 5, 20] },
    { name: 'equal tasks', delaysMs: [5, 5, 5, 5] },
  ])('runs tasks one after another in call order: $name', async ({ delaysMs }) => {
    const exclusive = oneAtATime();
    const events: string[] = [];
    const results = await Promise.all(
      delaysMs.map((delayMs, i) =>
        exclusive(async () => {
          events.push(`start ${i}`);
          await ticks(delayMs);
          events.push(`end ${i}`);
          return i;
        }),
      ),
    );
    expect(results).toEqual(delaysMs.map((_, i) => i));
    expect(events).toEqual(delaysMs.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
  });

  it('passes a failure to its caller only, and runs the next task', async () => {
    const exclusive = oneAtATime();
    const failed = exclusive(() => Promise.reject(new Error('no such table')));
    const next = exclusive(() => Promise.resolve('ran'));
    await expect(failed).rejects.toThrow('no such table');
    expect(await next).toBe('ran');
  });
});
