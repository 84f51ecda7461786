import { useHasData } from '../../hooks/useHasData';
import { useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';
import { EmptyState } from './EmptyState';

interface WaitingForDataPageProps {
  title: string;
  /** The table the page's analyses start from. */
  table: string;
  /** What the page will show, for its empty state. */
  promise: string;
}

/** A page whose analyses arrive in a later issue: a helpful empty state, or what data is ready for it. */
export function WaitingForDataPage({ title, table, promise }: WaitingForDataPageProps) {
  const hasData = useHasData(table);
  const { data: tables = [] } = useTables();
  const source = tables.find((t) => t.table === table);
  return (
    <>
      <h1>{title}</h1>
      {hasData === false && (
        <EmptyState title="Nothing to show yet">
          <p>{promise}</p>
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
