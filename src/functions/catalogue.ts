// The function table: every custom function the add-on offers, in the order the docs list them.

import type { FunctionSpec } from './spec';
import * as surveys from './table/surveys';
import * as retention from './table/retention';

export const FUNCTIONS: readonly FunctionSpec[] = [...Object.values(surveys), ...Object.values(retention)];

const byName = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The function named `name` (case-insensitive), or undefined. */
export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.trim().toUpperCase());
}
