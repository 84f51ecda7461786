// The workspace's data model (seed: "Data Model Relationships"): the four tables a user can import,
// their fields, which are required, and what each optional field unlocks. Pure data, no I/O.

export type TableKind = 'customers' | 'purchases' | 'campaigns' | 'performance';

export type FieldType = 'string' | 'number' | 'integer' | 'date';

export interface FieldSpec {
  /** Canonical column name in DuckDB. */
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Header names (normalised: lower case, no spaces/underscores/dashes) that map to this field. */
  synonyms: string[];
  /** What the field makes possible, shown next to unmapped optional fields. */
  unlocks?: string;
  /** The field is the table's unique id: duplicates are rejected. */
  unique?: boolean;
}

export interface TableSpec {
  kind: TableKind;
  /** DuckDB table name. */
  table: string;
  label: string;
  fields: FieldSpec[];
}

const f = (
  name: string,
  label: string,
  type: FieldType,
  required: boolean,
  synonyms: string[],
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ name, label, type, required, synonyms: [name, ...synonyms], ...extra });

export const TABLE_SPECS: Record<TableKind, TableSpec> = {
  customers: {
    kind: 'customers',
    table: 'customers',
    label: 'Customers',
    fields: [
      f(
        'customer_id',
        'Customer id',
        'string',
        true,
        ['customerid', 'customer', 'clientid', 'userid', 'id', 'customernumber', 'contactid'],
        {
          unique: true,
        },
      ),
      f('age', 'Age', 'integer', false, ['customerage'], { unlocks: 'age groups in segment profiles' }),
      f('gender', 'Gender', 'string', false, ['sex'], { unlocks: 'gender mix in segment profiles' }),
      f('location', 'Location', 'string', false, ['country', 'city', 'region', 'state', 'billingcountry', 'address'], {
        unlocks: 'location mix in segment profiles',
      }),
      f('income_range', 'Income range', 'string', false, ['income', 'incomeband', 'incomebracket'], {
        unlocks: 'income mix in segment profiles',
      }),
      f(
        'registration_date',
        'Registration date',
        'date',
        false,
        ['registered', 'signupdate', 'createdat', 'joindate', 'firstseen'],
        {
          unlocks: 'customer tenure before the first purchase',
        },
      ),
      f('email', 'Email', 'string', false, ['emailaddress', 'mail'], { unlocks: 'exporting audiences for campaigns' }),
      f('phone', 'Phone', 'string', false, ['phonenumber', 'mobile', 'telephone', 'tel', 'cellphone'], {
        unlocks: 'phone numbers in audience exports',
      }),
    ],
  },
  purchases: {
    kind: 'purchases',
    table: 'purchases',
    label: 'Purchases',
    fields: [
      f('id', 'Purchase line id', 'string', false, ['purchaseid', 'transactionid', 'lineid', 'lineitemid'], {
        unique: true,
        unlocks: 'de-duplication when the same export is added twice',
      }),
      f(
        'order_id',
        'Order id',
        'string',
        false,
        ['orderid', 'invoiceno', 'invoice', 'invoicenumber', 'ordernumber', 'name'],
        {
          unlocks: 'counting several lines of one order as one purchase occasion',
        },
      ),
      f('customer_id', 'Customer id', 'string', true, [
        'customerid',
        'customer',
        'clientid',
        'userid',
        'email',
        'customeremail',
      ]),
      f('purchase_date', 'Purchase date', 'date', true, [
        'date',
        'orderdate',
        'invoicedate',
        'createdat',
        'transactiondate',
        'purchasedat',
        'timestamp',
      ]),
      f('amount', 'Amount', 'number', true, [
        'total',
        'revenue',
        'value',
        'sales',
        'dollarvalue',
        'ordertotal',
        'price',
        'lineitemtotal',
        'amountspent',
      ]),
      f('quantity', 'Quantity', 'number', false, ['qty', 'units', 'numberofcds', 'lineitemquantity', 'items'], {
        unlocks: 'units per order',
      }),
      f('unit_price', 'Unit price', 'number', false, ['unitprice', 'lineitemprice', 'itemprice'], {
        unlocks: 'amount from quantity × unit price when the file has no total',
      }),
      f('product_id', 'Product id', 'string', false, ['productid', 'stockcode', 'sku', 'lineitemsku', 'itemid'], {
        unlocks: 'product-level analysis',
      }),
      f('category', 'Category', 'string', false, ['productcategory', 'producttype', 'department', 'lineitemcategory'], {
        unlocks: 'category mix, preferred category and next-category prediction',
      }),
      f('channel', 'Channel', 'string', false, ['saleschannel', 'source', 'medium', 'store'], {
        unlocks: 'channel mix',
      }),
      f('is_return', 'Return or cancellation', 'string', false, ['return', 'isreturn', 'cancelled', 'refunded'], {
        unlocks: 'labelling returns explicitly (otherwise negative amounts and "C" invoices are returns)',
      }),
    ],
  },
  campaigns: {
    kind: 'campaigns',
    table: 'campaigns',
    label: 'Campaigns',
    fields: [
      f('campaign_id', 'Campaign id', 'string', true, ['campaignid', 'campaign', 'id'], { unique: true }),
      f('name', 'Name', 'string', false, ['campaignname', 'title'], { unlocks: 'readable campaign names' }),
      f('type', 'Type / channel', 'string', false, ['channel', 'campaigntype', 'medium'], {
        unlocks: 'metrics by channel',
      }),
      f('target_segment', 'Target segment', 'string', false, ['segment', 'audience', 'targetaudience'], {
        unlocks: 'metrics by target segment and audience recommendations',
      }),
      f('budget', 'Budget', 'number', false, ['totalbudget', 'dailybudget'], { unlocks: 'budget pacing' }),
      f('start_date', 'Start date', 'date', false, ['start', 'startdate', 'launchdate'], {
        unlocks: 'campaign timelines',
      }),
      f('end_date', 'End date', 'date', false, ['end', 'enddate'], { unlocks: 'campaign timelines' }),
      f('status', 'Status', 'string', false, ['state'], { unlocks: 'filtering active campaigns' }),
    ],
  },
  performance: {
    kind: 'performance',
    table: 'campaign_performance',
    label: 'Daily campaign performance',
    fields: [
      f('campaign_id', 'Campaign id', 'string', true, ['campaignid', 'campaign']),
      f('date', 'Date', 'date', true, ['day', 'reportdate', 'performancedate']),
      f('impressions', 'Impressions', 'integer', false, ['impr', 'views'], { unlocks: 'CTR' }),
      f('clicks', 'Clicks', 'integer', false, ['linkclicks'], { unlocks: 'CTR, CPC and CVR' }),
      f('conversions', 'Conversions', 'number', false, ['purchases', 'orders', 'results'], { unlocks: 'CVR and CPA' }),
      f('revenue', 'Revenue', 'number', false, ['conversionvalue', 'purchasevalue', 'sales'], { unlocks: 'ROAS' }),
      f('cost', 'Cost', 'number', true, ['spend', 'amountspent', 'costusd']),
      f('ctr', 'CTR (checked)', 'number', false, ['clickthroughrate'], { unlocks: 'a check of the file’s own CTR' }),
      f('cpc', 'CPC (checked)', 'number', false, ['costperclick'], { unlocks: 'a check of the file’s own CPC' }),
      f('roas', 'ROAS (checked)', 'number', false, ['returnonadspend'], { unlocks: 'a check of the file’s own ROAS' }),
    ],
  },
};

export const TABLE_KINDS = Object.keys(TABLE_SPECS) as TableKind[];

/** Lower-case a header and drop spaces, underscores, dashes, dots and brackets so synonyms match loosely. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-./()[\]#]+/g, '');
}
