// The files a user has dropped but not imported yet: each one sniffed in the ingest worker, with a
// proposed mapping the user can change before importing.

import { useCallback, useState } from 'react';
import { ingestWorker } from '../bridge/ingestWorker';
import { proposeMapping, type MappingProposal } from '../data/ingestion/detectMapping';
import type { FileToImport } from '../data/ingestion/importFiles';
import type { ImportOptions } from '../data/ingestion/importOptions';
import type { FileSniff, SniffOverrides } from '../data/ingestion/sniffFile';
import { newImportId } from '../data/workspace';
import { planFromSniff, sampleFromSniff } from '../data/ingestion/stagePlan';

export interface PendingFile {
  id: string;
  file: File;
  status: 'sniffing' | 'ready' | 'refused';
  sniff: FileSniff | null;
  proposal: MappingProposal | null;
  options: ImportOptions | null;
  overrides: SniffOverrides;
}

async function sniffAndPropose(
  dropped: File,
  overrides: SniffOverrides,
): Promise<Pick<PendingFile, 'file' | 'sniff' | 'proposal' | 'options' | 'status'>> {
  // A .csv.gz is opened once, here; the pending file is the text inside from then on.
  const opened = await ingestWorker().open(dropped);
  if (!opened.ok) {
    const sniff = { ok: false as const, fileName: dropped.name, fileSize: dropped.size, message: opened.message };
    return { file: dropped, sniff, proposal: null, options: null, status: 'refused' };
  }
  const file = opened.file;
  const sniff = await ingestWorker().sniff(file, overrides);
  if (!sniff.ok) return { file, sniff, proposal: null, options: null, status: 'refused' };
  const proposal = proposeMapping(sampleFromSniff(sniff));
  return { file, sniff, proposal, options: proposal.options, status: 'ready' };
}

/** State and actions for the files waiting to be imported. */
export function usePendingFiles() {
  const [files, setFiles] = useState<PendingFile[]>([]);

  const patch = useCallback((id: string, change: Partial<PendingFile>) => {
    setFiles((current) => current.map((f) => (f.id === id ? { ...f, ...change } : f)));
  }, []);

  const add = useCallback(
    async (dropped: File[]) => {
      const added: PendingFile[] = dropped.map((file) => ({
        id: newImportId(),
        file,
        status: 'sniffing',
        sniff: null,
        proposal: null,
        options: null,
        overrides: {},
      }));
      setFiles((current) => [...current, ...added]);
      for (const pending of added) {
        try {
          patch(pending.id, await sniffAndPropose(pending.file, {}));
        } catch (error) {
          patch(pending.id, {
            status: 'refused',
            sniff: {
              ok: false,
              fileName: pending.file.name,
              fileSize: pending.file.size,
              message: `${pending.file.name} could not be read: ${(error as Error).message}`,
            },
          });
        }
      }
    },
    [patch],
  );

  const resniff = useCallback(
    async (pending: PendingFile, overrides: SniffOverrides) => {
      const merged = { ...pending.overrides, ...overrides };
      patch(pending.id, { status: 'sniffing', overrides: merged });
      patch(pending.id, await sniffAndPropose(pending.file, merged));
    },
    [patch],
  );

  const setOptions = useCallback((id: string, options: ImportOptions) => patch(id, { options }), [patch]);
  const remove = useCallback((id: string) => setFiles((current) => current.filter((f) => f.id !== id)), []);
  const clear = useCallback(() => setFiles([]), []);

  return { files, add, resniff, setOptions, remove, clear };
}

/** The import items for files that are ready; refused files are left out. */
export function toImportItems(files: PendingFile[]): FileToImport[] {
  return files.flatMap((f) =>
    f.status === 'ready' && f.sniff?.ok && f.options
      ? [
          {
            id: f.id,
            file: f.file,
            options: f.options,
            plan: planFromSniff(f.sniff),
          },
        ]
      : [],
  );
}
