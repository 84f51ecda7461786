// Performance-drop detection (issue 7, item 8; the seed's "optimization trigger").
//
// For each campaign and each day d, the value of ROAS, CTR or CVR over the 7 days ending on d (a ratio
// of sums) is compared with a robust baseline: the median of the daily values over the 28 days before
// those 7, with the spread from their median absolute deviation (×1.4826, the normal-consistent scale).
// A 7-day sum has about 1/√7 of a day's scatter, so z = (value − median) / (1.4826·MAD / √7), with the
// counting error of the window's clicks or conversions as a floor on that spread.
// A day is flagged when z ≤ −zThreshold and the value is at least minRelativeDrop below the median,
// so a tiny but "significant" dip is not a trigger. Consecutive flagged days form one episode.
// Days in a flagged window are left out of later baselines (which then reach further back, up to twice
// the baseline length), so a lasting drop stays flagged for weeks before the new level becomes normal.
// Median and MAD are used instead of mean and standard deviation so that one bad (or great) day in the
// baseline does not hide or fake a drop.

import { textFormat, type TextFormat } from './textFormat';

import { median, medianAbsoluteDeviation } from 'simple-statistics';

export type DropMetric = 'roas' | 'ctr' | 'cvr';

/** One campaign's days in date order, with every day present (zeros where nothing ran). */
export interface DailySeries {
  id: string;
  /** ISO dates, consecutive. */
  dates: readonly string[];
  impressions: ArrayLike<number>;
  clicks: ArrayLike<number>;
  conversions: ArrayLike<number>;
  cost: ArrayLike<number>;
  revenue: ArrayLike<number>;
}

export interface DropEpisode {
  id: string;
  metric: DropMetric;
  /** First and last flagged day; flagged days at most `mergeGapDays` apart are one episode. */
  start: string;
  end: string;
  /** Flagged days in the episode. */
  days: number;
  /** The lowest z over the episode and the values on that day. */
  worstZ: number;
  worstDate: string;
  value: number;
  baseline: number;
  /** value / baseline − 1 on the worst day. */
  relativeChange: number;
  reason: string;
}

export interface DropOptions {
  /** Days in the window tested; default 7. */
  windowDays?: number;
  /** Days in the baseline before the window; default 28. */
  baselineDays?: number;
  /** Fewest baseline days with a value; default 14. */
  minBaselineDays?: number;
  /** Default 4. */
  zThreshold?: number;
  /** Default 0.2 (20 % below the baseline). */
  minRelativeDrop?: number;
  /** Fewest events (clicks for CTR, conversions for CVR and ROAS) the window should hold at baseline; default 20. */
  minExpectedEvents?: number;
  /** Flagged days this close together are one episode; default 7. */
  mergeGapDays?: number;
  /** Days and values in the reasons; default en-US style. */
  format?: TextFormat;
}

export const DROP_METHOD =
  'the 7-day value (ratio of sums) against the median of the 28 daily values before it, scaled by 1.4826 × MAD / √7 (never less than the binomial or Poisson counting error); flagged at z ≤ −4, at least 20 % below the median, with at least 20 clicks (CTR) or conversions (CVR, ROAS) expected in the 7 days; flagged days within 7 days of each other form one episode';

const METRIC_PARTS: Record<
  DropMetric,
  { num: keyof DailySeries; den: keyof DailySeries; minDen: number; label: string }
> = {
  roas: { num: 'revenue', den: 'cost', minDen: 1, label: 'ROAS' },
  ctr: { num: 'clicks', den: 'impressions', minDen: 100, label: 'CTR' },
  cvr: { num: 'conversions', den: 'clicks', minDen: 10, label: 'conversion rate' },
};

/** Every drop episode of every campaign and metric, worst first. */
export function detectDrops(series: readonly DailySeries[], options: DropOptions = {}): DropEpisode[] {
  const episodes: DropEpisode[] = [];
  for (const s of series)
    for (const metric of ['roas', 'ctr', 'cvr'] as const) episodes.push(...campaignDrops(s, metric, options));
  return episodes.sort((a, b) => a.worstZ - b.worstZ);
}

