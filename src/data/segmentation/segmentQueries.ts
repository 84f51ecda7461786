// Reads behind the Segments and Customers pages: scatter points, the RFM grid, a window of the
// customer list (sorted and filtered in DuckDB), one customer's detail, and the audience exports.

import { RFM_SEGMENTS } from '../../analytics/rfm';
import { CUSTOMER_FEATURES_TABLE } from '../features/customerFeaturesSql';
import { sqlIdent, sqlString, tableExists, type SqlConnection, type SqlRow } from '../sql';
import { CUSTOMER_PREDICTIONS_TABLE } from '../predictions/predictionTables';
import { CUSTOMER_SEGMENTS_TABLE, SEGMENTS_TABLE } from './segmentTables';

async function columnsOf(conn: SqlConnection, table: string): Promise<string[]> {
  const rows = await conn.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${sqlString(table)} ORDER BY ordinal_position`,
  );
  return rows.map((r) => r.name);
}

export interface ScatterPoints {
  x: Float64Array;
  y: Float64Array;
  segment: Float64Array;
  /** Customers in all; the points are a seeded sample when there are more than the limit. */
  total: number;
  /** Points with a value on both axes, the ones drawn (a customer with only returns has no recency). */
  drawn: number;
  /** Points without a value across, and up (NULL features). */
  missingX: number;
  missingY: number;
}

/** How many of the points can be drawn, and how many lack each value. */
export function scatterCoverage(
  x: Float64Array,
  y: Float64Array,
): Pick<ScatterPoints, 'drawn' | 'missingX' | 'missingY'> {
  let drawn = 0;
  let missingX = 0;
  let missingY = 0;
  for (let i = 0; i < x.length; i++) {
    const hasX = Number.isFinite(x[i]);
    const hasY = Number.isFinite(y[i]);
    if (!hasX) missingX++;
    if (!hasY) missingY++;
    if (hasX && hasY) drawn++;
  }
  return { drawn, missingX, missingY };
}

/** Two features and the segment of every customer, or of a reproducible sample of at most `limit`. */
export async function readScatterPoints(
  conn: SqlConnection,
  xColumn: string,
  yColumn: string,
  limit: number,
): Promise<ScatterPoints> {
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM ${CUSTOMER_SEGMENTS_TABLE}`);
  const total = Number(count?.n ?? 0);
  // A hash of the id keeps the same customers in the sample every time.
  const sample = total > limit ? `WHERE hash(s.customer_id) % ${total} < ${limit}` : '';
  const columns = await conn.queryNumericColumns(
    `SELECT CAST(f.${sqlIdent(xColumn)} AS DOUBLE) AS x, CAST(f.${sqlIdent(yColumn)} AS DOUBLE) AS y,
       CAST(s.segment_id AS DOUBLE) AS segment
     FROM ${CUSTOMER_SEGMENTS_TABLE} s JOIN ${CUSTOMER_FEATURES_TABLE} f USING (customer_id) ${sample}`,
  );
  const empty = new Float64Array(0);
  const x = columns.x ?? empty;
  const y = columns.y ?? empty;
  return { x, y, segment: columns.segment ?? empty, total, ...scatterCoverage(x, y) };
}

/** Customers per (R, FM) cell of the RFM map. */
export async function readRfmGrid(conn: SqlConnection): Promise<{ r: number; fm: number; customers: number }[]> {
  const rows = await conn.query<{ r: number; fm: number; n: number }>(
    `SELECT rfm_r AS r, CAST(round((rfm_f + rfm_m) / 2 + 0.0000001) AS INTEGER) AS fm, count(*) AS n
     FROM ${CUSTOMER_SEGMENTS_TABLE} GROUP BY ALL`,
  );
  return rows.map((row) => ({ r: Number(row.r), fm: Number(row.fm), customers: Number(row.n) }));
}

