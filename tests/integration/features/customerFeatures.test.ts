// Per-customer features on tiny purchase histories with answers worked out by hand.

import { beforeAll, describe, expect, it } from 'vitest';
import { computeCustomerFeatures } from '../../../src/data/features/computeCustomerFeatures';
import { CUSTOMER_FEATURE_DOCS } from '../../../src/data/features/featureDocs';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const NO_MIX = {
  distinct_categories: 0,
  preferred_category: null,
  preferred_category_share: null,
  category_mix: null,
  distinct_channels: 0,
  preferred_channel: null,
  preferred_channel_share: null,
  channel_mix: null,
};
const NO_DEMOGRAPHICS = { age: null, gender: null, location: null, income_range: null };

describe('customer features', () => {
  const db = suiteDuckDb();
  beforeAll(async () => {
    const purchases = [
      'order_id,customer_id,purchase_date,amount,is_return,category,channel',
      'O1,A,2024-01-01 09:00,10,false,Books,web',
      'O1,A,2024-01-01 09:00,5,false,Toys,web',
      'O2,A,2024-01-11 10:00,20,false,Toys,web',
      'R1,A,2024-01-15 10:00,-5,true,Toys,web',
      ',B,2024-01-20 08:00,5,false,,app',
      ',B,2024-01-20 18:00,5,false,,store',
      ',B,2024-01-31 12:00,10,false,,store',
      'O3,C,2024-01-02 10:00,30,false,Books,web',
      'O3,C,2024-01-03 09:00,10,false,Games,web',
      'O4,C,2024-01-04 12:00,10,false,Games,store',
      'O5,C,2024-01-14 12:00,10,false,Games,store',
      'O6,C,2024-01-15 12:00,5,false,,app',
      'R2,C,2024-01-20 12:00,-40,true,Books,web',
      'O7,D,2024-01-05 12:00,8,false,"Toys ""R"" Us\\Kids",store',
      'O7,D,2024-01-05 12:00,8,false,Garden,store',
    ].join('\n');
    const customers = [
      'customer_id,age,gender,location,income_range',
      'A,34,F,Berlin,50-75k',
      'C,61,,Lyon,75-100k',
      'E,25,M,Oslo,25-50k',
    ].join('\n');
    await importWithProposal(db, [fileFrom('customers.csv', customers), fileFrom('purchases.csv', purchases)]);
  });

  it('as of the last purchase day by default', async () => {
    const summary = await computeCustomerFeatures(db);
    // E is in customers.csv but has no purchases, so it gets no row.
    expect(summary).toMatchObject({ analysisDate: '2024-01-31', customers: 4 });
    const rows = await db.query('SELECT * FROM customer_features ORDER BY customer_id');
    expect(rows).toEqual([
      // A: orders O1 and O2 (R1 is a return), spend 10+5+20−5, last purchase Jan 11, first Jan 1, 1 of 4 lines a return.
      // R1 names no order and the file no product, so it cancels 5 of A's latest earlier line (O2's 20 → 15):
      // AOV (10+5+15)/2 = 15. One gap, Jan 1 → Jan 11 = 10 days. Categories, net: Books 10, Toys 5+15 = 20 of 30,
      // so Toys 0.6667 and Books 0.3333. Every line is on the web. Demographics from customers.csv.
      {
        customer_id: 'A',
        frequency: 2,
        repeat_purchases: 1,
        monetary_total: 30,
        average_order_value: 15,
        recency_days: 20,
        tenure_days: 30,
        returns_share: 0.25,
        avg_interpurchase_days: 10,
        median_interpurchase_days: 10,
        distinct_categories: 2,
        preferred_category: 'Toys',
        preferred_category_share: 0.6667,
        category_mix: '{"Toys":0.6667,"Books":0.3333}',
        distinct_channels: 1,
        preferred_channel: 'web',
        preferred_channel_share: 1,
        channel_mix: '{"web":1.0000}',
        age: 34,
        gender: 'F',
        location: 'Berlin',
        income_range: '50-75k',
      },
      // B: no order ids, so days are occasions: Jan 20 (twice) and Jan 31, one gap of 11 days. No categories.
      // Channels: app 5, store 5+10 = 15 of 20. Not in customers.csv: the import creates B with no demographics.
      {
        customer_id: 'B',
        frequency: 2,
        repeat_purchases: 1,
        monetary_total: 20,
        average_order_value: 10,
        recency_days: 0,
        tenure_days: 11,
        returns_share: 0,
        avg_interpurchase_days: 11,
        median_interpurchase_days: 11,
        distinct_categories: 0,
        preferred_category: null,
        preferred_category_share: null,
        category_mix: null,
        distinct_channels: 2,
        preferred_channel: 'store',
        preferred_channel_share: 0.75,
        channel_mix: '{"store":0.7500,"app":0.2500}',
        ...NO_DEMOGRAPHICS,
      },
      // C: orders O3 (Jan 2 and Jan 3), O4 Jan 4, O5 Jan 14, O6 Jan 15; R2 is a return. The file has no product
      // ids, so R2 (Books, −40) cancels C's earlier Books lines: all 30 of O3's Jan 2 line, and the 10 left over
      // matches nothing (it reduces Jan 20's spend, a day without purchases). Spend 30+10+10+10+5−40 = 25. O3 is
      // still an occasion through its Games line, now dated Jan 3: occasions Jan 3, 4, 14, 15, gaps 1, 10, 1 days,
      // mean 4, median 1; AOV (10+10+10+5)/4 = 8.75; first purchase Jan 3 (tenure 28), last Jan 15; 1 of 6 lines a
      // return. Categories, net: Games 30 only (O6 has none). Channels: store 20, web 10, app 5 of 35.
      {
        customer_id: 'C',
        frequency: 4,
        repeat_purchases: 3,
        monetary_total: 25,
        average_order_value: 8.75,
        recency_days: 16,
        tenure_days: 28,
        returns_share: 0.1667,
        avg_interpurchase_days: 4,
        median_interpurchase_days: 1,
        distinct_categories: 1,
        preferred_category: 'Games',
        preferred_category_share: 1,
        category_mix: '{"Games":1.0000}',
        distinct_channels: 3,
        preferred_channel: 'store',
        preferred_channel_share: 0.5714,
        channel_mix: '{"store":0.5714,"web":0.2857,"app":0.1429}',
        age: 61,
        gender: null,
        location: 'Lyon',
        income_range: '75-100k',
      },
      // D: one order O7 on Jan 5, so no gaps. Its two categories tie on spend (8 each) and on lines (1 each):
      // alphabetically Garden comes first. The other category holds a quote and a backslash, escaped in the JSON.
      {
        customer_id: 'D',
        frequency: 1,
        repeat_purchases: 0,
        monetary_total: 16,
        average_order_value: 16,
        recency_days: 26,
        tenure_days: 26,
        returns_share: 0,
        avg_interpurchase_days: null,
        median_interpurchase_days: null,
        distinct_categories: 2,
        preferred_category: 'Garden',
        preferred_category_share: 0.5,
        category_mix: '{"Garden":0.5000,"Toys \\"R\\" Us\\\\Kids":0.5000}',
        distinct_channels: 1,
        preferred_channel: 'store',
        preferred_channel_share: 1,
        channel_mix: '{"store":1.0000}',
        ...NO_DEMOGRAPHICS,
      },
    ]);
    const [d] = await db.query<{ category_mix: string }>(
      "SELECT category_mix FROM customer_features WHERE customer_id = 'D'",
    );
    expect(JSON.parse(d?.category_mix ?? '')).toEqual({ Garden: 0.5, 'Toys "R" Us\\Kids': 0.5 });
  });

  it('has the documented columns with their SQL types', async () => {
    await computeCustomerFeatures(db);
    const columns = await db.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'customer_features' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(CUSTOMER_FEATURE_DOCS.map((doc) => doc.column));
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toEqual({
      customer_id: 'VARCHAR',
      frequency: 'INTEGER',
      repeat_purchases: 'INTEGER',
      monetary_total: 'DOUBLE',
      average_order_value: 'DOUBLE',
      recency_days: 'BIGINT',
      tenure_days: 'BIGINT',
      returns_share: 'DOUBLE',
      avg_interpurchase_days: 'DOUBLE',
      median_interpurchase_days: 'DOUBLE',
      distinct_categories: 'INTEGER',
      preferred_category: 'VARCHAR',
      preferred_category_share: 'DOUBLE',
      category_mix: 'VARCHAR',
      distinct_channels: 'INTEGER',
      preferred_channel: 'VARCHAR',
      preferred_channel_share: 'DOUBLE',
      channel_mix: 'VARCHAR',
      age: 'INTEGER',
      gender: 'VARCHAR',
      location: 'VARCHAR',
      income_range: 'VARCHAR',
    });
  });

  it('as of an earlier analysis date, later purchases are ignored', async () => {
    await computeCustomerFeatures(db, '2024-01-10');
    expect(
      await db.query(
        `SELECT customer_id, frequency, monetary_total, recency_days, tenure_days, avg_interpurchase_days, category_mix
         FROM customer_features ORDER BY customer_id`,
      ),
    ).toEqual([
      // A: only O1 (Jan 1): Books 10, Toys 5.
      {
        customer_id: 'A',
        frequency: 1,
        monetary_total: 15,
        recency_days: 9,
        tenure_days: 9,
        avg_interpurchase_days: null,
        category_mix: '{"Books":0.6667,"Toys":0.3333}',
      },
      // C: O3 (Jan 2, both lines) and O4 (Jan 4): one gap of 2 days; Books 30, Games 10+10 of 50.
      {
        customer_id: 'C',
        frequency: 2,
        monetary_total: 50,
        recency_days: 6,
        tenure_days: 8,
        avg_interpurchase_days: 2,
        category_mix: '{"Books":0.6000,"Games":0.4000}',
      },
      // D: O7 on Jan 5.
      {
        customer_id: 'D',
        frequency: 1,
        monetary_total: 16,
        recency_days: 5,
        tenure_days: 5,
        avg_interpurchase_days: null,
        category_mix: '{"Garden":0.5000,"Toys \\"R\\" Us\\\\Kids":0.5000}',
      },
    ]);
  });
});

