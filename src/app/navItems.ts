// The main navigation, in the order the pages appear.

export const NAV_ITEMS = [
  { path: '/', label: 'Dashboard' },
  { path: '/customers', label: 'Customers' },
  { path: '/segments', label: 'Segments' },
  { path: '/predictions', label: 'Predictions' },
  { path: '/campaigns', label: 'Campaigns' },
  { path: '/analytics', label: 'Analytics' },
  { path: '/reports', label: 'Reports' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/monitoring', label: 'Monitoring' },
  { path: '/data', label: 'Data' },
  { path: '/sql', label: 'SQL' },
  { path: '/settings', label: 'Settings' },
] as const;
