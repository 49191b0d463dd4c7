// A spill section (NPS_BREAKDOWN, NPS_CI) finished in TypeScript from the histogram the SQL returns: the entry's own
// coercion checks the scores and gives the other parameters their defaults, and its own compute builds the table.

import type { ScoreCounts } from '../../core/columns';
import { callContext, checkResult, coerceArguments, type CallEnvironment } from '../../functions/runner';
import type { Arg, FunctionSpec } from '../../functions/spec';
import { CompileError } from '../entryReader';
import { MEASURES } from '../measures';

/** How many rows hold one score (a row of the long table for a section: value = the score, n = its rows). */
export interface ScoreCount {
  score: number;
  rows: number;
}

/**
 * The entry's table over a column holding `counts`: as `runFunction` on that column, but the scores are counted from
 * the histogram rather than read cell by cell. Throws the entry's MetricError where it refuses the column (no answers,
 * a score it cannot read).
 */
export function sectionFromHistogram(spec: FunctionSpec, counts: readonly ScoreCount[], env: CallEnvironment): (string | number)[][] {
  const measure = MEASURES[spec.name];
  if (measure?.shape !== 'scoreHistogram') throw new CompileError(`${spec.name} is not a section compiled from a histogram`);
  const at = spec.params.findIndex((p) => p.name === measure.scores);
  const call = callContext(spec.name, env);
  // The distinct scores, one cell each, go through the entry's own reader: a score it refuses is refused here too.
  const raw: Arg[] = spec.params.map(() => undefined);
  raw[at] = counts.length ? counts.map((c) => [c.score]) : [['']];
  const args = coerceArguments(spec, raw, call);
  const checked = args[measure.scores] as ScoreCounts;
  const histogram = new Float64Array(checked.histogram.length);
  for (const c of counts) histogram[c.score] += c.rows;
  const cells = counts.reduce((n, c) => n + c.rows, 0);
  args[measure.scores] = {
    histogram, cells,
    column: () => {
      throw new Error(`${spec.name}: a warehouse histogram has no cells to read one by one`);
    },
  } satisfies ScoreCounts;
  return checkResult(spec.name, spec.compute(args as never, call)) as (string | number)[][];
}
