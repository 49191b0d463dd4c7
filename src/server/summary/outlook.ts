// The summary's "Customer outlook" section: an outlook entry's (CLV_PREDICT's) models on the mapped purchases, through the predictive core's
// customerOutlook (top customers by predicted CLV, valuable customers who may have left).

import type { NumberColumn, TextColumn } from '../../core/columns';
import { customerOutlook, DEFAULT_OUTLOOK, type CustomerOutlook } from '../../core/metrics/predictive/customer-outlook';
import { predictCustomerValues } from '../../core/metrics/predictive/customer-value';
import type { TimeUnit } from '../../core/metrics/predictive/time-units';
import { callContext, coerceArguments, type CallEnvironment } from '../../functions/runner';
import type { Arg, FunctionSpec } from '../../functions/spec';

/**
 * The outlook from purchase rows (the entry's customer, date and amount arguments, Sheets-shaped). Arguments go through
 * the entry's own parameters, so its validation and messages apply; throws a MetricError the caller reports as skipped.
 */
export function outlookOf(spec: FunctionSpec, args: Arg[], env: CallEnvironment): CustomerOutlook {
  const call = callContext(spec.name, env);
  const coerced = coerceArguments(spec, args, call) as {
    customer_ids: TextColumn; dates: NumberColumn; amounts: NumberColumn; horizon: number; unit: TimeUnit; discount_rate: number;
    calibration_end?: number;
  };
  const { customers: values } = predictCustomerValues(spec.name, { customerIds: coerced.customer_ids.values, dates: coerced.dates.values, amounts: coerced.amounts.values }, {
    horizon: coerced.horizon, unit: coerced.unit, monthlyDiscountRate: coerced.discount_rate, calibrationEnd: coerced.calibration_end,
  });
  return customerOutlook(values, DEFAULT_OUTLOOK);
}
