// Small descriptive statistics shared by the analytics modules.

/** Pearson's correlation coefficient; NaN when it is undefined (fewer than two points, or a constant series). */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`pearsonCorrelation: series differ in length (${a.length} and ${b.length})`);
  }
  const n = a.length;
  if (n < 2) return NaN;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += Number(a[i]);
    meanB += Number(b[i]);
  }
  meanA /= n;
  meanB /= n;
  // Two passes, on deviations from the means: the one-pass Σxy − n·x̄ȳ loses every digit when the
  // values are large and close together (amounts in cents, timestamps).
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = Number(a[i]) - meanA;
    const db = Number(b[i]) - meanB;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  // Rounding can push |r| a hair past 1 for perfectly linear data.
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
