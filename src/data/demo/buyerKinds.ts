// How a demo customer buys: how often, how they stop, and how big their orders are. Real exports mix several stories
// (people who buy once and never come back, people who drift away after some repeat purchase, people whose interest
// simply runs out after a while, and a few wholesale buyers with huge, frequent orders), so the demo mixes them too.
// If every customer followed BG/NBD, the BG/NBD model the app fits would be right by construction and the demo could
// never show a model failing.

import { beta, exponential, gamma, type Rng } from './random';

export type BuyerKind = 'one-time' | 'repeat-dropout' | 'lifetime' | 'wholesale';

export interface PurchaseBehaviour {
  kind: BuyerKind;
  /** Repeat purchases per average day while the customer is active; 0 for one-time buyers. */
  purchasesPerDay: number;
  /** Chance of leaving for good after each repeat purchase (the BG/NBD story); 0 when a lifetime decides instead. */
  dropoutProbability: number;
  /** Days on the purchase clock (demand-weighted days) from the first purchase until the customer leaves. */
  lifetimeDays: number;
  /** Order value ÷ that of an ordinary customer of average spend; 1 except for wholesale buyers. */
  orderValueFactor: number;
}

/**
 * Customers who never come back after their first purchase: dropout at time zero, as in the MBG/NBD model of
 * Batislam, Denizel & Filiztekin (2007). UCI Online Retail has 34 % one-invoice customers in a single year; with
 * the BG/NBD customers who are too slow to buy again inside the window, 30 % gives a similar share here.
 */
export const ONE_TIME_SHARE = 0.25;
/** Wholesale-like heavy buyers, a few percent as in UCI Online Retail, where 2 % of customers bring a quarter of revenue. */
export const WHOLESALE_SHARE = 0.02;
/**
 * Of the remaining (repeat) customers, the share that leaves in continuous time after an exponential lifetime (the
 * Pareto/NBD story) instead of after some repeat purchase (BG/NBD), so neither model fits everyone.
 */
export const LIFETIME_SHARE_OF_REPEAT = 0.5;

// BG/NBD-style heterogeneity: purchase rates ~ Gamma(r, α), dropout ~ Beta(a, b), per day.
const RATE_SHAPE = 0.75;
const MEAN_PURCHASES_PER_DAY = 1 / 45;
const DROPOUT_A = 0.9;
const DROPOUT_B = 3.2;
// Pareto/NBD-style: exponential lifetimes whose rates vary as Gamma(s, β); mean lifetime about a year and a half.
const LIFETIME_RATE_SHAPE = 1.5;
const MEAN_LEAVING_RATE_PER_DAY = 1 / 400;
// Wholesale buyers restock every few weeks and rarely leave; their rates vary less (shape 2) than consumers' do.
const WHOLESALE_RATE_SHAPE = 2;
const WHOLESALE_PURCHASES_PER_DAY = 1 / 45;
const WHOLESALE_DROPOUT_A = 1;
const WHOLESALE_DROPOUT_B = 30;
/** Wholesale orders are worth this many times an ordinary order (uniform in log), like UCI's trade customers. */
const WHOLESALE_ORDER_FACTOR_MIN = 8;
const WHOLESALE_ORDER_FACTOR_MAX = 30;

