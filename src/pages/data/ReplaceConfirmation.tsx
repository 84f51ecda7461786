// Asks before an import replaces a table with far fewer rows (none, or under half): what is there now,
// what would be left and from which files. The current data stays until the user answers.

import type { TableShrink } from '../../data/ingestion/importFiles';
import { formatCount } from '../../lib/format';

const rows = (n: number) => `${formatCount(n)} row${n === 1 ? '' : 's'}`;

interface ReplaceConfirmationProps {
  shrinks: TableShrink[];
  answer: (replace: boolean) => void;
}

export function ReplaceConfirmation({ shrinks, answer }: ReplaceConfirmationProps) {
  return (
    <div role="alertdialog" aria-labelledby="replace-heading" className="card" data-testid="replace-confirmation">
      <h3 id="replace-heading">Replace with far fewer rows?</h3>
      <ul>
        {shrinks.map((s) => (
          <li key={s.table}>
            <strong>{s.table}</strong> has {rows(s.rowsNow)}; this import would leave {rows(s.rowsAfter)} (
            {s.files
              .map((f) => `${f.fileName}: ${formatCount(f.accepted)} accepted, ${formatCount(f.rejected)} rejected`)
              .join('; ')}
            ).
          </li>
        ))}
      </ul>
      <p>Nothing has changed yet. Check the file and its mapping, or add it to the table instead of replacing.</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => answer(false)} autoFocus>
          Keep the current data
        </button>
        <button type="button" className="button danger" onClick={() => answer(true)}>
          Replace anyway
        </button>
      </div>
    </div>
  );
}
