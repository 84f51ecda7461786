import { describe, expect, it } from 'vitest';
import { reportDue, type ReportSnapshot } from '../../../src/data/reports/reportSnapshot';

const report = {
  generatedAt: '2026-11-01T10:00:00.000Z',
  basedOn: 'imports:a|segments:|predictions:',
} as ReportSnapshot;

describe('when a new report is due', () => {
  it('is due with no report, after the data changed, and a week later', () => {
    expect(reportDue(undefined, 'x')).toBe(true);
    expect(reportDue(report, 'imports:a|segments:2026|predictions:', new Date('2026-11-01T11:00:00Z'))).toBe(true);
    expect(reportDue(report, report.basedOn, new Date('2026-11-08T10:00:00Z'))).toBe(true);
  });

  it('is not due for the same data within the week', () => {
    expect(reportDue(report, report.basedOn, new Date('2026-11-07T09:59:00Z'))).toBe(false);
  });
});
