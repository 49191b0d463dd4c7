// The summary's "Customer outlook" section: CLV_PREDICT's models on the mapped purchases, through the predictive core's
// customerOutlook (top customers by predicted CLV, valuable customers who may have left).

import type { NumberColumn, TextColumn } from '../../core/columns';
import { customerOutlook, DEFAULT_OUTLOOK, type CustomerOutlook } from '../../core/metrics/predictive/customer-outlook';
import { predictCustomerValues } from '../../core/metrics/predictive/customer-value';
import type { TimeUnit } from '../../core/metrics/predictive/time-units';
import { findFunction } from '../../functions/catalogue';
import { callContext, coerceArguments, type CallEnvironment } from '../../functions/runner';
import type { Arg } from '../../functions/spec';

/** Metrics that add a section to the tab instead of a headline figure. */
export const SECTION_METRICS = new Set(['CLV_PREDICT']);

/**
 * The outlook from purchase rows (customer, date, amount as Sheets-shaped ranges). Arguments go through CLV_PREDICT's
 * own parameters, so its validation and messages apply; throws a MetricError the caller reports as a skipped metric.
 */
export function outlookOf(customers: Arg, dates: Arg, amounts: Arg, env: CallEnvironment): CustomerOutlook | undefined {
  const spec = findFunction('CLV_PREDICT');
  if (!spec) return undefined;
  const call = callContext(spec.name, env);
  const args = coerceArguments(spec, [customers, dates, amounts], call) as {
    customer_ids: TextColumn; dates: NumberColumn; amounts: NumberColumn; horizon: number; unit: TimeUnit; discount_rate: number;
    calibration_end?: number;
  };
  const { customers: values } = predictCustomerValues(spec.name, { customerIds: args.customer_ids.values, dates: args.dates.values, amounts: args.amounts.values }, {
    horizon: args.horizon, unit: args.unit, monthlyDiscountRate: args.discount_rate, calibrationEnd: args.calibration_end,
  });
  return customerOutlook(values, DEFAULT_OUTLOOK);
}
