// Builds and keeps the executive report: KPIs (against the previous period only when the data covers it,
// as on the Dashboard), revenue with partial months marked, segments, risks, actions and campaign
// recommendations read from DuckDB and the manifest, saved in the workspace's dated history.

import { rankActions } from '../../analytics/actions/rankActions';
import { formatMetric } from '../../analytics/campaigns/campaignMetrics';
import type { CampaignOptimisationResult } from '../../analytics/campaigns/optimizeCampaigns';
import { readCampaignMetrics, readPerformanceRange } from '../campaigns/campaignQueries';
import { actionInputs } from '../dashboard/actionInputs';
import {
  readActionFigures,
  readDashboardKpis,
  readLastPurchaseDay,
  readRevenueSeries,
} from '../dashboard/dashboardQueries';
import { periodsEndingOn } from '../dashboard/periods';
import type { WorkspaceManifest } from '../store/workspaceManifest';
import { currentManifest, openWorkspace, runExclusive, saveWorkspaceTables } from '../workspace';
import { MAX_REPORTS, type ReportSnapshot } from './reportSnapshot';
import { ensureAllPurchaseNet } from '../purchases/purchaseNet';

const PERIOD_DAYS = 30;

// The Dashboard and the Reports page may both ask for the report on the same data (a page change while
// one is being made): they share the one being made instead of adding it to the history twice.
const inFlight = new Map<string, Promise<WorkspaceManifest>>();

/** A new report from the open workspace as it is now, added to its history. */
export function generateReport(
  basedOn: string,
  campaigns: CampaignOptimisationResult | null,
): Promise<WorkspaceManifest> {
  const pending = inFlight.get(basedOn);
  if (pending) return pending;
  const made = buildAndSaveReport(basedOn, campaigns).finally(() => inFlight.delete(basedOn));
  inFlight.set(basedOn, made);
  return made;
}

async function buildAndSaveReport(
  basedOn: string,
  campaigns: CampaignOptimisationResult | null,
): Promise<WorkspaceManifest> {
  const { duck } = await openWorkspace();
  // The figures read the net lines (cancellations taken off their purchases), built on the write connection.
  await ensureAllPurchaseNet(duck.write);
  const conn = duck.read;
  const manifest = await currentManifest();
  const end = manifest.settings.analysisDate ?? (await readLastPurchaseDay(conn));
  if (!end) throw new Error('There are no purchases to report on: import a purchases file.');
  const currency = manifest.settings.currency;
  const money = (v: number) => formatMetric(v, 'money', currency);
  const months = await readRevenueSeries(conn, 'month');
  const run = manifest.predictions;
  let campaignPart: ReportSnapshot['campaigns'] = null;
  if (await readPerformanceRange(conn)) {
    const range = periodsEndingOn(end, PERIOD_DAYS).current;
    const table = await readCampaignMetrics(conn, range, 'campaign');
    const allocation = campaigns?.allocation;
    campaignPart = {
      topByRoas: table.rows
        .filter((r) => r.roas !== null && r.cost > 0)
        .sort((a, b) => (b.roas ?? 0) - (a.roas ?? 0))
        .slice(0, 5)
        .map((r) => ({ name: r.label, roas: r.roas ?? 0, cost: r.cost })),
      recommendations: (campaigns?.recommendations ?? []).slice(0, 10).map((r) => r.text),
      allocation: allocation
        ? {
            current: allocation.result.currentOutcome,
            expected: allocation.result.expectedOutcome,
            low: allocation.interval.low,
            high: allocation.interval.high,
            budget: allocation.totalBudget,
          }
        : null,
    };
  }
  const report: ReportSnapshot = {
    id: `report-${Date.now().toString(36)}`,
    generatedAt: new Date().toISOString(),
    periodDays: PERIOD_DAYS,
    periodEnd: end,
    basedOn,
    currency,
    kpis: await readDashboardKpis(conn, end, PERIOD_DAYS),
    revenueByMonth: months
      .slice(-12)
      .map((m) => ({ period: m.period.slice(0, 7), revenue: m.revenue, partial: m.partial })),
    segments:
      manifest.segmentation?.profiles.map((p) => ({
        name: p.name,
        size: p.size,
        revenueShare: p.revenueShare,
        tier: p.tier,
        treatment: p.treatment,
      })) ?? null,
    risk: run ? { low: run.riskCounts[0], medium: run.riskCounts[1], high: run.riskCounts[2] } : null,
    actions: rankActions(actionInputs(await readActionFigures(conn), campaigns), money),
    campaigns: campaignPart,
  };
  return runExclusive(
    'saving a report',
    async () => {
      const latest = await currentManifest();
      return saveWorkspaceTables([], { reports: [...latest.reports, report].slice(-MAX_REPORTS) });
    },
    { background: true },
  );
}
