// Live events (issue 9, item 1): what can arrive one at a time from the simulator, the hand form or a
// user's own stream, and the checks each gets before it counts. A malformed event is rejected with the
// field and the reason, like an imported row; it never stops the queue.

export type CampaignEventType = 'impression' | 'click' | 'conversion' | 'cost';

export type LiveEvent =
  | {
      type: 'purchase';
      id: string;
      customerId: string;
      /** ISO date or timestamp. */
      at: string;
      /** Negative for a return. */
      amount: number;
      category?: string | null;
      channel?: string | null;
    }
  | {
      type: CampaignEventType;
      id: string;
      campaignId: string;
      at: string;
      /** Cost for "cost", revenue for "conversion" (0 when not known), a count for impressions and clicks (default 1). */
      value: number;
    }
  | { type: 'registration'; id: string; customerId: string; at: string };

export const EVENT_TYPES = ['purchase', 'impression', 'click', 'conversion', 'cost', 'registration'] as const;

export interface RejectedEvent {
  /** The event's position in its source since the start (1-based), for "event 12". */
  seq: number;
  id: string | null;
  field: string;
  reason: string;
  /** The event as received, shortened, for the rejects download. */
  raw: string;
  /** Where it came from when that is more than the queue's order, e.g. "day.csv, row 12". */
  source?: string;
}

export type EventCheck = { ok: true; event: LiveEvent } | { ok: false; field: string; reason: string };

const MAX_ID = 200;
const DAY_MS = 86_400_000;

function text(raw: Record<string, unknown>, field: string, required: boolean): string | null | { error: string } {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return required ? { error: 'missing required value' } : null;
  if (typeof v !== 'string' && typeof v !== 'number') return { error: 'not text' };
  const s = String(v).trim();
  if (s.length > MAX_ID) return { error: `longer than ${MAX_ID} characters` };
  return s;
}

/** Checks one event; `now` bounds "too far in the future" (a year ahead, as imports do). */
export function validateEvent(raw: unknown, now = Date.now()): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, field: '(event)', reason: 'not an object' };
  const r = raw as Record<string, unknown>;
  const type = r.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type))
    return { ok: false, field: 'type', reason: `unknown event type (${String(type).slice(0, 40)})` };
  const id = text(r, 'id', true);
  if (typeof id !== 'string') return { ok: false, field: 'id', reason: (id as { error: string }).error };
  const at = r.at;
  const t =
    typeof at === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(at) ? Date.parse(at) : NaN;
  if (Number.isNaN(t)) return { ok: false, field: 'at', reason: 'not a date or timestamp (YYYY-MM-DD or ISO 8601)' };
  if (t < Date.UTC(1900, 0, 1) || t > now + 365 * DAY_MS)
    return { ok: false, field: 'at', reason: `out of range (${at as string})` };
  const number = (field: string, fallback: number | null) => {
    const v = r[field];
    if (v === undefined || v === null || v === '') return fallback;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : NaN;
  };
  if (type === 'purchase') {
    const customerId = text(r, 'customerId', true);
    if (typeof customerId !== 'string')
      return { ok: false, field: 'customerId', reason: (customerId as { error: string }).error };
    const amount = number('amount', null);
    if (amount === null) return { ok: false, field: 'amount', reason: 'missing required value' };
    if (Number.isNaN(amount)) return { ok: false, field: 'amount', reason: 'not a number' };
    const category = text(r, 'category', false);
    const channel = text(r, 'channel', false);
    if (category !== null && typeof category !== 'string')
      return { ok: false, field: 'category', reason: category.error };
    if (channel !== null && typeof channel !== 'string') return { ok: false, field: 'channel', reason: channel.error };
    return { ok: true, event: { type, id, customerId, at: at as string, amount, category, channel } };
  }
  if (type === 'registration') {
    const customerId = text(r, 'customerId', true);
    if (typeof customerId !== 'string')
      return { ok: false, field: 'customerId', reason: (customerId as { error: string }).error };
    return { ok: true, event: { type, id, customerId, at: at as string } };
  }
  const campaignId = text(r, 'campaignId', true);
  if (typeof campaignId !== 'string')
    return { ok: false, field: 'campaignId', reason: (campaignId as { error: string }).error };
  const value = number('value', type === 'impression' || type === 'click' ? 1 : type === 'conversion' ? 0 : null);
  if (value === null) return { ok: false, field: 'value', reason: 'missing required value (the cost)' };
  if (Number.isNaN(value)) return { ok: false, field: 'value', reason: 'not a number' };
  if (value < 0) return { ok: false, field: 'value', reason: 'out of range (negative)' };
  return { ok: true, event: { type: type as CampaignEventType, id, campaignId, at: at as string, value } };
}