/** Customers per named RFM segment, in the map's order. */
export async function readRfmSegments(conn: SqlConnection): Promise<{ segment: string; customers: number }[]> {
  const rows = await conn.query<{ segment: string; n: number }>(
    `SELECT rfm_segment AS segment, count(*) AS n FROM ${CUSTOMER_SEGMENTS_TABLE} GROUP BY ALL`,
  );
  const counts = new Map(rows.map((r) => [r.segment, Number(r.n)]));
  return RFM_SEGMENTS.map((segment) => ({ segment, customers: counts.get(segment) ?? 0 }));
}

export interface CustomerListQuery {
  segmentId: number | null;
  rfmSegment: string | null;
  search: string;
  sortColumn: string;
  descending: boolean;
}

/** The prediction columns the customer list shows (when predictions exist) and what each sorts by. */
const PREDICTION_LIST_COLUMNS: Record<string, { select: string; sort: string }> = {
  risk_level: { select: 'cp.risk_level', sort: 'cp.churn_probability' },
  churn_probability: { select: 'CAST(round(cp.churn_probability, 3) AS VARCHAR)', sort: 'cp.churn_probability' },
  lifetime_value: { select: 'CAST(round(cp.lifetime_value, 2) AS VARCHAR)', sort: 'cp.lifetime_value' },
};

/** Columns of the customer list: features, then the segment and RFM, and predictions, when those exist. */
export async function customerListColumns(conn: SqlConnection): Promise<string[]> {
  const features = await columnsOf(conn, CUSTOMER_FEATURES_TABLE);
  const segments = (await tableExists(conn, CUSTOMER_SEGMENTS_TABLE))
    ? ['segment_id', 'segment', 'rfm_segment', 'rfm_score']
    : [];
  const predictions = (await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE)) ? Object.keys(PREDICTION_LIST_COLUMNS) : [];
  return [...features, ...segments, ...predictions];
}

