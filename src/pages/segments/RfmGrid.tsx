// The classic RFM map as a grid (recency score down, frequency-monetary score across) with the
// customers in each cell, and the rule table that names the segments and says what to do.

import { RFM_ACTIONS, RFM_MAP, RFM_SEGMENTS } from '../../analytics/rfm';
import { formatCount } from '../../lib/format';
import { readableTextOn } from '../../lib/contrast';

interface RfmGridProps {
  grid: { r: number; fm: number; customers: number }[];
  segments: { segment: string; customers: number }[];
}

const HUES: Record<string, string> = {
  Champions: '#2e7d32',
  Loyal: '#558b2f',
  'Potential Loyalist': '#7cb342',
  New: '#26a69a',
  Promising: '#4db6ac',
  'Need Attention': '#fbc02d',
  'About to Sleep': '#ffa726',
  'At Risk': '#ef6c00',
  "Can't Lose Them": '#c62828',
  Hibernating: '#8d6e63',
  Lost: '#616161',
};

/** The 5 × 5 map with counts, then each named segment's rule, count and action. */
export function RfmGrid({ grid, segments }: RfmGridProps) {
  const count = (r: number, fm: number) => grid.find((c) => c.r === r && c.fm === fm)?.customers ?? 0;
  return (
    <div className="rfm">
      <div className="table-scroll" tabIndex={0}>
        <table className="rfm-grid">
          <caption>
            Customers by recency score R (5 = most recent) and FM, the rounded mean of the frequency and monetary
            quintile scores
          </caption>
          <thead>
            <tr>
              <th scope="col">R \ FM</th>
              {[1, 2, 3, 4, 5].map((fm) => (
                <th scope="col" key={fm}>
                  FM {fm}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((r) => (
              <tr key={r}>
                <th scope="row">R {r}</th>
                {[1, 2, 3, 4, 5].map((fm) => {
                  const name = RFM_MAP[r - 1]?.[fm - 1] ?? 'Lost';
                  return (
                    <td
                      key={fm}
                      style={{ background: HUES[name], color: readableTextOn(HUES[name] ?? '#616161') }}
                      data-rfm-cell={`${r}${fm}`}
                    >
                      <span className="rfm-name">{name}</span>
                      <span className="rfm-count">{formatCount(count(r, fm))}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table className="data-table rfm-rules">
          <caption>The rule table: which R and FM scores make each segment</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Rule (R; FM)</th>
              <th scope="col">Customers</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            {RFM_SEGMENTS.map((segment) => (
              <tr key={segment}>
                <th scope="row">{segment}</th>
                <td>{ruleText(segment)}</td>
                <td>{formatCount(segments.find((s) => s.segment === segment)?.customers ?? 0)}</td>
                <td>{RFM_ACTIONS[segment]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Quintile scores: customers are ranked on each of recency (fewer days is better), frequency and net spend and cut
        into fifths; tied values share the score of their middle position.
      </p>
    </div>
  );
}

/** The cells of the map that carry a name, as "R 5; FM 4–5 · R 4; FM 4–5". */
function ruleText(segment: string): string {
  const parts: string[] = [];
  RFM_MAP.forEach((row, r) => {
    const fms = row.flatMap((name, fm) => (name === segment ? [fm + 1] : []));
    if (fms.length === 0) return;
    const first = fms[0] ?? 0;
    const last = fms[fms.length - 1] ?? 0;
    parts.push(`R ${r + 1}; FM ${first === last ? first : `${first}–${last}`}`);
  });
  return parts.reverse().join(' · ');
}
