import { describe, expect, it } from 'vitest';
import { LiveAggregator, recomputeLive } from '../../../../src/analytics/live/liveAggregator';
import { validateEvent } from '../../../../src/analytics/live/liveEvents';
import { mulberry32 } from '../../../../src/analytics/random';

const NOW = Date.parse('2026-12-01T12:00:00Z');

/** Random events: mostly good, some malformed, some repeated ids, in random order. */
function randomEvents(seed: number, n: number): unknown[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const day = () =>
    `2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:15:00Z`;
  const events: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.06 && events.length) {
      events.push(pick(events)); // the same event again
      continue;
    }
    if (r < 0.12) {
      events.push(
        pick<unknown>([
          null,
          { type: 'purchase', id: `bad${i}`, customerId: 'C1', at: 'yesterday', amount: 5 },
          { type: 'purchase', id: `bad${i}`, at: day(), amount: 5 },
          { type: 'purchase', id: `bad${i}`, customerId: 'C1', at: day(), amount: 'lots' },
          { type: 'cost', id: `bad${i}`, campaignId: 'K1', at: day(), value: -3 },
          { type: 'teleport', id: `bad${i}`, at: day() },
          { type: 'click', campaignId: 'K1', at: day() },
        ]),
      );
      continue;
    }
    const type = pick([
      'purchase',
      'purchase',
      'purchase',
      'impression',
      'click',
      'conversion',
      'cost',
      'registration',
    ]);
    if (type === 'purchase') {
      // whole cents, so sums in any order are exact
      const amount = (Math.round(random() * 20000) - (random() < 0.1 ? 25000 : 0)) / 100;
      events.push({
        type,
        id: `p${i}`,
        customerId: `C${Math.floor(random() * 12)}`,
        at: day(),
        amount,
        category: pick(['a', 'b', null]),
      });
    } else if (type === 'registration')
      events.push({ type, id: `r${i}`, customerId: `C${Math.floor(random() * 20)}`, at: day() });
    else
      events.push({
        type,
        id: `e${i}`,
        campaignId: `K${Math.floor(random() * 4)}`,
        at: day(),
        value:
          type === 'cost'
            ? Math.round(random() * 5000) / 100
            : type === 'conversion'
              ? Math.round(random() * 9000) / 100
              : 1,
      });
  }
  return events;
}

const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('live events', () => {
  it('incremental metrics equal a full recompute, however the events are batched (random sequences)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(1000 + seed);
      const events = randomEvents(seed, 20 + Math.floor(random() * 300));
      const live = new LiveAggregator(() => NOW);
      let drainedPurchases = 0;
      let drainedRejects = 0;
      for (let i = 0; i < events.length;) {
        const size = 1 + Math.floor(random() * 40);
        live.push(events.slice(i, i + size));
        i += size;
        if (random() < 0.5) {
          const batch = live.drain();
          drainedPurchases += batch.purchases.id.length;
          drainedRejects += batch.rejects.length;
        }
      }
      const last = live.drain();
      drainedPurchases += last.purchases.id.length;
      drainedRejects += last.rejects.length;
      const full = recomputeLive(events, NOW);
      expect(sorted(live.customerMetrics())).toEqual(sorted(full.customers));
      expect(sorted(live.campaignDayTotals())).toEqual(sorted(full.campaignDays));
      expect(live.totals()).toEqual(full.counts);
      // the counts add up: every event is accepted or rejected, and every reject is reported
      expect(full.counts.accepted + full.counts.rejected).toBe(events.length);
      expect(drainedRejects).toBe(full.counts.rejected);
      expect(drainedPurchases).toBe(
        [...full.customers.values()].reduce((s, c) => s + c.purchases, 0) + returnsOf(events),
      );
    }
  });

  it('sends only what changed: the customers touched and the batch’s campaign-day additions', () => {
    const live = new LiveAggregator(() => NOW);
    live.push([
      { type: 'purchase', id: 'a', customerId: 'C1', at: '2026-11-30T10:00:00Z', amount: 10 },
      { type: 'purchase', id: 'b', customerId: 'C2', at: '2026-11-30T11:00:00Z', amount: 20 },
      { type: 'cost', id: 'k1', campaignId: 'K', at: '2026-11-30T11:00:00Z', value: 5 },
    ]);
    live.drain();
    live.push([
      { type: 'purchase', id: 'c', customerId: 'C1', at: '2026-11-29T09:00:00Z', amount: -4 },
      { type: 'cost', id: 'k2', campaignId: 'K', at: '2026-11-30T12:00:00Z', value: 2.5 },
      { type: 'conversion', id: 'k3', campaignId: 'K', at: '2026-11-30T12:05:00Z', value: 40 },
    ]);
    const batch = live.drain();
    expect(batch.customers).toEqual([
      { customerId: 'C1', purchases: 1, monetary: 6, firstAt: '2026-11-29 09:00:00', lastAt: '2026-11-30 10:00:00' },
    ]);
    expect(batch.campaignDays).toEqual([
      { campaignId: 'K', day: '2026-11-30', impressions: 0, clicks: 0, conversions: 1, cost: 2.5, revenue: 40 },
    ]);
    expect(live.campaignDayTotals().get('K|2026-11-30')?.cost).toBe(7.5);
  });

  it('rejects a malformed event with its field and reason and keeps going', () => {
    const live = new LiveAggregator(() => NOW);
    live.push([
      { type: 'purchase', id: 'x', customerId: 'C1', at: '2026-11-30', amount: 'ten' },
      '{not json}',
      { type: 'purchase', id: 'y', customerId: 'C1', at: '2031-01-01', amount: 3 },
      { type: 'purchase', id: 'z', customerId: 'C1', at: '2026-11-30', amount: 3 },
      { type: 'purchase', id: 'z', customerId: 'C1', at: '2026-11-30', amount: 3 },
    ]);
    const batch = live.drain();
    expect(batch.rejects.map((r) => [r.seq, r.field, r.reason])).toEqual([
      [1, 'amount', 'not a number'],
      [2, '(event)', 'not an object'],
      [3, 'at', 'out of range (2031-01-01)'],
      [5, 'id', 'duplicate id (already received)'],
    ]);
    expect(batch.purchases.id).toEqual(['z']);
    expect(batch.counts).toEqual({ received: 5, accepted: 1, rejected: 4 });
  });

  it('reads the value of a click or impression as 1 unless given, and needs a cost for "cost"', () => {
    expect(validateEvent({ type: 'click', id: 'c', campaignId: 'K', at: '2026-11-30' }, NOW)).toMatchObject({
      ok: true,
      event: { value: 1 },
    });
    expect(validateEvent({ type: 'cost', id: 'c', campaignId: 'K', at: '2026-11-30' }, NOW)).toMatchObject({
      ok: false,
      field: 'value',
    });
  });
});

/** Return events (amount ≤ 0) among the accepted purchases: rows too, but not counted as purchases. */
function returnsOf(events: readonly unknown[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const e of events) {
    const c = validateEvent(e, NOW);
    if (!c.ok || c.event.type !== 'purchase' || seen.has(c.event.id)) continue;
    seen.add(c.event.id);
    if (c.event.amount <= 0) n++;
  }
  return n;
}
