import { useEffect, useRef } from 'react';
import { NavLink, Outlet } from 'react-router';
import { ImportStatus } from '../components/ui/ImportStatus';
import { UpdateBanner } from '../components/ui/UpdateBanner';
import { useTryDemo } from '../hooks/useImportJob';
import { useTables, useWorkspace } from '../hooks/useWorkspace';
import { NAV_ITEMS } from './navItems';

/** Opens the demo when the URL asks for it (`?demo`) and the workspace is still empty. */
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

/** The app shell: navigation, the running import, and the page. Data appears only after the workspace is restored. */
export function Layout() {
  const workspace = useWorkspace();
  useDemoParameter();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" aria-label="Lantern">
          <img src="./icon.svg" alt="" width={24} height={24} /> Lantern
        </span>
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
      </header>
      <main id="main" tabIndex={-1}>
        <UpdateBanner />
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
      </main>
    </div>
  );
}
