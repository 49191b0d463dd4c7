// Which mapped columns feed which parameter of a function table entry in a summary: read from the entry's own
// `inputs`, so a metric's needs are declared once, beside its maths.

import type { TableKind } from './kinds';
import type { Role } from './roles';

/**
 * Where one argument comes from in a summary:
 * - `{ roles: [...] }` the mapped columns side by side (one role = one column);
 * - `'period'` the summary's grain or period (or nothing, for an overall figure); `'grain'` the summary's grain;
 * - `{ scaleOf }` the answer scale (5, 7 or 10) read from the highest value in that role's column;
 * - `{ sumOf }` the total of that role's column over the rows, as a user types SUM(G2:G417) (CAC's new customers);
 * - `{ fixed }` a value the summary always passes (SLA_COMPLIANCE's target of 24 hours), named in its notes;
 * - a list: alternatives, the first whose roles are all mapped wins (CHURN: start | end, else churn statuses).
 */
export type InputSource = { roles: readonly Role[] } | 'period' | 'grain' | { scaleOf: Role } | { sumOf: Role } | { fixed: number | string } | readonly InputSource[];

/** What a function table entry looks like to this module (FunctionSpec satisfies it). */
export interface FunctionShape {
  name: string;
  format: string;
  kinds: readonly TableKind[];
  params: readonly { name: string; optional: boolean }[];
  inputs: Readonly<Record<string, InputSource>>;
}

/** The mapped column of one role, as an input source. */
export const roleColumn = (role: Role): InputSource => ({ roles: [role] });
/** Mapped columns side by side (CHURN's start | end). */
export const roleColumns = (...roles: Role[]): InputSource => ({ roles });

/** The source of parameter `param` of `fn`, or undefined when a summary does not supply it. */
export function sourceOf(fn: FunctionShape, param: string): InputSource | undefined {
  return fn.inputs[param];
}

/** The role lists of a source's alternatives ([] for period, scale and fixed sources). */
export function alternatives(source: InputSource): Role[][] {
  if (Array.isArray(source)) return (source as readonly InputSource[]).flatMap(alternatives);
  if (source === 'period' || source === 'grain' || 'scaleOf' in (source as object) || 'fixed' in (source as object)) return [[]];
  if ('sumOf' in (source as object)) return [[(source as { sumOf: Role }).sumOf]];
  return [[...(source as { roles: readonly Role[] }).roles]];
}

/** Every role a source may read. */
export const rolesOf = (source: InputSource): Role[] => [...new Set(alternatives(source).flat())];

/** True for entries a summary can show: they belong to some kind of table (tables such as NPS_BREAKDOWN feed charts). */
export const inSummaries = (fn: FunctionShape): boolean => fn.kinds.length > 0;

/**
 * The roles a function needs, as alternatives (any one complete list makes it available), or null when some
 * required parameter has no source: such functions are never offered.
 */
export function neededRoles(fn: FunctionShape): Role[][] | null {
  let combos: Role[][] = [[]];
  for (const p of fn.params) {
    if (p.optional) continue;
    const source = sourceOf(fn, p.name);
    if (!source) return null;
    const alts = alternatives(source);
    combos = combos.flatMap((c) => alts.map((a) => [...c, ...a.filter((r) => !c.includes(r))]));
  }
  return combos;
}

/** Optional roles that give a function more (a trend's dates, probabilities): every role of its optional inputs. */
export function optionalRoles(fn: FunctionShape): Role[] {
  return [...new Set(fn.params.filter((p) => p.optional && fn.inputs[p.name]).flatMap((p) => rolesOf(fn.inputs[p.name])))];
}

/** True when the function takes the summary's period (it then has a trend). */
export const takesPeriod = (fn: FunctionShape): boolean => fn.params.some((p) => sourceOf(fn, p.name) === 'period');

/** True when every role of some alternative is mapped. */
export function isAvailable(needs: Role[][] | null, mapped: (role: Role) => boolean): boolean {
  return !!needs && needs.some((roles) => roles.every(mapped));
}

/** The kinds each role serves: the kinds of every entry that reads it. */
export function kindsOfRoles(fns: readonly FunctionShape[]): Map<Role, Set<TableKind>> {
  const out = new Map<Role, Set<TableKind>>();
  for (const fn of fns) {
    for (const source of Object.values(fn.inputs)) {
      for (const role of rolesOf(source)) {
        let kinds = out.get(role);
        if (!kinds) out.set(role, (kinds = new Set()));
        for (const k of fn.kinds) kinds.add(k);
      }
    }
  }
  return out;
}
