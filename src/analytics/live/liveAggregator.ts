// The live event queue's state (issue 9, item 2): each event is checked, de-duplicated by type and id,
// and folded into running per-customer metrics (purchases, net spend, first and last purchase) and
// per-campaign-day totals. Only what changed since the last drain leaves, so the cost of an event does
// not grow with the data. Every fold is a sum, a count, a min or a max, so the order and batching of
// events never change the result: `recomputeLive` (everything from scratch) must always agree.

import { validateEvent, type CampaignEventType, type LiveEvent, type RejectedEvent } from './liveEvents';

export interface CustomerLiveMetrics {
  customerId: string;
  /** Purchases that are not returns. */
  purchases: number;
  /** Net spend: returns subtract. */
  monetary: number;
  /** ISO timestamps of the first and last purchase (returns included: they are activity). */
  firstAt: string;
  lastAt: string;
}

export interface CampaignDayTotals {
  campaignId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  impressions: number;
  clicks: number;
  conversions: number;
  cost: number;
  revenue: number;
}

export interface LiveCounts {
  received: number;
  accepted: number;
  rejected: number;
}

/** What left the queue in one drain: new rows, changed aggregates, rejects, and the running counts. */
export interface LiveBatch {
  purchases: {
    id: string[];
    customerId: string[];
    /** "YYYY-MM-DD HH:MM:SS" in UTC, as DuckDB reads a TIMESTAMP. */
    at: string[];
    amount: number[];
    category: (string | null)[];
    channel: (string | null)[];
  };
  registrations: { customerId: string[]; day: string[] };
  /** This batch's additions per campaign and day (add them to what is stored). */
  campaignDays: CampaignDayTotals[];
  /** Customers whose metrics changed, with their metrics over every live event so far. */
  customers: CustomerLiveMetrics[];
  rejects: RejectedEvent[];
  counts: LiveCounts;
  /** When (epoch ms) the batch's first event arrived, for the update latency; null when it is empty. */
  firstArrivedAt: number | null;
}

const timestamp = (at: string) => new Date(Date.parse(at)).toISOString().slice(0, 19).replace('T', ' ');
const FIELD: Record<CampaignEventType, 'impressions' | 'clicks' | 'conversions' | 'cost'> = {
  impression: 'impressions',
  click: 'clicks',
  conversion: 'conversions',
  cost: 'cost',
};

function emptyBatch(counts: LiveCounts): LiveBatch {
  return {
    purchases: { id: [], customerId: [], at: [], amount: [], category: [], channel: [] },
    registrations: { customerId: [], day: [] },
    campaignDays: [],
    customers: [],
    rejects: [],
    counts,
    firstArrivedAt: null,
  };
}

function foldCustomer(map: Map<string, CustomerLiveMetrics>, e: Extract<LiveEvent, { type: 'purchase' }>, at: string) {
  const m = map.get(e.customerId);
  if (!m) {
    map.set(e.customerId, {
      customerId: e.customerId,
      purchases: e.amount > 0 ? 1 : 0,
      monetary: e.amount,
      firstAt: at,
      lastAt: at,
    });
    return;
  }
  if (e.amount > 0) m.purchases++;
  m.monetary += e.amount;
  if (at < m.firstAt) m.firstAt = at;
  if (at > m.lastAt) m.lastAt = at;
}

function foldCampaign(map: Map<string, CampaignDayTotals>, e: Extract<LiveEvent, { type: CampaignEventType }>) {
  const day = new Date(Date.parse(e.at)).toISOString().slice(0, 10);
  const key = `${e.campaignId}|${day}`;
  let t = map.get(key);
  if (!t) {
    t = { campaignId: e.campaignId, day, impressions: 0, clicks: 0, conversions: 0, cost: 0, revenue: 0 };
    map.set(key, t);
  }
  if (e.type === 'conversion') {
    t.conversions += 1;
    t.revenue += e.value;
  } else t[FIELD[e.type]] += e.value;
}

export class LiveAggregator {
  private readonly seen = new Set<string>();
  private readonly customers = new Map<string, CustomerLiveMetrics>();
  private readonly campaignTotals = new Map<string, CampaignDayTotals>();
  private counts: LiveCounts = { received: 0, accepted: 0, rejected: 0 };
  private batch: LiveBatch = emptyBatch(this.counts);
  private readonly changedCustomers = new Set<string>();
  private readonly batchCampaigns = new Map<string, CampaignDayTotals>();
  private seq = 0;
  /** The source of the event being checked, for its reject. */
  private source: string | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Checks and folds events; never throws on a bad one. `sources` names where each came from (file and row). */
  push(events: readonly unknown[], sources?: readonly string[]): void {
    const now = this.now();
    if (events.length > 0) this.batch.firstArrivedAt ??= now;
    for (const [k, raw] of events.entries()) {
      this.source = sources?.[k];
      this.seq++;
      this.counts.received++;
      const check = validateEvent(raw, now);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
      if (!check.ok) {
        this.reject(id, check.field, check.reason, raw);
        continue;
      }
      const e = check.event;
      const key = `${e.type === 'purchase' || e.type === 'registration' ? e.type : 'campaign'}|${e.id}`;
      if (this.seen.has(key)) {
        this.reject(e.id, 'id', 'duplicate id (already received)', raw);
        continue;
      }
      this.seen.add(key);
      this.counts.accepted++;
      if (e.type === 'purchase') {
        const at = timestamp(e.at);
        const p = this.batch.purchases;
        p.id.push(e.id);
        p.customerId.push(e.customerId);
        p.at.push(at);
        p.amount.push(e.amount);
        p.category.push(e.category ?? null);
        p.channel.push(e.channel ?? null);
        foldCustomer(this.customers, e, at);
        this.changedCustomers.add(e.customerId);
      } else if (e.type === 'registration') {
        this.batch.registrations.customerId.push(e.customerId);
        this.batch.registrations.day.push(new Date(Date.parse(e.at)).toISOString().slice(0, 10));
      } else {
        foldCampaign(this.campaignTotals, e);
        foldCampaign(this.batchCampaigns, e);
      }
    }
  }

