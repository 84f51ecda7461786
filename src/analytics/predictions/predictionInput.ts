// The shapes the prediction job takes (columns per customer, built in DuckDB) and the checks that turn
// data the models cannot learn from into a message saying what is wrong and what is needed.

import type { FeatureBins } from '../monitoring/populationStability';
import type { PredictionSettings } from './predictionSettings';

/** Per-customer summary columns, one value per customer in one fixed order (see customerSummarySql). */
export interface CustomerSummaryColumns {
  /** Repeat transactions. */
  x: Float64Array;
  /** Time of the last transaction since the first, in the model's unit. */
  tx: Float64Array;
  /** Time from the first transaction to the summary date, in the model's unit. */
  T: Float64Array;
  /** Mean value of the repeat transactions (NaN without any). */
  mean_repeat_spend: Float64Array;
  /** Mean value of all transactions. */
  mean_spend: Float64Array;
  recency_days: Float64Array;
  first_offset_days: Float64Array;
  /** Transactions after the summary date up to the holdout end (0 when there is no holdout). */
  holdout_transactions: Float64Array;
  /** Of those, the ones within the churn horizon after the summary date (the risk levels' check). */
  horizon_transactions: Float64Array;
}

/** Category codes of each customer's transactions in date order, CSR-style. */
export interface CategorySequences {
  /** Length customers + 1: customer i's codes are categories[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  categories: Int32Array;
}

export interface ValidationInput {
  calibrationEnd: string;
  /** Days from the calibration end to the analysis date. */
  holdoutDays: number;
  /** Summary as of the calibration end, holdout counted to the analysis date. */
  calibration: CustomerSummaryColumns;
  /** Repeat transactions per day of the calibration cohort (offsets from the data's first day). */
  cohortRepeats: { offset_days: Float64Array; repeats: Float64Array };
  /** Offsets from the data's first day of the calibration end and of the analysis date. */
  calibrationEndOffsetDays: number;
  analysisOffsetDays: number;
  /** Summary as of (calibration end − holdout), holdout counted to the calibration end: the logistic baseline's training set. */
  training: CustomerSummaryColumns | null;
  calibrationSequences: CategorySequences | null;
  /** Each calibration customer's first holdout category code (−1 = none). */
  holdoutFirstCategory: Int32Array | null;
}

export interface DataCounts {
  /** Purchase days (customer × day) up to the analysis date. */
  transactions: number;
  customers: number;
  firstDay: string;
  lastDay: string;
  returnLines: number;
  nonPositiveLines: number;
}

export interface PredictionInput {
  settings: PredictionSettings;
  analysisDate: string;
  current: CustomerSummaryColumns;
  categoryNames: string[];
  currentSequences: CategorySequences | null;
  validation: ValidationInput | null;
  /** Notes from reading the data (returns and non-positive lines left out, …), shown with the model. */
  dataNotes: string[];
  /** What the models were fitted on, for the model's export. */
  dataCounts?: DataCounts;
  /** The previous fit's feature distributions, to measure how far this fit's data moved (PSI). */
  previousFeatureBins?: FeatureBins[] | null;
  /** Nelder–Mead iteration cap (tests lower it to see non-convergence). */
  maxIterations?: number;
}

/** Input the models cannot be fitted on; the message says what is needed. */
export class PredictionInputError extends Error {
  override name = 'PredictionInputError';
}

/** At least this many customers, and this many with a repeat purchase, to fit the buying models. */
export const MIN_CUSTOMERS = 30;
export const MIN_REPEAT_CUSTOMERS = 10;

/** Throws PredictionInputError when the summary cannot support a buying-model fit. */
export function checkSummaryFits(summary: CustomerSummaryColumns, what: string, unit: string): void {
  const n = summary.x.length;
  let repeaters = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    if ((summary.x[i] ?? 0) > 0) repeaters++;
    maxT = Math.max(maxT, summary.T[i] ?? 0);
  }
  if (n < MIN_CUSTOMERS) {
    throw new PredictionInputError(
      `${what} has ${n} customer${n === 1 ? '' : 's'} with purchases: the models need at least ${MIN_CUSTOMERS}, of whom at least ${MIN_REPEAT_CUSTOMERS} bought again on a later day.`,
    );
  }
  if (maxT === 0) {
    throw new PredictionInputError(
      `${what}: every purchase is on the same day, so there is no time to learn buying rates from. The models need purchases spread over several ${unit}.`,
    );
  }
  if (repeaters === 0) {
    throw new PredictionInputError(
      `${what}: every one of the ${n} customers bought on a single day only, so there is no repeat buying to learn from. The models need at least ${MIN_REPEAT_CUSTOMERS} customers who bought again on a later day.`,
    );
  }
  if (repeaters < MIN_REPEAT_CUSTOMERS) {
    throw new PredictionInputError(
      `${what}: only ${repeaters} of ${n} customers bought again on a later day; the models need at least ${MIN_REPEAT_CUSTOMERS}.`,
    );
  }
}
