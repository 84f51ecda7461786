// "Refresh creative" flags (issue 7, item 7): a campaign whose click-through or conversion rate is
// significantly below the pooled rate of comparable campaigns (the same channel/type), by a one-sided
// two-proportion z-test. With many campaigns some would fall below by chance, so the significance level
// is divided by the number of tests (Bonferroni), and a gap under `minRelativeGap` is not flagged however
// significant: with millions of impressions a 2 % difference is "significant" but not worth a new creative.

import { textFormat, type TextFormat } from './textFormat';

import { errorFunction } from 'simple-statistics';

export interface CreativeCampaignInput {
  id: string;
  /** Channel/type: campaigns are compared only with others of the same type. */
  type: string | null;
  impressions: number;
  clicks: number;
  conversions: number;
}

export type CreativeRate = 'ctr' | 'cvr';

export interface CreativeTestResult {
  id: string;
  rate: CreativeRate;
  /** The campaign's rate: clicks/impressions or conversions/clicks. */
  value: number;
  /** The pooled rate of the other campaigns of the same type. */
  peerValue: number;
  peerCampaigns: number;
  /** (value − peer) / pooled standard error; negative when below the peers. */
  z: number;
  /** One-sided p-value of "below the peers". */
  pValue: number;
  /** The p-value a flag needs: alpha / number of tests. */
  threshold: number;
  /** value / peerValue − 1. */
  relativeGap: number;
  flagged: boolean;
  reason: string;
}

export interface CreativeTestOptions {
  /** Family-wise significance level; default 0.05. */
  alpha?: number;
  /** Smallest shortfall worth a flag, as a share of the peer rate; default 0.2. */
  minRelativeGap?: number;
  /** Fewest trials (impressions for CTR, clicks for CVR) a campaign needs to be tested; default 200. */
  minTrials?: number;
  /** Shares in the reasons; default en-US style. */
  format?: TextFormat;
}

/** Standard normal cumulative distribution. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** One-sided two-proportion z-test of x1/n1 < x2/n2 with the pooled standard error. */
export function twoProportionLowerTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: normalCdf(z) };
}

const formatP = (p: number) => (p < 1e-6 ? 'p < 0.000001' : `p = ${p.toPrecision(2)}`);

/** Tests every campaign's CTR and CVR against its peers; results for every test run, flagged or not. */
export function testCreatives(
  campaigns: readonly CreativeCampaignInput[],
  options: CreativeTestOptions = {},
): CreativeTestResult[] {
  const { alpha = 0.05, minRelativeGap = 0.2, minTrials = 200 } = options;
  const percent = (options.format ?? textFormat()).share;
  const rates: {
    rate: CreativeRate;
    successes: (c: CreativeCampaignInput) => number;
    trials: (c: CreativeCampaignInput) => number;
  }[] = [
    { rate: 'ctr', successes: (c) => c.clicks, trials: (c) => c.impressions },
    { rate: 'cvr', successes: (c) => c.conversions, trials: (c) => c.clicks },
  ];
  const planned: { campaign: CreativeCampaignInput; rate: (typeof rates)[number]; peers: CreativeCampaignInput[] }[] =
    [];
  for (const rate of rates) {
    for (const campaign of campaigns) {
      if (campaign.type === null || !(rate.trials(campaign) >= minTrials)) continue;
      const peers = campaigns.filter(
        (p) =>
          p !== campaign &&
          p.type === campaign.type &&
          rate.trials(p) >= minTrials &&
          Number.isFinite(rate.successes(p)),
      );
      if (peers.length === 0 || !Number.isFinite(rate.successes(campaign))) continue;
      planned.push({ campaign, rate, peers });
    }
  }
  const threshold = planned.length > 0 ? alpha / planned.length : alpha;
  return planned.map(({ campaign, rate, peers }) => {
    const x1 = rate.successes(campaign);
    const n1 = rate.trials(campaign);
    const x2 = peers.reduce((s, p) => s + rate.successes(p), 0);
    const n2 = peers.reduce((s, p) => s + rate.trials(p), 0);
    const { z, pValue } = twoProportionLowerTest(x1, n1, x2, n2);
    const value = x1 / n1;
    const peerValue = x2 / n2;
    const relativeGap = peerValue > 0 ? value / peerValue - 1 : 0;
    const flagged = pValue < threshold && relativeGap <= -minRelativeGap;
    const name = rate.rate === 'ctr' ? 'click-through rate' : 'conversion rate';
    const peersText = `${peers.length} other ${campaign.type} campaign${peers.length === 1 ? '' : 's'}`;
    const numbers = `${percent(value)} vs ${percent(peerValue)} for ${peersText} (z = ${z.toFixed(1)}, ${formatP(pValue)}, needs p < ${threshold.toPrecision(2)})`;
    const reason = flagged
      ? `Refresh creative: ${name} ${percent(-relativeGap)} below comparable campaigns, ${numbers}.`
      : `No flag: ${name} ${numbers}.`;
    return {
      id: campaign.id,
      rate: rate.rate,
      value,
      peerValue,
      peerCampaigns: peers.length,
      z,
      pValue,
      threshold,
      relativeGap,
      flagged,
      reason,
    };
  });
}
