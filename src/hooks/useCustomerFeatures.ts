import { useQuery } from '@tanstack/react-query';
import { customerFeatures } from '../data/workspace';

/** Per-customer features of the workspace, recomputed when data changes (queries are invalidated after imports). */
export function useCustomerFeatures(enabled: boolean, analysisDate: string | null) {
  return useQuery({
    queryKey: ['customer-features', analysisDate ?? 'last-purchase'],
    enabled,
    queryFn: () => customerFeatures(),
  });
}
