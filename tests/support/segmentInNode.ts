// Lantern's segmentation path in Node: features in DuckDB (the same WASM engine as the browser),
// the pure k-means job, and the result tables; the e2e test compares the browser's segments with it.

import { defaultRestarts } from '../../src/analytics/segmentation/kmeans';
import { PROFILE_COLUMNS, SEGMENTATION_FEATURES } from '../../src/analytics/segmentation/featureCatalog';
import { segmentCustomers, type SegmentationResult } from '../../src/analytics/segmentation/segmentCustomers';
import { computeCustomerFeatures } from '../../src/data/features/computeCustomerFeatures';
import { featureColumnsSql, writeSegmentTables } from '../../src/data/segmentation/segmentTables';
import type { SqlConnection } from '../../src/data/sql';

/** The Segments page's defaults: log recency, frequency and spend, tenure as is; seed 42; automatic k and restarts. */
export const DEFAULT_REQUEST = {
  features: SEGMENTATION_FEATURES.filter((f) => f.byDefault).map((f) => ({
    column: f.column,
    transform: f.defaultTransform,
  })),
  k: 'auto' as number | 'auto',
  seed: 42,
  winsorise: true,
};

/** Features, segmentation and result tables on a connection that holds imported purchases. */
export async function segmentInNode(
  conn: SqlConnection,
  request = DEFAULT_REQUEST,
  analysisDate?: string,
): Promise<SegmentationResult> {
  await computeCustomerFeatures(conn, analysisDate);
  const wanted = [...new Set([...request.features.map((f) => f.column), ...PROFILE_COLUMNS])];
  const columns = await conn.queryNumericColumns(await featureColumnsSql(conn, wanted));
  const result = segmentCustomers({
    columns,
    features: request.features,
    k: request.k,
    seed: request.seed,
    restarts: defaultRestarts(columns.monetary_total?.length ?? 0),
    winsorise: request.winsorise,
    currency: 'USD',
  });
  await writeSegmentTables(conn, result);
  return result;
}