async function customerListFrom(conn: SqlConnection, query: CustomerListQuery): Promise<string> {
  const segmented = await tableExists(conn, CUSTOMER_SEGMENTS_TABLE);
  const join = [
    segmented
      ? `LEFT JOIN ${CUSTOMER_SEGMENTS_TABLE} cs USING (customer_id) LEFT JOIN ${SEGMENTS_TABLE} sg ON sg.segment_id = cs.segment_id`
      : '',
    (await tableExists(conn, CUSTOMER_PREDICTIONS_TABLE))
      ? `LEFT JOIN ${CUSTOMER_PREDICTIONS_TABLE} cp ON cp.customer_id = f.customer_id`
      : '',
  ].join(' ');
  const where = [
    query.segmentId !== null && segmented ? `cs.segment_id = ${Math.floor(query.segmentId)}` : '',
    query.rfmSegment && segmented ? `cs.rfm_segment = ${sqlString(query.rfmSegment)}` : '',
    query.search ? `contains(lower(f.customer_id), ${sqlString(query.search.toLowerCase())})` : '',
  ].filter(Boolean);
  return `FROM ${CUSTOMER_FEATURES_TABLE} f ${join} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** How many customers match the list's filters. */
export async function countCustomers(conn: SqlConnection, query: CustomerListQuery): Promise<number> {
  const [row] = await conn.query<{ n: number }>(`SELECT count(*) AS n ${await customerListFrom(conn, query)}`);
  return Number(row?.n ?? 0);
}

/** A window of the customer list, every value as text, sorted in DuckDB. */
export async function readCustomerWindow(
  conn: SqlConnection,
  query: CustomerListQuery,
  offset: number,
  limit: number,
): Promise<(string | null)[][]> {
  const columns = await customerListColumns(conn);
  const select = columns.map((c) => {
    if (c === 'segment_id') return `CAST(cs.segment_id AS VARCHAR) AS segment_id`;
    if (c === 'segment') return `sg.name AS segment`;
    if (c === 'rfm_segment') return `cs.rfm_segment AS rfm_segment`;
    if (c === 'rfm_score')
      return `CAST(cs.rfm_r AS VARCHAR) || CAST(cs.rfm_f AS VARCHAR) || CAST(cs.rfm_m AS VARCHAR) AS rfm_score`;
    const prediction = PREDICTION_LIST_COLUMNS[c];
    if (prediction) return `${prediction.select} AS ${sqlIdent(c)}`;
    return `CAST(f.${sqlIdent(c)} AS VARCHAR) AS ${sqlIdent(c)}`;
  });
  if (!columns.includes(query.sortColumn)) throw new Error(`No column ${query.sortColumn} to sort by.`);
  const sortExpression =
    PREDICTION_LIST_COLUMNS[query.sortColumn]?.sort ??
    (query.sortColumn === 'segment' || query.sortColumn === 'segment_id'
      ? 'cs.segment_id'
      : query.sortColumn === 'rfm_segment' || query.sortColumn === 'rfm_score'
        ? query.sortColumn === 'rfm_segment'
          ? 'cs.rfm_segment'
          : // TINYINT arithmetic would overflow: widen before combining the three digits.
            'CAST(cs.rfm_r AS INTEGER) * 100 + CAST(cs.rfm_f AS INTEGER) * 10 + CAST(cs.rfm_m AS INTEGER)'
        : `f.${sqlIdent(query.sortColumn)}`);
  const rows = await conn.query(
    `SELECT ${select.join(', ')} ${await customerListFrom(conn, query)}
     ORDER BY ${sortExpression} ${query.descending ? 'DESC' : 'ASC'} NULLS LAST, f.customer_id
     LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(offset)}`,
  );
  return rows.map((r) => columns.map((c) => (r[c] == null ? null : (r[c] as string))));
}

export interface CustomerDetail {
  features: SqlRow | null;
  segment: SqlRow | null;
  profile: SqlRow | null;
  purchases: { columns: string[]; rows: (string | null)[][]; total: number };
}

/** One customer: features, segment and RFM, their customers-table record and purchase history. */
export async function readCustomerDetail(conn: SqlConnection, customerId: string): Promise<CustomerDetail> {
  const id = sqlString(customerId);
  const [features] = await conn.query(`SELECT * FROM ${CUSTOMER_FEATURES_TABLE} WHERE customer_id = ${id}`);
  const segment = (await tableExists(conn, CUSTOMER_SEGMENTS_TABLE))
    ? ((
        await conn.query(
          `SELECT cs.*, sg.name AS segment_name, sg.tier, sg.treatment, sg.description
           FROM ${CUSTOMER_SEGMENTS_TABLE} cs JOIN ${SEGMENTS_TABLE} sg USING (segment_id) WHERE customer_id = ${id}`,
        )
      )[0] ?? null)
    : null;
  const profile = (await tableExists(conn, 'customers'))
    ? ((
        await conn.query(
          `SELECT COLUMNS(* EXCLUDE (source_file, source_row))::VARCHAR FROM customers WHERE customer_id = ${id}`,
        )
      )[0] ?? null)
    : null;
  const purchaseColumns = (await columnsOf(conn, 'purchases')).filter(
    (c) => !['customer_id', 'source_file', 'source_row'].includes(c),
  );
  const [count] = await conn.query<{ n: number }>(`SELECT count(*) AS n FROM purchases WHERE customer_id = ${id}`);
  const rows = await conn.query(
    `SELECT ${purchaseColumns.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR) AS ${sqlIdent(c)}`).join(', ')}
     FROM purchases WHERE customer_id = ${id} ORDER BY purchase_date DESC LIMIT 500`,
  );
  return {
    features: features ?? null,
    segment,
    profile,
    purchases: {
      columns: purchaseColumns,
      rows: rows.map((r) => purchaseColumns.map((c) => (r[c] == null ? null : (r[c] as string)))),
      total: Number(count?.n ?? 0),
    },
  };
}

