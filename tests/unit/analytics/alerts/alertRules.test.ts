import { describe, expect, it } from 'vitest';
import {
  evaluateRule,
  type AlertCondition,
  type AlertRule,
  type MetricPoint,
  type RuleState,
} from '../../../../src/analytics/alerts/alertRules';
import { mulberry32 } from '../../../../src/analytics/random';

const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const series = (values: (number | null)[]): MetricPoint[] => values.map((value, i) => ({ at: day(i), value }));
const rule = (condition: AlertCondition): AlertRule => ({
  id: 'r',
  metric: { kind: 'daily-revenue' },
  condition,
  severity: 'warning',
  enabled: true,
});
// A state from before the series, so every point is judged.
const seenNothing: RuleState = { active: false, lastAt: '0000-00-00' };

describe('alert rules', () => {
  it('fire once per crossing: again only after the condition stopped holding', () => {
    const { firings, state } = evaluateRule(
      rule({ kind: 'above', threshold: 10 }),
      series([5, 15, 16, 30, 4, 20, 10, 11]),
      seenNothing,
    );
    expect(firings.map((f) => [f.at, f.value])).toEqual([
      [day(1), 15],
      [day(5), 20],
      [day(7), 11],
    ]);
    expect(state).toEqual({ active: true, lastAt: day(7) });
  });

  it('treat a value equal to the threshold as not crossing it', () => {
    const { firings } = evaluateRule(rule({ kind: 'below', threshold: 10 }), series([12, 10, 9.99]), seenNothing);
    expect(firings.map((f) => f.value)).toEqual([9.99]);
  });

  it('judge only the latest point when the rule is new, so its creation does not replay history', () => {
    const points = series([1, 1, 1, 50, 1, 1]);
    expect(evaluateRule(rule({ kind: 'below', threshold: 10 }), points, null).firings.map((f) => f.at)).toEqual([
      day(5),
    ]);
    expect(evaluateRule(rule({ kind: 'above', threshold: 10 }), points, null).firings).toEqual([]);
  });

  it('skip undefined values: they neither fire nor re-arm', () => {
    const { firings } = evaluateRule(
      rule({ kind: 'above', threshold: 10 }),
      series([20, null, 30, 5, null, 40]),
      seenNothing,
    );
    expect(firings.map((f) => f.value)).toEqual([20, 40]);
  });

  it('never fire when disabled', () => {
    const r = { ...rule({ kind: 'above', threshold: 0 }), enabled: false };
    expect(evaluateRule(r, series([1, 2, 3]), seenNothing).firings).toEqual([]);
  });

  it('flag an anomaly against the recent median in either direction, not ordinary noise', () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 60 }, () => 1000 + 50 * (random() - 0.5));
    values[40] = 400; // a collapse
    values[50] = 2000; // a spike
    const { firings } = evaluateRule(rule({ kind: 'anomaly', z: 4 }), series(values), seenNothing);
    expect(firings.map((f) => f.at)).toEqual([day(40), day(50)]);
    expect(firings[0]!.z).toBeLessThan(-4);
    expect(firings[1]!.z).toBeGreaterThan(4);
    expect(firings[0]!.reference).toBeCloseTo(1000, -1);
  });

  it('wait for half a baseline before judging anomalies', () => {
    const values = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 5000];
    expect(evaluateRule(rule({ kind: 'anomaly', z: 3 }), series(values), seenNothing).firings).toEqual([]);
  });

  it('fire exactly at each false → true change, however the points arrive (random sequences)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const n = 5 + Math.floor(random() * 60);
      const values = Array.from({ length: n }, () => (random() < 0.1 ? null : Math.round(random() * 20)));
      const condition: AlertCondition =
        random() < 0.5 ? { kind: 'above', threshold: 10 } : { kind: 'below', threshold: 7 };
      const holds = (v: number) => (condition.kind === 'above' ? v > condition.threshold : v < condition.threshold);
      // brute force: the transitions in the defined values
      const expected: string[] = [];
      let was = false;
      values.forEach((v, i) => {
        if (v === null) return;
        if (holds(v) && !was) expected.push(day(i));
        was = holds(v);
      });
      const points = series(values);
      // the same points in one go, or in batches as they would arrive
      expect(evaluateRule(rule(condition), points, seenNothing).firings.map((f) => f.at)).toEqual(expected);
      let state: RuleState | null = seenNothing;
      const got: string[] = [];
      for (let end = 0; end < n;) {
        end = Math.min(n, end + 1 + Math.floor(random() * 8));
        const step = evaluateRule(rule(condition), points.slice(0, end), state);
        got.push(...step.firings.map((f) => f.at));
        state = step.state;
      }
      expect(got).toEqual(expected);
    }
  });
});
