// The daily chart: any metric for all campaigns together or one of them, with flagged drop days marked.

import { memo, useMemo, useState } from 'react';
import { formatMetric, type MetricKind } from '../../analytics/campaigns/campaignMetrics';
import type { DropEpisode } from '../../analytics/campaigns/performanceDrops';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { ChartBox } from '../../components/charts/ChartBox';
import { DailyLineChart } from '../../components/charts/DailyLineChart';
import type { DateRange } from '../../data/campaigns/campaignQueries';
import { useDailyTotals } from '../../hooks/useCampaigns';
import { formatDay } from '../../lib/format';

const METRICS = {
  cost: { label: 'Cost', kind: 'money' },
  revenue: { label: 'Revenue', kind: 'money' },
  impressions: { label: 'Impressions', kind: 'count' },
  clicks: { label: 'Clicks', kind: 'count' },
  conversions: { label: 'Conversions', kind: 'count' },
  ctr: { label: 'CTR', kind: 'ratio' },
  cpc: { label: 'CPC', kind: 'money' },
  cvr: { label: 'CVR', kind: 'ratio' },
  cpa: { label: 'CPA', kind: 'money' },
  roas: { label: 'ROAS', kind: 'multiple' },
} as const satisfies Record<string, { label: string; kind: MetricKind | 'count' }>;

type DailyMetric = keyof typeof METRICS;

interface DailyMetricPanelProps {
  range: DateRange;
  campaigns: { id: string; name: string }[];
  currency: string;
  importsKey: string;
  drops: readonly DropEpisode[];
  campaignId: string | null;
  onCampaign: (id: string | null) => void;
}

/** Metric and campaign pickers over a line chart. */
export const DailyMetricPanel = memo(function DailyMetricPanel({
  range,
  campaigns,
  currency,
  importsKey,
  drops,
  campaignId,
  onCampaign,
}: DailyMetricPanelProps) {
  const [metric, setMetric] = useState<DailyMetric>('roas');
  const daily = useDailyTotals(range, campaignId, importsKey);
  const spec = METRICS[metric];
  const format = (v: number) =>
    spec.kind === 'count' ? new Intl.NumberFormat().format(Math.round(v)) : formatMetric(v, spec.kind, currency);
  const marked = useMemo(() => {
    const days = new Set<string>();
    for (const d of drops) {
      if (d.id !== campaignId || d.metric !== metric) continue;
      for (let t = Date.parse(d.start); t <= Date.parse(d.end); t += 86_400_000)
        days.add(new Date(t).toISOString().slice(0, 10));
    }
    return days;
  }, [drops, campaignId, metric]);
  const title = `${spec.label} per day, ${campaignId === null ? 'all campaigns' : (campaigns.find((c) => c.id === campaignId)?.name ?? campaignId)}`;
  return (
    <section aria-labelledby="daily-heading">
      <h2 id="daily-heading">Daily performance</h2>
      <div className="inline-fields">
        <label>
          Metric{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as DailyMetric)}>
            {(Object.keys(METRICS) as DailyMetric[]).map((m) => (
              <option key={m} value={m}>
                {METRICS[m].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Campaign{' '}
          <select value={campaignId ?? ''} onChange={(e) => onCampaign(e.target.value || null)}>
            <option value="">All campaigns</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ChartFigure
        caption={title}
        fileName={`lantern-daily-${metric}`}
        table={{
          columns: ['day', spec.label],
          rows: (daily.data ?? []).map((d) => [
            formatDay(d.date),
            d[metric] === null || !Number.isFinite(d[metric]) ? null : format(d[metric]),
          ]),
        }}
      >
        <ChartBox
          height={240}
          chart={(width) => (
            <DailyLineChart
              title={title}
              points={(daily.data ?? []).map((d) => ({ date: d.date, value: d[metric] }))}
              yLabel={spec.label}
              formatValue={format}
              width={width}
              marked={marked}
            />
          )}
        />
      </ChartFigure>
      {marked.size > 0 && <p className="muted">Red dots: days flagged as a drop in {spec.label}.</p>}
    </section>
  );
});
