// The segmentation's tables in DuckDB: `segments` (the seed's SEGMENT: segment_id, name, description,
// criteria as JSON, size, plus tier and revenue) and `customer_segments` (each customer's k-means
// segment and classic RFM scores). Both are stored with the workspace like imported tables.

import { Int32, Table, Uint8, makeVector, tableToIPC } from 'apache-arrow';
import { RFM_SEGMENTS } from '../../analytics/rfm';
import type { SegmentationResult } from '../../analytics/segmentation/segmentCustomers';
import { CUSTOMER_FEATURES_TABLE } from '../features/customerFeaturesSql';
import { sqlIdent, sqlString, type SqlConnection } from '../sql';

export const SEGMENTS_TABLE = 'segments';
export const CUSTOMER_SEGMENTS_TABLE = 'customer_segments';
const CODES_TABLE = 'segment_codes_staging';

/** Customer order shared by the feature matrix and the codes coming back: by customer id. */
export const CUSTOMER_ORDER_SQL = 'ORDER BY customer_id';

/** Numeric feature columns of customer_features, in the matrix's customer order (non-numbers left out). */
export async function featureColumnsSql(conn: SqlConnection, wanted: readonly string[]): Promise<string> {
  const present = await conn.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ${sqlString(CUSTOMER_FEATURES_TABLE)}`,
  );
  const numeric = new Set(present.filter((c) => !/CHAR|TEXT|STRING/i.test(c.type)).map((c) => c.name));
  const columns = wanted.filter((c) => numeric.has(c));
  if (columns.length === 0) throw new Error('Compute customer features first.');
  return `SELECT ${columns.map((c) => `CAST(${sqlIdent(c)} AS DOUBLE) AS ${sqlIdent(c)}`).join(', ')} FROM ${sqlIdent(CUSTOMER_FEATURES_TABLE)} ${CUSTOMER_ORDER_SQL}`;
}

/** Writes `customer_segments` and `segments` from a result computed on the customer order above. */
export async function writeSegmentTables(conn: SqlConnection, result: SegmentationResult): Promise<void> {
  const n = result.segmentIds.length;
  const codes = new Table({
    idx: makeVector(Int32Array.from({ length: n }, (_, i) => i)),
    segment_id: makeVector(result.segmentIds),
    rfm_r: makeVector(result.rfm.r),
    rfm_f: makeVector(result.rfm.f),
    rfm_m: makeVector(result.rfm.m),
    rfm_code: makeVector(result.rfm.segment),
  });
  // Guards against a surprise in Arrow's type inference, which would scramble the join below.
  if (!(codes.getChild('idx')?.type instanceof Int32) || !(codes.getChild('rfm_r')?.type instanceof Uint8)) {
    throw new Error('Unexpected Arrow types for segment codes.');
  }
  await conn.query(`DROP TABLE IF EXISTS ${CODES_TABLE}`);
  await conn.insertArrowIpc(CODES_TABLE, tableToIPC(codes, 'stream'), true);
  const rfmNames = RFM_SEGMENTS.map((name, i) => `(${i}, ${sqlString(name)})`).join(', ');
  await conn.query(`CREATE OR REPLACE TABLE ${CUSTOMER_SEGMENTS_TABLE} AS
    WITH ordered AS (
      SELECT customer_id, CAST(row_number() OVER (${CUSTOMER_ORDER_SQL}) - 1 AS INTEGER) AS idx
      FROM ${sqlIdent(CUSTOMER_FEATURES_TABLE)}
    ), names(rfm_code, rfm_segment) AS (VALUES ${rfmNames})
    SELECT o.customer_id, CAST(c.segment_id AS INTEGER) AS segment_id,
      CAST(c.rfm_r AS TINYINT) AS rfm_r, CAST(c.rfm_f AS TINYINT) AS rfm_f, CAST(c.rfm_m AS TINYINT) AS rfm_m,
      names.rfm_segment
    FROM ordered o JOIN ${CODES_TABLE} c USING (idx) JOIN names ON names.rfm_code = c.rfm_code
    ORDER BY o.customer_id`);
  await conn.query(`DROP TABLE IF EXISTS ${CODES_TABLE}`);
  const [check] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_SEGMENTS_TABLE}`);
  if (Number(check?.n) !== n) {
    throw new Error(
      `Segments were computed for ${n} customers but ${Number(check?.n)} were written; nothing was saved.`,
    );
  }
  const rows = result.profiles.map((p) => {
    const criteria = JSON.stringify({
      features: result.features.map((f) => ({ column: f.column, transform: f.transform, mean: f.mean, sd: f.sd })),
      centroid: p.centroid,
      k: result.k,
      seed: result.seed,
      restarts: result.restarts,
      winsorise: result.winsorise,
    });
    return `(CAST(${p.segmentId} AS INTEGER), ${sqlString(p.name)}, ${sqlString(p.description)}, ${sqlString(criteria)}, CAST(${p.size} AS INTEGER), ${sqlString(p.tier)}, ${sqlString(p.treatment)}, CAST(${p.revenue} AS DOUBLE), CAST(${p.revenueShare} AS DOUBLE))`;
  });
  await conn.query(`CREATE OR REPLACE TABLE ${SEGMENTS_TABLE} AS SELECT * FROM (VALUES ${rows.join(', ')})
    AS t(segment_id, name, description, criteria, size, tier, treatment, revenue, revenue_share)`);
}