describe('customer features without a customers table or category and channel values', () => {
  const db = suiteDuckDb();
  beforeAll(async () => {
    // The import still creates the optional columns, empty; negative amounts are returns.
    const purchases = [
      'customer_id,purchase_date,amount',
      'F,2024-02-01 09:00,10',
      'F,2024-02-01 17:00,5',
      'F,2024-02-04 10:00,20',
      'F,2024-02-10 10:00,-5',
      'F,2024-02-20 10:00,10',
      'G,2024-02-05 10:00,7',
    ].join('\n');
    await importWithProposal(db, [fileFrom('purchases.csv', purchases)]);
  });

  it('leaves the mixes and demographics empty', async () => {
    expect(await computeCustomerFeatures(db)).toMatchObject({ analysisDate: '2024-02-20', customers: 2 });
    expect(await db.query('SELECT * FROM customer_features ORDER BY customer_id')).toEqual([
      // F: days are occasions, Feb 1 (twice), Feb 4 and Feb 20; the −5 on Feb 10 is a return, which cancels 5 of
      // the latest earlier line (Feb 4's 20 → 15). Spend 10+5+20−5+10 = 40, AOV (10+5+15+10)/3 = 13.33, gaps 3 and
      // 16 days: mean and median 9.5; 1 of 5 lines a return.
      {
        customer_id: 'F',
        frequency: 3,
        repeat_purchases: 2,
        monetary_total: 40,
        average_order_value: 13.33,
        recency_days: 0,
        tenure_days: 19,
        returns_share: 0.2,
        avg_interpurchase_days: 9.5,
        median_interpurchase_days: 9.5,
        ...NO_MIX,
        ...NO_DEMOGRAPHICS,
      },
      // G: a single occasion on Feb 5.
      {
        customer_id: 'G',
        frequency: 1,
        repeat_purchases: 0,
        monetary_total: 7,
        average_order_value: 7,
        recency_days: 15,
        tenure_days: 15,
        returns_share: 0,
        avg_interpurchase_days: null,
        median_interpurchase_days: null,
        ...NO_MIX,
        ...NO_DEMOGRAPHICS,
      },
    ]);
  });
});

