// One TanStack Query client for the app: DuckDB reads are cached by key and refreshed after imports.

import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});

/** The workspace manifest changed (a save, a rule, a report): read it again. */
export const refreshWorkspace = () => queryClient.invalidateQueries({ queryKey: ['workspace'] });
