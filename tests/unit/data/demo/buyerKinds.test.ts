// The buying stories behind demo customers: their shares, and how a wholesale basket is scaled up.
import { describe, expect, it } from 'vitest';
import {
  basketShape,
  drawPurchaseBehaviour,
  lineUnits,
  LIFETIME_SHARE_OF_REPEAT,
  ONE_TIME_SHARE,
  WHOLESALE_SHARE,
  type BuyerKind,
  type PurchaseBehaviour,
} from '../../../../src/data/demo/buyerKinds';
import { hashSeed, mulberry32 } from '../../../../src/data/demo/random';

const wholesale = (orderValueFactor: number): PurchaseBehaviour => ({
  kind: 'wholesale',
  purchasesPerDay: 0.02,
  dropoutProbability: 0.05,
  lifetimeDays: Infinity,
  orderValueFactor,
});

describe('drawPurchaseBehaviour', () => {
  const draws = Array.from({ length: 20_000 }, (_, i) => drawPurchaseBehaviour(mulberry32(hashSeed(1, 6, i))));
  const repeatShare = 1 - ONE_TIME_SHARE - WHOLESALE_SHARE;

  it.each([
    { kind: 'one-time', share: ONE_TIME_SHARE },
    { kind: 'wholesale', share: WHOLESALE_SHARE },
    { kind: 'lifetime', share: repeatShare * LIFETIME_SHARE_OF_REPEAT },
    { kind: 'repeat-dropout', share: repeatShare * (1 - LIFETIME_SHARE_OF_REPEAT) },
  ] as { kind: BuyerKind; share: number }[])('draws $kind customers in a share of $share', ({ kind, share }) => {
    const observed = draws.filter((draw) => draw.kind === kind).length / draws.length;
    // four standard errors of a share out of 20,000 draws
    expect(Math.abs(observed - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / draws.length));
  });

  it.each([
    { kind: 'one-time', check: (b: PurchaseBehaviour) => b.purchasesPerDay === 0 && b.dropoutProbability === 1 },
    { kind: 'lifetime', check: (b: PurchaseBehaviour) => b.dropoutProbability === 0 && b.lifetimeDays < Infinity },
    {
      kind: 'repeat-dropout',
      check: (b: PurchaseBehaviour) => b.dropoutProbability > 0 && b.lifetimeDays === Infinity,
    },
    { kind: 'wholesale', check: (b: PurchaseBehaviour) => b.orderValueFactor >= 8 && b.orderValueFactor <= 30 },
  ] as { kind: BuyerKind; check: (b: PurchaseBehaviour) => boolean }[])(
    'gives $kind customers the parameters of their story',
    ({ kind, check }) => {
      const ofKind = draws.filter((draw) => draw.kind === kind);
      expect(ofKind.length).toBeGreaterThan(100);
      expect(ofKind.filter((draw) => !check(draw))).toEqual([]);
      if (kind !== 'wholesale') expect(ofKind.every((draw) => draw.orderValueFactor === 1)).toBe(true);
    },
  );

  it('lets wholesale buyers leave far more rarely after a purchase than BG/NBD consumers', () => {
    const meanDropout = (kind: BuyerKind) => {
      const dropouts = draws.filter((draw) => draw.kind === kind).map((draw) => draw.dropoutProbability);
      return dropouts.reduce((a, b) => a + b, 0) / dropouts.length;
    };
    expect(meanDropout('wholesale')).toBeLessThan(meanDropout('repeat-dropout') / 5);
  });
});

describe('lineUnits', () => {
  it.each([
    { factor: 8, baseUnits: 1, units: 4 },
    { factor: 8, baseUnits: 3, units: 12 },
    { factor: 14, baseUnits: 1, units: 6 },
    { factor: 14, baseUnits: 2, units: 12 },
    { factor: 30, baseUnits: 1, units: 12 },
    { factor: 30, baseUnits: 3, units: 48 },
  ])('turns $baseUnits units into $units for an order factor of $factor', ({ factor, baseUnits, units }) => {
    expect(lineUnits(baseUnits, basketShape(wholesale(factor), 1))).toBe(units);
  });

  it.each([0.2, 1, 5])('leaves a consumer (spend level %s) buying single units', (spendLevel) => {
    const consumer: PurchaseBehaviour = { ...wholesale(1), kind: 'repeat-dropout' };
    expect([1, 2, 7].map((units) => lineUnits(units, basketShape(consumer, spendLevel)))).toEqual([1, 2, 7]);
  });
});

describe('basketShape', () => {
  it('scales a wholesale order by its factor through lines and units, not price', () => {
    const consumer = basketShape({ ...wholesale(1), kind: 'repeat-dropout' }, 1);
    for (const factor of [8, 15, 30]) {
      const shape = basketShape(wholesale(factor), 1);
      expect(shape.priceTilt).toBe(1);
      // expected order value relative to an average consumer: lines ratio × units multiplier
      const valueRatio = ((1 + shape.extraLinesPerOrder) / (1 + consumer.extraLinesPerOrder)) * shape.unitsMultiplier;
      expect(valueRatio).toBeCloseTo(factor, 6);
    }
  });
});