function campaignDrops(s: DailySeries, metric: DropMetric, options: DropOptions): DropEpisode[] {
  const {
    windowDays = 7,
    baselineDays = 28,
    minBaselineDays = 14,
    zThreshold = 4,
    minRelativeDrop = 0.2,
    minExpectedEvents = 20,
    mergeGapDays = 7,
  } = options;
  const fmt = options.format ?? textFormat();
  const format = (m: DropMetric, v: number) => (m === 'roas' ? fmt.multiple(v) : fmt.share(v));
  const parts = METRIC_PARTS[metric];
  const num = s[parts.num] as ArrayLike<number>;
  const den = s[parts.den] as ArrayLike<number>;
  const n = s.dates.length;
  const daily: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const d = Number(den[i]);
    daily.push(d >= parts.minDen && Number.isFinite(Number(num[i])) ? Number(num[i]) / d : null);
  }
  const flags: { i: number; z: number; value: number; baseline: number }[] = [];
  const anomalous = new Uint8Array(n);
  let windowNum = 0;
  let windowDen = 0;
  // A day missing either part (NaN: the row lacked the column) counts in neither, so the ratio is
  // taken over the days where both are known.
  const known = (i: number) => Number.isFinite(Number(num[i])) && Number.isFinite(Number(den[i]));
  for (let i = 0; i < n; i++) {
    if (known(i)) {
      windowNum += Number(num[i]);
      windowDen += Number(den[i]);
    }
    if (i >= windowDays && known(i - windowDays)) {
      windowNum -= Number(num[i - windowDays]);
      windowDen -= Number(den[i - windowDays]);
    }
    const windowStart = i - windowDays + 1;
    if (windowStart - minBaselineDays < 0 || windowDen < parts.minDen * windowDays) continue;
    const base: number[] = [];
    let baseConversions = 0;
    let baseDays = 0;
    // The latest `baselineDays` usable days, looking back at most twice that far past flagged days.
    for (let j = windowStart - 1; j >= Math.max(0, windowStart - 2 * baselineDays) && baseDays < baselineDays; j--) {
      if (anomalous[j]) continue;
      const v = daily[j];
      if (v != null) base.push(v);
      baseConversions += Number(s.conversions[j]) || 0;
      baseDays++;
    }
    if (base.length < minBaselineDays) continue;
    const m = median(base);
    if (!(m > 0)) continue;
    // Few events make a ratio jumpy in ways a 28-day MAD does not capture (a day with 0 or 2 conversions).
    const expectedEvents = metric === 'roas' ? (baseConversions / baseDays) * windowDays : m * windowDen;
    if (expectedEvents < minExpectedEvents) continue;
    // The spread is never below what counting alone gives (binomial for CTR and CVR, Poisson in the
    // conversions for ROAS): 28 days estimate a MAD loosely, and an underestimate fakes drops. A floor of
    // 2 % of the median keeps a perfectly steady baseline from flagging rounding.
    const countingSd =
      metric === 'roas' ? m / Math.sqrt(expectedEvents) : Math.sqrt((m * Math.max(0, 1 - m)) / windowDen);
    const spread = Math.max(
      (1.4826 * medianAbsoluteDeviation(base)) / Math.sqrt(windowDays),
      countingSd,
      (0.02 * m) / Math.sqrt(windowDays),
    );
    const value = windowNum / windowDen;
    const z = (value - m) / spread;
    if (z <= -zThreshold && value <= (1 - minRelativeDrop) * m) {
      flags.push({ i, z, value, baseline: m });
      // The flagged window stays out of later baselines, so a lasting drop is not absorbed as normal.
      for (let j = windowStart; j <= i; j++) anomalous[j] = 1;
    }
  }
  const episodes: DropEpisode[] = [];
  let k = 0;
  while (k < flags.length) {
    let last = k;
    while (last + 1 < flags.length && flags[last + 1]!.i - flags[last]!.i <= mergeGapDays) last++;
    const run = flags.slice(k, last + 1);
    const worst = run.reduce((w, f) => (f.z < w.z ? f : w));
    const start = s.dates[run[0]!.i]!;
    const end = s.dates[run[run.length - 1]!.i]!;
    const change = worst.value / worst.baseline - 1;
    episodes.push({
      id: s.id,
      metric,
      start,
      end,
      days: run.length,
      worstZ: worst.z,
      worstDate: s.dates[worst.i]!,
      value: worst.value,
      baseline: worst.baseline,
      relativeChange: change,
      reason: `${parts.label} over the 7 days to ${fmt.day(s.dates[worst.i]!)} was ${format(metric, worst.value)}, ${Math.abs(100 * change).toFixed(0)} % below its recent median of ${format(metric, worst.baseline)} (robust z = ${worst.z.toFixed(1)}); flagged on ${run.length} day${run.length === 1 ? '' : 's'} ${start === end ? `on ${fmt.day(start)}` : `from ${fmt.day(start)} to ${fmt.day(end)}`}.`,
    });
    k = last + 1;
  }
  return episodes;
}
