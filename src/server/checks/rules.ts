// The data checks' rules for one mapping, read from the function table as plain data: the bounds of every number
// parameter each mapped column feeds, and the date columns read as a start and its end.

import { alternatives, inSummaries, sourceOf, type InputSource } from '../../core/mapping/inputs';
import { roleType, type Role } from '../../core/mapping/roles';
import type { CheckRules, ColumnBounds } from '../../core/quality/checks';
import { FUNCTIONS } from '../../functions/catalogue';
import type { FunctionSpec } from '../../functions/spec';

type Mapping = Partial<Record<Role, number>>;

/** The roles a source reads under `mapping`, as a summary picks them: the first alternative whose roles are all mapped. */
function rolesRead(source: InputSource, mapping: Mapping): Role[] | undefined {
  return alternatives(source).find((roles) => roles.every((r) => mapping[r] !== undefined));
}

/**
 * Where the scale of a scale bound comes from in a summary: the column its `scaleOf` source reads, a fixed value, or,
 * when the summary leaves the scale out, the parameter's default.
 */
function scaleSource(fn: FunctionSpec, scaleParam: string, mapping: Mapping): ColumnBounds['scale'] {
  const source = sourceOf(fn, scaleParam);
  if (source && typeof source === 'object' && 'scaleOf' in source && mapping[source.scaleOf] !== undefined) return { scaleOf: source.scaleOf };
  if (source && typeof source === 'object' && 'fixed' in source && typeof source.fixed === 'number') return { fixed: source.fixed };
  const byDefault = Number(fn.params.find((p) => p.name === scaleParam)?.defaultText);
  return Number.isFinite(byDefault) ? { fixed: byDefault } : undefined;
}

/** The checks' rules for `mapping`: what the summaries' functions (those with kinds) need of the mapped columns. */
export function checkRules(mapping: Mapping, functions: readonly FunctionSpec[] = FUNCTIONS): CheckRules {
  const bounds: Partial<Record<Role, ColumnBounds[]>> = {};
  const pairs: [Role, Role][] = [];
  const addPair = (from: Role, to: Role): void => {
    if (from !== to && !pairs.some(([a, b]) => a === from && b === to)) pairs.push([from, to]);
  };
  const isDate = (roles: Role[] | undefined): roles is [Role] => roles?.length === 1 && roleType(roles[0]) === 'date';
  for (const fn of functions.filter(inSummaries)) {
    for (const param of fn.params) {
      const source = sourceOf(fn, param.name);
      const roles = source && rolesRead(source, mapping);
      if (!roles?.length) continue;
      if (param.bounds) {
        const scale = param.bounds.scale === undefined ? undefined : scaleSource(fn, param.bounds.scale, mapping);
        for (const role of roles) (bounds[role] ??= []).push({ fn: fn.name, param: param.name, bounds: param.bounds, ...(scale ? { scale } : {}) });
      }
      // Two date columns side by side are start | end (CHURN's range).
      if (roles.length === 2 && roles.every((r) => roleType(r) === 'date')) addPair(roles[0], roles[1]);
      // A date range sized as another date range is its end (SALES_CYCLE's closed beside created).
      const other = param.sameSizeAs ? sourceOf(fn, param.sameSizeAs) : undefined;
      const from = other && rolesRead(other, mapping);
      if (isDate(roles) && isDate(from)) addPair(from[0], roles[0]);
    }
  }
  return { bounds, pairs };
}
