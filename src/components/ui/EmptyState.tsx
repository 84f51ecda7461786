import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useImportJob, useTryDemo } from '../../hooks/useImportJob';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
}

/** What a page shows before there is data: what it will show, and the two ways to get data. */
export function EmptyState({ title, children }: EmptyStateProps) {
  const status = useImportJob((s) => s.status);
  const tryDemo = useTryDemo();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{title}</h2>
      <div className="empty-text">{children}</div>
      <div className="actions">
        <Link className="button primary" to="/data">
          Import your files
        </Link>
        <button type="button" className="button" disabled={status === 'running'} onClick={tryDemo}>
          {status === 'running' ? 'Loading…' : 'Try the demo'}
        </button>
      </div>
      <p className="muted">Your files stay on this device: Lantern has no server and sends nothing anywhere.</p>
    </section>
  );
}
