// The kinds of CRM table a summary can be built from (each entry of the function table names the kinds it belongs to),
// and the rule that tells a table's kind from its mapped roles.

import { isAvailable } from './inputs';
import type { Role } from './roles';

export const TABLE_KINDS = ['surveys', 'deals', 'subscriptions', 'orders', 'tickets', 'leads'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/**
 * The kind of table whose metrics the present roles make available most often; null when no metric is available or
 * two kinds tie. Shared by detection and the sidebar (which asks again when the user remaps a column).
 */
export function likeliestKind(metrics: readonly { kinds: readonly TableKind[]; needs: Role[][] | null }[], present: (role: Role) => boolean): TableKind | null {
  const counts = new Map<TableKind, number>();
  for (const m of metrics) {
    if (!isAvailable(m.needs, present)) continue;
    for (const k of m.kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}