describe('customer features on tables that lack optional columns', () => {
  const db = suiteDuckDb();
  beforeAll(async () => {
    // Not made by an import: no order_id, is_return, category or channel; customers with only an age, as text.
    await db.query('CREATE TABLE purchases (customer_id VARCHAR, purchase_date TIMESTAMP, amount DOUBLE)');
    await db.query(`INSERT INTO purchases VALUES
      ('H', '2024-03-01 10:00', 10), ('H', '2024-03-03 10:00', 10), ('H', '2024-03-04 10:00', -4),
      ('H', '2024-03-10 10:00', 10), ('H', '2024-03-11 10:00', 10)`);
    await db.query('CREATE TABLE customers (customer_id VARCHAR, age VARCHAR)');
    await db.query("INSERT INTO customers VALUES ('H', '42')");
  });

  it('reads missing columns as empty and negative amounts as returns', async () => {
    await computeCustomerFeatures(db);
    expect(await db.query('SELECT * FROM customer_features')).toEqual([
      // H: days Mar 1, 3, 10 and 11 (Mar 4 is a return): gaps 2, 7, 1, mean 10/3 = 3.33, median 2.
      // Spend 40−4 = 36; the return cancels 4 of Mar 3's 10, so AOV (10+6+10+10)/4 = 9; 1 of 5 lines a return.
      {
        customer_id: 'H',
        frequency: 4,
        repeat_purchases: 3,
        monetary_total: 36,
        average_order_value: 9,
        recency_days: 0,
        tenure_days: 10,
        returns_share: 0.2,
        avg_interpurchase_days: 3.33,
        median_interpurchase_days: 2,
        ...NO_MIX,
        ...NO_DEMOGRAPHICS,
        age: 42,
      },
    ]);
  });
});

