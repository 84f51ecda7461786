import { describe, expect, it } from 'vitest';
import { segmentationOutOfDate } from '../../../src/data/segmentation/segmentWorkspace';
import { emptyManifest, type SegmentationRun, type WorkspaceManifest } from '../../../src/data/store/workspaceManifest';
import type { FileImportReport } from '../../../src/data/ingestion/importFiles';
import { formatDay } from '../../../src/analytics/formatDay';

const report = (id: string) => ({ id }) as FileImportReport;
const run = { analysisDate: '2024-06-30', basedOnImports: ['a', 'b'] } as SegmentationRun;
const manifest = (imports: string[], segmentation: SegmentationRun | null): WorkspaceManifest => ({
  ...emptyManifest('w'),
  imports: imports.map(report),
  segmentation,
});

describe('segmentationOutOfDate', () => {
  it('is quiet when the data and date are the ones the segments were computed on, or there are none', () => {
    expect(segmentationOutOfDate(manifest(['a', 'b'], run), '2024-06-30')).toBeNull();
    expect(segmentationOutOfDate(manifest(['a'], null), '2024-06-30')).toBeNull();
  });

  it('says so after another import, or a replaced one', () => {
    expect(segmentationOutOfDate(manifest(['a', 'b', 'c'], run), '2024-06-30')).toMatch(/imported after/);
    expect(segmentationOutOfDate(manifest(['a', 'x'], run), '2024-06-30')).toMatch(/imported after/);
  });

  it('says so when the analysis date moved', () => {
    expect(segmentationOutOfDate(manifest(['a', 'b'], run), '2024-12-31')).toContain(
      `as of ${formatDay('2024-06-30')}, the analysis date is now ${formatDay('2024-12-31')}`,
    );
  });
});
