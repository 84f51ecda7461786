// The demo workspace goes through the same import as a user's files: nothing may be rejected,
// every purchase's customer must exist, and the file's own ratios must agree with its raw columns.

import { describe, expect, it } from 'vitest';
import { demoFiles } from '../../../src/data/demo/demoFiles';
import { fileFrom, importWithProposal } from '../../support/importHelpers';
import { suiteDuckDb } from '../../support/nodeDuckDb';

const db = suiteDuckDb();

describe('demo data through the import', () => {
  it('imports every demo file whole', async () => {
    const files = demoFiles({ customers: 400 }).map((f) => fileFrom(f.name, f.text));
    const reports = await importWithProposal(db, files, (options) => ({ ...options, unknownCustomers: 'reject' }));
    expect(reports.map((r) => r.kind)).toEqual(['customers', 'purchases', 'campaigns', 'performance']);
    for (const r of reports) {
      expect(r.rejected, `${r.fileName} rejects`).toBe(0);
      expect(r.accepted).toBe(r.rowsRead);
    }
    expect(reports[0]?.rowsRead).toBe(400);
    expect(reports[2]?.rowsRead).toBeGreaterThanOrEqual(12);
    const [flags] = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM campaign_performance WHERE ratio_mismatch IS NOT NULL',
    );
    expect(flags?.n).toBe(0);
    const [returns] = await db.query<{ n: number }>('SELECT count(*) AS n FROM purchases WHERE is_return');
    expect(returns?.n).toBe(reports[1]?.returns);
    expect(reports[1]?.returns).toBeGreaterThan(0);
  });
});
