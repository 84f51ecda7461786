// When an import compares whole rows with the table, and on which columns; and that import records
// stored before rows already in the table were counted still load, with none counted.

import { describe, expect, it } from 'vitest';
import { comparedColumns, skipsRowsAlreadyPresent } from '../../../../src/data/ingestion/repeatedRowsSql';
import type { ImportOptions } from '../../../../src/data/ingestion/importOptions';
import type { FileImportReport } from '../../../../src/data/ingestion/importFiles';
import { emptyManifest, restoreManifest } from '../../../../src/data/store/workspaceManifest';

const base: ImportOptions = {
  kind: 'purchases',
  mapping: { customer_id: 0, purchase_date: 1, amount: 2 },
  dateFormats: { purchase_date: 'iso' },
  decimalSeparator: '.',
  currency: 'USD',
  amountFromQuantityTimesPrice: false,
  cancellationPrefix: null,
  fillDownByOrder: false,
  unknownCustomers: 'create',
  mode: 'append',
  keepRepeatedRows: false,
};

describe('skipsRowsAlreadyPresent', () => {
  it.each<[string, Partial<ImportOptions>, boolean]>([
    ['appending purchases without an id column', {}, true],
    ['replacing the table', { mode: 'replace' }, false],
    ['told to keep repeated rows', { keepRepeatedRows: true }, false],
    ['purchases with a line id column', { mapping: { ...base.mapping, id: 3 } }, false],
    [
      'customers (their id is required, duplicates are rejected instead)',
      { kind: 'customers', mapping: { customer_id: 0 } },
      false,
    ],
    [
      'customers without their required id column (the file is not imported at all)',
      { kind: 'customers', mapping: { customer_id: null, age: 1 } },
      false,
    ],
    [
      'daily performance (no unique field; a second campaign-day is rejected)',
      { kind: 'performance', mapping: { campaign_id: 0, date: 1, cost: 2 } },
      false,
    ],
  ])('%s → %s', (_what, change, expected) => {
    expect(skipsRowsAlreadyPresent({ ...base, ...change })).toBe(expected);
  });
});

describe('comparedColumns', () => {
  it.each<[string, Partial<ImportOptions>, string[]]>([
    [
      'the mapped fields, in table order',
      { mapping: { amount: 2, customer_id: 0, purchase_date: 1, category: null } },
      ['customer_id', 'purchase_date', 'amount'],
    ],
    [
      'an amount derived from quantity × unit price as well',
      {
        amountFromQuantityTimesPrice: true,
        mapping: { order_id: 0, customer_id: 1, purchase_date: 2, quantity: 3, unit_price: 4 },
      },
      ['order_id', 'customer_id', 'purchase_date', 'amount', 'quantity', 'unit_price'],
    ],
  ])('%s', (_what, change, expected) => {
    expect(comparedColumns({ ...base, ...change }).map((f) => f.name)).toEqual(expected);
  });
});

describe('stored import records', () => {
  it('from before the count of rows already in the table load with 0', () => {
    const old = {
      id: 'f1',
      fileName: 'orders.csv',
      rowsRead: 3,
      accepted: 2,
      rejected: 1,
    } as Partial<FileImportReport>;
    const restored = restoreManifest({ ...emptyManifest(), imports: [old as FileImportReport] });
    expect(restored.imports[0]).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, alreadyPresent: 0 });
  });

  it('keep their count', () => {
    const stored = { id: 'f2', rowsRead: 3, accepted: 0, rejected: 1, alreadyPresent: 2 } as FileImportReport;
    expect(restoreManifest({ ...emptyManifest(), imports: [stored] }).imports[0]?.alreadyPresent).toBe(2);
  });
});
