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

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...Object.values(surveys), ...Object.values(retention),
  ...Object.values(sales), ...Object.values(pipeline), ...Object.values(service),
  ...Object.values(revenue), ...Object.values(health), ...Object.values(predictive),
  metricBy((name) => findFunction(name)),
];

const byName = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The function named `name` (case-insensitive), or undefined. */
export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.trim().toUpperCase());
}
