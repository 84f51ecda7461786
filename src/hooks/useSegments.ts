// React hooks over the stored segmentation: scatter points, the RFM grid, the customer list window
// and one customer's detail, all read from DuckDB; and the analysis-date setting.

import { useMutation, useQuery } from '@tanstack/react-query';
import { openWorkspace, setOpenAnalysisDate } from '../data/workspace';
import {
  countCustomers,
  customerListColumns,
  readCustomerDetail,
  readCustomerWindow,
  readRfmGrid,
  readRfmSegments,
  readScatterPoints,
  readSegmentMix,
  type CustomerListQuery,
} from '../data/segmentation/segmentQueries';
import { segmentAudienceCsv } from '../data/segmentation/segmentWorkspace';

export { segmentationOutOfDate } from '../data/segmentation/segmentWorkspace';
import { queryClient } from './queryClient';

export type { SegmentationRun } from '../data/store/workspaceManifest';
export type { ScatterPoints } from '../data/segmentation/segmentQueries';

const read = async () => (await openWorkspace()).duck.read;

/** Points for the segment scatter (a reproducible sample above `limit`). */
export function useScatterPoints(enabled: boolean, x: string, y: string, limit: number, runAt: string | undefined) {
  return useQuery({
    queryKey: ['segment-scatter', x, y, limit, runAt],
    enabled,
    queryFn: async () => readScatterPoints(await read(), x, y, limit),
  });
}

/** The RFM map's cells and named segments with customer counts. */
export function useRfmCounts(enabled: boolean, runAt: string | undefined) {
  return useQuery({
    queryKey: ['rfm-counts', runAt],
    enabled,
    queryFn: async () => {
      const conn = await read();
      return { grid: await readRfmGrid(conn), segments: await readRfmSegments(conn) };
    },
  });
}

/** Each segment's commonest preferred category, channel and demographics. */
export function useSegmentMix(enabled: boolean, runAt: string | undefined) {
  return useQuery({
    queryKey: ['segment-mix', runAt],
    enabled,
    queryFn: async () => readSegmentMix(await read()),
  });
}

/** Columns and matching count of the customer list. */
export function useCustomerList(enabled: boolean, query: CustomerListQuery) {
  return useQuery({
    queryKey: ['customer-list', query],
    enabled,
    queryFn: async () => {
      const conn = await read();
      return { columns: await customerListColumns(conn), total: await countCustomers(conn, query) };
    },
  });
}

/** The query options of one block of the customer list (for useQueries over the visible blocks). */
export function customerWindowQuery(query: CustomerListQuery, block: number, blockSize: number) {
  return {
    queryKey: ['customer-window', query, block, blockSize],
    queryFn: async () => readCustomerWindow(await read(), query, block * blockSize, blockSize),
  };
}

/** One customer's features, segment, record and purchases. */
export function useCustomerDetail(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer-detail', customerId],
    enabled,
    queryFn: async () => readCustomerDetail(await read(), customerId),
  });
}

/** Sets the analysis date; every feature and segment view recomputes. */
export function useSetAnalysisDate() {
  return useMutation({
    mutationFn: (date: string | null) => setOpenAnalysisDate(date),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** A segment's audience CSV (every segmented customer for null). */
export function fetchAudienceCsv(segmentId: number | null): Promise<Blob> {
  return segmentAudienceCsv(segmentId);
}
