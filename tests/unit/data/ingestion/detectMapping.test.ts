import { describe, expect, it } from 'vitest';
import { missingRequiredFields, proposeMapping, type FileSample } from '../../../../src/data/ingestion/detectMapping';
import type { TableKind } from '../../../../src/data/schema';

/** Field → header name of the proposed column (null when unmapped). */
function mappedHeaders(sample: FileSample, kind?: TableKind) {
  const { options, shape } = proposeMapping(sample, kind);
  const named = Object.fromEntries(
    Object.entries(options.mapping)
      .filter(([, i]) => i != null)
      .map(([field, i]) => [field, sample.headers[i as number]]),
  );
  return { options, shape, named };
}

describe('proposeMapping on real-world shapes', () => {
  it('Online Retail invoice export', () => {
    const sample: FileSample = {
      fileName: 'Online Retail.csv',
      hasHeader: true,
      headers: [
        'InvoiceNo',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ],
      rows: [
        [
          '536365',
          '85123A',
          'WHITE HANGING HEART T-LIGHT HOLDER',
          '6',
          '12/1/2010 8:26',
          '2.55',
          '17850.0',
          'United Kingdom',
        ],
        ['C536379', 'D', 'Discount', '-1', '12/1/2010 9:41', '27.5', '14527.0', 'United Kingdom'],
      ],
    };
    const { options, shape, named } = mappedHeaders(sample);
    expect(shape).toBe('online-retail');
    expect(options.kind).toBe('purchases');
    expect(named).toEqual({
      order_id: 'InvoiceNo',
      customer_id: 'CustomerID',
      purchase_date: 'InvoiceDate',
      quantity: 'Quantity',
      unit_price: 'UnitPrice',
      product_id: 'StockCode',
      location: undefined,
    });
    expect(options.amountFromQuantityTimesPrice).toBe(true);
    expect(options.cancellationPrefix).toBe('C');
    expect(options.dateFormats.purchase_date).toBe('mdy');
    expect(missingRequiredFields(options)).toEqual([]);
  });

  it('Shopify orders export', () => {
    const headers = [
      'Name',
      'Email',
      'Financial Status',
      'Total',
      'Created at',
      'Lineitem quantity',
      'Lineitem name',
      'Lineitem price',
      'Lineitem sku',
      'Id',
    ];
    const sample: FileSample = {
      fileName: 'orders_export.csv',
      hasHeader: true,
      headers,
      rows: [
        [
          '#1001',
          'anna@example.com',
          'paid',
          '42.40',
          '2024-03-01 14:05:11 +0100',
          '2',
          'Tea',
          '7.50',
          'TEA-1',
          '5512',
        ],
      ],
    };
    const { options, shape, named } = mappedHeaders(sample);
    expect(shape).toBe('shopify');
    expect(named).toMatchObject({
      order_id: 'Name',
      customer_id: 'Email',
      purchase_date: 'Created at',
      quantity: 'Lineitem quantity',
      unit_price: 'Lineitem price',
      product_id: 'Lineitem sku',
    });
    expect(named.amount).toBeUndefined();
    expect(options.amountFromQuantityTimesPrice).toBe(true);
    expect(options.fillDownByOrder).toBe(true);
    expect(options.dateFormats.purchase_date).toBe('iso');
  });

  it('CDNOW log without a header: id, YYYYMMDD date, count and dollars found from the values', () => {
    const sample: FileSample = {
      fileName: 'CDNOW_sample.txt',
      hasHeader: false,
      headers: ['column1', 'column2', 'column3', 'column4', 'column5'],
      rows: [
        ['00004', '0001', '19970101', '2', '29.33'],
        ['00004', '0001', '19970118', '2', '29.73'],
        ['00021', '0002', '19970101', '3', '63.34'],
      ],
    };
    const { options, shape, named } = mappedHeaders(sample);
    expect(shape).toBe('cdnow');
    expect(named).toEqual({ customer_id: 'column1', purchase_date: 'column3', amount: 'column5', quantity: 'column4' });
    expect(options.dateFormats.purchase_date).toBe('ymd-compact');
  });

  it('CDNOW master with its header', () => {
    const sample: FileSample = {
      fileName: 'CDNOW_master.txt',
      hasHeader: true,
      headers: ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
      rows: [['00001', '19970101', '1', '11.77']],
    };
    expect(mappedHeaders(sample).named).toEqual({
      customer_id: 'customer_id',
      purchase_date: 'date',
      amount: 'dollar_value',
      quantity: 'number_of_cds',
    });
  });

  it.each([
    [['customer_id', 'age', 'gender', 'location', 'income_range', 'registration_date'], 'customers'],
    [['campaign_id', 'name', 'type', 'target_segment', 'budget', 'start_date', 'end_date', 'status'], 'campaigns'],
    [['campaign_id', 'date', 'impressions', 'clicks', 'conversions', 'revenue', 'cost'], 'performance'],
    [['Campaign', 'Day', 'Impressions', 'Clicks', 'Amount spent'], 'performance'],
    [['id', 'customer_id', 'purchase_date', 'amount', 'category'], 'purchases'],
  ] as const)('%j is a %s file', (headers, kind) => {
    const sample: FileSample = { fileName: 'export.csv', hasHeader: true, headers: [...headers], rows: [] };
    const { options } = proposeMapping(sample);
    expect(options.kind).toBe(kind);
    expect(missingRequiredFields(options)).toEqual([]);
  });

  it('detects comma decimals', () => {
    const sample: FileSample = {
      fileName: 'umsatz.csv',
      hasHeader: true,
      headers: ['Kunde', 'Datum', 'Betrag'],
      rows: [['K1', '01.03.2024', '12,50']],
    };
    const { options } = proposeMapping(sample, 'purchases');
    expect(options.decimalSeparator).toBe(',');
    // German headers are not synonyms: the user maps them, and the import stays disabled until then.
    expect(missingRequiredFields(options)).toEqual(['customer_id', 'purchase_date', 'amount']);
  });
});
