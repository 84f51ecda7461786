// The prediction inputs read from imported purchases: transaction days, returns and zero amounts,
// category sequences in date order, and the messages for data the models cannot use.

import { beforeAll, describe, expect, it } from 'vitest';
import { PredictionInputError } from '../../../src/analytics/predictions/predictionInput';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/analytics/predictions/predictionSettings';
import { predictCustomers } from '../../../src/analytics/predictions/predictCustomers';
import { readPredictionInput } from '../../../src/data/predictions/readPredictionInput';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();
const settings = { ...DEFAULT_PREDICTION_SETTINGS, unit: 'days' as const, calibrationEnd: '2024-03-10' };

// A: three purchase days (two lines on 03-01 count once), a partial return of 03-05's Music, a later
// zero-priced line.
// B: one purchase day. C: buys Books then Music then Music.
const CSV = `customer_id,purchase_date,amount,category,is_return
A,2024-03-01,10.00,Books,false
A,2024-03-01,5.00,Music,false
A,2024-03-05,20.00,Music,false
A,2024-03-06,-5.00,Music,true
A,2024-03-09,0.00,Books,false
B,2024-03-02,7.50,Games,false
C,2024-03-03,4.00,Books,false
C,2024-03-08,6.00,Music,false
C,2024-03-12,8.00,Music,false
`;

beforeAll(async () => {
  const [report] = await importWithProposal(db, [fileFrom('purchases.csv', CSV)]);
  expect(report).toMatchObject({ accepted: 9, rejected: 0 });
});

describe('readPredictionInput', () => {
  it('summarises purchase days per customer as of the analysis date, in the chosen unit', async () => {
    const input = await readPredictionInput(db, settings, '2024-03-12');
    const { x, tx, T, mean_repeat_spend, recency_days } = input.current;
    // A: days 03-01 (15.00), 03-05 (20.00 less the 5.00 returned on 03-06, which the file names no product for,
    // so the same category's latest earlier line), 03-09 (0.00); the return is not a transaction.
    expect([...x]).toEqual([2, 0, 2]);
    expect([...tx]).toEqual([8, 0, 9]);
    expect([...T]).toEqual([11, 10, 9]);
    expect(mean_repeat_spend[0]).toBeCloseTo(7.5, 10);
    expect(mean_repeat_spend[1]).toBeNaN();
    expect(mean_repeat_spend[2]).toBeCloseTo(7, 10);
    expect([...recency_days]).toEqual([3, 10, 0]);
    expect(input.dataNotes).toEqual([
      '1 purchase line with zero or negative amounts (not marked as returns) counts towards purchase days, and its amount towards the day’s spend.',
      "Cancellations cancel: 1 return or cancellation line taken off the purchases they undo (the same order's line, or else the customer's latest earlier line of the same product, up to its quantity); 0 purchase lines cancelled in full count as no purchase, and 0 return lines with a part that matched no purchase reduce that day's spend instead. Spend is net of all of it.",
    ]);
  });

  it('in weeks, divides the same days by 7', async () => {
    const input = await readPredictionInput(db, { ...settings, unit: 'weeks' }, '2024-03-12');
    expect(input.current.T[0]).toBeCloseTo(11 / 7, 12);
  });

  it('gives category sequences in date order and the categories of the first holdout day', async () => {
    const input = await readPredictionInput(db, settings, '2024-03-12');
    expect(input.categoryNames).toEqual(['Books', 'Games', 'Music']);
    // A's 03-01 has more Books spend (10 vs 5): Books, then Music, then Books (the zero line is its only one).
    expect([...(input.currentSequences?.offsets ?? [])]).toEqual([0, 3, 4, 7]);
    expect([...(input.currentSequences?.categories ?? [])]).toEqual([0, 2, 0, 1, 0, 2, 2]);
    const v = input.validation;
    expect(v?.calibrationEnd).toBe('2024-03-10');
    expect(v?.holdoutDays).toBe(2);
    // Only C bought after 03-10 (Music on 03-12).
    expect([...(v?.holdoutFirstCategory ?? [])]).toEqual([-1, -1, 2]);
    expect([...(v?.calibration.holdout_transactions ?? [])]).toEqual([0, 0, 1]);
    // Repeat days of the cohort through 03-12: A's 03-05 and 03-09, C's 03-08 and 03-12.
    expect([...(v?.cohortRepeats.repeats ?? [])].reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('an analysis date before the first purchase: says so and names the first purchase day', async () => {
    await expect(readPredictionInput(db, settings, '2023-12-31')).rejects.toThrow(PredictionInputError);
    await expect(readPredictionInput(db, settings, '2023-12-31')).rejects.toThrow(
      'The analysis date 2023-12-31 is before the first purchase (2024-03-01): choose a date on or after it.',
    );
  });

  it('a calibration end outside the data: no holdout, and a note that says why', async () => {
    const input = await readPredictionInput(db, { ...settings, calibrationEnd: '2025-01-01' }, '2024-03-12');
    expect(input.validation).toBeNull();
    expect(input.dataNotes.at(-1)).toMatch(/^The calibration end 2025-01-01 is not between the first purchase/);
  });

  it('three customers are too few to fit: the message says what is needed', async () => {
    const input = await readPredictionInput(db, settings, '2024-03-12');
    expect(() => predictCustomers(input)).toThrow(/has 3 customers with purchases: the models need at least 30/);
  });
});

describe('many categories', () => {
  const many = suiteDuckDb();
  it('merges all but the 199 most frequent into one, and says so', async () => {
    const lines = ['customer_id,purchase_date,amount,category'];
    // 260 categories, one purchase day each; K000–K009 are bought twice, so they are among the most frequent.
    for (let k = 0; k < 260; k++) {
      const day = String(1 + (k % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(k / 28)).padStart(2, '0');
      lines.push(`C${k % 40},2024-${month}-${day},5.00,K${String(k).padStart(3, '0')}`);
      if (k < 10) lines.push(`C${(k + 1) % 40},2024-${month}-${day},5.00,K${String(k).padStart(3, '0')}`);
    }
    await importWithProposal(many, [fileFrom('many.csv', lines.join('\n') + '\n')]);
    const input = await readPredictionInput(many, settings, '2024-12-31');
    expect(input.categoryNames).toHaveLength(200);
    expect(input.categoryNames).toContain('Other (rarer categories)');
    expect(input.categoryNames).toContain('K009');
    expect(input.dataNotes).toContain(
      '260 categories: the next-category model uses the 199 most frequent and one “Other (rarer categories)”.',
    );
    const sequenceLength = input.currentSequences?.categories.length ?? 0;
    expect(sequenceLength).toBe(input.dataCounts?.transactions);
  });
});
