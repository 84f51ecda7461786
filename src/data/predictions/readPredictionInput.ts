// Reads the prediction job's input from DuckDB: the transaction days as of the analysis date, the
// per-customer summaries (now, at the calibration end, and one holdout earlier for the logistic
// baseline), the cohort's daily repeats and the category sequences. Bad input becomes a message.

import type {
  CategorySequences,
  CustomerSummaryColumns,
  PredictionInput,
  ValidationInput,
} from '../../analytics/predictions/predictionInput';
import { PredictionInputError } from '../../analytics/predictions/predictionInput';
import { UNIT_DAYS, type PredictionSettings } from '../../analytics/predictions/predictionSettings';
import { readFeatureSources } from '../features/computeCustomerFeatures';
import { ensurePurchaseNet } from '../purchases/purchaseNet';
import type { SqlConnection } from '../sql';
import {
  CATEGORY_COUNT_SQL,
  CATEGORY_NAMES_SQL,
  MAX_CATEGORIES,
  MERGE_RARE_CATEGORIES_SQL,
  OTHER_CATEGORY,
  categoryCountsSql,
  categorySequenceSql,
  cohortRepeatsByDaySql,
  customerSummarySql,
  firstCategoryAfterSql,
  spendCountsSql,
  TRANSACTION_COUNTS_SQL,
  transactionDaysSql,
} from './predictionInputsSql';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);

/** The default calibration end: two thirds of the way from the first transaction to the analysis date. */
export function defaultCalibrationEnd(firstDay: string, analysisDate: string): string {
  return addDays(firstDay, Math.floor((daysBetween(firstDay, analysisDate) * 2) / 3));
}

const SUMMARY_COLUMNS = [
  'x',
  'tx',
  'T',
  'mean_repeat_spend',
  'mean_spend',
  'recency_days',
  'first_offset_days',
  'holdout_transactions',
  'horizon_transactions',
] as const;

async function readSummary(
  conn: SqlConnection,
  asOf: string,
  unitDays: number,
  holdoutEnd: string | null,
  horizonEnd: string | null = holdoutEnd,
): Promise<CustomerSummaryColumns> {
  const columns = await conn.queryNumericColumns(customerSummarySql(asOf, unitDays, holdoutEnd, undefined, horizonEnd));
  const empty = new Float64Array(0);
  return Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c, columns[c] ?? empty])) as unknown as CustomerSummaryColumns;
}

async function readSequences(
  conn: SqlConnection,
  summaryAsOf: string,
  asOf: string,
  customers: number,
): Promise<CategorySequences> {
  const counts = (await conn.queryNumericColumns(categoryCountsSql(summaryAsOf, asOf))).n ?? new Float64Array(0);
  if (counts.length !== customers) throw new Error(`Category counts for ${counts.length} of ${customers} customers.`);
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < customers; i++) offsets[i + 1] = (offsets[i] ?? 0) + (counts[i] ?? 0);
  const codes = (await conn.queryNumericColumns(categorySequenceSql(summaryAsOf, asOf))).code ?? new Float64Array(0);
  return { offsets, categories: Int32Array.from(codes) };
}