/**
 * The SELECT behind a segment's audience file: id, plus email and phone when the customers table has
 * them, ready for an ad platform's customer-list upload (queryToCsv makes its text formula-safe).
 */
export async function audienceSql(conn: SqlConnection, segmentId: number | null): Promise<string> {
  const customerColumns = (await tableExists(conn, 'customers')) ? await columnsOf(conn, 'customers') : [];
  const contact: string[] = [];
  for (const column of ['email', 'phone'].filter((c) => customerColumns.includes(c))) {
    // A column the import created but the file never filled is left out of the audience file.
    const [filled] = await conn.query<{ n: number }>(
      `SELECT count(${sqlIdent(column)}) AS n FROM customers WHERE ${sqlIdent(column)} <> ''`,
    );
    if (Number(filled?.n) > 0) contact.push(column);
  }
  const join = customerColumns.length ? 'LEFT JOIN customers c USING (customer_id)' : '';
  const select = [
    `cs.customer_id`,
    ...contact.map((c) =>
      c === 'phone'
        ? // Separators go ("+44 7700 900123" → "+447700900123", the form ad platforms match best); a plain "+digits" needs no escape.
          `regexp_replace(c.phone, '[\\s().-]', '', 'g') AS phone`
        : `c.${sqlIdent(c)}`,
    ),
    ...(segmentId === null ? [`cs.segment_id`, `sg.name AS segment`] : []),
  ];
  return `SELECT ${select.join(', ')} FROM ${CUSTOMER_SEGMENTS_TABLE} cs ${join}
    LEFT JOIN ${SEGMENTS_TABLE} sg ON sg.segment_id = cs.segment_id
    ${segmentId === null ? '' : `WHERE cs.segment_id = ${Math.floor(segmentId)}`} ORDER BY cs.customer_id`;
}

export interface SegmentMix {
  segmentId: number;
  /** Column → its most common value in the segment and that value's share of the segment's customers. */
  top: Record<string, { value: string; share: number } | null>;
}

/** Text features (preferred category and channel, and demographics) shown per segment: their commonest value. */
export const MIX_COLUMNS = ['preferred_category', 'preferred_channel', 'gender', 'location', 'income_range'] as const;

/** The commonest value of each text feature in each segment (customers without a value are not counted). */
export async function readSegmentMix(conn: SqlConnection): Promise<SegmentMix[]> {
  const present = new Set(await columnsOf(conn, CUSTOMER_FEATURES_TABLE));
  const columns = MIX_COLUMNS.filter((c) => present.has(c));
  const mixes = new Map<number, SegmentMix>();
  for (const column of columns) {
    const rows = await conn.query<{ segment_id: number; value: string; share: number }>(
      // Ties go to the alphabetically first value, so the answer is the same on every refresh.
      `SELECT segment_id, value, n / total AS share FROM (
         SELECT segment_id, value, n, sum(n) OVER (PARTITION BY segment_id) AS total,
                row_number() OVER (PARTITION BY segment_id ORDER BY n DESC, value) AS rank
         FROM (
           SELECT cs.segment_id, CAST(f.${sqlIdent(column)} AS VARCHAR) AS value, count(*) AS n
           FROM ${CUSTOMER_SEGMENTS_TABLE} cs JOIN ${CUSTOMER_FEATURES_TABLE} f USING (customer_id)
           WHERE f.${sqlIdent(column)} IS NOT NULL GROUP BY ALL
         )
       ) WHERE rank = 1`,
    );
    for (const row of rows) {
      const id = Number(row.segment_id);
      const mix = mixes.get(id) ?? { segmentId: id, top: {} };
      mix.top[column] = { value: row.value, share: Number(row.share) };
      mixes.set(id, mix);
    }
  }
  return [...mixes.values()].sort((a, b) => a.segmentId - b.segmentId);
}
