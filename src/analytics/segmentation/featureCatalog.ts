// The customer features k-means may use, with the words a segment's description takes when its
// centroid sits well above or below average on that feature. Pure data.

export type FeatureTransform = 'log' | 'none';

export interface SegmentationFeature {
  /** Column of customer_features. */
  column: string;
  label: string;
  unit: 'days' | 'purchases' | 'money' | 'share' | 'count' | 'years';
  defaultTransform: FeatureTransform;
  /** Selected by default (the default: log recency, frequency, monetary, plus tenure). */
  byDefault: boolean;
  /** Words for a segment clearly above / below the average customer. */
  above: string;
  below: string;
}

export const SEGMENTATION_FEATURES: readonly SegmentationFeature[] = [
  {
    column: 'recency_days',
    label: 'Recency',
    unit: 'days',
    defaultTransform: 'log',
    byDefault: true,
    above: 'lapsed',
    below: 'recent',
  },
  {
    column: 'frequency',
    label: 'Frequency',
    unit: 'purchases',
    defaultTransform: 'log',
    byDefault: true,
    above: 'frequent',
    below: 'occasional',
  },
  {
    column: 'monetary_total',
    label: 'Monetary (total spend)',
    unit: 'money',
    defaultTransform: 'log',
    byDefault: true,
    above: 'high-spend',
    below: 'low-spend',
  },
  {
    column: 'tenure_days',
    label: 'Tenure',
    unit: 'days',
    defaultTransform: 'none',
    byDefault: true,
    above: 'long-standing',
    below: 'new',
  },
  {
    column: 'average_order_value',
    label: 'Average order value',
    unit: 'money',
    defaultTransform: 'log',
    byDefault: false,
    above: 'big-basket',
    below: 'small-basket',
  },
  {
    column: 'avg_interpurchase_days',
    label: 'Average days between purchases',
    unit: 'days',
    defaultTransform: 'log',
    byDefault: false,
    above: 'slow-cycle',
    below: 'fast-cycle',
  },
  {
    column: 'returns_share',
    label: 'Returns share',
    unit: 'share',
    defaultTransform: 'none',
    byDefault: false,
    above: 'return-prone',
    below: 'rarely returning',
  },
  {
    column: 'distinct_categories',
    label: 'Distinct categories',
    unit: 'count',
    defaultTransform: 'none',
    byDefault: false,
    above: 'broad-basket',
    below: 'single-category',
  },
  {
    column: 'age',
    label: 'Age',
    unit: 'years',
    defaultTransform: 'none',
    byDefault: false,
    above: 'older',
    below: 'younger',
  },
];

/** The catalogue entry of a column (undefined for a column Lantern does not know). */
export function segmentationFeature(column: string): SegmentationFeature | undefined {
  return SEGMENTATION_FEATURES.find((f) => f.column === column);
}

/** Columns whose means and medians every segment profile shows, chosen for clustering or not. */
export const PROFILE_COLUMNS = [
  'recency_days',
  'frequency',
  'monetary_total',
  'average_order_value',
  'tenure_days',
  'avg_interpurchase_days',
  'returns_share',
] as const;
