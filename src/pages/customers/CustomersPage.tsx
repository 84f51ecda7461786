import { EmptyState } from '../../components/ui/EmptyState';
import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

/** Customers page: empty state until the data it needs is imported. */
export function CustomersPage() {
  const hasData = useHasData('purchases');
  const { data: tables = [] } = useTables();
  const source = tables.find((t) => t.table === 'purchases');
  return (
    <>
      <h1>Customers</h1>
      {hasData === false && (
        <EmptyState title="Nothing to show yet">
          <p>
            Who your customers are, how recently and often they buy and what they spend, their segments, churn risk and
            predicted lifetime value.
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
