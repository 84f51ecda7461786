import { describe, expect, it } from 'vitest';
import { fitAccuracy, judgeModelHealth } from '../../../../src/analytics/monitoring/modelHealth';
import type { FeatureDrift } from '../../../../src/analytics/monitoring/populationStability';

const stable: FeatureDrift[] = [{ feature: 'mean spend', psi: 0.02, level: 'stable' }];
const major: FeatureDrift[] = [{ feature: 'days as a customer', psi: 0.4, level: 'major' }];
const fit = (churnAuc: number, holdoutError: number) => ({ createdAt: 'b', churnAuc, holdoutError });

describe('model health', () => {
  it('asks for a refit on a major drift, naming the feature and its PSI', () => {
    const h = judgeModelHealth({ fit: fit(0.8, 0.05), previous: null, dataDrift: major, dataChangedSinceFit: true });
    expect(h.refitDue).toBe(true);
    expect(h.reasons[0]).toContain('days as a customer');
    expect(h.reasons[0]).toContain('0.40');
  });

  it('does not for a stable model', () => {
    const h = judgeModelHealth({
      fit: fit(0.8, 0.05),
      previous: fit(0.81, 0.04),
      dataDrift: stable,
      dataChangedSinceFit: true,
    });
    expect(h).toMatchObject({ refitDue: false, reasons: [], accuracyDropped: false });
  });

  it('counts an accuracy drop only with new data to refit on', () => {
    const dropped = { fit: fit(0.7, 0.05), previous: fit(0.8, 0.05), dataDrift: stable };
    expect(judgeModelHealth({ ...dropped, dataChangedSinceFit: true }).refitDue).toBe(true);
    const same = judgeModelHealth({ ...dropped, dataChangedSinceFit: false });
    expect(same.refitDue).toBe(false);
    expect(same.accuracyDropped).toBe(true);
    expect(same.reasons.join(' ')).toContain('same model');
  });

  it('treats the holdout error rising by 10 points as a drop, 9 as not', () => {
    const judge = (error: number) =>
      judgeModelHealth({
        fit: fit(0.8, error),
        previous: fit(0.8, 0.05),
        dataDrift: stable,
        dataChangedSinceFit: true,
      });
    expect(judge(0.15).refitDue).toBe(true);
    expect(judge(0.14).refitDue).toBe(false);
  });

  it('reads accuracy from a holdout validation', () => {
    expect(fitAccuracy('a', { totals: { predicted: 110, actual: 100 }, churn: { modelAuc: 0.77 } })).toEqual({
      createdAt: 'a',
      holdoutError: expect.closeTo(0.1, 12) as number,
      churnAuc: 0.77,
    });
    expect(fitAccuracy('a', null)).toEqual({ createdAt: 'a', holdoutError: null, churnAuc: null });
  });
});
