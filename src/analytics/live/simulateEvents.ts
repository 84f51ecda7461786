// The "live demo": realistic events at a chosen rate from the workspace's own customers and campaigns.
// Per campaign, impressions lead to clicks (CTR ≈ 2 %) and clicks to conversions (CVR ≈ 5 %), each click
// costs around $0.80 and a conversion brings around $60; purchases are log-normal around $45 from known
// customers, now and then a return or a new customer's registration. Seeded, so a run can be replayed.

import { mulberry32 } from '../random';
import type { LiveEvent } from './liveEvents';

export interface SimulationSettings {
  customerIds: string[];
  campaignIds: string[];
  categories: string[];
  seed: number;
}

export class EventSimulator {
  private readonly random: () => number;
  private counter = 0;

  constructor(private readonly settings: SimulationSettings) {
    this.random = mulberry32(settings.seed);
  }

  private pick<T>(xs: readonly T[]): T | undefined {
    return xs[Math.floor(this.random() * xs.length)];
  }

  /** A normal draw (Box–Muller). */
  private normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
  }

  /** `n` events stamped `at` (ISO timestamp). */
  next(n: number, at: string): LiveEvent[] {
    const { customerIds, campaignIds, categories, seed } = this.settings;
    const out: LiveEvent[] = [];
    for (let i = 0; i < n; i++) {
      const id = `live-${seed}-${++this.counter}`;
      const r = this.random();
      const campaignId = this.pick(campaignIds);
      const customerId = this.pick(customerIds);
      if ((r < 0.55 || !customerId) && campaignId) {
        // impressions dominate a campaign's events; a click and its cost come together
        const s = this.random();
        if (s < 0.9) out.push({ type: 'impression', id, campaignId, at, value: 1 });
        else if (s < 0.95) out.push({ type: 'click', id, campaignId, at, value: 1 });
        else if (s < 0.985)
          out.push({ type: 'cost', id, campaignId, at, value: Math.round(80 * Math.exp(0.3 * this.normal())) / 100 });
        else
          out.push({
            type: 'conversion',
            id,
            campaignId,
            at,
            value: Math.round(6000 * Math.exp(0.5 * this.normal())) / 100,
          });
      } else if (r < 0.99 && customerId) {
        const amount = Math.round(4500 * Math.exp(0.6 * this.normal())) / 100;
        out.push({
          type: 'purchase',
          id,
          customerId,
          at,
          amount: this.random() < 0.03 ? -amount : amount,
          category: this.pick(categories) ?? null,
          channel: this.random() < 0.7 ? 'online' : 'store',
        });
      } else {
        out.push({ type: 'registration', id, customerId: `LIVE-${seed}-${this.counter}`, at });
      }
    }
    return out;
  }
}
