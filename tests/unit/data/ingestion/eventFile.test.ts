import { describe, expect, it } from 'vitest';
import { readEventFile, type EventFileItem } from '../../../../src/data/ingestion/eventFile';
import { LiveAggregator } from '../../../../src/analytics/live/liveAggregator';

const items = async (text: string): Promise<EventFileItem[]> => {
  const out: EventFileItem[] = [];
  for await (const batch of readEventFile(new Blob([text]))) out.push(...batch);
  return out;
};

describe('files of live events', () => {
  it('reads a day’s purchases export (no type column) as purchases, with spreadsheet rows', async () => {
    const read = await items(
      'Order ID,Customer ID,Order Date,Total,Category\nA1,C1,2026-11-30,12.50,books\nA2,C2,2026-11-30,7,\n',
    );
    expect(read).toEqual([
      {
        row: 2,
        event: { id: 'A1', customerId: 'C1', at: '2026-11-30', amount: '12.50', category: 'books', type: 'purchase' },
      },
      { row: 3, event: { id: 'A2', customerId: 'C2', at: '2026-11-30', amount: '7', type: 'purchase' } },
    ]);
  });

  it('reads typed events from TSV, a campaign event’s value not taken as an amount', async () => {
    const read = await items('type\tid\tcampaignId\tat\tvalue\ncost\tk1\tK9\t2026-11-30T10:00:00Z\t3.5\n');
    expect(read).toEqual([
      { row: 2, event: { type: 'cost', id: 'k1', campaignId: 'K9', at: '2026-11-30T10:00:00Z', value: '3.5' } },
    ]);
  });

  it('reads NDJSON line by line, an unreadable line kept with its line number', async () => {
    const read = await items(
      '{"type":"click","id":"c1","campaignId":"K1","at":"2026-11-30"}\nnot json\n\n{"id":"p9","customer_id":"C3","date":"2026-11-30","amount":4}\n',
    );
    expect(read).toEqual([
      { row: 1, event: { type: 'click', id: 'c1', campaignId: 'K1', at: '2026-11-30' } },
      { row: 2, unreadable: 'not json', reason: 'not JSON (one event object per line)' },
      { row: 4, event: { id: 'p9', customerId: 'C3', at: '2026-11-30', amount: '4', type: 'purchase' } },
    ]);
  });

  it('reads a JSON array, item by item', async () => {
    const read = await items('[{"type":"registration","id":"r1","customerId":"N1","at":"2026-11-30"}, 5]');
    expect(read.map((i) => i.row)).toEqual([1, 2]);
    expect(read[1]).toEqual({ row: 2, event: 5 });
  });

  it('names a rejected row by file and row through the queue, and the counts add up', async () => {
    const queue = new LiveAggregator(() => Date.UTC(2026, 11, 1));
    const read = await items(
      'id,customer_id,purchase_date,amount\nA1,C1,2026-11-30,lots\nA2,C1,2026-11-30,5\nA2,C1,2026-11-30,5\n',
    );
    queue.push(
      read.map((i) => ('event' in i ? i.event : null)),
      read.map((i) => `day.csv, row ${i.row}`),
    );
    const batch = queue.drain();
    expect(batch.counts).toEqual({ received: 3, accepted: 1, rejected: 2 });
    expect(batch.rejects.map((r) => [r.source, r.field, r.reason])).toEqual([
      ['day.csv, row 2', 'amount', 'not a number'],
      ['day.csv, row 4', 'id', 'duplicate id (already received)'],
    ]);
  });
});
