// Campaign ratios (CTR, CPC, CVR, CPA, ROAS) computed from summed totals, so a total over campaigns or
// days is sum(numerator)/sum(denominator) and never a mean of per-row ratios, which would weight a
// campaign spending $1 the same as one spending $10,000.

/** Summed performance over any set of rows; impressions or clicks are NaN when the file lacks the column. */
export interface PerformanceTotals {
  impressions: number;
  clicks: number;
  conversions: number;
  cost: number;
  revenue: number;
}

/** The derived ratios; null wherever the ratio is undefined, so callers never meet NaN or Infinity. */
export interface CampaignMetrics {
  /** clicks / impressions */
  ctr: number | null;
  /** cost / clicks */
  cpc: number | null;
  /** conversions / clicks */
  cvr: number | null;
  /** cost / conversions */
  cpa: number | null;
  /** revenue / cost */
  roas: number | null;
}

/** What `formatMetric` is formatting: a share (CTR, CVR), an amount of money (CPC, CPA), or a multiple (ROAS). */
export type MetricKind = 'ratio' | 'money' | 'multiple';

/** Totals of nothing, the starting point for summing rows with `addTotals`. */
export const EMPTY_TOTALS: Readonly<PerformanceTotals> = Object.freeze({
  impressions: 0,
  clicks: 0,
  conversions: 0,
  cost: 0,
  revenue: 0,
});

/** Shown in place of a metric that is undefined (zero or unknown denominator). */
export const MISSING_METRIC = '—';

// A non-positive denominator has no meaningful ratio (zero divides to Infinity or NaN; negative counts
// or cost are bad input reported by validation, not something to turn into a negative CTR).
function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/** The five ratios from one set of sums; used for a single row, a campaign, a channel or a grand total alike. */
export function metricsFromTotals(t: PerformanceTotals): CampaignMetrics {
  return {
    ctr: ratio(t.clicks, t.impressions),
    cpc: ratio(t.cost, t.clicks),
    cvr: ratio(t.conversions, t.clicks),
    cpa: ratio(t.cost, t.conversions),
    roas: ratio(t.revenue, t.cost),
  };
}

/**
 * Field-wise sum, the only correct way to combine campaigns or days before taking ratios. An unknown
 * (NaN) field stays unknown in the sum: a total that silently skipped the rows lacking impressions
 * would pair all the clicks with some of the impressions and overstate CTR.
 */
export function addTotals(a: PerformanceTotals, b: PerformanceTotals): PerformanceTotals {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    conversions: a.conversions + b.conversions,
    cost: a.cost + b.cost,
    revenue: a.revenue + b.revenue,
  };
}

// Building an Intl.NumberFormat costs far more than formatting with one: a 200-campaign table spent
// 50 ms creating them, so each (style, currency, locale) is built once.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${key}|${locale ?? ''}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

/**
 * Display text for a metric, "—" when it is undefined. `locale` defaults to the user's; tests pass one so
 * their expected strings do not depend on the machine.
 */
export function formatMetric(value: number | null, kind: MetricKind, currency = 'USD', locale?: string): string {
  if (value === null || !Number.isFinite(value)) return MISSING_METRIC;
  switch (kind) {
    case 'ratio':
      // Two decimals of a percent: CTRs of 0.8 % and 1.2 % must not both round to "1 %".
      return formatter('percent', locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
    case 'money':
      return formatter(`currency:${currency}`, locale, { style: 'currency', currency }).format(value);
    case 'multiple':
      // Intl has no "×" style; ROAS reads as "3.25×" in ad platforms.
      return `${formatter('multiple', locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
  }
}
