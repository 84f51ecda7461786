// The manifest of a stored workspace and the `restore` step every stored manifest passes through,
// which fills defaults and refuses shapes newer than this build understands.

import type { FileImportReport } from '../ingestion/importFiles';
import type { SegmentationResult } from '../../analytics/segmentation/segmentCustomers';
import type { PredictionResult } from '../../analytics/predictions/predictCustomers';
import { DEFAULT_PREDICTION_SETTINGS } from '../../analytics/predictions/predictionSettings';
import {
  DEFAULT_CAMPAIGN_SETTINGS,
  type CampaignOptimisationSettings,
} from '../../analytics/campaigns/campaignSettings';
import type { CampaignDecision } from '../../analytics/campaigns/decisionLog';
import { formatDay } from '../../analytics/formatDay';
import type { FitAccuracy } from '../../analytics/monitoring/modelHealth';
import type { ReportSnapshot } from '../reports/reportSnapshot';
import type {
  AlertCondition,
  AlertFiring,
  AlertMetric,
  AlertRule,
  AlertSeverity,
  RuleState,
} from '../../analytics/alerts/alertRules';

export const MANIFEST_VERSION = 1;

export interface StoredTable {
  /** The table's Arrow IPC chunks, in order. */
  blobIds: string[];
  rows: number;
}

export interface WorkspaceSettings {
  /** ISO 4217 code used to format money. */
  currency: string;
  /** Lock after this many idle minutes (passphrase workspaces only); 0 = never. */
  idleLockMinutes: number;
  /** Features and models are computed as of this day (ISO date); null = the last purchase day in the data. */
  analysisDate: string | null;
  /** Refit the prediction models without asking when drift or an accuracy drop calls for it. */
  autoRefit: boolean;
}

/** The stored outcome of a segmentation run: everything but the per-customer arrays (those are tables). */
export type SegmentationRun = Omit<SegmentationResult, 'segmentIds' | 'rfm'> & {
  createdAt: string;
  /** The day the features were computed as of. */
  analysisDate: string;
  durationMs: number;
  /** Ids of the imports the data held when it ran: a later import makes the segments out of date. */
  basedOnImports: string[];
};

/** The stored outcome of a prediction run: the fitted models and validation (the per-customer values are tables). */
export type PredictionRun = Omit<PredictionResult, 'predictions'> & {
  createdAt: string;
  durationMs: number;
  /** Ids of the imports the data held when it ran: a later import makes the predictions out of date. */
  basedOnImports: string[];
  /** The holdout accuracy of the fit this one replaced, to notice a drop. */
  previousFit: FitAccuracy | null;
  /** Who asked for the fit: the user, or Lantern's automatic refit. */
  trigger: 'user' | 'automatic';
  /** Live events scored customers again with this fit: as of which day, when, and how many in all. */
  rescored: { asOf: string; at: string; customers: number } | null;
};

/** A refit Lantern proposed or made, with the reasons, for the Monitoring page's model log. */
export interface ModelLogEntry {
  id: string;
  at: string;
  kind: 'proposed' | 'refitted' | 'refit failed';
  trigger: 'user' | 'automatic';
  /** The fit that was judged. */
  fitCreatedAt: string;
  reasons: string[];
  /** Largest PSI of the data against that fit. */
  maxPsi: number | null;
  /** The fit a refit made. */
  newFit: { createdAt: string; customers: number; analysisDate: string } | null;
  /** Why a refit failed. */
  error: string | null;
}

export const MAX_MODEL_LOG = 200;

/** The Campaigns page's stored choices and the decisions the user logged as applied. */
export interface CampaignWorkspaceState {
  settings: CampaignOptimisationSettings;
  decisions: CampaignDecision[];
}

export interface WorkspaceManifest {
  id: string;
  manifestVersion: number;
  savedAt: string;
  tables: Record<string, StoredTable>;
  imports: FileImportReport[];
  settings: WorkspaceSettings;
  segmentation: SegmentationRun | null;
  predictions: PredictionRun | null;
  campaigns: CampaignWorkspaceState;
  /** The executive reports generated so far, oldest first. */
  reports: ReportSnapshot[];
  /** Alert rules, where each stands, and the alerts raised. */
  alerts: AlertsState;
  /** Refits proposed and made, oldest first (at most MAX_MODEL_LOG). */
  modelLog: ModelLogEntry[];
}

/** A rule as the user keeps it. */
export interface StoredAlertRule extends AlertRule {
  createdAt: string;
  updatedAt: string;
}

/** An alert raised: the firing with the rule's metric and condition as they were, and its acknowledgement. */
export interface AlertRecord extends AlertFiring {
  id: string;
  severity: AlertSeverity;
  metric: AlertMetric;
  condition: AlertCondition;
  raisedAt: string;
  acknowledgedAt: string | null;
}

export interface AlertsState {
  rules: StoredAlertRule[];
  /** Per rule id; a missing state means the rule judges only the latest value next time. */
  states: Record<string, RuleState>;
  /** Oldest first, at most MAX_ALERT_HISTORY. */
  history: AlertRecord[];
}

export const MAX_ALERT_HISTORY = 500;

export const CURRENT_WORKSPACE = 'current';

