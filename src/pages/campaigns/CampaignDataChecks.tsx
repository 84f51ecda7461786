// What the Campaigns page warns about in the data. None of it drops a row: unknown campaigns are
// analysed under their id, campaigns without rows are listed, disagreeing ratios are recomputed.

import { useState, type ReactNode } from 'react';
import { mismatchRowsCsv, useCampaignChecks } from '../../hooks/useCampaigns';
import { downloadBlob } from '../../lib/download';
import { formatCount } from '../../lib/format';

/** Warnings about the campaign data, with the disagreeing rows downloadable. */
export function CampaignDataChecks({ importsKey }: { importsKey: string }) {
  const checks = useCampaignChecks(importsKey);
  const [error, setError] = useState<string | null>(null);
  const c = checks.data;
  if (!c) return null;
  const items: ReactNode[] = [];
  if (!c.hasCampaignsFile) {
    items.push('No campaigns file: campaigns are shown by id, without names, types or target segments.');
  }
  if (c.unknownCampaigns.length > 0) {
    const rows = c.unknownCampaigns.reduce((s, u) => s + u.rows, 0);
    items.push(
      `${formatCount(rows)} performance ${rows === 1 ? 'row belongs' : 'rows belong'} to ${c.unknownCampaigns.length} campaign${c.unknownCampaigns.length === 1 ? '' : 's'} not in the campaigns file (${c.unknownCampaigns
        .slice(0, 5)
        .map((u) => `${u.campaignId}: ${u.rows} row${u.rows === 1 ? '' : 's'}`)
        .join(', ')}${c.unknownCampaigns.length > 5 ? ', …' : ''}); they are kept and analysed under their id.`,
    );
  }
  if (c.campaignsWithoutRows.length > 0) {
    items.push(
      `${c.campaignsWithoutRows.length} campaign${c.campaignsWithoutRows.length === 1 ? ' has' : 's have'} no performance rows: ${c.campaignsWithoutRows
        .slice(0, 8)
        .map((x) => (x.name ? `${x.name} (${x.campaignId})` : x.campaignId))
        .join(', ')}${c.campaignsWithoutRows.length > 8 ? ', …' : ''}.`,
    );
  }
  for (const m of c.mismatches) {
    items.push(
      <>
        {formatCount(m.rows)} {m.rows === 1 ? 'row carries' : 'rows carry'} a {m.ratio.toUpperCase()} that disagrees
        with the one computed from their counts (first: {m.example}); Lantern uses its own.{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setError(null);
            mismatchRowsCsv()
              .then((blob) => downloadBlob(blob, 'lantern-ratio-mismatches.csv'))
              .catch((e: Error) => setError(e.message));
          }}
        >
          Download those rows
        </button>
      </>,
    );
  }
  if (items.length === 0) return null;
  return (
    <div className="warning" role="status" aria-label="Campaign data checks">
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
