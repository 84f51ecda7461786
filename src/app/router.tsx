// Routes. Hash-based, so the static build works from any URL and sub-path without server rewrites.

import { createHashRouter } from 'react-router';
import { AlertsPage } from '../pages/alerts/AlertsPage';
import { AnalyticsPage } from '../pages/analytics/AnalyticsPage';
import { CampaignsPage } from '../pages/campaigns/CampaignsPage';
import { CustomerDetailPage } from '../pages/customers/CustomerDetailPage';
import { CustomersPage } from '../pages/customers/CustomersPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DataPage } from '../pages/data/DataPage';
import { PredictionsPage } from '../pages/predictions/PredictionsPage';
import { SegmentsPage } from '../pages/segments/SegmentsPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { SqlConsolePage } from '../pages/sql/SqlConsolePage';
import { WorkspacesPage } from '../pages/workspaces/WorkspacesPage';
import { Layout } from './Layout';

export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:customerId', element: <CustomerDetailPage /> },
      { path: 'segments', element: <SegmentsPage /> },
      { path: 'predictions', element: <PredictionsPage /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'analytics', element: <AnalyticsPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'sql', element: <SqlConsolePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'workspaces', element: <WorkspacesPage /> },
    ],
  },
]);
