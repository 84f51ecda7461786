// The model watch's numbers on CDNOW: a fit judged against the data it was fitted on shows no drift; the
// same fit judged nine months later (the 1998 purchases in, every customer older) shows the age of
// customers drifted past 0.25 and asks for a refit; a second fit records its drift from the first.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictCustomers, type PredictionResult } from '../../../src/analytics/predictions/predictCustomers';
import { DEFAULT_PREDICTION_SETTINGS } from '../../../src/analytics/predictions/predictionSettings';
import { checkModelHealth } from '../../../src/data/predictions/modelHealthCheck';
import { readPredictionInput } from '../../../src/data/predictions/readPredictionInput';
import { emptyManifest, type PredictionRun, type WorkspaceManifest } from '../../../src/data/store/workspaceManifest';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const CDNOW = path.resolve(import.meta.dirname, '../../../../shared/data/cdnow');
const db = suiteDuckDb();
const settings = { ...DEFAULT_PREDICTION_SETTINGS, unit: 'weeks' as const, calibrationEnd: null };
let first: PredictionResult;
let run: PredictionRun;

const asRun = (result: PredictionResult): PredictionRun => {
  const { predictions, ...summary } = result;
  void predictions;
  return {
    ...summary,
    createdAt: '2026-01-01T00:00:00Z',
    durationMs: 0,
    basedOnImports: [],
    previousFit: null,
    trigger: 'user',
    rescored: null,
  };
};
const manifestAsOf = (analysisDate: string): WorkspaceManifest => {
  const m = emptyManifest();
  return { ...m, settings: { ...m.settings, analysisDate }, predictions: run };
};

beforeAll(async () => {
  await importWithProposal(db, [fileFrom(path.join(CDNOW, 'CDNOW_sample.txt'))]);
  first = predictCustomers(await readPredictionInput(db, settings, '1997-09-30'));
  run = asRun(first);
}, 120_000);

describe('model health on CDNOW', () => {
  it('records the four inputs’ deciles with the fit', () => {
    expect(first.featureBins.map((b) => b.feature)).toEqual([
      'repeat purchases',
      'days since last purchase',
      'days as a customer',
      'mean spend',
    ]);
    for (const b of first.featureBins) {
      expect(b.count).toBe(2357);
      expect(b.shares.reduce((a, s) => a + s, 0)).toBeCloseTo(1, 12);
    }
    expect(first.driftFromPreviousFit).toBeNull();
  });

  it('finds no drift against the data the fit was made on', async () => {
    const report = await checkModelHealth(db, manifestAsOf('1997-09-30'));
    expect(report?.customers).toBe(2357);
    for (const d of report?.dataDrift ?? []) expect(d.psi).toBeLessThan(1e-12);
    expect(report?.dataChangedSinceFit).toBe(false);
    expect(report?.health.refitDue).toBe(false);
  });

  it('finds the customers older and less recent nine months on, and proposes a refit', async () => {
    const report = await checkModelHealth(db, manifestAsOf('1998-06-30'));
    const drift = Object.fromEntries((report?.dataDrift ?? []).map((d) => [d.feature, d.psi]));
    // Everyone bought first by March 1997, so every customer is 39 weeks older: the age deciles all move.
    expect(drift['days as a customer']).toBeGreaterThan(0.25);
    expect(drift['days since last purchase']).toBeGreaterThan(0.25);
    expect(report?.dataChangedSinceFit).toBe(true);
    expect(report?.health.refitDue).toBe(true);
    expect(report?.health.reasons.join(' ')).toContain('days as a customer');
  });

  it('records the next fit’s drift from the one before', async () => {
    const input = await readPredictionInput(db, settings, '1998-06-30');
    const second = predictCustomers({ ...input, previousFeatureBins: first.featureBins });
    const drift = Object.fromEntries((second.driftFromPreviousFit ?? []).map((d) => [d.feature, d.psi]));
    expect(drift['days as a customer']).toBeGreaterThan(0.25);
    // The repeat purchases of the 1998 purchases move a little, nothing like the ages.
    expect(drift['repeat purchases']).toBeLessThan(drift['days as a customer']!);
  });
});
