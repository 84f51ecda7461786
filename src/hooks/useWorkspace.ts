// React hooks over the workspace: the restored manifest and the tables DuckDB holds.

import { useQuery } from '@tanstack/react-query';
import { currentManifest, openWorkspace } from '../data/workspace';
import { listTables, readTablePage, type TableOrder } from '../data/duckdb/tableQueries';

/** The open workspace; resolves once DuckDB runs and the stored data is loaded. */
export function useWorkspace() {
  return useQuery({
    queryKey: ['workspace'],
    queryFn: currentManifest,
  });
}

/** Workspace tables with row counts (rejects tables excluded). */
export function useTables() {
  return useQuery({ queryKey: ['tables'], queryFn: async () => listTables((await openWorkspace()).duck.read) });
}

/** One page of a table's rows, as text. */
export function useTablePage(table: string | null, page: number, pageSize: number, orderBy?: TableOrder) {
  return useQuery({
    queryKey: ['table-page', table, page, pageSize, orderBy],
    enabled: table !== null,
    queryFn: async () => readTablePage((await openWorkspace()).duck.read, table ?? '', page, pageSize, orderBy),
  });
}
