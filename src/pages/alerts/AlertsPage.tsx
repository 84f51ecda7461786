import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';

/** Alerts page: empty state until the data it needs is imported. */
export function AlertsPage() {
  return (
    <WaitingForDataPage
      title="Alerts"
      table="purchases"
      promise="Alerts when a metric crosses a threshold you set, such as daily revenue, a campaign's ROAS or the number of customers at high churn risk."
    />
  );
}
