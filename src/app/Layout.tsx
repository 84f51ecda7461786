import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { AlertToasts } from '../components/ui/AlertToasts';
import { ImportStatus } from '../components/ui/ImportStatus';
import { ThemeSelect } from './ThemeSelect';
import { UpdateBanner } from '../components/ui/UpdateBanner';
import { lockWorkspace } from '../data/workspace';
import { useIdleLock } from '../hooks/useIdleLock';
import { useImportJob, useTryDemo } from '../hooks/useImportJob';
import { useSession, useStartWorkspace } from '../hooks/useSession';
import { useModelWatch } from '../hooks/useModelWatch';
import { useTables, useWorkspace } from '../hooks/useWorkspace';
import { NAV_ITEMS } from './navItems';

/** Loads the demo when the URL asks for it (`?demo`) and the open workspace is still empty. */
function useDemoParameter(): void {
  const tables = useTables();
  const tryDemo = useTryDemo();
  const tried = useRef(false);
  const empty = tables.data?.length === 0;
  useEffect(() => {
    if (empty && !tried.current && new URLSearchParams(window.location.search).has('demo')) {
      tried.current = true;
      tryDemo();
    }
  }, [empty, tryDemo]);
}

/** The routed page, shown only once the open workspace's data is loaded. */
function WorkspaceContent() {
  const workspace = useWorkspace();
  useModelWatch(workspace.data);
  useDemoParameter();
  return (
    <>
      <ImportStatus />
      {workspace.isPending && (
        <p role="status" className="loading">
          Opening your workspace…
        </p>
      )}
      {workspace.isError && (
        <p role="alert" className="error">
          Lantern could not open the workspace: {workspace.error.message}
        </p>
      )}
      {workspace.isSuccess && <Outlet />}
      {workspace.isSuccess && <AlertToasts />}
    </>
  );
}

/** The app shell: navigation, the open workspace with its lock, and the page. Routes need an open workspace, except /workspaces. */
export function Layout() {
  useStartWorkspace();
  const { session, started, startError } = useSession();
  useIdleLock(session);
  const onWorkspaces = useLocation().pathname === '/workspaces';
  const importRunning = useImportJob((s) => s.status === 'running');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-label="Lantern">
          <img src="./icon.svg" alt="" width={24} height={24} /> Lantern
        </span>
        {session && (
          <nav aria-label="Main">
            <ul>
              {NAV_ITEMS.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} end={item.path === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="workspace-switch">
          <ThemeSelect />
          {session && <span data-testid="workspace-name">{session.name}</span>}
          <NavLink to="/workspaces">Workspaces</NavLink>
          {session?.encrypted && (
            <button
              type="button"
              className="button"
              disabled={importRunning}
              title={importRunning ? 'An import is running' : undefined}
              onClick={() => void lockWorkspace()}
            >
              Lock now
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <UpdateBanner />
        {!started && (
          <p role="status" className="loading">
            Opening Lantern…
          </p>
        )}
        {startError && (
          <p role="alert" className="error">
            Lantern could not open your workspace: {startError}
          </p>
        )}
        {started && !session && !onWorkspaces && <Navigate to="/workspaces" replace />}
        {started && onWorkspaces && <Outlet />}
        {started && session && !onWorkspaces && <WorkspaceContent />}
      </main>
    </div>
  );
}
