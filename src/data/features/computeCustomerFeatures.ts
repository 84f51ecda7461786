// Computes the per-customer features table in DuckDB (its own worker) and times it.

import { tableExists, type SqlConnection } from '../sql';
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

/** The day of the last purchase (ISO date), or null without purchases; live purchases move it. */
export async function lastPurchaseDay(conn: SqlConnection): Promise<string | null> {
  if (!(await tableExists(conn, 'purchases'))) return null;
  const [row] = await conn.query<{ d: number | string | null }>(LAST_PURCHASE_DATE_SQL);
  const d = row?.d ?? null;
  return typeof d === 'number' ? new Date(d).toISOString().slice(0, 10) : d;
}

/** Builds `customer_features` as of `analysisDate` (default: the last purchase day). */
export async function computeCustomerFeatures(
  conn: SqlConnection,
  analysisDate?: string,
): Promise<CustomerFeaturesSummary> {
  const started = performance.now();
  const isoDate = analysisDate ?? (await lastPurchaseDay(conn));
  if (isoDate === null) return { analysisDate: null, customers: 0, durationMs: performance.now() - started };
  await conn.query(customerFeaturesSql(isoDate, CUSTOMER_FEATURES_TABLE, await readFeatureSources(conn)));
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_FEATURES_TABLE}`);
  const durationMs = performance.now() - started;
  performance.measure('lantern:features', { start: started, duration: durationMs });
  return { analysisDate: isoDate, customers: Number(count?.n ?? 0), durationMs };
}
