import { useMutation } from '@tanstack/react-query';
import { rejectsCsv } from '../data/workspace';
import { downloadBlob } from '../lib/download';

/** Downloads one imported file's rejected rows as CSV, with row, column and reason columns. */
export function useDownloadRejects() {
  return useMutation({
    mutationFn: async ({ rejectsTable, fileName }: { rejectsTable: string; fileName: string }) => {
      downloadBlob(await rejectsCsv(rejectsTable), `${fileName.replace(/\.[^.]+$/, '')}-rejected-rows.csv`);
    },
  });
}
