// Pipeline metrics as row folds: pipeline value (optionally weighted) and the levers of sales velocity.

import type { Aggregate } from '../aggregate';
import { OUTCOME } from '../outcomes';

/** Weighted value and count of open deals, and how many deals were seen at all. */
export interface PipelineAcc {
  value: number;
  open: number;
  deals: number;
}

/**
 * Sum of the open deals' amounts, each times its probability when `probabilities` is given. A row counts as
 * a deal when its outcome is not blank; an open deal with a blank amount (or blank probability) adds nothing.
 */
export function pipelineAggregate(amounts: Float64Array, outcomes: Int8Array, probabilities?: Float64Array): Aggregate<PipelineAcc> {
  return {
    create: () => ({ value: 0, open: 0, deals: 0 }),
    uses: (i) => outcomes[i] !== OUTCOME.blank,
    add: (acc, i) => {
      acc.deals++;
      if (outcomes[i] !== OUTCOME.open) return;
      const amount = amounts[i];
      const weight = probabilities ? probabilities[i] : 1;
      if (amount === amount && weight === weight) {
        acc.value += amount * weight;
        acc.open++;
      }
    },
    value: (acc) => (acc.deals ? acc.value : undefined),
    count: (acc) => acc.open,
  };
}

/** The four levers of sales velocity, gathered in one pass. */
export interface VelocityAcc {
  open: number;
  won: number;
  lost: number;
  wonAmount: number;
  wonWithAmount: number;
  cycleDays: number;
  wonWithCycle: number;
}

/** Why a velocity cannot be computed, or its value. */
export type Velocity =
  | { ok: true; value: number }
  | { ok: false; missing: 'closed deals' | 'won deals with an amount' | 'won deals with both dates' | 'zero cycle' };

/** Open deals × average won amount × win rate ÷ average cycle of won deals (days). */
export function velocityOf(acc: VelocityAcc): Velocity {
  if (acc.won + acc.lost === 0) return { ok: false, missing: 'closed deals' };
  if (acc.wonWithAmount === 0) return { ok: false, missing: 'won deals with an amount' };
  if (acc.wonWithCycle === 0) return { ok: false, missing: 'won deals with both dates' };
  const cycle = acc.cycleDays / acc.wonWithCycle;
  if (cycle === 0) return { ok: false, missing: 'zero cycle' };
  const winRate = acc.won / (acc.won + acc.lost);
  return { ok: true, value: (acc.open * (acc.wonAmount / acc.wonWithAmount) * winRate) / cycle };
}

/** Folds deals into the levers of sales velocity; `cycleDays` is NaN where a date is blank. */
export function velocityAggregate(amounts: Float64Array, outcomes: Int8Array, cycleDays: Float64Array): Aggregate<VelocityAcc> {
  return {
    create: () => ({ open: 0, won: 0, lost: 0, wonAmount: 0, wonWithAmount: 0, cycleDays: 0, wonWithCycle: 0 }),
    uses: (i) => outcomes[i] !== OUTCOME.blank,
    add: (acc, i) => {
      const outcome = outcomes[i];
      if (outcome === OUTCOME.open) acc.open++;
      else if (outcome === OUTCOME.lost) acc.lost++;
      else {
        acc.won++;
        const amount = amounts[i];
        if (amount === amount) {
          acc.wonAmount += amount;
          acc.wonWithAmount++;
        }
        const days = cycleDays[i];
        if (days === days) {
          acc.cycleDays += days;
          acc.wonWithCycle++;
        }
      }
    },
    value: (acc) => {
      const v = velocityOf(acc);
      return v.ok ? v.value : undefined;
    },
    count: (acc) => acc.open + acc.won + acc.lost,
  };
}
