import { useState } from 'react';
import { DataTable } from '../../components/ui/DataTable';
import { Pager } from '../../components/ui/Pager';
import { useTablePage, useTables } from '../../hooks/useWorkspace';
import { formatCount } from '../../lib/format';

const PAGE = 50;

/** The workspace tables with row counts, and a paged preview of the one selected. */
export function TablesPanel() {
  const { data: tables = [] } = useTables();
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const current = selected ?? tables[0]?.table ?? null;
  const { data } = useTablePage(current, page, PAGE);
  if (tables.length === 0) return <p>No tables yet: import files above or try the demo.</p>;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <>
      <ul className="table-list" aria-label="Tables">
        {tables.map((t) => (
          <li key={t.table}>
            <button
              type="button"
              className={t.table === current ? 'button selected' : 'button'}
              aria-pressed={t.table === current}
              data-testid={`table-${t.table}`}
              onClick={() => {
                setSelected(t.table);
                setPage(0);
              }}
            >
              {t.label}: <span data-testid="table-rows">{formatCount(t.rows)}</span> rows
            </button>
          </li>
        ))}
      </ul>
      {data && current && (
        <>
          <DataTable caption={`Rows of ${current}`} columns={data.columns} rows={data.rows} />
          <Pager page={page} pages={pages} onPage={setPage} />
        </>
      )}
    </>
  );
}
