// Computes the per-customer features table in DuckDB (its own worker) and times it.

import type { SqlConnection } from '../sql';
import { CUSTOMER_FEATURES_TABLE, LAST_PURCHASE_DATE_SQL, customerFeaturesSql } from './customerFeaturesSql';

export interface CustomerFeaturesSummary {
  analysisDate: string | null;
  customers: number;
  durationMs: number;
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
  await conn.query(customerFeaturesSql(isoDate));
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_FEATURES_TABLE}`);
  const durationMs = performance.now() - started;
  performance.measure('lantern:features', { start: started, duration: durationMs });
  return { analysisDate: isoDate, customers: Number(count?.n ?? 0), durationMs };
}
