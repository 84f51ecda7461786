// The mapping of one dropped file: its table, which column feeds which field, how dates and numbers
// are read, and what happens to the table's existing rows.

import { TABLE_KINDS, TABLE_SPECS, type TableKind } from '../../data/schema';
import { DATE_FORMATS, DATE_FORMAT_IDS, type DateFormatId } from '../../data/ingestion/dateFormats';
import { confirmFormat } from '../../data/ingestion/formatFindings';
import type { ImportOptions } from '../../data/ingestion/importOptions';
import { identifiedByWholeRows } from '../../data/ingestion/repeatedRowsSql';
import type { Cell } from '../../data/ingestion/stagingBatch';

interface MappingEditorProps {
  fileId: string;
  headers: string[];
  sampleRows: Cell[][];
  options: ImportOptions;
  /** Mapping proposed for each table kind when the user switches table. */
  mappingFor: (kind: TableKind) => ImportOptions;
  onChange: (options: ImportOptions) => void;
}

/** Which table the file is, which column feeds which field, and how dates and numbers are read. */
export function MappingEditor({ fileId, headers, sampleRows, options, mappingFor, onChange }: MappingEditorProps) {
  const spec = TABLE_SPECS[options.kind];
  const set = (change: Partial<ImportOptions>) => onChange({ ...options, ...change });
  const sample = (index: number | null) =>
    index == null
      ? ''
      : sampleRows
          .slice(0, 3)
          .map((r) => r[index] ?? '')
          .filter((v) => v !== '')
          .join(' · ');
  return (
    <div className="mapping">
      <div className="form-row">
        <label>
          Table{' '}
          <select
            value={options.kind}
            onChange={(e) => onChange(mappingFor(e.target.value as TableKind))}
            data-testid={`table-${fileId}`}
          >
            {TABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {TABLE_SPECS[k].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Decimal separator{' '}
          <select
            value={options.decimalSeparator}
            onChange={(e) =>
              onChange(confirmFormat({ ...options, decimalSeparator: e.target.value as '.' | ',' }, 'decimal'))
            }
          >
            <option value=".">. (12.50)</option>
            <option value=",">, (12,50)</option>
          </select>
        </label>
        <label>
          Currency{' '}
          <input
            value={options.currency}
            size={4}
            maxLength={3}
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
            aria-label="Currency (ISO code)"
          />
        </label>
        <label>
          Existing rows{' '}
          <select value={options.mode} onChange={(e) => set({ mode: e.target.value as ImportOptions['mode'] })}>
            <option value="replace">Replace the table</option>
            <option value="append">Add to the table</option>
          </select>
        </label>
        {options.kind === 'purchases' && (
          <label>
            Unknown customers{' '}
            <select
              value={options.unknownCustomers}
              onChange={(e) => set({ unknownCustomers: e.target.value as ImportOptions['unknownCustomers'] })}
            >
              <option value="create">Create the customer</option>
              <option value="reject">Reject the purchase</option>
            </select>
          </label>
        )}
      </div>
      {options.mode === 'append' && identifiedByWholeRows(options) && (
        <div className="form-row">
          <label>
            <input
              type="checkbox"
              checked={options.keepRepeatedRows}
              onChange={(e) => set({ keepRepeatedRows: e.target.checked })}
            />{' '}
            Add rows that are already in the table
          </label>
          <p className="muted small">
            The file has no line id: a row equal to one in the table on every mapped column is skipped, so adding the
            same export twice adds nothing. Lines the file itself repeats are kept.
          </p>
        </div>
      )}
      <div className="table-scroll" tabIndex={0}>
        <table className="mapping-table">
          <caption className="visually-hidden">Column mapping for {spec.label}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">Read as</th>
              <th scope="col">Sample</th>
            </tr>
          </thead>
          <tbody>
            {spec.fields.map((field) => {
              const index = options.mapping[field.name] ?? null;
              const derived = field.name === 'amount' && index == null && options.amountFromQuantityTimesPrice;
              return (
                <tr key={field.name}>
                  <th scope="row">
                    {field.label}
                    {field.required && <span className="required"> (required)</span>}
                    {!field.required && index == null && field.unlocks && (
                      <div className="muted small">Unlocks {field.unlocks}</div>
                    )}
                  </th>
                  <td>
                    <select
                      aria-label={`Column for ${field.label}`}
                      value={index ?? ''}
                      onChange={(e) =>
                        set({
                          mapping: {
                            ...options.mapping,
                            [field.name]: e.target.value === '' ? null : Number(e.target.value),
                          },
                        })
                      }
                    >
                      <option value="">{derived ? '= quantity × unit price' : '— not in this file —'}</option>
                      {headers.map((h, i) => (
                        <option key={`${h}-${i}`} value={i}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {field.type === 'date' ? (
                      <select
                        aria-label={`Date format of ${field.label}`}
                        value={options.dateFormats[field.name] ?? ''}
                        onChange={(e) =>
                          onChange(
                            confirmFormat(
                              {
                                ...options,
                                dateFormats: {
                                  ...options.dateFormats,
                                  [field.name]: (e.target.value || null) as DateFormatId | null,
                                },
                              },
                              field.name,
                            ),
                          )
                        }
                      >
                        <option value="">choose a format</option>
                        {DATE_FORMAT_IDS.map((id) => (
                          <option key={id} value={id}>
                            {DATE_FORMATS[id].label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted">{field.type}</span>
                    )}
                  </td>
                  <td className="sample">{sample(index)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