/** Draws a customer's kind and buying parameters from their own random stream. */
export function drawPurchaseBehaviour(rng: Rng): PurchaseBehaviour {
  const kindDraw = rng();
  if (kindDraw < ONE_TIME_SHARE) {
    return { kind: 'one-time', purchasesPerDay: 0, dropoutProbability: 1, lifetimeDays: 0, orderValueFactor: 1 };
  }
  if (kindDraw < ONE_TIME_SHARE + WHOLESALE_SHARE) {
    const logMin = Math.log(WHOLESALE_ORDER_FACTOR_MIN);
    return {
      kind: 'wholesale',
      purchasesPerDay: gamma(rng, WHOLESALE_RATE_SHAPE, WHOLESALE_PURCHASES_PER_DAY / WHOLESALE_RATE_SHAPE),
      dropoutProbability: beta(rng, WHOLESALE_DROPOUT_A, WHOLESALE_DROPOUT_B),
      lifetimeDays: Infinity,
      orderValueFactor: Math.exp(logMin + rng() * (Math.log(WHOLESALE_ORDER_FACTOR_MAX) - logMin)),
    };
  }
  const purchasesPerDay = gamma(rng, RATE_SHAPE, MEAN_PURCHASES_PER_DAY / RATE_SHAPE);
  if (rng() < LIFETIME_SHARE_OF_REPEAT) {
    const leavingRate = gamma(rng, LIFETIME_RATE_SHAPE, MEAN_LEAVING_RATE_PER_DAY / LIFETIME_RATE_SHAPE);
    return {
      kind: 'lifetime',
      purchasesPerDay,
      dropoutProbability: 0,
      lifetimeDays: exponential(rng, leavingRate),
      orderValueFactor: 1,
    };
  }
  return {
    kind: 'repeat-dropout',
    purchasesPerDay,
    dropoutProbability: beta(rng, DROPOUT_A, DROPOUT_B),
    lifetimeDays: Infinity,
    orderValueFactor: 1,
  };
}

export interface BasketShape {
  /** Mean extra lines per order (an order has 1 + Poisson(this) lines). */
  extraLinesPerOrder: number;
  /** Most extra lines an order can have. */
  maxExtraLines: number;
  /** Price level: >1 leans to the dearer end of each category's range. */
  priceTilt: number;
  /** Multiplier of the category's mean extra units per line. */
  unitsBoost: number;
  /** Units per line are multiplied by this and rounded to whole packs; 1 for consumers. */
  unitsMultiplier: number;
  /** Units come in packs of this many (wholesale buys by the case). */
  packSize: number;
}

const CONSUMER_MAX_EXTRA_LINES = 14;
/** Wholesale orders hold several lines; most of their value comes from buying by the case, not from more lines. */
const WHOLESALE_EXTRA_LINES = 2.5;
const WHOLESALE_MAX_EXTRA_LINES = 30;

/** Extra lines per order of an average consumer (spend level 1), the yardstick of the wholesale order factor. */
function consumerExtraLines(spendLevel: number): number {
  return Math.min(6, 0.75 * Math.pow(spendLevel, 0.4));
}

/** What one customer's orders look like, from their behaviour and (for consumers) their log-normal spend level. */
export function basketShape(behaviour: PurchaseBehaviour, spendLevel: number): BasketShape {
  if (behaviour.kind !== 'wholesale') {
    return {
      extraLinesPerOrder: consumerExtraLines(spendLevel),
      maxExtraLines: CONSUMER_MAX_EXTRA_LINES,
      priceTilt: Math.pow(spendLevel, 0.8),
      unitsBoost: Math.sqrt(spendLevel),
      unitsMultiplier: 1,
      packSize: 1,
    };
  }
  // order value ≈ lines × units × price; lines and price stay ordinary-ish, units carry the rest of the factor
  const linesRatio = (1 + WHOLESALE_EXTRA_LINES) / (1 + consumerExtraLines(1));
  const unitsMultiplier = behaviour.orderValueFactor / linesRatio;
  return {
    extraLinesPerOrder: WHOLESALE_EXTRA_LINES,
    maxExtraLines: WHOLESALE_MAX_EXTRA_LINES,
    priceTilt: 1,
    unitsBoost: 1,
    unitsMultiplier,
    packSize: unitsMultiplier >= 12 ? 12 : unitsMultiplier >= 6 ? 6 : 1,
  };
}

/** Units on one line: the consumer's count, scaled and rounded to whole packs for wholesale buyers. */
export function lineUnits(baseUnits: number, shape: BasketShape): number {
  if (shape.unitsMultiplier === 1) return baseUnits;
  return shape.packSize * Math.max(1, Math.round((baseUnits * shape.unitsMultiplier) / shape.packSize));
}
