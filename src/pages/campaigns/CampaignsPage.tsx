import { EmptyState } from '../../components/ui/EmptyState';
import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

/** Campaigns page: empty state until the data it needs is imported. */
export function CampaignsPage() {
  const hasData = useHasData('campaign_performance');
  const { data: tables = [] } = useTables();
  const source = tables.find((t) => t.table === 'campaign_performance');
  return (
    <>
      <h1>Campaigns</h1>
      {hasData === false && (
        <EmptyState title="Nothing to show yet">
          <p>
            CTR, CPC, conversion rate, CPA and ROAS per campaign, channel and segment, and where the next dollar of
            budget should go.
          </p>
        </EmptyState>
      )}
      {hasData && source && (
        <p>
          {formatCount(source.rows)} rows of {source.label.toLowerCase()} are ready for this page&apos;s analyses.
        </p>
      )}
    </>
  );
}
