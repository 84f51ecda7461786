// The choices a user makes for one file before importing it: which table, which column feeds which
// field, and how to read dates and numbers. Shared by the mapping proposal, the preview and the SQL.

import type { TableKind } from '../schema';
import type { DateFormatId } from './dateFormats';

/** Field name → index of the source column feeding it, or null when unmapped. */
export type ColumnMapping = Record<string, number | null>;

export type DecimalSeparator = '.' | ',';

export type UnknownCustomerPolicy = 'create' | 'reject';

export interface ImportOptions {
  kind: TableKind;
  mapping: ColumnMapping;
  /** Date format per date field; null means "not detected" and every value is rejected until the user picks one. */
  dateFormats: Record<string, DateFormatId | null>;
  decimalSeparator: DecimalSeparator;
  /** ISO currency code of amounts in this file (informational; no conversion). */
  currency: string;
  /** Purchases with no amount column: amount = quantity × unit price. */
  amountFromQuantityTimesPrice: boolean;
  /** Online-Retail exports mark cancellations with an order id starting with "C". */
  cancellationPrefix: string | null;
  /** Shopify exports fill order-level columns only on an order's first line; copy them down. */
  fillDownByOrder: boolean;
  /** Purchases whose customer is not in the customers table. */
  unknownCustomers: UnknownCustomerPolicy;
  /** Replace the table's data, or append to it (ids already there are duplicates). */
  mode: 'replace' | 'append';
  /** Appending a file with no id column: add rows equal to one already in the table instead of skipping them. */
  keepRepeatedRows: boolean;
  /** Formats the file could not settle that the user has answered ("decimal", or a date field's name). */
  formatsConfirmed?: string[];
}

/** The shape a file was recognised as, shown to the user so they know why a mapping was proposed. */
export type KnownShape = 'lantern' | 'online-retail' | 'shopify' | 'cdnow' | 'generic';
