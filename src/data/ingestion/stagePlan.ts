// How to read and map a whole file, from what sniffing its start found.

import type { FileSample } from './detectMapping';
import type { FileSniff } from './sniffFile';
import type { StagePlan } from './stageFile';

/** The staging plan for a file that sniffed fine. */
export function planFromSniff(sniff: Extract<FileSniff, { ok: true }>): StagePlan {
  return {
    format: sniff.format,
    dialect: sniff.dialect,
    hasHeader: sniff.hasHeader,
    headers: sniff.headers,
    encoding: sniff.encoding,
  };
}

/** What the mapping proposal needs from a sniffed file. */
export function sampleFromSniff(sniff: Extract<FileSniff, { ok: true }>): FileSample {
  return {
    fileName: sniff.fileName,
    headers: sniff.headers,
    hasHeader: sniff.hasHeader,
    rows: sniff.sampleRows,
    ...(sniff.evidence ? { evidence: sniff.evidence } : {}),
  };
}