describe('customer features mix text', () => {
  const db = suiteDuckDb();
  beforeAll(async () => {
    await db.query(
      'CREATE TABLE purchases (customer_id VARCHAR, purchase_date TIMESTAMP, amount DOUBLE, category VARCHAR)',
    );
    // Four categories of 1 each, so all tie and sort by code point: chr(1), tab, newline, then the quoted one.
    await db.query(`INSERT INTO purchases VALUES
      ('J', '2024-04-01', 1, 'a' || chr(9) || 'tab'), ('J', '2024-04-01', 1, 'a' || chr(10) || 'line'),
      ('J', '2024-04-01', 1, 'a' || chr(1) || 'one'), ('J', '2024-04-01', 1, 'a\\"quoted"')`);
  });

  it('is JSON that reads back to the category names, control characters included', async () => {
    await computeCustomerFeatures(db);
    const [j] = await db.query<{ category_mix: string }>('SELECT category_mix FROM customer_features');
    expect(j?.category_mix).toBe(
      '{"a\\u0001one":0.2500,"a\\ttab":0.2500,"a\\nline":0.2500,"a\\\\\\"quoted\\"":0.2500}',
    );
    expect(JSON.parse(j?.category_mix ?? '')).toEqual({
      'a\u0001one': 0.25,
      'a\ttab': 0.25,
      'a\nline': 0.25,
      'a\\"quoted"': 0.25,
    });
  });
});
