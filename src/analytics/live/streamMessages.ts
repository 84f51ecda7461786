// What one message of a user's event stream may hold: one event as JSON, a JSON array of events, or
// NDJSON (one event per line). Parsing only unwraps the JSON; every event then goes through the queue's
// own checks like any other, and text that is not JSON counts as one rejected event, never a crash.

import type { LiveAggregator } from './liveAggregator';

export type StreamItem = { event: unknown } | { unreadable: string; reason: string };

export const NOT_JSON = 'not JSON (send one event, an array of events, or one event per line)';

function tryJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

const unwrap = (value: unknown): StreamItem[] =>
  (Array.isArray(value) ? (value as unknown[]) : [value]).map((event) => ({ event }));

/** The events of one message, in order; a line that is not JSON becomes an unreadable item. */
export function parseStreamMessage(data: string): StreamItem[] {
  if (data.trim() === '') return [];
  const whole = tryJson(data);
  if (whole) return unwrap(whole.value);
  return data
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const parsed = tryJson(line);
      return parsed ? unwrap(parsed.value) : [{ unreadable: line, reason: NOT_JSON }];
    });
}

/** Puts one message's events into the queue in the order they came; returns how many items it held. */
export function queueStreamMessage(queue: LiveAggregator, data: string): number {
  const items = parseStreamMessage(data);
  let events: unknown[] = [];
  for (const item of items) {
    if ('event' in item) {
      events.push(item.event);
      continue;
    }
    queue.push(events);
    events = [];
    queue.rejectUnreadable(item.unreadable, item.reason);
  }
  queue.push(events);
  return items.length;
}
