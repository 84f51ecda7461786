import { describe, expect, it } from 'vitest';
import { LiveAggregator } from '../../../../src/analytics/live/liveAggregator';
import { NOT_JSON, parseStreamMessage, queueStreamMessage } from '../../../../src/analytics/live/streamMessages';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const purchase = (id: string, amount: number | string = 10) => ({
  type: 'purchase',
  id,
  customerId: 'C1',
  at: '2026-11-30T10:00:00Z',
  amount,
});

describe('parseStreamMessage', () => {
  it.each<[string, string, unknown[]]>([
    ['one event', JSON.stringify(purchase('a')), [purchase('a')]],
    ['an array', JSON.stringify([purchase('a'), purchase('b')]), [purchase('a'), purchase('b')]],
    ['NDJSON', `${JSON.stringify(purchase('a'))}\n${JSON.stringify(purchase('b'))}\n`, [purchase('a'), purchase('b')]],
    [
      'NDJSON with CRLF and blank lines',
      `${JSON.stringify(purchase('a'))}\r\n\r\n${JSON.stringify(purchase('b'))}`,
      [purchase('a'), purchase('b')],
    ],
    ['pretty-printed JSON over several lines', JSON.stringify(purchase('a'), null, 2), [purchase('a')]],
    [
      'an NDJSON line holding an array',
      `[${JSON.stringify(purchase('a'))}]\n${JSON.stringify(purchase('b'))}`,
      [purchase('a'), purchase('b')],
    ],
    ['a JSON scalar (left for the checks to reject)', '42', [42]],
    ['an empty message', '', []],
    ['whitespace only', ' \n ', []],
  ])('reads %s', (_, data, events) => {
    expect(parseStreamMessage(data)).toEqual(events.map((event) => ({ event })));
  });

  it('keeps text that is not JSON as an unreadable item, in its place', () => {
    expect(parseStreamMessage(`${JSON.stringify(purchase('a'))}\nhello there\n{"type":`)).toEqual([
      { event: purchase('a') },
      { unreadable: 'hello there', reason: NOT_JSON },
      { unreadable: '{"type":', reason: NOT_JSON },
    ]);
  });
});

describe('queueStreamMessage', () => {
  it('checks every event like any other and counts text that is not JSON as one rejected event', () => {
    const queue = new LiveAggregator(() => NOW);
    expect(queueStreamMessage(queue, JSON.stringify(purchase('a')))).toBe(1);
    expect(queueStreamMessage(queue, JSON.stringify([purchase('b'), purchase('c', 'lots'), purchase('a')]))).toBe(3);
    expect(queueStreamMessage(queue, `not json\n${JSON.stringify(purchase('d'))}`)).toBe(2);
    expect(queueStreamMessage(queue, '')).toBe(0);
    expect(queue.totals()).toEqual({ received: 6, accepted: 3, rejected: 3 });
    const batch = queue.drain();
    expect(batch.purchases.id).toEqual(['a', 'b', 'd']);
    expect(batch.rejects.map((r) => [r.seq, r.field, r.reason])).toEqual([
      [3, 'amount', 'not a number'],
      [4, 'id', 'duplicate id (already received)'],
      [5, 'message', NOT_JSON],
    ]);
    // Kept as it came, not JSON-quoted.
    expect(batch.rejects[2]!.raw).toBe('not json');
    expect(batch.firstArrivedAt).toBe(NOW);
  });

  it('counts a message of nothing but unreadable text as arrived, so the batch is drained', () => {
    const queue = new LiveAggregator(() => NOW);
    queueStreamMessage(queue, 'garbage');
    const batch = queue.drain();
    expect(batch.counts).toEqual({ received: 1, accepted: 0, rejected: 1 });
    expect(batch.firstArrivedAt).toBe(NOW);
    expect(batch.rejects[0]).toMatchObject({ seq: 1, id: null, field: 'message', raw: 'garbage' });
  });
});