  /** Counts a stream message that held no event at all (not JSON) as one rejected event, field "message". */
  rejectUnreadable(text: string, reason: string, source?: string): void {
    this.batch.firstArrivedAt ??= this.now();
    this.seq++;
    this.counts.received++;
    this.counts.rejected++;
    // Kept as received (not JSON-quoted), since it is not JSON.
    this.batch.rejects.push({
      seq: this.seq,
      id: null,
      field: source ? '(row)' : 'message',
      reason,
      raw: text.slice(0, 500),
      ...(source ? { source } : {}),
    });
  }

  private reject(id: string | null, field: string, reason: string, raw: unknown) {
    this.counts.rejected++;
    let text: string;
    try {
      text = JSON.stringify(raw) ?? String(raw);
    } catch {
      text = String(raw);
    }
    const source = this.source;
    this.batch.rejects.push({
      seq: this.seq,
      id,
      field,
      reason,
      raw: text.slice(0, 500),
      ...(source ? { source } : {}),
    });
  }

  /** Everything since the last drain; the next batch starts empty. */
  drain(): LiveBatch {
    const out = this.batch;
    out.campaignDays = [...this.batchCampaigns.values()];
    out.customers = [...this.changedCustomers].map((id) => ({ ...this.customers.get(id)! }));
    out.counts = { ...this.counts };
    this.batch = emptyBatch(this.counts);
    this.batchCampaigns.clear();
    this.changedCustomers.clear();
    return out;
  }

  /** Events waiting for the next drain. */
  pending(): number {
    return this.batch.purchases.id.length + this.batch.registrations.customerId.length + this.batchCampaigns.size;
  }

  customerMetrics(): Map<string, CustomerLiveMetrics> {
    return this.customers;
  }

  campaignDayTotals(): Map<string, CampaignDayTotals> {
    return this.campaignTotals;
  }

  totals(): LiveCounts {
    return { ...this.counts };
  }
}

/** The same metrics computed from scratch over every event (the reference for the incremental ones). */
export function recomputeLive(
  events: readonly unknown[],
  now = Date.now(),
): { customers: Map<string, CustomerLiveMetrics>; campaignDays: Map<string, CampaignDayTotals>; counts: LiveCounts } {
  const valid = events
    .map((e) => validateEvent(e, now))
    .filter((c) => c.ok)
    .map((c) => c.event);
  const firstOf = new Map<string, LiveEvent>();
  for (const e of valid) {
    const key = `${e.type === 'purchase' || e.type === 'registration' ? e.type : 'campaign'}|${e.id}`;
    if (!firstOf.has(key)) firstOf.set(key, e);
  }
  // Written apart from the folds above, as a group-by would be, so the test compares two ways of counting.
  const kept = [...firstOf.values()];
  const customers = new Map<string, CustomerLiveMetrics>();
  const purchases = kept.filter((e) => e.type === 'purchase');
  for (const id of new Set(purchases.map((e) => e.customerId))) {
    const own = purchases.filter((e) => e.customerId === id);
    const times = own.map((e) => timestamp(e.at)).sort();
    customers.set(id, {
      customerId: id,
      purchases: own.filter((e) => e.amount > 0).length,
      monetary: own.reduce((sum, e) => sum + e.amount, 0),
      firstAt: times[0]!,
      lastAt: times[times.length - 1]!,
    });
  }
  const campaignDays = new Map<string, CampaignDayTotals>();
  const campaignEvents = kept.filter(
    (e): e is Extract<LiveEvent, { type: CampaignEventType }> => e.type !== 'purchase' && e.type !== 'registration',
  );
  const dayOf = (at: string) => new Date(Date.parse(at)).toISOString().slice(0, 10);
  for (const key of new Set(campaignEvents.map((e) => `${e.campaignId}|${dayOf(e.at)}`))) {
    const own = campaignEvents.filter((e) => `${e.campaignId}|${dayOf(e.at)}` === key);
    const sum = (type: CampaignEventType) => own.filter((e) => e.type === type).reduce((s, e) => s + e.value, 0);
    campaignDays.set(key, {
      campaignId: own[0]!.campaignId,
      day: dayOf(own[0]!.at),
      impressions: sum('impression'),
      clicks: sum('click'),
      conversions: own.filter((e) => e.type === 'conversion').length,
      cost: sum('cost'),
      revenue: sum('conversion'),
    });
  }
  return {
    customers,
    campaignDays,
    counts: { received: events.length, accepted: firstOf.size, rejected: events.length - firstOf.size },
  };
}
