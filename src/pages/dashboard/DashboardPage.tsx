import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/EmptyState';
import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

/** Overview of the workspace; KPIs and charts arrive with the dashboard issue. */
export function DashboardPage() {
  const hasData = useHasData();
  const { data: tables = [] } = useTables();
  return (
    <>
      <h1>Dashboard</h1>
      {hasData === false && (
        <EmptyState title="Welcome to Lantern">
          <p>
            Drop your customers, purchases, campaigns and daily campaign performance files, and Lantern will show
            revenue, segments, churn risk, lifetime value and where your marketing budget works hardest.
          </p>
        </EmptyState>
      )}
      {hasData && (
        <section aria-labelledby="workspace-heading">
          <h2 id="workspace-heading">In this workspace</h2>
          <ul className="cards">
            {tables.map((t) => (
              <li key={t.table} className="card">
                <span className="card-value">{formatCount(t.rows)}</span>
                <span className="card-label">{t.label.toLowerCase()}</span>
              </li>
            ))}
          </ul>
          <p>
            See and check the imported rows on the <Link to="/data">Data page</Link>.
          </p>
        </section>
      )}
    </>
  );
}
