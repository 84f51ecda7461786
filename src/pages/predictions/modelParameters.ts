// How a fitted buying model's parameters read on the page: each with its standard error, scales with
// their time unit, and the model's name and drop-out story.

import { PARAMETER_NAMES, type BuyingModel } from '../../analytics/clv/buyingModels';
import type { BuyingModelFit } from '../../analytics/clv/fitBuyingModel';

const SYMBOLS: Record<string, string> = { r: 'r', alpha: 'α', a: 'a', b: 'b', s: 's', beta: 'β' };
/** Parameters that are scales, measured in the model's time unit. */
const SCALES = new Set(['alpha', 'beta']);

/** A number to 4 significant figures, in exponent form when very large or small. */
export function significant(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** "r = 0.5533 (± 0.0476), α = 10.58 weeks (± 0.84), …". */
export function parameterText(model: BuyingModel, unit: string, standardErrors?: Record<string, number>): string {
  const values = model.parameters as unknown as Record<string, number>;
  return PARAMETER_NAMES[model.kind]
    .map((name) => {
      const se = standardErrors?.[name];
      const error = se === undefined ? '' : ` (± ${significant(se)})`;
      return `${SYMBOLS[name] ?? name} = ${significant(values[name] ?? NaN)}${SCALES.has(name) ? ` ${unit}` : ''}${error}`;
    })
    .join(', ');
}

/** "converged after 342 iterations", or what went wrong: a fit that ran to a bound is never "converged". */
export function fitStatus(fit: BuyingModelFit): string {
  if (fit.degenerate.length > 0) return `degenerate (see below), ${fit.iterations} iterations`;
  return `${fit.converged ? 'converged' : 'not converged'} after ${fit.iterations} iterations`;
}
