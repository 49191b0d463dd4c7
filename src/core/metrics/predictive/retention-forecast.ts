// A cohort's survival and churn, fitted and projected by the shifted-beta-geometric model.

import { MetricError, predictiveMessages as say } from '../../errors';
import { churnRate, fitSbg, survival, type SbgFit } from './sbg';

export interface RetentionPeriod {
  period: number;
  /** Share of the cohort still active after `period` periods (1 at period 0). */
  survival: number;
  /** Share of those active at the previous period who leave in this one; undefined at period 0. */
  churnRate?: number;
  projected: boolean;
}

/** Fits the sBG model to active counts (cohort size first) and returns periods 0 .. observed + periodsAhead. */
export function forecastRetention(fn: string, activeCounts: number[], periodsAhead: number): { periods: RetentionPeriod[]; fit: SbgFit } {
  if (!(periodsAhead >= 0 && Number.isFinite(periodsAhead))) throw new MetricError(say.notNonNegative(fn, 'periods_ahead', periodsAhead));
  if (!Number.isInteger(periodsAhead)) throw new MetricError(say.notWholeNumber(fn, 'periods_ahead', periodsAhead));
  const fit = fitSbg(fn, activeCounts);
  const observed = activeCounts.length - 1;
  const periods: RetentionPeriod[] = [];
  for (let t = 0; t <= observed + periodsAhead; t++) {
    periods.push({
      period: t,
      survival: survival(fit.params, t),
      churnRate: t > 0 ? churnRate(fit.params, t) : undefined,
      projected: t > observed,
    });
  }
  return { periods, fit };
}
