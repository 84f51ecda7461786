// How the campaign models write amounts, shares, multiples and days into their one-sentence reasons:
// with Intl, in the workspace currency and the user's locale, so a reason reads like the table beside it.
// Workers leave `locale` unset and get the browser's; Node tests get Node's (en-US on CI).

import { formatDay } from '../formatDay';
import { formatMetric } from './campaignMetrics';

export interface TextFormatOptions {
  /** ISO 4217 code; default USD. */
  currency?: string;
  locale?: string;
}

export interface TextFormat {
  /** 12.5 → "$12.50" */
  money: (value: number) => string;
  /** One unit of the currency, for "each extra $1": "$1", "€1". */
  moneyUnit: string;
  /** 0.0345 → "3.45%" */
  share: (fraction: number) => string;
  /** 3.25 → "3.25×" */
  multiple: (value: number) => string;
  /** "2026-12-01" → "Dec 1, 2026" */
  day: (isoDay: string) => string;
}

export function textFormat({ currency = 'USD', locale }: TextFormatOptions = {}): TextFormat {
  return {
    money: (v) => formatMetric(v, 'money', currency, locale),
    moneyUnit: new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(1),
    share: (v) => formatMetric(v, 'ratio', currency, locale),
    multiple: (v) => formatMetric(v, 'multiple', currency, locale),
    day: (d) => formatDay(d, locale),
  };
}
