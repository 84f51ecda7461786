import { EmptyState } from '../../components/ui/EmptyState';
import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

/** Analytics page: empty state until the data it needs is imported. */
export function AnalyticsPage() {
  const hasData = useHasData('purchases');
  const { data: tables = [] } = useTables();
  const source = tables.find((t) => t.table === 'purchases');
  return (
    <>
      <h1>Analytics</h1>
      {hasData === false && (
        <EmptyState title="Nothing to show yet">
          <p>
            Segmentation with k-means, RFM scores, and the churn, lifetime-value and next-purchase models, with how well
            they fit your data.
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
