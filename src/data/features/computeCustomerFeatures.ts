// Computes the per-customer features table in DuckDB (its own worker) and times it.

import { ensurePurchaseNet } from '../purchases/purchaseNet';
import type { SqlConnection } from '../sql';
import {
  CUSTOMER_FEATURES_TABLE,
  FEATURE_SOURCES_SQL,
  LAST_PURCHASE_DATE_SQL,
  customerFeaturesSql,
  type FeatureSources,
} from './customerFeaturesSql';

export interface CustomerFeaturesSummary {
  analysisDate: string | null;
  customers: number;
  durationMs: number;
}

/** Which columns purchases and customers have, so the features SQL names only columns that exist. */
export async function readFeatureSources(conn: SqlConnection): Promise<FeatureSources> {
  const rows = await conn.query<{ table_name: string; column_name: string }>(FEATURE_SOURCES_SQL);
  const columnsOf = (table: string) =>
    rows.filter((r) => r.table_name.toLowerCase() === table).map((r) => r.column_name.toLowerCase());
  const customerColumns = columnsOf('customers');
  return {
    purchaseColumns: columnsOf('purchases'),
    customerColumns: customerColumns.length > 0 ? customerColumns : null,
  };
}

/** Builds `customer_features` as of `analysisDate` (default: the last purchase day). */
export async function computeCustomerFeatures(
  conn: SqlConnection,
  analysisDate?: string,
): Promise<CustomerFeaturesSummary> {
  const started = performance.now();
  const asOf =
    analysisDate ?? (await conn.query<{ d: number | null }>(LAST_PURCHASE_DATE_SQL)).map((r) => r.d)[0] ?? null;
  if (asOf === null) return { analysisDate: null, customers: 0, durationMs: performance.now() - started };
  const isoDate = typeof asOf === 'number' ? new Date(asOf).toISOString().slice(0, 10) : asOf;
  const columns = await readFeatureSources(conn);
  const sources = { ...columns, netTable: await ensurePurchaseNet(conn, columns.purchaseColumns, isoDate) };
  await conn.query(customerFeaturesSql(isoDate, CUSTOMER_FEATURES_TABLE, sources));
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_FEATURES_TABLE}`);
  const durationMs = performance.now() - started;
  performance.measure('lantern:features', { start: started, duration: durationMs });
  return { analysisDate: isoDate, customers: Number(count?.n ?? 0), durationMs };
}
