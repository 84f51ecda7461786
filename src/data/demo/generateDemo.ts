// Seeded, realistic demo data in the four canonical tables of schema.ts. Pure TypeScript (no Node or DOM APIs), so
// the browser can offer "try with demo data" and the CLI can write CSV files for benchmarks from the same code.
//
// Purchases mix the stories real exports show (buyerKinds.ts): one-time buyers who never come back, customers who
// stop after some repeat purchase (BG/NBD) or after a lifetime in continuous time (Pareto/NBD), and a few wholesale
// buyers with huge, frequent orders. Repeat buyers buy at their own gamma-distributed rate; order values are
// log-normal per customer; days follow a seasonal calendar; some lines are returned, cancelled or credited
// (cancellations.ts). Every customer has independent random streams, so purchases can be produced customer by
// customer (streaming) and the whole data set is reproduced exactly from the seed.

import { TABLE_SPECS, type TableKind } from '../schema';
import {
  basketShape,
  drawPurchaseBehaviour,
  lineUnits,
  type BasketShape,
  type BuyerKind,
  type PurchaseBehaviour,
} from './buyerKinds';
import { appendCancellations, expectedCancellationLinesPerOrder } from './cancellations';
import {
  exponential,
  hashSeed,
  lognormal,
  mulberry32,
  normal,
  poisson,
  randomInt,
  searchCumulative,
  weightedSampler,
  type Rng,
} from './random';
import { round2, round4, SECONDS_PER_DAY, timestampString } from './rowValues';

export interface DemoOptions {
  /** Seed for every random draw; the same options always give the same data. Default 42. */
  seed?: number;
  /** Number of customer rows. Default 5000. */
  customers?: number;
  /** Target number of purchase rows; purchase rates are scaled so the total lands close to it. */
  purchases?: number;
  /** Last day of the data, 'YYYY-MM-DD'; purchases cover the two years up to it. Default '2026-10-31'. */
  endDate?: string;
}

export interface ResolvedDemoOptions {
  seed: number;
  customers: number;
  purchases: number | null;
  /** First day of the purchase window, 'YYYY-MM-DD'. */
  startDate: string;
  endDate: string;
}

export type DemoValue = string | number | null;

export type DemoCustomer = {
  customer_id: string;
  age: number;
  gender: string;
  location: string;
  income_range: string;
  registration_date: string;
  email: string;
  /** Four in five customers left a phone number. */
  phone: string | null;
};

export type DemoPurchase = {
  id: string;
  order_id: string;
  customer_id: string;
  /** 'YYYY-MM-DD HH:MM:SS'. */
  purchase_date: string;
  /** Negative for returns, cancellations and credits. */
  amount: number;
  /** Negative for returns, cancellations and credits, so amount = quantity × unit_price always holds. */
  quantity: number;
  unit_price: number;
  /** Null only on manual credits, which match no product. */
  product_id: string | null;
  category: string | null;
  channel: string;
  is_return: 'true' | 'false';
};

export type CampaignStatus = 'active' | 'paused' | 'completed';

export type DemoCampaign = {
  campaign_id: string;
  name: string;
  type: string;
  target_segment: string;
  budget: number;
  start_date: string;
  end_date: string;
  status: CampaignStatus;
};

export type DemoPerformance = {
  campaign_id: string;
  date: string;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
  cost: number;
  /** clicks / impressions, 4 decimals; null without impressions. */
  ctr: number | null;
  /** cost / clicks, 4 decimals; null without clicks. */
  cpc: number | null;
  /** revenue / cost, 4 decimals; null without cost. */
  roas: number | null;
};

/** The one campaign whose conversion rate was cut on purpose, so alerting can be checked against a known answer. */
export interface PlantedDrop {
  campaignId: string;
  campaignName: string;
  /** First day with the lower conversion rate, 'YYYY-MM-DD'. */
  date: string;
  /** Conversion rate after the date ÷ before it (in expectation). */
  conversionRateFactor: number;
}

export interface DemoData {
  options: ResolvedDemoOptions;
  customers: DemoCustomer[];
  /** The buying story behind each customer, in customer order: the known answer behind the purchases. */
  buyerKinds: BuyerKind[];
  /** Grouped by customer, each customer's lines in time order. */
  purchases: DemoPurchase[];
  campaigns: DemoCampaign[];
  /** Daily rows, ordered by date then campaign. */
  performance: DemoPerformance[];
  plantedDrop: PlantedDrop;
}

/** Everything but the purchases, which are produced lazily in batches so millions of rows need not sit in memory. */
export interface DemoStream extends Omit<DemoData, 'purchases'> {
  /** Purchase rows expected from the calibration (the real count differs by well under 1 % for large outputs). */
  expectedPurchaseRows: number;
  /** Yields purchase rows in batches of about `batchRows`; each call starts again from the first customer. */
  purchaseBatches(batchRows?: number): Generator<DemoPurchase[]>;
}

export type DemoRow = DemoCustomer | DemoPurchase | DemoCampaign | DemoPerformance;