/** An empty workspace. */
export function emptyManifest(id = CURRENT_WORKSPACE): WorkspaceManifest {
  return {
    id,
    manifestVersion: MANIFEST_VERSION,
    savedAt: new Date(0).toISOString(),
    tables: {},
    imports: [],
    settings: { currency: 'USD', idleLockMinutes: 15, analysisDate: null, autoRefit: false },
    segmentation: null,
    predictions: null,
    campaigns: { settings: DEFAULT_CAMPAIGN_SETTINGS, decisions: [] },
    reports: [],
    alerts: { rules: [], states: {}, history: [] },
    modelLog: [],
  };
}

/** A stored run in the current shape, or null (segment again) when it lacks what the page needs. */
function restoreSegmentation(stored: Partial<SegmentationRun> | null | undefined): SegmentationRun | null {
  if (!stored || !Array.isArray(stored.profiles) || !Array.isArray(stored.features) || !stored.analysisDate)
    return null;
  return {
    ...(stored as SegmentationRun),
    notes: stored.notes ?? [],
    basedOnImports: stored.basedOnImports ?? [],
    autoK: stored.autoK ?? null,
    timings: stored.timings ?? { prepareMs: 0, chooseKMs: 0, clusterMs: 0, profileMs: 0 },
  };
}

/**
 * A stored prediction run in the current shape, or null (predict again) when it lacks what the page needs.
 * Runs from before the model choice (a BG/NBD fit, churn as 1 − P(alive)) are not converted: their churn
 * figures meant something else, so they are dropped rather than shown under the new meaning.
 */
function restorePredictions(stored: Partial<PredictionRun> | null | undefined): PredictionRun | null {
  if (!stored?.model?.model || !stored.selection || !stored.analysisDate || !Array.isArray(stored.riskCounts)) {
    return null;
  }
  return {
    ...(stored as PredictionRun),
    settings: { ...DEFAULT_PREDICTION_SETTINGS, ...(stored.settings ?? {}) },
    notes: stored.notes ?? [],
    categoryNames: stored.categoryNames ?? [],
    basedOnImports: stored.basedOnImports ?? [],
    validation: stored.validation ? { ...stored.validation, paceNote: stored.validation.paceNote ?? null } : null,
    fits: stored.fits ?? [stored.model],
    dataCounts: stored.dataCounts ?? null,
    validationNote: stored.validationNote ?? null,
    gammaGamma: stored.gammaGamma ?? null,
    ltvThresholds: stored.ltvThresholds ?? null,
    featureBins: Array.isArray(stored.featureBins) ? stored.featureBins : [],
    driftFromPreviousFit: stored.driftFromPreviousFit ?? null,
    previousFit: stored.previousFit ?? null,
    trigger: stored.trigger ?? 'user',
    rescored: stored.rescored ?? null,
  };
}

/**
 * Why a stored run (segments, predictions) no longer matches the data or the analysis date, or null when
 * it does: `what` names it ("these segments") and `again` says how to refresh it ("segment again").
 */
export function runOutOfDate(
  manifest: WorkspaceManifest,
  run: { basedOnImports: readonly string[]; analysisDate: string } | null,
  analysisDate: string | null,
  what: string,
  again: string,
): string | null {
  if (!run) return null;
  const now = manifest.imports.map((r) => r.id);
  if (now.length !== run.basedOnImports.length || now.some((id, i) => id !== run.basedOnImports[i])) {
    return `Data was imported after ${what} were made: ${again} to include it.`;
  }
  if (analysisDate && analysisDate !== run.analysisDate) {
    return `${what[0]?.toUpperCase()}${what.slice(1)} are as of ${formatDay(run.analysisDate)}, the analysis date is now ${formatDay(analysisDate)}: ${again} to use it.`;
  }
  return null;
}

/** Brings a stored manifest to the current shape, or throws when it comes from a newer Lantern. */
export function restoreManifest(stored: Partial<WorkspaceManifest> & { id: string }): WorkspaceManifest {
  const version = stored.manifestVersion ?? 1;
  if (version > MANIFEST_VERSION) {
    throw new Error(
      `This workspace was saved by a newer version of Lantern (format ${version}); reload to update the app.`,
    );
  }
  const empty = emptyManifest(stored.id);
  return {
    ...empty,
    ...stored,
    manifestVersion: MANIFEST_VERSION,
    tables: stored.tables ?? {},
    // Records from before rows already in the table were skipped have no such count: none were.
    imports: (stored.imports ?? []).map((r) => ({
      ...r,
      reader: r.reader ?? 'javascript',
      alreadyPresent: r.alreadyPresent ?? 0,
    })),
    settings: { ...empty.settings, ...(stored.settings ?? {}) },
    segmentation: restoreSegmentation(stored.segmentation),
    predictions: restorePredictions(stored.predictions),
    campaigns: {
      settings: { ...DEFAULT_CAMPAIGN_SETTINGS, ...(stored.campaigns?.settings ?? {}) },
      decisions: Array.isArray(stored.campaigns?.decisions) ? stored.campaigns.decisions : [],
    },
    reports: Array.isArray(stored.reports) ? stored.reports.filter((r) => r?.kpis?.current) : [],
    alerts: {
      rules: Array.isArray(stored.alerts?.rules) ? stored.alerts.rules : [],
      states: stored.alerts?.states ?? {},
      history: Array.isArray(stored.alerts?.history) ? stored.alerts.history : [],
    },
    modelLog: Array.isArray(stored.modelLog) ? stored.modelLog : [],
  };
}
