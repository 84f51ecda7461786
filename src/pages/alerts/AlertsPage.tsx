import { EmptyState } from '../../components/ui/EmptyState';
import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

/** Alerts page: empty state until the data it needs is imported. */
export function AlertsPage() {
  const hasData = useHasData('purchases');
  const { data: tables = [] } = useTables();
  const source = tables.find((t) => t.table === 'purchases');
  return (
    <>
      <h1>Alerts</h1>
      {hasData === false && (
        <EmptyState title="Nothing to show yet">
          <p>
            Alerts when a metric crosses a threshold you set, such as daily revenue, a campaign's ROAS or the number of
            customers at high churn risk.
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
