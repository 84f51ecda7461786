import { describe, expect, it } from 'vitest';
import {
  binShares,
  driftLevel,
  featureBins,
  featureDrift,
  populationStabilityIndex,
} from '../../../../src/analytics/monitoring/populationStability';
import { mulberry32 } from '../../../../src/analytics/random';

const normals = (n: number, mean: number, seed: number) => {
  const random = mulberry32(seed);
  return Float64Array.from(
    { length: n },
    () => mean + Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
  );
};

describe('population stability index', () => {
  it('matches a hand computation: quartiles 25 % each against 10/20/30/40 %', () => {
    // (−.15)ln(.4) + (−.05)ln(.8) + (.05)ln(1.2) + (.15)ln(1.6) = 0.137444 + 0.011157 + 0.009116 + 0.070501
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228218, 5);
  });

  it('is 0 for the same distribution and stays finite when a bin empties', () => {
    expect(populationStabilityIndex([0.5, 0.5], [0.5, 0.5])).toBe(0);
    const psi = populationStabilityIndex([0.5, 0.5], [1, 0]);
    expect(Number.isFinite(psi)).toBe(true);
    expect(psi).toBeGreaterThan(PSI_FLOOR_CHECK);
  });

  it('reads as stable, moderate or major at 0.1 and 0.25', () => {
    expect([0.05, 0.1, 0.2, 0.25, 1].map(driftLevel)).toEqual(['stable', 'moderate', 'moderate', 'major', 'major']);
  });
});

const PSI_FLOOR_CHECK = 2; // (1 − .5)ln(1/.5) + (1e-4 − .5)ln(1e-4/.5) ≈ 4.6

describe('feature bins and drift', () => {
  it('bins at deciles, shares summing to 1, values on an edge falling in the lower bin', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const bins = featureBins('x', values);
    expect(bins.edges).toHaveLength(9);
    expect(bins.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    bins.shares.forEach((s) => expect(s).toBeCloseTo(0.1, 2));
    expect(binShares([bins.edges[0]!], bins.edges).shares[0]).toBe(1);
  });

  it('merges repeated quantiles of a discrete feature and ignores NaN', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, NaN];
    const bins = featureBins('repeat purchases', values);
    expect(bins.edges).toEqual([0, 1]);
    expect(bins.count).toBe(10);
    expect(bins.shares).toEqual([0.7, 0.2, 0.1]);
  });

  it('is near 0 for a fresh sample of the same distribution and major for a one-sd shift', () => {
    const fitted = featureBins('spend', normals(20_000, 0, 1));
    const same = featureDrift(fitted, normals(20_000, 0, 2));
    const small = featureDrift(fitted, normals(20_000, 0.1, 3));
    const shifted = featureDrift(fitted, normals(20_000, 1, 4));
    expect(same.psi).toBeLessThan(0.01);
    expect(small.level).toBe('stable');
    // a one-sd mean shift of a normal over deciles gives a PSI near 0.9 (the symmetric KL is δ² = 1)
    expect(shifted.psi).toBeGreaterThan(0.7);
    expect(shifted.psi).toBeLessThan(1);
    expect(shifted.level).toBe('major');
  });
});
