// Plain-language documentation of every column of customer_features, for the customers page's legend and
// hover text. Kept next to the SQL so a change to a feature and to its explanation land together.

export interface CustomerFeatureDoc {
  column: string;
  label: string;
  unit?: string;
  how: string;
}

export const CUSTOMER_FEATURE_DOCS: readonly CustomerFeatureDoc[] = [
  { column: 'customer_id', label: 'Customer', how: 'the customer id from the purchases file' },
  {
    column: 'frequency',
    label: 'Purchases',
    unit: 'occasions',
    how: 'purchase occasions: distinct orders, or distinct days when the file has no order id; returns excluded',
  },
  { column: 'repeat_purchases', label: 'Repeat purchases', unit: 'occasions', how: 'frequency − 1' },
  { column: 'monetary_total', label: 'Net spend', unit: 'currency', how: 'sum of amounts, returns subtracted' },
  {
    column: 'average_order_value',
    label: 'Average order value',
    unit: 'currency',
    how: 'spend on purchases (returns excluded) ÷ frequency',
  },
  {
    column: 'recency_days',
    label: 'Recency',
    unit: 'days',
    how: 'days from the last purchase (returns excluded) to the analysis date',
  },
  {
    column: 'tenure_days',
    label: 'Tenure',
    unit: 'days',
    how: 'days from the first purchase or return to the analysis date',
  },
  {
    column: 'returns_share',
    label: 'Returns share',
    unit: 'share 0–1',
    how: 'share of lines that are returns or cancellations',
  },
  {
    column: 'avg_interpurchase_days',
    label: 'Average days between purchases',
    unit: 'days',
    how: 'mean of the days between consecutive purchase occasions (an occasion dated by its earliest line; returns excluded); empty with fewer than 2 occasions',
  },
  {
    column: 'median_interpurchase_days',
    label: 'Median days between purchases',
    unit: 'days',
    how: 'median of the same gaps, less swayed by one long pause; empty with fewer than 2 occasions',
  },
  {
    column: 'distinct_categories',
    label: 'Categories bought',
    unit: 'categories',
    how: 'number of different categories on purchase lines (returns excluded); 0 when no line has a category',
  },
  {
    column: 'preferred_category',
    label: 'Preferred category',
    how: 'the category with the largest spend (returns excluded); ties go to the one with more lines, then alphabetically',
  },
  {
    column: 'preferred_category_share',
    label: 'Preferred category share',
    unit: 'share 0–1',
    how: 'spend on the preferred category ÷ spend on all lines with a category (returns excluded)',
  },
  {
    column: 'category_mix',
    label: 'Category mix',
    how: 'each category’s share of spend on lines with a category (returns excluded), largest first, as JSON text',
  },
  {
    column: 'distinct_channels',
    label: 'Channels used',
    unit: 'channels',
    how: 'number of different sales channels on purchase lines (returns excluded); 0 when no line has a channel',
  },
  {
    column: 'preferred_channel',
    label: 'Preferred channel',
    how: 'the channel with the largest spend (returns excluded); ties go to the one with more lines, then alphabetically',
  },
  {
    column: 'preferred_channel_share',
    label: 'Preferred channel share',
    unit: 'share 0–1',
    how: 'spend in the preferred channel ÷ spend on all lines with a channel (returns excluded)',
  },
  {
    column: 'channel_mix',
    label: 'Channel mix',
    how: 'each channel’s share of spend on lines with a channel (returns excluded), largest first, as JSON text',
  },
  { column: 'age', label: 'Age', unit: 'years', how: 'from the customers file; empty when not given' },
  { column: 'gender', label: 'Gender', how: 'from the customers file; empty when not given' },
  { column: 'location', label: 'Location', how: 'from the customers file; empty when not given' },
  { column: 'income_range', label: 'Income range', how: 'from the customers file; empty when not given' },
];
