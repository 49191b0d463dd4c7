// Which mapped columns feed which function parameter: a small declarative map, so a metric's needs come from its params.

import type { Role } from './roles';

/**
 * Where one argument comes from in a summary:
 * - `{ roles: [...] }` the mapped columns side by side (one role = one column);
 * - `'period'` the summary's grain (or nothing, for an overall figure);
 * - `{ scaleOf }` the answer scale (5, 7 or 10) read from the highest value in that role's column;
 * - a list: alternatives, the first whose roles are all mapped wins (CHURN: start | end, else statuses).
 */
export type InputSource = { roles: Role[] } | 'period' | { scaleOf: Role } | InputSource[];

/** What a function table entry looks like to this module (FunctionSpec satisfies it). */
export interface FunctionShape {
  name: string;
  format: string;
  params: readonly { name: string; optional: boolean }[];
  /** Per-parameter sources that override the defaults below (FunctionSpec.inputs). */
  inputs?: Record<string, InputSource>;
}

const one = (role: Role): InputSource => ({ roles: [role] });

/** Parameter name → source, shared by every function (names from the function table and issue 3). */
export const PARAM_SOURCES: Record<string, InputSource> = {
  scores: one('score'),
  /** The rows' dates: the date column, else the close, creation or start date. */
  dates: [one('date'), one('closed'), one('created'), one('start')],
  period: 'period',
  range: [{ roles: ['start', 'end'] }, one('status')],
  outcomes: one('status'),
  statuses: one('status'),
  amounts: one('amount'),
  created: one('created'),
  closed: one('closed'),
  opened: one('created'),
  responded: one('responded'),
  resolved: one('closed'),
  first_response: one('responded'),
  probabilities: one('probability'),
  deal_ids: one('dealId'),
  order_ids: one('orderId'),
  customer_ids: one('customer'),
  products: one('product'),
  stages: one('stage'),
  entered_dates: one('date'),
  contacts: one('contacts'),
  costs: one('cost'),
};

/** Per-function exceptions, where one parameter name means different columns in different functions. */
export const FUNCTION_SOURCES: Record<string, Record<string, InputSource>> = {
  CSAT: { scores: one('satisfaction'), scale: { scaleOf: 'satisfaction' } },
  CES: { scores: one('effort'), scale: { scaleOf: 'effort' } },
};

/** The source of parameter `param` of `fn`, or undefined when a summary cannot supply it. */
export function sourceOf(fn: FunctionShape, param: string): InputSource | undefined {
  return fn.inputs?.[param] ?? FUNCTION_SOURCES[fn.name]?.[param] ?? PARAM_SOURCES[param];
}

/** The role lists of a source's alternatives ([] for period and scale sources). */
export function alternatives(source: InputSource): Role[][] {
  if (Array.isArray(source)) return source.flatMap(alternatives);
  if (source === 'period' || 'scaleOf' in source) return [[]];
  return [source.roles];
}

/** Functions a summary can show as figures: tables (spills such as NPS_BREAKDOWN) are used only by charts. */
export const isFigure = (fn: FunctionShape): boolean => fn.format !== 'table';

/**
 * The roles a function needs, as alternatives (any one complete list makes it available), or null when some
 * required parameter has no source (TRAFFIC_TO_LEAD's visitors): such functions are never offered.
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

/** The roles that give a function a trend: the date column beside its values, when it takes a period. */
export function trendRoles(fn: FunctionShape): Role[] {
  const hasPeriod = fn.params.some((p) => sourceOf(fn, p.name) === 'period');
  // Without a period parameter the function has no trend (CLV_HISTORIC is "to date" by definition).
  if (!hasPeriod) return [];
  return fn.params.some((p) => p.name === 'dates') ? ['date'] : [];
}

/** Roles that can date a row, in the order a summary prefers them. */
export const DATE_ROLES: readonly Role[] = ['date', 'closed', 'created', 'start'];

/** True when every role of some alternative is mapped. */
export function isAvailable(needs: Role[][] | null, mapped: (role: Role) => boolean): boolean {
  return !!needs && needs.some((roles) => roles.every(mapped));
}
