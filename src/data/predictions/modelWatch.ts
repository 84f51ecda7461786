// Watches the fitted models as data arrives: when the data drifted from the last fit, or the holdout
// accuracy dropped with new data to learn from, a refit is proposed (recorded in the model log), or,
// when the user chose automatic refits, asked for. Once per fit: a fit is never judged twice.

import { MAX_MODEL_LOG, type ModelLogEntry, type WorkspaceManifest } from '../store/workspaceManifest';
import { currentManifest, openWorkspace, runExclusive, saveWorkspaceTables } from '../workspace';
import { checkModelHealth, type ModelHealthReport } from './modelHealthCheck';
import type { RefitRequest } from './predictionWorkspace';

export type ModelWatchDecision =
  | { kind: 'none'; report: ModelHealthReport | null }
  | { kind: 'proposed' | 'refit'; report: ModelHealthReport; refit: RefitRequest };

const maxPsi = (report: ModelHealthReport) =>
  report.dataDrift.length ? Math.max(...report.dataDrift.map((d) => d.psi)) : null;

/** The refit a report calls for, as the model log records it. */
export function refitRequest(report: ModelHealthReport, trigger: RefitRequest['trigger']): RefitRequest {
  return { trigger, reasons: report.health.reasons, maxPsi: maxPsi(report) };
}

/** Adds one entry to the model log. */
export function recordModelLog(entry: Omit<ModelLogEntry, 'id'>): Promise<WorkspaceManifest> {
  return runExclusive(
    'recording a model check',
    async () => {
      const manifest = await currentManifest();
      const logged = { ...entry, id: `${entry.kind}-${entry.at}-${manifest.modelLog.length}` };
      return saveWorkspaceTables([], { modelLog: [...manifest.modelLog, logged].slice(-MAX_MODEL_LOG) });
    },
    { background: true },
  );
}

/** Judges the last fit against the data now and proposes (records) a refit, or says one should run. */
export async function watchModel(): Promise<ModelWatchDecision> {
  const { duck } = await openWorkspace();
  const manifest = await currentManifest();
  const report = await checkModelHealth(duck.read, manifest);
  if (!report?.health.refitDue) return { kind: 'none', report };
  const judged = manifest.modelLog.filter((e) => e.fitCreatedAt === report.fitCreatedAt);
  if (manifest.settings.autoRefit) {
    // One automatic refit per fit: a failed one is not retried on every change.
    if (judged.some((e) => e.kind !== 'proposed')) return { kind: 'none', report };
    return { kind: 'refit', report, refit: refitRequest(report, 'automatic') };
  }
  if (judged.length > 0) return { kind: 'none', report };
  await recordModelLog({
    at: new Date().toISOString(),
    kind: 'proposed',
    trigger: 'automatic',
    fitCreatedAt: report.fitCreatedAt,
    reasons: report.health.reasons,
    maxPsi: maxPsi(report),
    newFit: null,
    error: null,
  });
  return { kind: 'proposed', report, refit: refitRequest(report, 'user') };
}

/** Records that a refit Lantern started failed, so it is not started again for the same fit. */
export function recordRefitFailure(report: ModelHealthReport, refit: RefitRequest, error: string) {
  return recordModelLog({
    at: new Date().toISOString(),
    kind: 'refit failed',
    trigger: refit.trigger,
    fitCreatedAt: report.fitCreatedAt,
    reasons: refit.reasons,
    maxPsi: refit.maxPsi,
    newFit: null,
    error,
  });
}

/** The health of the last fit against the data now, for the Monitoring page. */
export async function modelHealthNow(): Promise<ModelHealthReport | null> {
  const { duck } = await openWorkspace();
  return checkModelHealth(duck.read, await currentManifest());
}
