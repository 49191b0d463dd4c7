// The function table: every custom function the add-on offers, in the order the docs list them.

import type { FunctionSpec } from './spec';
import * as surveys from './table/surveys';
import * as retention from './table/retention';
import * as sales from './table/sales';
import * as pipeline from './table/pipeline';
import * as service from './table/service';
import * as revenue from './table/revenue';
import * as health from './table/health';
import * as predictive from './table/predictive';
import { metricBy } from './metricBy';

/** A table module's entries: every export that is a function spec (helpers exported beside them are not). */
const entries = (module: object): FunctionSpec[] =>
  Object.values(module).filter((x): x is FunctionSpec => typeof x === 'object' && x !== null && 'compute' in x && 'params' in x);

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...[surveys, retention, sales, pipeline, service, revenue, health, predictive].flatMap(entries),
  metricBy((name) => findFunction(name), () => FUNCTIONS),
];

const byName = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The function named `name` (case-insensitive), or undefined. */
export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.trim().toUpperCase());
}
