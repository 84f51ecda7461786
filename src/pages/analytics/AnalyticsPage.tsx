import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';

/** Analytics page: empty state until the data it needs is imported. */
export function AnalyticsPage() {
  return (
    <WaitingForDataPage
      title="Analytics"
      table="purchases"
      promise="Segmentation with k-means, RFM scores, and the churn, lifetime-value and next-purchase models, with how well they fit your data."
    />
  );
}