/** Everything the prediction job needs, read from the open workspace's purchases as of `analysisDate`. */
export async function readPredictionInput(
  conn: SqlConnection,
  settings: PredictionSettings,
  analysisDate: string,
): Promise<PredictionInput> {
  const unitDays = UNIT_DAYS[settings.unit];
  const columns = await readFeatureSources(conn);
  const sources = { ...columns, netTable: await ensurePurchaseNet(conn, columns.purchaseColumns, analysisDate) };
  const [spend] = await conn.query<{
    non_positive_lines: number;
    return_lines: number;
    cancelled_lines: number;
    unmatched_returns: number;
    first_purchase: string | null;
  }>(spendCountsSql(analysisDate, sources));
  await conn.query(transactionDaysSql(analysisDate, sources));
  const [counts] = await conn.query<{
    transactions: number;
    customers: number;
    first_day: string | null;
    last_day: string | null;
  }>(TRANSACTION_COUNTS_SQL);
  if (!counts || Number(counts.transactions) === 0 || !counts.first_day) {
    const [first] = await conn.query<{ d: string | null }>(
      `SELECT strftime(min(CAST(purchase_date AS DATE)), '%Y-%m-%d') AS d FROM purchases`,
    );
    throw new PredictionInputError(
      first?.d && first.d > analysisDate
        ? `The analysis date ${analysisDate} is before the first purchase (${first.d}): choose a date on or after it.`
        : 'There are no purchases (other than returns) to learn from: import a purchases file.',
    );
  }
  const dataNotes: string[] = [];
  const nonPositive = Number(spend?.non_positive_lines ?? 0);
  if (nonPositive > 0) {
    dataNotes.push(
      `${nonPositive.toLocaleString('en')} purchase line${nonPositive === 1 ? '' : 's'} with zero or negative amounts (not marked as returns) count${nonPositive === 1 ? 's' : ''} towards purchase days, and ${nonPositive === 1 ? 'its amount' : 'their amounts'} towards the day’s spend.`,
    );
  }
  const returns = Number(spend?.return_lines ?? 0);
  if (returns > 0) {
    const cancelled = Number(spend?.cancelled_lines ?? 0);
    const unmatched = Number(spend?.unmatched_returns ?? 0);
    const lines = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;
    dataNotes.push(
      `Cancellations cancel: ${lines(returns, 'return or cancellation line')} taken off the purchases they undo (the same order's line, or else the customer's latest earlier line of the same product, up to its quantity); ${lines(cancelled, 'purchase line')} cancelled in full count as no purchase, and ${lines(unmatched, 'return line')} with a part that matched no purchase reduce that day's spend instead. Spend is net of all of it.`,
    );
  }

  const [categories] = await conn.query<{ n: number }>(CATEGORY_COUNT_SQL);
  if (Number(categories?.n) > MAX_CATEGORIES) {
    await conn.query(MERGE_RARE_CATEGORIES_SQL);
    dataNotes.push(
      `${Number(categories?.n).toLocaleString('en')} categories: the next-category model uses the ${MAX_CATEGORIES - 1} most frequent and one “${OTHER_CATEGORY}”.`,
    );
  }
  const current = await readSummary(conn, analysisDate, unitDays, null);
  const categoryNames = (await conn.query<{ category: string }>(CATEGORY_NAMES_SQL)).map((r) => r.category);
  const currentSequences =
    categoryNames.length > 0 ? await readSequences(conn, analysisDate, analysisDate, current.x.length) : null;

  const firstDay = counts.first_day;
  const calibrationEnd = settings.calibrationEnd ?? defaultCalibrationEnd(firstDay, analysisDate);
  let validation: ValidationInput | null = null;
  if (calibrationEnd > firstDay && calibrationEnd < analysisDate) {
    const holdoutDays = daysBetween(calibrationEnd, analysisDate);
    // The risk levels are checked over the churn horizon after the calibration end (or the holdout, if shorter).
    const calibration = await readSummary(
      conn,
      calibrationEnd,
      unitDays,
      analysisDate,
      addDays(calibrationEnd, settings.horizonDays),
    );
    const trainingEnd = addDays(calibrationEnd, -holdoutDays);
    const training = trainingEnd > firstDay ? await readSummary(conn, trainingEnd, unitDays, calibrationEnd) : null;
    const repeats = await conn.queryNumericColumns(cohortRepeatsByDaySql(calibrationEnd, analysisDate));
    const holdoutFirst =
      categoryNames.length > 0
        ? (await conn.queryNumericColumns(firstCategoryAfterSql(calibrationEnd, calibrationEnd, analysisDate))).code
        : undefined;
    validation = {
      calibrationEnd,
      holdoutDays,
      calibration,
      cohortRepeats: {
        offset_days: repeats.offset_days ?? new Float64Array(0),
        repeats: repeats.repeats ?? new Float64Array(0),
      },
      calibrationEndOffsetDays: daysBetween(firstDay, calibrationEnd),
      analysisOffsetDays: daysBetween(firstDay, analysisDate),
      training: training && training.x.length > 0 ? training : null,
      calibrationSequences:
        categoryNames.length > 0
          ? await readSequences(conn, calibrationEnd, calibrationEnd, calibration.x.length)
          : null,
      holdoutFirstCategory: holdoutFirst ? Int32Array.from(holdoutFirst) : null,
    };
  } else if (settings.calibrationEnd !== null) {
    dataNotes.push(
      `The calibration end ${settings.calibrationEnd} is not between the first purchase (${firstDay}) and the analysis date (${analysisDate}), so there is no holdout to validate on.`,
    );
  }
  const dataCounts = {
    transactions: Number(counts.transactions),
    customers: Number(counts.customers),
    firstDay: counts.first_day,
    lastDay: counts.last_day ?? counts.first_day,
    returnLines: returns,
    nonPositiveLines: nonPositive,
  };
  return { settings, analysisDate, current, categoryNames, currentSequences, validation, dataNotes, dataCounts };
}
