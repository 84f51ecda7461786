import { describe, expect, it } from 'vitest';
import { predictionsOutOfDate } from '../../../src/data/predictions/predictionWorkspace';
import {
  emptyManifest,
  restoreManifest,
  type PredictionRun,
  type WorkspaceManifest,
} from '../../../src/data/store/workspaceManifest';
import type { FileImportReport } from '../../../src/data/ingestion/importFiles';
import { formatDay } from '../../../src/analytics/formatDay';

const report = (id: string) => ({ id }) as FileImportReport;
const run = {
  analysisDate: '2024-06-30',
  basedOnImports: ['a', 'b'],
  model: { model: { kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b: 1 } } },
  selection: { chosen: 'bg-nbd', by: 'holdout', reason: '', ranking: ['bg-nbd'] },
  riskCounts: [1, 2, 3],
} as unknown as PredictionRun;
const manifest = (imports: string[], predictions: PredictionRun | null): WorkspaceManifest => ({
  ...emptyManifest('w'),
  imports: imports.map(report),
  predictions,
});

describe('predictionsOutOfDate', () => {
  it('is quiet when the data and date are the ones the predictions were made on, or there are none', () => {
    expect(predictionsOutOfDate(manifest(['a', 'b'], run), '2024-06-30')).toBeNull();
    expect(predictionsOutOfDate(manifest(['a'], null), '2024-06-30')).toBeNull();
  });

  it('says so after another import, or when the analysis date moved', () => {
    expect(predictionsOutOfDate(manifest(['a', 'b', 'c'], run), '2024-06-30')).toMatch(/imported after/);
    expect(predictionsOutOfDate(manifest(['a', 'b'], run), '2024-12-31')).toContain(
      `as of ${formatDay('2024-06-30')}, the analysis date is now ${formatDay('2024-12-31')}`,
    );
  });
});

describe('a stored prediction run read back', () => {
  it('gets the settings and lists it lacks filled in', () => {
    const restored = restoreManifest({ ...manifest(['a', 'b'], null), predictions: run });
    expect(restored.predictions?.settings.horizonDays).toBe(90);
    expect(restored.predictions?.settings.model).toBe('auto');
    expect(restored.predictions?.notes).toEqual([]);
    expect(restored.predictions?.validation).toBeNull();
  });

  it('is dropped (predict again) when it lacks the fitted model', () => {
    const broken = { analysisDate: '2024-06-30', riskCounts: [0, 0, 0] } as unknown as PredictionRun;
    expect(restoreManifest({ ...manifest([], null), predictions: broken }).predictions).toBeNull();
    expect(restoreManifest({ id: 'old' }).predictions).toBeNull();
  });

  it('is dropped when it comes from before the model choice (a BG/NBD fit whose churn was 1 − P(alive))', () => {
    const old = {
      analysisDate: '2024-06-30',
      riskCounts: [1, 2, 3],
      bgNbd: { parameters: { r: 1, alpha: 1, a: 1, b: 1 } },
    } as unknown as PredictionRun;
    expect(restoreManifest({ ...manifest([], null), predictions: old }).predictions).toBeNull();
  });
});
