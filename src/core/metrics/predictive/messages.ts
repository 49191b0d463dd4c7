// Every user-facing message of the predictive models (to be folded into src/core/errors.ts later).

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const predictiveMessages = {
  lengthMismatch: (fn: string, name: string, count: number, other: string, otherCount: number): string =>
    `${fn}: ${name} has ${count} ${plural(count, 'value', 'values')} but ${other} has ${otherCount}; give ranges of the same size`,
  badDates: (fn: string, count: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'date is', 'dates are')} missing or not a date (first in row ${row} of dates)`,
  negativeAmounts: (fn: string, count: number, first: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'amount is', 'amounts are')} negative (first: ${first} in row ${row} of amounts); ` +
    'the spend model needs purchase amounts of 0 or more',
  badAmounts: (fn: string, count: number, row: number): string =>
    `${fn}: ${count} ${plural(count, 'amount is', 'amounts are')} missing or not a number (first in row ${row} of amounts)`,
  noPurchases: (fn: string): string => `${fn}: no purchases to fit the model on`,
  noneBeforeCalibrationEnd: (fn: string, calibrationEnd: string): string =>
    `${fn}: no customer made a first purchase on or before the calibration end ${calibrationEnd}`,
  allBoughtOnce: (fn: string, customers: number): string =>
    `${fn}: all ${customers} ${plural(customers, 'customer', 'customers')} bought on a single day up to the calibration end; ` +
    'the model needs customers who came back to learn how often people buy',
  tooFewRepeatCustomers: (fn: string, repeat: number, customers: number, needed: number): string =>
    `${fn}: only ${repeat} of ${customers} customers bought again after their first purchase day; ` +
    `the model needs at least ${needed} repeat customers`,
  tooFewSpenders: (fn: string, spenders: number, needed: number): string =>
    `${fn}: only ${spenders} repeat ${plural(spenders, 'customer has', 'customers have')} a positive average spend; ` +
    `the spend model needs at least ${needed}`,
  identicalSpend: (fn: string, spenders: number, spend: number): string =>
    `${fn}: all ${spenders} repeat customers have the same average spend (${spend}); ` +
    'the spend model needs repeat customers whose average spends differ',
  spendTooVaried: (fn: string, q: number): string =>
    `${fn}: average spend varies too much between customers for the spend model (fitted q = ${q.toPrecision(3)}, ` +
    'it must exceed 1); remove extreme amounts such as refunds or bulk orders',
  fitFailed: (fn: string, model: string): string =>
    `${fn}: the ${model} model could not be fitted to this data; check for duplicated or extreme rows`,
  notPositive: (fn: string, param: string, value: number): string => `${fn}: ${param} must be greater than 0, got ${value}`,
  horizonTooLong: (fn: string, years: number): string => `${fn}: the horizon may be at most ${years} years`,
  notNonNegative: (fn: string, param: string, value: number): string => `${fn}: ${param} must be 0 or more, got ${value}`,
  notWholeNumber: (fn: string, param: string, value: number): string => `${fn}: ${param} must be a whole number, got ${value}`,
  tooFewPeriods: (fn: string, count: number): string =>
    `${fn}: ${count} active ${plural(count, 'count was', 'counts were')} given; ` +
    'give the cohort size and the number still active after at least 2 periods',
  firstCountNotPositive: (fn: string, first: number): string =>
    `${fn}: the first active count is the cohort size and must be greater than 0, got ${first}`,
  badCount: (fn: string, value: number, row: number): string =>
    `${fn}: active counts must be numbers of 0 or more (row ${row} holds ${value})`,
  countsIncrease: (fn: string, row: number, value: number, previous: number): string =>
    `${fn}: active counts must not increase from one period to the next (row ${row}: ${value} after ${previous})`,
  noChurn: (fn: string): string => `${fn}: no customer left the cohort, so there is no churn to project from`,
};
