import { WaitingForDataPage } from '../../components/ui/WaitingForDataPage';

/** Campaigns page: empty state until the data it needs is imported. */
export function CampaignsPage() {
  return (
    <WaitingForDataPage
      title="Campaigns"
      table="campaign_performance"
      promise="CTR, CPC, conversion rate, CPA and ROAS per campaign, channel and segment, and where the next dollar of budget should go."
    />
  );
}
