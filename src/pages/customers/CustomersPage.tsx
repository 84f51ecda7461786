import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';

/** Customers page: empty state until the data it needs is imported. */
export function CustomersPage() {
  return (
    <WaitingForDataPage
      title="Customers"
      table="purchases"
      promise="Who your customers are, how recently and often they buy and what they spend, their segments, churn risk and predicted lifetime value."
    />
  );
}
