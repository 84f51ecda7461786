import { useTables } from './useWorkspace';

/** Whether the workspace holds any of the given tables with rows (any table when none given). */
export function useHasData(...tables: string[]): boolean | undefined {
  const { data } = useTables();
  if (!data) return undefined;
  return data.some((t) => t.rows > 0 && (tables.length === 0 || tables.includes(t.table)));
}
