// Performance measures for a worker job's own phases, laid end to end from the call's start, so the
// benchmark can read how long each took inside the worker.

/** Records `lantern:<job>:<phase>` for each phase, in order, starting at `start`. */
export function measureWorkerPhases(job: string, start: number, phases: Record<string, number>): void {
  let phaseStart = start;
  for (const [phase, ms] of Object.entries(phases)) {
    performance.measure(`lantern:${job}:${phase}`, { start: phaseStart, duration: ms });
    phaseStart += ms;
  }
}
