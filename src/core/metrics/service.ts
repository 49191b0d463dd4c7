// Service metrics: first contact resolution from contact counts or flags, and SLA compliance of response times.

import type { Aggregate } from '../aggregate';
import type { RateAcc } from '../ratios';
import { coerceFlag, parseNumberText, type Cell, type Coerced } from '../values';

const YES: ReadonlySet<string> = new Set(['true', 'yes', 'y', 'resolved', 'fcr', 'ano', 'tak', 'да']);
const NO: ReadonlySet<string> = new Set(['false', 'no', 'n', 'unresolved', 'ne', 'nie', 'нет']);

/**
 * Whether a ticket was resolved at its first contact: a count of contacts (1 yes, 2 or more no; 0 reads as no,
 * as in a column of 1/0 flags), a checkbox, or a yes/no word. Other numbers are rejected.
 */
export function coerceFirstContact(cell: Cell): Coerced<boolean> {
  let count: number | undefined;
  if (typeof cell === 'number') count = cell;
  else if (typeof cell === 'string') {
    const got = parseNumberText(cell);
    if (got.ok) count = got.value;
  }
  if (count !== undefined) {
    return Number.isInteger(count) && count >= 0 ? { ok: true, value: count === 1 } : { ok: false };
  }
  return coerceFlag(cell, YES, NO);
}

/** Share of the non-blank durations at or under `target` (both in the same unit). */
export function slaAggregate(durations: Float64Array, target: number): Aggregate<RateAcc> {
  return {
    create: () => ({ hits: 0, base: 0 }),
    uses: (i) => durations[i] === durations[i],
    add: (acc, i) => {
      acc.base++;
      if (durations[i] <= target) acc.hits++;
    },
    value: (acc) => (acc.base ? acc.hits / acc.base : undefined),
    count: (acc) => acc.base,
  };
}
