interface DataTableProps {
  caption: string;
  columns: string[];
  rows: (string | null)[][];
  /** Row number shown in the first column, when the rows have one. */
  rowLabels?: (string | number)[];
}

/** A plain, accessible table of text cells; empty cells are shown as a dim dash. */
export function DataTable({ caption, columns, rows, rowLabels }: DataTableProps) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {rowLabels && <th scope="col">row</th>}
            {columns.map((c, i) => (
              <th scope="col" key={`${c}-${i}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {rowLabels && <th scope="row">{rowLabels[r]}</th>}
              {row.map((cell, c) => (
                <td key={c} title={cell == null ? '' : cell.slice(0, 1000)}>
                  {cell == null || cell === '' ? (
                    <span className="muted">–</span>
                  ) : cell.length > 80 ? (
                    `${cell.slice(0, 80)}…`
                  ) : (
                    cell
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
