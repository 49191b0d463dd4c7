// Runs a custom function from its generated stub, with the spreadsheet's time zone as the clock.

import { MetricError, messages } from '../core/errors';
import { findFunction } from '../functions/catalogue';
import { runFunction, type CallEnvironment } from '../functions/runner';
import type { Arg, Result } from '../functions/spec';

/** The spreadsheet's zone (not the script's), read only when a call needs dates. */
const sheetsEnvironment: CallEnvironment = {
  timeZone: () => SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
};

/** Entry point of every generated custom-function stub: `run('NPS', [scores, period, dates])`. */
export function run(name: string, args: Arg[]): Result {
  const spec = findFunction(name);
  if (!spec) throw new MetricError(messages.unknownFunction('CRM Metrics', name));
  return runFunction(spec, args, sheetsEnvironment);
}
