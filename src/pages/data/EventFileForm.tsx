// Adds a file to the live queue: a file of events, or a new day's purchases export (no "type" column),
// each row checked like any event, de-duplicated by id against what was received and what is stored,
// and, when rejected, named by file and row.

import { useState, type ChangeEvent } from 'react';
import { pushEventFile } from '../../data/live/liveSession';
import { formatCount } from '../../lib/format';

export function EventFileForm() {
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setNote(`Reading ${file.name}…`);
    try {
      const { rows, unreadable } = await pushEventFile(file);
      setNote(
        `Added ${file.name}: ${formatCount(rows)} row${rows === 1 ? '' : 's'} queued${unreadable ? `, ${formatCount(unreadable)} unreadable` : ''}; each is checked like any event (rejects below).`,
      );
    } catch (error) {
      setNote(`${file.name} could not be read: ${(error as Error).message}`);
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  return (
    <div className="event-file">
      <h3 id="event-file-heading">Add a file of events</h3>
      <p className="muted">
        CSV, TSV, JSON or NDJSON with a header of event fields (type, id, customerId or campaignId, at, amount or
        value), or a day&apos;s purchases export (id, customer id, date, amount): rows whose id was received or stored
        already are rejected, so the same export can be added again safely.
      </p>
      <label>
        Events file{' '}
        <input
          type="file"
          accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl"
          disabled={busy}
          onChange={(e) => void add(e)}
          data-testid="event-file-input"
        />
      </label>
      {note && (
        <p role="status" data-testid="event-file-note">
          {note}
        </p>
      )}
    </div>
  );
}
