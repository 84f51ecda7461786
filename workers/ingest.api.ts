// The ingest worker's implementation: each method calls a pure function from src/data.

import { transfer } from 'comlink';
import type { IngestWorkerApi } from '../src/contracts/ingest';
import { demoFiles } from '../src/data/demo/demoFiles';
import { openDroppedFile } from '../src/data/ingestion/compressedFile';
import { scanDelimited } from '../src/data/ingestion/scanDelimited';
import { sniffFile } from '../src/data/ingestion/sniffFile';
import { stageFile } from '../src/data/ingestion/stageFile';

export const ingestApi = {
  open: (file) => openDroppedFile(file),
  sniff: (file, overrides) => sniffFile(file, overrides),
  stage: (file, plan, onBatch, onProgress) =>
    stageFile(file, plan, (ipc, rowCount) => onBatch(transfer(ipc, [ipc.buffer as ArrayBuffer]), rowCount), onProgress),
  scan: (file, dialect, headerFields) => scanDelimited(file, dialect, headerFields),
  demoFiles: (request) => Promise.resolve(demoFiles(request)),
} satisfies IngestWorkerApi;
