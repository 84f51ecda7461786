// Per-customer features on a tiny purchase history with answers worked out by hand.

import { beforeAll, describe, expect, it } from 'vitest';
import { computeCustomerFeatures } from '../../../src/data/features/computeCustomerFeatures';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();
beforeAll(async () => {
  const csv = [
    'order_id,customer_id,purchase_date,amount,is_return',
    'O1,A,2024-01-01 09:00,10,false',
    'O1,A,2024-01-01 09:00,5,false',
    'O2,A,2024-01-11 10:00,20,false',
    'R1,A,2024-01-15 10:00,-5,true',
    ',B,2024-01-20 08:00,5,false',
    ',B,2024-01-20 18:00,5,false',
    ',B,2024-01-31 12:00,10,false',
  ].join('\n');
  await importWithProposal(db, [fileFrom('purchases.csv', csv)]);
});

describe('customer features', () => {
  it('as of the last purchase day by default', async () => {
    const summary = await computeCustomerFeatures(db);
    expect(summary).toMatchObject({ analysisDate: '2024-01-31', customers: 2 });
    const rows = await db.query('SELECT * FROM customer_features ORDER BY customer_id');
    expect(rows).toEqual([
      // A: orders O1 and O2 (R1 is a return), spend 10+5+20−5, AOV 35/2, last purchase Jan 11, first Jan 1, 1 of 4 lines a return.
      {
        customer_id: 'A',
        frequency: 2,
        repeat_purchases: 1,
        monetary_total: 30,
        average_order_value: 17.5,
        recency_days: 20,
        tenure_days: 30,
        returns_share: 0.25,
      },
      // B: no order ids, so days are occasions: Jan 20 (twice) and Jan 31.
      {
        customer_id: 'B',
        frequency: 2,
        repeat_purchases: 1,
        monetary_total: 20,
        average_order_value: 10,
        recency_days: 0,
        tenure_days: 11,
        returns_share: 0,
      },
    ]);
  });

  it('as of an earlier analysis date, later purchases are ignored', async () => {
    await computeCustomerFeatures(db, '2024-01-10');
    expect(
      await db.query('SELECT customer_id, frequency, monetary_total, recency_days, tenure_days FROM customer_features'),
    ).toEqual([{ customer_id: 'A', frequency: 1, monetary_total: 15, recency_days: 9, tenure_days: 9 }]);
  });
});