export interface DemoTable {
  kind: TableKind;
  /** DuckDB table name from schema.ts. */
  table: string;
  /** Canonical column names in schema order. */
  columns: string[];
  rows: readonly Record<string, DemoValue>[];
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar

const DAY_MS = 86_400_000;
/**
 * Registrations reach back this many days before the window, so the window opens on an established customer base
 * (close to steady state) instead of an empty shop whose revenue would only climb.
 */
const PRE_WINDOW_DAYS = 730;
/** Share of customers registered before the window; the rest sign up inside it, a little faster over time. */
const PRE_WINDOW_SHARE = 0.45;

function parseIsoDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`endDate must look like YYYY-MM-DD, got '${iso}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`endDate is not a calendar date: '${iso}'`);
  }
  return ms / DAY_MS;
}

function isoDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Friday after the fourth Thursday of November, as an epoch day. */
function blackFriday(year: number): number {
  const novemberFirst = Date.UTC(year, 10, 1) / DAY_MS;
  const weekday = new Date(novemberFirst * DAY_MS).getUTCDay();
  const firstThursday = novemberFirst + ((4 - weekday + 7) % 7);
  return firstThursday + 21 + 1;
}

// Retail demand by month (Jan..Dec): a long Q4 peak, a post-Christmas dip, a mild summer lull.
const MONTH_DEMAND = [0.86, 0.8, 0.9, 0.92, 0.95, 0.94, 0.92, 0.93, 0.96, 1.0, 1.38, 1.55];
// Sunday..Saturday: people shop a little more at weekends and on Monday evenings.
const WEEKDAY_DEMAND = [1.12, 1.02, 0.96, 0.95, 0.97, 1.0, 1.08];
/** Yearly growth of the business, so recent months are a little busier than two years ago. */
const GROWTH_PER_YEAR = 0.08;

/** Relative purchase demand of one day, before normalisation. */
function dayDemand(epochDay: number, windowStartDay: number): number {
  const date = new Date(epochDay * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  let demand = (MONTH_DEMAND[month] ?? 1) * (WEEKDAY_DEMAND[date.getUTCDay()] ?? 1);
  const friday = blackFriday(year);
  if (epochDay === friday) demand *= 2.2;
  else if (epochDay === friday + 3)
    demand *= 1.8; // Cyber Monday
  else if (epochDay > friday && epochDay < friday + 3) demand *= 1.4;
  if (month === 11) {
    if (dayOfMonth >= 14 && dayOfMonth <= 22) demand *= 1.2;
    else if (dayOfMonth === 24) demand *= 0.6;
    else if (dayOfMonth === 25) demand *= 0.3;
    else if (dayOfMonth === 26) demand *= 0.8;
  }
  return demand * (1 + (GROWTH_PER_YEAR * (epochDay - windowStartDay)) / 365);
}

/** Share of lines sold at a discount on that day: promotions cluster around Black Friday and the January sales. */
function discountShare(epochDay: number): number {
  const date = new Date(epochDay * DAY_MS);
  const friday = blackFriday(date.getUTCFullYear());
  if (epochDay >= friday - 3 && epochDay <= friday + 3) return 0.45;
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  if ((month === 11 && dayOfMonth >= 26) || (month === 0 && dayOfMonth <= 10)) return 0.3;
  return 0.07;
}

interface Calendar {
  /** Epoch day of index 0 (the earliest registration). */
  firstDay: number;
  windowStartIndex: number;
  windowEndIndex: number;
  dayStrings: string[];
  /** Demand per day, mean 1 over the purchase window. */
  demand: Float64Array;
  /** Running total of `demand`: purchase clocks tick in these units, which puts seasonality into the timing. */
  cumulativeDemand: Float64Array;
  discountShare: Float64Array;
}

function buildCalendar(windowStartDay: number, endDay: number): Calendar {
  const firstDay = windowStartDay - PRE_WINDOW_DAYS - 1;
  const length = endDay - firstDay + 1;
  const demand = new Float64Array(length);
  const discounts = new Float64Array(length);
  const dayStrings: string[] = [];
  for (let i = 0; i < length; i++) {
    demand[i] = dayDemand(firstDay + i, windowStartDay);
    discounts[i] = discountShare(firstDay + i);
    dayStrings.push(isoDay(firstDay + i));
  }
  const windowStartIndex = windowStartDay - firstDay;
  let windowTotal = 0;
  for (let i = windowStartIndex; i < length; i++) windowTotal += demand[i] ?? 0;
  const meanDemand = windowTotal / (length - windowStartIndex);
  const cumulativeDemand = new Float64Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const normalised = (demand[i] ?? 0) / meanDemand;
    demand[i] = normalised;
    total += normalised;
    cumulativeDemand[i] = total;
  }
  return {
    firstDay,
    windowStartIndex,
    windowEndIndex: length - 1,
    dayStrings,
    demand,
    cumulativeDemand,
    discountShare: discounts,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue

interface CategorySpec {
  name: string;
  code: string;
  /** Share of lines when a customer has no preference. */
  weight: number;
  medianPrice: number;
  /** Log-scale spread of product prices within the category. */
  priceSpread: number;
  products: number;
  /**
   * Chance a line is sent back: fashion high, groceries almost never. With the cancellations, 2.5–3 % of all
   * lines are negative, near UCI Online Retail's 2.2 %.
   */
  returnRate: number;
  /** Mean of the extra units per line (grocery baskets hold several of an item). */
  extraUnits: number;
}

const CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'Electronics',
    code: 'EL',
    weight: 0.1,
    medianPrice: 149,
    priceSpread: 0.8,
    products: 40,
    returnRate: 0.025,
    extraUnits: 0.05,
  },
  {
    name: 'Home & Kitchen',
    code: 'HK',
    weight: 0.16,
    medianPrice: 39,
    priceSpread: 0.6,
    products: 60,
    returnRate: 0.012,
    extraUnits: 0.25,
  },
  {
    name: 'Fashion',
    code: 'FA',
    weight: 0.2,
    medianPrice: 45,
    priceSpread: 0.5,
    products: 80,
    returnRate: 0.04,
    extraUnits: 0.3,
  },
  {
    name: 'Beauty & Health',
    code: 'BH',
    weight: 0.14,
    medianPrice: 22,
    priceSpread: 0.5,
    products: 50,
    returnRate: 0.006,
    extraUnits: 0.5,
  },
  {
    name: 'Sports & Outdoors',
    code: 'SP',
    weight: 0.1,
    medianPrice: 59,
    priceSpread: 0.7,
    products: 40,
    returnRate: 0.015,
    extraUnits: 0.15,
  },
  {
    name: 'Books & Media',
    code: 'BK',
    weight: 0.1,
    medianPrice: 16,
    priceSpread: 0.4,
    products: 60,
    returnRate: 0.005,
    extraUnits: 0.3,
  },
  {
    name: 'Toys & Games',
    code: 'TG',
    weight: 0.08,
    medianPrice: 29,
    priceSpread: 0.6,
    products: 40,
    returnRate: 0.01,
    extraUnits: 0.3,
  },
  {
    name: 'Grocery & Gourmet',
    code: 'GR',
    weight: 0.12,
    medianPrice: 9,
    priceSpread: 0.5,
    products: 60,
    returnRate: 0.002,
    extraUnits: 1.2,
  },
];

const CATEGORY_INDEXES = CATEGORIES.map((_, i) => i);
const sampleCategory = weightedSampler(
  CATEGORY_INDEXES,
  CATEGORIES.map((c) => c.weight),
);

interface Product {
  id: string;
  unitPrice: number;
}

/** Charm prices: 8.99, 49.99, 149.99, as shops use. */
function charmPrice(rawPrice: number): number {
  if (rawPrice < 10) return Math.max(0.99, Math.round(rawPrice) - 0.01);
  if (rawPrice < 100) return Math.round(rawPrice) - 0.01;
  return Math.round(rawPrice / 10) * 10 - 0.01;
}

/** Products per category, cheapest first, so a customer's price level can pick from the top or bottom. */
function buildCatalogue(seed: number): Product[][] {
  const rng = mulberry32(hashSeed(seed, STREAM_CATALOGUE));
  return CATEGORIES.map((category) => {
    const prices: number[] = [];
    for (let i = 0; i < category.products; i++) {
      prices.push(charmPrice(category.medianPrice * lognormal(rng, 0, category.priceSpread)));
    }
    prices.sort((a, b) => a - b);
    return prices.map((unitPrice, i) => ({ id: `${category.code}-${String(i + 1).padStart(4, '0')}`, unitPrice }));
  });
}

const CHANNELS = ['web', 'mobile app', 'store', 'marketplace'] as const;
const CHANNEL_WEIGHTS = [0.42, 0.28, 0.2, 0.1];
const STORE_CHANNEL = 2;
const MOBILE_CHANNEL = 1;
const sampleChannel = weightedSampler(
  CHANNELS.map((_, i) => i),
  CHANNEL_WEIGHTS,
);
/** Price factors of discounted lines (20 % off is the most common promotion). */
const DISCOUNTS = [0.9, 0.8, 0.8, 0.7];

// Orders per hour of the day (0..23): online peaks in the evening, stores follow opening hours.
const WEB_HOURS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.2, 2.8, 3.2, 3.4, 3.6, 3.4, 3.3, 3.3, 3.4, 3.6, 4, 4.6, 5, 4.6, 3.4, 2,
];
const MOBILE_HOURS = [
  1.5, 0.9, 0.5, 0.3, 0.3, 0.4, 1, 2, 2.6, 2.4, 2.4, 2.6, 3.2, 3, 2.8, 2.8, 3, 3.4, 4, 5, 5.6, 5.6, 4.4, 2.8,
];
const STORE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3.5, 4.5, 5, 4.8, 4.5, 4.6, 5, 5.5, 5.2, 3.5, 1.5, 0, 0, 0];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const HOUR_SAMPLERS = [WEB_HOURS, MOBILE_HOURS, STORE_HOURS, WEB_HOURS].map((weights) =>
  weightedSampler(HOURS, weights),
);

// ---------------------------------------------------------------------------------------------------------------
// Customers

const GENDERS = ['female', 'male', 'non-binary'];
const sampleGender = weightedSampler(GENDERS, [0.5, 0.47, 0.03]);
const COUNTRIES = [
  'Germany',
  'United Kingdom',
  'France',
  'Netherlands',
  'Spain',
  'Italy',
  'United States',
  'Austria',
  'Sweden',
  'Poland',
  'Belgium',
  'Switzerland',
  'Denmark',
  'Ireland',
];
const sampleCountry = weightedSampler(COUNTRIES, [24, 16, 12, 8, 8, 7, 6, 4, 3, 3, 3, 3, 2, 1]);
const INCOME_RANGES = ['<25k', '25k-50k', '50k-75k', '75k-100k', '100k-150k', '150k+'];
/** Standard-normal cut points that give the income bands roughly 15/27/25/16/11/6 %. */
const INCOME_CUTS = [-1.04, -0.13, 0.52, 1.08, 1.55];
const FIRST_NAMES = [
  ...'anna ben clara david emma felix greta hugo ines jonas katharina leon maria noah olivia'.split(' '),
  ...'paul rosa samuel sofia tom ulla victor wiebke yusuf zoe lucas mia elias lea finn amelie'.split(' '),
  ...'oscar chloe liam sara mateo julia jan nina omar'.split(' '),
];
const LAST_NAMES = [
  ...'schmidt mueller smith jones martin bernard devries jansen garcia rossi nowak johansson'.split(' '),
  ...'novak weber wagner becker hoffmann brown taylor dubois moreau lopez romano kowalski'.split(' '),
  ...'nielsen murphy peeters keller huber fischer'.split(' '),
];

/** What drives one customer's purchases; kept apart from the output row. */
interface CustomerProfile {
  row: DemoCustomer;
  /** Index into the calendar of the first purchase (may lie after the window: no purchases). */
  firstPurchaseIndex: number;
  /** How often the customer buys and how they stop. */
  behaviour: PurchaseBehaviour;
  /** Multiplier of basket size and price level; log-normal, so a few customers spend far more. */
  spendLevel: number;
  /** Lines, units and price level of their orders. */
  basket: BasketShape;
  preferredCategory: number;
  secondCategory: number;
  preferredChannel: number;
}

const SPEND_LOG_SD = 0.75;
/** Safety cap for extreme `purchases` targets; never reached by realistic settings. */
const MAX_ORDERS_PER_CUSTOMER = 20_000;

// Stream ids for hashSeed: every concern gets its own random stream, so changing one does not shift the others.
const STREAM_CUSTOMER = 1;
const STREAM_TIMING = 2;
const STREAM_BASKET = 3;
const STREAM_CATALOGUE = 4;
const STREAM_CAMPAIGNS = 5;
const STREAM_BEHAVIOUR = 6;
const STREAM_CANCELLATION = 7;

function drawCustomer(seed: number, index: number, calendar: Calendar): CustomerProfile {
  const rng = mulberry32(hashSeed(seed, STREAM_CUSTOMER, index));
  const windowDays = calendar.windowEndIndex - calendar.windowStartIndex + 1;
  // sign-ups inside the window: mostly uniform, partly rising (density ∝ x), for a business that grows slowly
  let registrationIndex: number;
  if (rng() < PRE_WINDOW_SHARE) {
    registrationIndex = calendar.windowStartIndex - 1 - Math.floor(rng() * PRE_WINDOW_DAYS);
  } else {
    const position = rng() < 0.85 ? rng() : Math.sqrt(rng());
    registrationIndex = calendar.windowStartIndex + Math.min(windowDays - 1, Math.floor(position * windowDays));
  }
  // Most buy on the day they register; the rest after a while.
  const delayDays = rng() < 0.55 ? 0 : 1 + Math.floor(exponential(rng, 1 / 20));
  const age = Math.min(85, Math.max(18, Math.round(normal(rng, 41, 14))));
  const spendLevel = lognormal(rng, -0.2, SPEND_LOG_SD);
  const agePeak = 1 - Math.abs(age - 50) / 40; // earnings peak in the fifties
  const incomeScore = 0.75 * normal(rng) + 0.35 * (Math.log(spendLevel) / SPEND_LOG_SD) + 0.4 * agePeak - 0.1;
  let incomeBand = 0;
  while (incomeBand < INCOME_CUTS.length && incomeScore > (INCOME_CUTS[incomeBand] ?? Infinity)) incomeBand++;
  const number = index + 1;
  const customerId = `C${String(number).padStart(6, '0')}`;
  const firstName = FIRST_NAMES[Math.floor(rng() * FIRST_NAMES.length)] ?? 'alex';
  const lastName = LAST_NAMES[Math.floor(rng() * LAST_NAMES.length)] ?? 'doe';
  const row: DemoCustomer = {
    customer_id: customerId,
    age,
    gender: sampleGender(rng),
    location: sampleCountry(rng),
    income_range: INCOME_RANGES[incomeBand] ?? '<25k',
    registration_date: calendar.dayStrings[registrationIndex] ?? '',
    email: `${firstName}.${lastName}${number}@example.com`,
    // Ofcom's range for fiction (07700 900000–900999); derived from the number so the random stream is unchanged.
    phone: number % 5 === 0 ? null : `+44 7700 900${String(number % 1000).padStart(3, '0')}`,
  };
  // Younger customers lean to the app, older ones to the store.
  const channelWeights = CHANNEL_WEIGHTS.map((weight, channel) => {
    if (channel === MOBILE_CHANNEL) return weight * (age < 30 ? 2 : age > 60 ? 0.5 : 1);
    if (channel === STORE_CHANNEL) return weight * (age > 60 ? 1.7 : 1);
    return weight;
  });
  const preferredChannel = weightedSampler(
    CHANNELS.map((_, i) => i),
    channelWeights,
  )(rng);
  const preferredCategory = sampleCategory(rng);
  let secondCategory = sampleCategory(rng);
  for (let attempt = 0; attempt < 4 && secondCategory === preferredCategory; attempt++) {
    secondCategory = sampleCategory(rng);
  }
  const behaviour = drawPurchaseBehaviour(mulberry32(hashSeed(seed, STREAM_BEHAVIOUR, index)));
  return {
    row,
    firstPurchaseIndex: registrationIndex + delayDays,
    behaviour,
    spendLevel,
    basket: basketShape(behaviour, spendLevel),
    preferredCategory,
    secondCategory,
    preferredChannel,
  };
}

/**
 * Walks one customer's purchase clock and returns how many orders fall in the window; with `orderDays` it also
 * collects their calendar indexes. The clock runs in demand units, so busy days get more orders. `rateScale`
 * speeds buying up and makes dropping out after a purchase rarer by the same factor (lifetimes stay), which moves
 * the row count almost linearly. The draws do not depend on `rateScale`, so counts grow monotonically with it (used
 * by the calibration).
 */
function simulateOrderDays(
  profile: CustomerProfile,
  rateScale: number,
  calendar: Calendar,
  rng: Rng,
  orderDays: number[] | null,
): number {
  const { cumulativeDemand, windowStartIndex, windowEndIndex } = calendar;
  const first = profile.firstPurchaseIndex;
  if (first > windowEndIndex) return 0;
  let count = 0;
  if (first >= windowStartIndex) {
    count++;
    orderDays?.push(first);
  }
  const { behaviour } = profile;
  if (behaviour.kind === 'one-time') return count;
  const rate = behaviour.purchasesPerDay * rateScale;
  const dropout = Math.min(1, behaviour.dropoutProbability / rateScale);
  let clock = (cumulativeDemand[first - 1] ?? 0) + rng() * (calendar.demand[first] ?? 1);
  const clockEnd = Math.min(cumulativeDemand[windowEndIndex] ?? 0, clock + behaviour.lifetimeDays);
  for (let orders = 1; orders < MAX_ORDERS_PER_CUSTOMER; orders++) {
    clock += exponential(rng, rate);
    const dropoutDraw = rng();
    if (clock >= clockEnd) break;
    const day = searchCumulative(cumulativeDemand, clock);
    if (day >= windowStartIndex) {
      count++;
      orderDays?.push(day);
    }
    if (dropoutDraw < dropout) break;
  }
  return count;
}

/** Expected share of sale lines that come back, for turning an order count into a row count. */
const MEAN_RETURN_RATE = CATEGORIES.reduce((sum, c) => sum + c.weight * c.returnRate, 0);

function expectedRows(profiles: CustomerProfile[], rateScale: number, seed: number, calendar: Calendar): number {
  let rows = 0;
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i];
    if (!profile) continue;
    const orders = simulateOrderDays(profile, rateScale, calendar, mulberry32(hashSeed(seed, STREAM_TIMING, i)), null);
    const { extraLinesPerOrder } = profile.basket;
    rows +=
      orders *
      ((1 + extraLinesPerOrder) * (1 + MEAN_RETURN_RATE) + expectedCancellationLinesPerOrder(extraLinesPerOrder));
  }
  return rows;
}

/**
 * Finds the rate scale whose expected row count meets the target. Rows grow roughly like a power of the scale, so
 * each step is a secant step in log–log space, kept inside the bracket found so far (bisection when it would leave it).
 */
function calibrateRateScale(
  profiles: CustomerProfile[],
  targetRows: number,
  seed: number,
  calendar: Calendar,
): { rateScale: number; rows: number } {
  const tolerance = 0.003;
  const minScale = 1e-4;
  const maxScale = 1e4;
  let low = minScale;
  let high = maxScale;
  let previous: { rateScale: number; rows: number } | null = null;
  let current = { rateScale: 1, rows: expectedRows(profiles, 1, seed, calendar) };
  let best = current;
  for (let step = 0; step < 30; step++) {
    if (Math.abs(current.rows - targetRows) < Math.abs(best.rows - targetRows)) best = current;
    if (Math.abs(current.rows / targetRows - 1) < tolerance) return current;
    if (current.rows < targetRows) low = Math.max(low, current.rateScale);
    else high = Math.min(high, current.rateScale);
    let slope = 1;
    if (previous && previous.rows > 0 && current.rows > 0 && previous.rateScale !== current.rateScale) {
      slope = Math.log(current.rows / previous.rows) / Math.log(current.rateScale / previous.rateScale);
    }
    const safeSlope = Number.isFinite(slope) ? Math.min(2, Math.max(0.2, slope)) : 1;
    let next = current.rateScale * Math.pow(targetRows / Math.max(current.rows, 1), 1 / safeSlope);
    if (!(next > low && next < high)) next = Math.sqrt(low * high);
    if (next <= minScale || next >= maxScale || next === current.rateScale) break;
    previous = current;
    current = { rateScale: next, rows: expectedRows(profiles, next, seed, calendar) };
  }
  return Math.abs(current.rows - targetRows) < Math.abs(best.rows - targetRows) ? current : best;
}

// ---------------------------------------------------------------------------------------------------------------
// Purchases

interface PurchaseContext {
  seed: number;
  calendar: Calendar;
  catalogue: Product[][];
  profiles: CustomerProfile[];
  rateScale: number;
}

/**
 * Appends one customer's purchase lines (orders, returns, cancellations and credits, in time order) to `out`;
 * returns the next order number.
 */
function customerPurchases(
  context: PurchaseContext,
  index: number,
  nextOrderNumber: number,
  orderDays: number[],
  out: DemoPurchase[],
): number {
  const profile = context.profiles[index];
  if (!profile) return nextOrderNumber;
  const { calendar, catalogue, seed } = context;
  orderDays.length = 0;
  simulateOrderDays(profile, context.rateScale, calendar, mulberry32(hashSeed(seed, STREAM_TIMING, index)), orderDays);
  if (orderDays.length === 0) return nextOrderNumber;
  const rng = mulberry32(hashSeed(seed, STREAM_BASKET, index));
  const cancellationRng = mulberry32(hashSeed(seed, STREAM_CANCELLATION, index));
  const customerId = profile.row.customer_id;
  const firstRow = out.length;
  const sortKeys: number[] = [];
  let hasReturns = false;
  const { basket } = profile;
  for (const day of orderDays) {
    const orderFirstRow = out.length;
    const orderId = `O${String(nextOrderNumber++).padStart(8, '0')}`;
    const channel = rng() < 0.7 ? profile.preferredChannel : sampleChannel(rng);
    const hour = HOUR_SAMPLERS[channel]?.(rng) ?? 12;
    const secondOfDay = hour * 3600 + Math.floor(rng() * 3600);
    const timestamp = timestampString(calendar.dayStrings[day] ?? '', secondOfDay);
    const channelName = CHANNELS[channel] ?? 'web';
    const lines = 1 + Math.min(basket.maxExtraLines, poisson(rng, basket.extraLinesPerOrder));
    const discountShareToday = calendar.discountShare[day] ?? 0;
    for (let line = 1; line <= lines; line++) {
      const categoryDraw = rng();
      const category =
        categoryDraw < 0.55
          ? profile.preferredCategory
          : categoryDraw < 0.75
            ? profile.secondCategory
            : sampleCategory(rng);
      const spec = CATEGORIES[category] ?? CATEGORIES[0];
      const products = catalogue[category] ?? [];
      const product =
        products[Math.min(products.length - 1, Math.floor(products.length * Math.pow(rng(), 1 / basket.priceTilt)))];
      if (!spec || !product) continue;
      const quantity = lineUnits(1 + Math.min(23, poisson(rng, spec.extraUnits * basket.unitsBoost)), basket);
      const discount = rng() < discountShareToday ? (DISCOUNTS[Math.floor(rng() * DISCOUNTS.length)] ?? 1) : 1;
      const unitPrice = discount === 1 ? product.unitPrice : round2(product.unitPrice * discount);
      const id = `${orderId}-${line}`;
      out.push({
        id,
        order_id: orderId,
        customer_id: customerId,
        purchase_date: timestamp,
        amount: round2(quantity * unitPrice),
        quantity,
        unit_price: unitPrice,
        product_id: product.id,
        category: spec.name,
        channel: channelName,
        is_return: 'false',
      });
      sortKeys.push(day * SECONDS_PER_DAY + secondOfDay);
      if (rng() < spec.returnRate) {
        // sent back within a few weeks; a return that would fall after the data's last day has not happened yet
        const returnDay = day + 1 + Math.floor(exponential(rng, 1 / 9));
        const returnSecond = 9 * 3600 + Math.floor(rng() * 11 * 3600);
        const returnedUnits = quantity > 1 && rng() < 0.3 ? randomInt(rng, 1, quantity - 1) : quantity;
        if (returnDay <= calendar.windowEndIndex) {
          hasReturns = true;
          out.push({
            id: `C${id}`,
            order_id: `C${orderId}`,
            customer_id: customerId,
            purchase_date: timestampString(calendar.dayStrings[returnDay] ?? '', returnSecond),
            amount: -round2(returnedUnits * unitPrice),
            quantity: -returnedUnits,
            unit_price: unitPrice,
            product_id: product.id,
            category: spec.name,
            channel: channelName,
            is_return: 'true',
          });
          sortKeys.push(returnDay * SECONDS_PER_DAY + returnSecond);
        }
      }
    }
    const rowsBefore = out.length;
    const order = { firstRow: orderFirstRow, day, secondOfDay, channel: channelName };
    nextOrderNumber = appendCancellations(cancellationRng, order, calendar, out, sortKeys, nextOrderNumber);
    if (out.length > rowsBefore) hasReturns = true;
  }
  sortCustomerRows(out, firstRow, sortKeys, hasReturns);
  return nextOrderNumber;
}

/** Puts one customer's rows in time order; orders on one day can be drawn out of order, returns come later. */
function sortCustomerRows(out: DemoPurchase[], firstRow: number, sortKeys: number[], force: boolean): void {
  let sorted = !force;
  for (let i = 1; sorted && i < sortKeys.length; i++) if ((sortKeys[i] ?? 0) < (sortKeys[i - 1] ?? 0)) sorted = false;
  if (sorted) return;
  const order = sortKeys.map((_, i) => i);
  // stable, so lines of one order keep their line numbers in sequence
  order.sort((a, b) => (sortKeys[a] ?? 0) - (sortKeys[b] ?? 0) || a - b);
  const rows = out.slice(firstRow);
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i] ?? i];
    if (row) out[firstRow + i] = row;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Campaigns

interface ChannelEconomics {
  costPerClick: number;
  clickThroughRate: number;
  orderValue: number;
}

const CAMPAIGN_ECONOMICS: Record<string, ChannelEconomics> = {
  'paid search': { costPerClick: 0.9, clickThroughRate: 0.045, orderValue: 78 },
  'paid social': { costPerClick: 0.65, clickThroughRate: 0.012, orderValue: 70 },
  display: { costPerClick: 0.45, clickThroughRate: 0.004, orderValue: 72 },
  email: { costPerClick: 0.06, clickThroughRate: 0.03, orderValue: 85 },
  sms: { costPerClick: 0.1, clickThroughRate: 0.07, orderValue: 65 },
  affiliate: { costPerClick: 0.5, clickThroughRate: 0.02, orderValue: 90 },
};

interface CampaignPlan {
  name: string;
  type: keyof typeof CAMPAIGN_ECONOMICS;
  targetSegment: string;
  startDay: number;
  endDay: number;
  /** Last day with spend, before endDay when the campaign was paused. */
  lastActiveDay: number;
  status: CampaignStatus;
  spendPerDay: number;
  /** Return on ad spend at the usual daily spend. */
  baseRoas: number;
  /** Exponent of revenue ≈ a · spend^b: below 1, so each extra euro buys less. */
  responseExponent: number;
  /** Planted-drop candidates have enough conversions per day for the drop to stand out. */
  dropCandidate: boolean;
}

interface AlwaysOnTemplate {
  name: string;
  type: keyof typeof CAMPAIGN_ECONOMICS;
  targetSegment: string;
  startOffsetDays: number;
  spendPerDay: number;
  baseRoas: number;
  responseExponent: number;
  pausedDaysBeforeEnd?: number;
  dropCandidate?: boolean;
}

const ALWAYS_ON: readonly AlwaysOnTemplate[] = [
  {
    name: 'Brand Search',
    type: 'paid search',
    targetSegment: 'All customers',
    startOffsetDays: 0,
    spendPerDay: 180,
    baseRoas: 6,
    responseExponent: 0.55,
    dropCandidate: true,
  },
  {
    name: 'Generic Search - Prospecting',
    type: 'paid search',
    targetSegment: 'New',
    startOffsetDays: 21,
    spendPerDay: 260,
    baseRoas: 2.8,
    responseExponent: 0.7,
    dropCandidate: true,
  },
  {
    name: 'Social Prospecting',
    type: 'paid social',
    targetSegment: 'New',
    startOffsetDays: 45,
    spendPerDay: 220,
    baseRoas: 2.2,
    responseExponent: 0.65,
    dropCandidate: true,
  },
  {
    name: 'Social Retargeting',
    type: 'paid social',
    targetSegment: 'At Risk',
    startOffsetDays: 90,
    spendPerDay: 120,
    baseRoas: 3.5,
    responseExponent: 0.6,
  },
  {
    name: 'Display Retargeting',
    type: 'display',
    targetSegment: 'Hibernating',
    startOffsetDays: 60,
    spendPerDay: 150,
    baseRoas: 2,
    responseExponent: 0.6,
  },
  {
    name: 'Win-back Email Flow',
    type: 'email',
    targetSegment: 'At Risk',
    startOffsetDays: 30,
    spendPerDay: 12,
    baseRoas: 18,
    responseExponent: 0.75,
  },
  {
    name: 'VIP Newsletter',
    type: 'email',
    targetSegment: 'Champions',
    startOffsetDays: 0,
    spendPerDay: 8,
    baseRoas: 30,
    responseExponent: 0.8,
  },
  {
    name: 'Affiliate Network',
    type: 'affiliate',
    targetSegment: 'All customers',
    startOffsetDays: 120,
    spendPerDay: 110,
    baseRoas: 4.2,
    responseExponent: 0.7,
    pausedDaysBeforeEnd: 25,
  },
  {
    name: 'Loyalty SMS',
    type: 'sms',
    targetSegment: 'Loyal',
    startOffsetDays: 200,
    spendPerDay: 15,
    baseRoas: 12,
    responseExponent: 0.7,
  },
];

interface SeasonalTemplate {
  name: string;
  type: keyof typeof CAMPAIGN_ECONOMICS;
  targetSegment: string;
  /** 1..12 */
  month: number;
  day: number;
  durationDays: number;
  spendPerDay: number;
  baseRoas: number;
  responseExponent: number;
}

const SEASONAL: readonly SeasonalTemplate[] = [
  {
    name: "Valentine's Day",
    type: 'paid social',
    targetSegment: 'Potential Loyalists',
    month: 2,
    day: 1,
    durationDays: 14,
    spendPerDay: 150,
    baseRoas: 2.6,
    responseExponent: 0.65,
  },
  {
    name: 'Spring Sale',
    type: 'email',
    targetSegment: 'Loyal',
    month: 3,
    day: 20,
    durationDays: 21,
    spendPerDay: 20,
    baseRoas: 16,
    responseExponent: 0.75,
  },
  {
    name: 'Summer Sale',
    type: 'display',
    targetSegment: 'All customers',
    month: 6,
    day: 20,
    durationDays: 30,
    spendPerDay: 140,
    baseRoas: 2.1,
    responseExponent: 0.6,
  },
  {
    name: 'Back to School',
    type: 'paid search',
    targetSegment: 'New',
    month: 8,
    day: 10,
    durationDays: 30,
    spendPerDay: 200,
    baseRoas: 3.1,
    responseExponent: 0.7,
  },
  {
    name: 'Halloween',
    type: 'sms',
    targetSegment: 'Need Attention',
    month: 10,
    day: 15,
    durationDays: 18,
    spendPerDay: 25,
    baseRoas: 9,
    responseExponent: 0.7,
  },
  {
    name: 'Black Friday',
    type: 'paid social',
    targetSegment: 'All customers',
    month: 11,
    day: 10,
    durationDays: 23,
    spendPerDay: 450,
    baseRoas: 3.4,
    responseExponent: 0.6,
  },
  {
    name: 'Holiday Gift Guide',
    type: 'email',
    targetSegment: 'Champions',
    month: 12,
    day: 1,
    durationDays: 23,
    spendPerDay: 30,
    baseRoas: 22,
    responseExponent: 0.75,
  },
];

/** Always-on campaigns run on past the data's last day by this much (their end date lies in the future). */
const ALWAYS_ON_RUNWAY_DAYS = 61;

function planCampaigns(windowStartDay: number, endDay: number): CampaignPlan[] {
  const plans: CampaignPlan[] = [];
  for (const template of ALWAYS_ON) {
    const startDay = windowStartDay + template.startOffsetDays;
    const paused = template.pausedDaysBeforeEnd !== undefined;
    plans.push({
      name: template.name,
      type: template.type,
      targetSegment: template.targetSegment,
      startDay,
      endDay: endDay + ALWAYS_ON_RUNWAY_DAYS,
      lastActiveDay: endDay - (template.pausedDaysBeforeEnd ?? 0),
      status: paused ? 'paused' : 'active',
      spendPerDay: template.spendPerDay,
      baseRoas: template.baseRoas,
      responseExponent: template.responseExponent,
      dropCandidate: template.dropCandidate === true,
    });
  }
  const firstYear = new Date(windowStartDay * DAY_MS).getUTCFullYear();
  const lastYear = new Date(endDay * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const template of SEASONAL) {
      const startDay = Date.UTC(year, template.month - 1, template.day) / DAY_MS;
      // only campaigns that started inside the window and have run for a few days
      if (startDay < windowStartDay || startDay > endDay - 5) continue;
      const campaignEnd = startDay + template.durationDays - 1;
      plans.push({
        name: `${template.name} ${year}`,
        type: template.type,
        targetSegment: template.targetSegment,
        startDay,
        endDay: campaignEnd,
        lastActiveDay: Math.min(campaignEnd, endDay),
        status: campaignEnd < endDay ? 'completed' : 'active',
        spendPerDay: template.spendPerDay,
        baseRoas: template.baseRoas,
        responseExponent: template.responseExponent,
        dropCandidate: false,
      });
    }
  }
  plans.sort((a, b) => a.startDay - b.startDay || a.name.localeCompare(b.name));
  return plans;
}

const DROP_FACTOR = 0.5;

interface CampaignTables {
  campaigns: DemoCampaign[];
  performance: DemoPerformance[];
  plantedDrop: PlantedDrop;
}

function generateCampaigns(seed: number, windowStartDay: number, endDay: number, calendar: Calendar): CampaignTables {
  const plans = planCampaigns(windowStartDay, endDay);
  const rng = mulberry32(hashSeed(seed, STREAM_CAMPAIGNS));
  const candidates = plans
    .map((plan, index) => ({ plan, index }))
    .filter(({ plan }) => plan.dropCandidate && plan.status === 'active' && plan.startDay <= endDay - 150);
  const droppedIndex = candidates[Math.floor(rng() * candidates.length)]?.index ?? 0;
  // somewhere 20–45 days back: inside the last 60 days, with enough days on both sides to see it
  const dropDay = endDay - randomInt(rng, 20, 45);

  const campaigns: DemoCampaign[] = [];
  const performance: DemoPerformance[] = [];
  plans.forEach((plan, index) => {
    const campaignId = `CMP-${String(index + 1).padStart(3, '0')}`;
    const plannedDays = plan.endDay - plan.startDay + 1;
    campaigns.push({
      campaign_id: campaignId,
      name: plan.name,
      type: plan.type,
      target_segment: plan.targetSegment,
      budget: Math.max(100, Math.round((plan.spendPerDay * plannedDays) / 100) * 100),
      start_date: isoDay(plan.startDay),
      end_date: isoDay(plan.endDay),
      status: plan.status,
    });
    const dropFrom = index === droppedIndex ? dropDay : null;
    appendPerformance(
      performance,
      campaignId,
      plan,
      dropFrom,
      calendar,
      mulberry32(hashSeed(seed, STREAM_CAMPAIGNS, index + 1)),
    );
  });
  performance.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.campaign_id < b.campaign_id ? -1 : 1));
  const dropped = campaigns[droppedIndex];
  return {
    campaigns,
    performance,
    plantedDrop: {
      campaignId: dropped?.campaign_id ?? '',
      campaignName: dropped?.name ?? '',
      date: isoDay(dropDay),
      conversionRateFactor: DROP_FACTOR,
    },
  };
}

// Advertisers spend a little less at weekends (Sunday..Saturday).
const WEEKDAY_SPEND = [0.92, 1.02, 1.04, 1.04, 1.02, 1, 0.9];

function appendPerformance(
  out: DemoPerformance[],
  campaignId: string,
  plan: CampaignPlan,
  dropFromDay: number | null,
  calendar: Calendar,
  rng: Rng,
): void {
  const economics = CAMPAIGN_ECONOMICS[plan.type] ?? { costPerClick: 0.5, clickThroughRate: 0.01, orderValue: 70 };
  // revenue = a · spend^b, with a chosen so the usual daily spend earns the campaign's base ROAS
  const scaleA = plan.baseRoas * Math.pow(plan.spendPerDay, 1 - plan.responseExponent);
  // budget changes in steps every few weeks, which spreads the spend so response curves can be fitted
  let budgetLevel = 1;
  let nextBudgetChange = plan.startDay;
  for (let day = plan.startDay; day <= plan.lastActiveDay; day++) {
    // the dropped campaign keeps one budget level around the drop, so the drop is the only change there
    const holdBudget = dropFromDay !== null && day >= dropFromDay - 60;
    if (day >= nextBudgetChange && !holdBudget) {
      budgetLevel = Math.min(3, Math.max(0.3, lognormal(rng, 0, 0.45)));
      nextBudgetChange = day + randomInt(rng, 10, 35);
    }
    const calendarIndex = day - calendar.firstDay;
    const demand = calendar.demand[calendarIndex] ?? 1;
    const month = new Date(day * DAY_MS).getUTCMonth();
    const seasonalSpend = month >= 10 ? 1.3 : 1;
    const weekdaySpend = WEEKDAY_SPEND[new Date(day * DAY_MS).getUTCDay()] ?? 1;
    const cost = round2(plan.spendPerDay * budgetLevel * seasonalSpend * weekdaySpend * lognormal(rng, 0, 0.12));
    const dropFactor = dropFromDay !== null && day >= dropFromDay ? DROP_FACTOR : 1;
    const expectedRevenue =
      scaleA * Math.pow(cost, plan.responseExponent) * demand * lognormal(rng, 0, 0.15) * dropFactor;
    const orderValue = economics.orderValue * lognormal(rng, 0, 0.08);
    const conversions = poisson(rng, expectedRevenue / orderValue);
    const revenue = conversions === 0 ? 0 : round2(conversions * orderValue * lognormal(rng, 0, 0.1));
    // higher bids buy more clicks at a slightly higher price each
    const costPerClick = economics.costPerClick * Math.pow(budgetLevel, 0.15) * lognormal(rng, 0, 0.1);
    const clicks = Math.max(conversions, Math.round(cost / costPerClick));
    const impressions = Math.max(clicks, Math.round(clicks / (economics.clickThroughRate * lognormal(rng, 0, 0.12))));
    out.push({
      campaign_id: campaignId,
      date: isoDay(day),
      impressions,
      clicks,
      conversions,
      revenue,
      cost,
      ctr: impressions > 0 ? round4(clicks / impressions) : null,
      cpc: clicks > 0 ? round4(cost / clicks) : null,
      roas: cost > 0 ? round4(revenue / cost) : null,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

function resolveOptions(options: DemoOptions): ResolvedDemoOptions & { windowStartDay: number; endDay: number } {
  const seed = options.seed ?? 42;
  const customers = options.customers ?? 5000;
  const purchases = options.purchases ?? null;
  const endDate = options.endDate ?? '2026-10-31';
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(customers) || customers < 1)
    throw new Error(`customers must be a positive integer, got ${customers}`);
  if (purchases !== null && !(Number.isFinite(purchases) && purchases >= 0)) {
    throw new Error(`purchases must be a non-negative number, got ${purchases}`);
  }
  const endDay = parseIsoDay(endDate);
  const end = new Date(endDay * DAY_MS);
  // two calendar years: 2026-10-31 → from 2024-11-01
  const windowStartDay = Date.UTC(end.getUTCFullYear() - 2, end.getUTCMonth(), end.getUTCDate() + 1) / DAY_MS;
  return { seed, customers, purchases, startDate: isoDay(windowStartDay), endDate, windowStartDay, endDay };
}

/** Builds customers, campaigns and performance now and purchases on demand, for outputs too big to hold in memory. */
export function generateDemoStream(options: DemoOptions = {}): DemoStream {
  const { windowStartDay, endDay, ...resolved } = resolveOptions(options);
  const { seed } = resolved;
  const calendar = buildCalendar(windowStartDay, endDay);
  const profiles: CustomerProfile[] = [];
  for (let i = 0; i < resolved.customers; i++) profiles.push(drawCustomer(seed, i, calendar));
  const calibration =
    resolved.purchases === null
      ? { rateScale: 1, rows: expectedRows(profiles, 1, seed, calendar) }
      : calibrateRateScale(profiles, resolved.purchases, seed, calendar);
  const context: PurchaseContext = {
    seed,
    calendar,
    catalogue: buildCatalogue(seed),
    profiles,
    rateScale: calibration.rateScale,
  };
  const { campaigns, performance, plantedDrop } = generateCampaigns(seed, windowStartDay, endDay, calendar);
  return {
    options: resolved,
    customers: profiles.map((profile) => profile.row),
    buyerKinds: profiles.map((profile) => profile.behaviour.kind),
    campaigns,
    performance,
    plantedDrop,
    expectedPurchaseRows: Math.round(calibration.rows),
    *purchaseBatches(batchRows = 2000) {
      const orderDays: number[] = [];
      let batch: DemoPurchase[] = [];
      let nextOrderNumber = 1;
      for (let i = 0; i < profiles.length; i++) {
        nextOrderNumber = customerPurchases(context, i, nextOrderNumber, orderDays, batch);
        if (batch.length >= batchRows) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

/** Generates the whole demo data set in memory (fine up to a few million purchase rows). */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const stream = generateDemoStream(options);
  const purchases: DemoPurchase[] = [];
  for (const batch of stream.purchaseBatches(50_000)) {
    for (const row of batch) purchases.push(row);
  }
  return {
    options: stream.options,
    customers: stream.customers,
    buyerKinds: stream.buyerKinds,
    purchases,
    campaigns: stream.campaigns,
    performance: stream.performance,
    plantedDrop: stream.plantedDrop,
  };
}

/** The canonical column names of a table, in schema order, so every output agrees with schema.ts. */
export function demoColumns(kind: TableKind): string[] {
  return TABLE_SPECS[kind].fields.map((field) => field.name);
}

/** The data as one entry per canonical table, ready to be loaded or written out. */
export function demoTables(data: DemoData): DemoTable[] {
  const rowsByKind: Record<TableKind, readonly Record<string, DemoValue>[]> = {
    customers: data.customers,
    purchases: data.purchases,
    campaigns: data.campaigns,
    performance: data.performance,
  };
  return (Object.keys(rowsByKind) as TableKind[]).map((kind) => ({
    kind,
    table: TABLE_SPECS[kind].table,
    columns: demoColumns(kind),
    rows: rowsByKind[kind],
  }));
}
