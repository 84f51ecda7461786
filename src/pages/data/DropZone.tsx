import { useState, type DragEvent } from 'react';

interface DropZoneProps {
  onFiles: (files: File[]) => void;
}

/** Drop files here or pick them; several at once. */
export function DropZone({ onFiles }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        <strong>Drop files here</strong> (customers, purchases, campaigns, daily campaign performance) as CSV, TSV,
        JSON, NDJSON or Parquet.
      </p>
      <label className="button primary">
        Choose files…
        <input
          type="file"
          multiple
          className="visually-hidden"
          data-testid="file-input"
          accept=".csv,.tsv,.txt,.tab,.json,.ndjson,.jsonl,.parquet,text/csv,application/json"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
