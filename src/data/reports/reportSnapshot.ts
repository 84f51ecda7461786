// The executive report as data: everything it shows, frozen when it was generated, so the dated history
// can be viewed and compared later without the data it came from.

import type { RankedAction } from '../../analytics/actions/rankActions';
import type { DashboardKpis } from '../dashboard/dashboardQueries';
import type { Period } from '../dashboard/periods';

export interface ReportSnapshot {
  id: string;
  generatedAt: string;
  /** The KPI period: its length and last day. */
  periodDays: number;
  periodEnd: string;
  /** The data it was made from (imports, segments, predictions): a change means a new report. */
  basedOn: string;
  currency: string;
  /** Reports made before the data's coverage was checked have no period or comparison (and always a previous). */
  kpis: Omit<DashboardKpis, 'period' | 'comparison'> & Partial<Pick<DashboardKpis, 'period' | 'comparison'>>;
  /** Net revenue of the last 12 months; `partial` is the days of a month the data covers only in part. */
  revenueByMonth: { period: string; revenue: number; partial?: Period | null }[];
  segments: { name: string; size: number; revenueShare: number; tier: string; treatment: string }[] | null;
  risk: { low: number; medium: number; high: number } | null;
  actions: RankedAction[];
  campaigns: {
    topByRoas: { name: string; roas: number; cost: number }[];
    recommendations: string[];
    allocation: { current: number; expected: number; low: number; high: number; budget: number } | null;
  } | null;
}

/** Reports kept per workspace: a year of weekly reports. */
export const MAX_REPORTS = 52;

/** Whether the latest report no longer matches the data, or is a week old. */
export function reportDue(latest: ReportSnapshot | undefined, basedOn: string, now = new Date()): boolean {
  if (!latest) return true;
  if (latest.basedOn !== basedOn) return true;
  return now.getTime() - Date.parse(latest.generatedAt) >= 7 * 86_400_000;
}
