// Routes. Hash-based, so the static build works from any URL and sub-path without server rewrites.
// Every page is its own lazy chunk (charts, tables and models load with the page that uses them), so
// the first page only loads the shell.

import { createHashRouter } from 'react-router';
import { Layout } from './Layout';

export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    // Shown while the first page's chunk loads.
    hydrateFallbackElement: <p className="muted">Loading…</p>,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../pages/dashboard/DashboardPage')).DashboardPage }),
      },
      {
        path: 'customers',
        lazy: async () => ({ Component: (await import('../pages/customers/CustomersPage')).CustomersPage }),
      },
      {
        // The customer travels in the navigation state (customerLink.ts); an old link with the id in the
        // path opens the same page, which moves the id out of the URL at once.
        path: 'customer',
        lazy: async () => ({
          Component: (await import('../pages/customers/CustomerDetailPage')).CustomerDetailPage,
        }),
      },
      {
        path: 'customers/:customerId',
        lazy: async () => ({
          Component: (await import('../pages/customers/CustomerDetailPage')).CustomerDetailPage,
        }),
      },
      {
        path: 'segments',
        lazy: async () => ({ Component: (await import('../pages/segments/SegmentsPage')).SegmentsPage }),
      },
      {
        path: 'predictions',
        lazy: async () => ({ Component: (await import('../pages/predictions/PredictionsPage')).PredictionsPage }),
      },
      {
        path: 'campaigns',
        lazy: async () => ({ Component: (await import('../pages/campaigns/CampaignsPage')).CampaignsPage }),
      },
      {
        path: 'analytics',
        lazy: async () => ({ Component: (await import('../pages/analytics/AnalyticsPage')).AnalyticsPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({ Component: (await import('../pages/reports/ReportsPage')).ReportsPage }),
      },
      { path: 'alerts', lazy: async () => ({ Component: (await import('../pages/alerts/AlertsPage')).AlertsPage }) },
      {
        path: 'monitoring',
        lazy: async () => ({ Component: (await import('../pages/monitoring/MonitoringPage')).MonitoringPage }),
      },
      { path: 'data', lazy: async () => ({ Component: (await import('../pages/data/DataPage')).DataPage }) },
      { path: 'sql', lazy: async () => ({ Component: (await import('../pages/sql/SqlConsolePage')).SqlConsolePage }) },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('../pages/settings/SettingsPage')).SettingsPage }),
      },
      {
        path: 'workspaces',
        lazy: async () => ({ Component: (await import('../pages/workspaces/WorkspacesPage')).WorkspacesPage }),
      },
    ],
  },
]);
