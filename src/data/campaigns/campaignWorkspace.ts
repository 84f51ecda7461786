// Runs the campaign optimisation on the open workspace (grid in DuckDB, analyses in the ML worker) and
// keeps the settings it ran with and the decision log with the workspace. The optimisation itself is
// not stored: it is quick to run again and always reflects the data and settings of the moment.

import { transfer, proxy } from 'comlink';
import type { CampaignOptimisationResult, CampaignProgress } from '../../analytics/campaigns/optimizeCampaigns';
import { checkCampaignSettings, type CampaignOptimisationSettings } from '../../analytics/campaigns/campaignSettings';
import { compareDecision, type CampaignDecision, type DecisionOutcome } from '../../analytics/campaigns/decisionLog';
import { textFormat } from '../../analytics/campaigns/textFormat';
import type { CampaignWorkspaceState, WorkspaceManifest } from '../store/workspaceManifest';
import { measureWorkerPhases } from '../measurePhases';
import { inMlWorker } from '../runInMlWorker';
import { currentManifest, openWorkspace, runExclusive, saveWorkspaceTables } from '../workspace';
import { readBeforeAfter, type DateRange } from './campaignQueries';
import { readCampaignInput } from './readCampaignInput';

export interface CampaignRequest {
  settings: CampaignOptimisationSettings;
  range: DateRange;
}

export interface CampaignRun {
  request: CampaignRequest;
  result: CampaignOptimisationResult;
  /** The data it ran on (imports, segments, predictions), so the page can tell when it is stale. */
  basedOn: string;
  durationMs: number;
}

/** What an optimisation depends on: the imports, and the segments and lifetime values audiences use. */
export function campaignInputsKey(manifest: WorkspaceManifest): string {
  return [
    ...manifest.imports.map((r) => r.id),
    `segments:${manifest.segmentation?.createdAt ?? ''}`,
    `predictions:${manifest.predictions?.createdAt ?? ''}`,
    // The reasons are written in the workspace currency.
    `currency:${manifest.settings.currency}`,
  ].join('|');
}

/** Reads the grid, runs the analyses in the ML worker and returns them (nothing is saved). */
export async function optimizeOpenWorkspace(
  request: CampaignRequest,
  onProgress: (p: CampaignProgress) => void,
  signal?: AbortSignal,
): Promise<CampaignRun> {
  const problems = checkCampaignSettings(request.settings);
  if (problems.length) throw new Error(problems.join(' '));
  const started = performance.now();
  const { duck } = await openWorkspace();
  onProgress({ phase: 'curves', fraction: 0.02, detail: 'reading daily performance' });
  // The write connection, held exclusively: a streamed read on the shared read connection came back
  // empty when the page's other queries ran on it at the same time.
  // The settings used are kept with the workspace, so the page opens with them next time.
  // The manifest is read inside the exclusive block, so a decision logged just before is not lost.
  const { input, manifest } = await runExclusive('a campaign optimisation', async () => {
    let manifest = await currentManifest();
    if (JSON.stringify(manifest.campaigns.settings) !== JSON.stringify(request.settings)) {
      manifest = await saveWorkspaceTables([], { campaigns: { ...manifest.campaigns, settings: request.settings } });
    }
    const input = await readCampaignInput(
      duck.write,
      request.range,
      request.settings,
      manifest.predictions?.settings.clvMonths ?? null,
    );
    // The reasons are written in the worker, in the workspace currency and the browser's locale.
    return { input: { ...input, format: { currency: manifest.settings.currency } }, manifest };
  });
  const workerStarted = performance.now();
  performance.measure('lantern:campaigns:inputs', { start: started, end: workerStarted });
  const buffers = [input.impressions, input.clicks, input.conversions, input.cost, input.revenue].map(
    (a) => a.buffer as ArrayBuffer,
  );
  const result = await inMlWorker(
    (ml) => ml.optimizeCampaigns(transfer(input, buffers), proxy(onProgress)),
    signal,
    'The campaign optimisation was cancelled.',
  );
  performance.measure('lantern:campaigns:worker', { start: workerStarted, end: performance.now() });
  measureWorkerPhases('campaigns', workerStarted, {
    curves: result.timings.curvesMs,
    allocation: result.timings.allocationMs,
    tests: result.timings.testsMs,
  });
  performance.measure('lantern:campaigns', { start: started, end: performance.now() });
  return {
    request,
    result,
    basedOn: campaignInputsKey(manifest),
    durationMs: performance.now() - started,
  };
}

async function saveCampaignState(change: (state: CampaignWorkspaceState) => CampaignWorkspaceState) {
  return runExclusive('saving campaign settings', async () => {
    const manifest = await currentManifest();
    return saveWorkspaceTables([], { campaigns: change(manifest.campaigns) });
  });
}

/** Records a recommendation as applied on a date. */
export function logDecision(decision: CampaignDecision): Promise<WorkspaceManifest> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.appliedOn)) {
    return Promise.reject(new Error(`"${decision.appliedOn}" is not a date (YYYY-MM-DD).`));
  }
  return saveCampaignState((state) => ({ ...state, decisions: [...state.decisions, decision] }));
}

/** Removes a logged decision. */
export function removeDecision(id: string): Promise<WorkspaceManifest> {
  return saveCampaignState((state) => ({ ...state, decisions: state.decisions.filter((d) => d.id !== id) }));
}

/** Every logged decision with its predicted and realised effect from the data as it is now. */
export async function readDecisionOutcomes(
  decisions: readonly CampaignDecision[],
  /** Days before the applied date that are "before": the optimisation's recent days. */
  baselineDays: number,
): Promise<{ decision: CampaignDecision; outcome: DecisionOutcome }[]> {
  const { duck } = await openWorkspace();
  const format = textFormat({ currency: (await currentManifest()).settings.currency });
  const out: { decision: CampaignDecision; outcome: DecisionOutcome }[] = [];
  for (const decision of decisions) {
    const { before, after } = await readBeforeAfter(duck.read, decision.campaignId, decision.appliedOn, baselineDays);
    out.push({ decision, outcome: compareDecision(decision, before, after, format) });
  }
  return out;
}
