import { DataTable } from '../../components/ui/DataTable';
import { missingRequiredFields, proposeMapping } from '../../data/ingestion/detectMapping';
import { formatFindings } from '../../data/ingestion/formatFindings';
import type { TextEncodingName } from '../../data/ingestion/readText';
import { ENCODING_LABELS } from '../../data/ingestion/textEncoding';
import { sampleFromSniff } from '../../data/ingestion/stagePlan';
import { TABLE_SPECS } from '../../data/schema';
import type { PendingFile } from '../../hooks/usePendingFiles';
import type { SniffOverrides } from '../../data/ingestion/sniffFile';
import type { ImportOptions } from '../../data/ingestion/importOptions';
import { formatBytes } from '../../lib/format';
import { FormatFindings } from './FormatFindings';
import { MappingEditor } from './MappingEditor';

interface PendingFileCardProps {
  pending: PendingFile;
  onOptions: (options: ImportOptions) => void;
  onResniff: (overrides: SniffOverrides) => void;
  onRemove: () => void;
}

const DELIMITERS: [string, string][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

/** One dropped file: what Lantern made of it, the mapping to change, and a preview of the mapped rows. */
export function PendingFileCard({ pending, onOptions, onResniff, onRemove }: PendingFileCardProps) {
  const { file, sniff, options, proposal } = pending;
  const title = (
    <h3>
      {file.name} <span className="muted small">({formatBytes(file.size)})</span>
    </h3>
  );
  if (pending.status === 'sniffing' || !sniff) {
    return (
      <article className="panel" aria-busy="true">
        {title}
        <p role="status">Reading the file: its encoding, and how it writes numbers and dates…</p>
      </article>
    );
  }
  if (!sniff.ok || !options) {
    return (
      <article className="panel refused" data-testid="refused-file">
        {title}
        <p role="alert" className="error">
          {sniff.ok ? 'This file cannot be imported.' : sniff.message}
        </p>
        <button type="button" className="button" onClick={onRemove}>
          Remove
        </button>
      </article>
    );
  }
  const missing = missingRequiredFields(options);
  const findings = formatFindings(sniff.evidence, options);
  const mappedFields = TABLE_SPECS[options.kind].fields.filter((f) => options.mapping[f.name] != null);
  return (
    <article className="panel" data-testid="pending-file">
      {title}
      <p className="muted">
        {sniff.format.toUpperCase()}
        {sniff.dialect && sniff.format !== 'whitespace' && (
          <> · {DELIMITERS.find(([d]) => d === sniff.dialect?.delimiter)?.[1] ?? 'custom'}-separated</>
        )}
        {sniff.format === 'whitespace' && <> · columns separated by spaces</>}
        {sniff.hasHeader ? ' · header row' : ' · no header row'}
        {proposal && proposal.shape !== 'generic' && proposal.shape !== 'lantern' && (
          <> · recognised as {proposal.shape} export</>
        )}
      </p>
      {[...sniff.warnings, ...(proposal?.notes ?? [])].map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
      <div className="form-row">
        {sniff.format !== 'parquet' && (
          <label>
            Encoding{' '}
            <select
              value={sniff.encoding}
              onChange={(e) => onResniff({ encoding: e.target.value as TextEncodingName })}
              data-testid={`encoding-${pending.id}`}
            >
              {(Object.keys(ENCODING_LABELS) as TextEncodingName[]).map((name) => (
                <option key={name} value={name}>
                  {ENCODING_LABELS[name]}
                </option>
              ))}
            </select>
          </label>
        )}
        {sniff.dialect && sniff.format !== 'whitespace' && (
          <>
            <label>
              Delimiter{' '}
              <select value={sniff.dialect.delimiter} onChange={(e) => onResniff({ delimiter: e.target.value })}>
                {DELIMITERS.map(([d, label]) => (
                  <option key={label} value={d}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={sniff.hasHeader}
                onChange={(e) => onResniff({ hasHeader: e.target.checked })}
              />{' '}
              First row is a header
            </label>
          </>
        )}
      </div>
      <MappingEditor
        fileId={pending.id}
        headers={sniff.headers}
        sampleRows={sniff.sampleRows}
        options={options}
        mappingFor={(kind) => proposeMapping(sampleFromSniff(sniff), kind).options}
        onChange={onOptions}
      />
      <FormatFindings findings={findings} options={options} onChange={onOptions} />
      {missing.length > 0 && (
        <p role="alert" className="error">
          Required columns are not mapped: {missing.join(', ')}. Pick the column for each, or change the table.
        </p>
      )}
      <h4>Preview (first {Math.min(10, sniff.sampleRows.length)} rows, as mapped)</h4>
      <DataTable
        caption={`Preview of ${file.name}`}
        columns={mappedFields.map((f) => f.name)}
        rows={sniff.sampleRows
          .slice(0, 10)
          .map((row) => mappedFields.map((f) => row[options.mapping[f.name] ?? -1] ?? null))}
      />
      <button type="button" className="button" onClick={onRemove}>
        Remove
      </button>
    </article>
  );
}
