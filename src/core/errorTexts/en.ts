// The English text of every custom-function error message, by key: what cells show, and what translations follow.

/**
 * Templates: {name} is a parameter, {n|one:…|other:…} the plural of a count. A message's arguments are its
 * placeholders in the order they first appear (src/core/errors.ts), so a template's order is part of its contract.
 */
export const EN_MESSAGES = {
  badCells: '{fn}: {count} {count|one:value is|other:values are} not {what} (first: {first} in {at}){hint}',
  ambiguousDate: '{text} could be day/month or month/day: write it as YYYY-MM-DD',
  ambiguousNumber: '{text} could be a thousands separator or a decimal comma: write it without the separator',
  missingArgument: '{fn}: the argument {param} is required',
  notASingleValue: '{fn}: {param} must be a single {what}, not a range',
  badScalar: '{fn}: {param} must be {what}, got {value}',
  sizeMismatch: '{fn}: {param} has {cells} {cells|one:cell|other:cells} but {other} has {otherCells}; give ranges of the same size',
  badShape: '{fn}: {param} must be {expected}, got {rows} {rows|one:row|other:rows} × {columns} {columns|one:column|other:columns}',
  badPeriod: '{fn}: {value} is not a period; use 2025, 2025-Q1, 2025-03, 2025-W09, 2025-03-15, ' +
    '2025-01-01..2025-03-31 or a grain: year, quarter, month, week, day',
  periodNeedsDates: '{fn}: a period was given but no {dates}; add the range of dates that goes with the values',
  noData: '{fn}: no {what} to compute on',
  noDataInPeriod: '{fn}: no {what} in {period}',
  noneActiveAtStart: '{fn}: no customers were active at the start of {period}',
  endBeforeStart: '{fn}: the end date is before the start date in {at}',
  negativeDuration: '{fn}: {count} {count|one:row ends|other:rows end} before {count|one:it starts|other:they start} (first: {at})',
  missingStart: '{fn}: an end date has no start date in {at}; fill in the start or clear the end',
  rowsMissingStart: '{fn}: {count} {count|one:row has|other:rows have} an end date but no start date; fill in the start or clear the end',
  rowsEndBeforeStart: '{fn}: {count} {count|one:row has|other:rows have} an end date before the start date',
  spansNeedPeriod: '{fn}: with start and end dates, give a period (2025-Q1) or a grain (month) as the second argument',
  zeroDenominator: '{fn}: {what} is zero, so the rate cannot be computed',
  spanTooLong: '{fn}: the series would have {periods} periods (more than {limit}); choose a coarser grain or a date range',
  badOption: '{fn}: {param} must be one of {options}, got {value}',
  unknownFunction: '{fn}: {name} is not a function of this add-on',
  internal: '{fn}: an internal error occurred ({detail}); please report it with the cells you used',
  notFinite: '{fn}: the result is not a finite number; check the input for extreme values',
  zeroCount: '{fn}: {param} is 0, so there is no {what}; give a count above 0 or a range listing them',
  clvZeroChurn: '{fn}: churn_rate is 0, so customers never leave and the lifetime value is unbounded; give a churn rate above 0',
  noPayersBefore: '{fn}: no customer paid in {previous}, the period before {period}, so there is no revenue to retain',
  noRepeatCustomers: '{fn}: no customer bought again after their first order',
  tooManyCohorts: '{fn}: the data spans {periods} periods (more than {limit} cohorts); choose a coarser grain',
  cohortPeriodIsGrain: '{fn}: period must be a label such as 2025 or 2025-Q1 (the cohorts’ length goes in the grain argument)',
  weightsPerColumn: '{fn}: weights has {given} {given|one:number|other:numbers} but signals has {columns} ' +
    '{columns|one:column|other:columns}; give one weight per column',
  directionsPerColumn: '{fn}: directions has {given} {given|one:cell|other:cells} but signals has {columns} ' +
    '{columns|one:column|other:columns}; give one direction per column ("higher" or "lower")',
  zeroWeights: '{fn}: every weight is 0; give at least one signal a weight above 0',
  nothingVaries: '{fn}: every signal column holds a single value, so no row is healthier than another',
  metricByItself: '{fn}: metric cannot be {fn} itself; name a metric such as "NPS"',
  metricByNeedsNumber: '{fn}: {metric} returns a table with these arguments, and {fn} needs one number per segment ' +
    '(where {metric} takes a period, give a label such as 2025-Q1 rather than a grain)',
  metricByInner: '{fn}: {inner}',
  metricByRows: '{fn}: the segments range has {rows} {rows|one:row|other:rows} but {param} has {paramRows}; give ranges of the same rows',
  metricByTooManyArguments: '{fn}: at most {max} arguments may follow metric and segments (as many as the widest function takes), got {given}',
  metricByTooManyForMetric: '{fn}: {metric} takes at most {takes} {takes|one:argument|other:arguments}, got {given} after segments',
  emptyWordList: '{fn}: {param} lists no words; leave it out to use the default words',
  wordInTwoLists: '{fn}: {word} is listed both as {a} and as {b}; a row cannot be both',
  rangesForPeriod: '{fn}: with a period, give {ranges} as ranges beside the dates, one row each',
};

/** The predictive models' messages (CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST, MODEL_FIT and their cores). */
export const EN_PREDICTIVE = {
  lengthMismatch: '{fn}: {name} has {count} {count|one:value|other:values} but {other} has {otherCount}; give ranges of the same size',
  badDates: '{fn}: {count} {count|one:date is|other:dates are} missing or not a date (first in row {row} of dates)',
  negativeAmounts: '{fn}: {count} {count|one:amount is|other:amounts are} negative (first: {first} in row {row} of amounts); ' +
    'the spend model needs purchase amounts of 0 or more',
  badAmounts: '{fn}: {count} {count|one:amount is|other:amounts are} missing or not a number (first in row {row} of amounts)',
  rowsWithoutDate: '{fn}: {count} {count|one:purchase row has|other:purchase rows have} a customer but no date',
  rowsWithoutAmount: '{fn}: {count} {count|one:purchase row has|other:purchase rows have} a customer but no amount',
  negativeAmountsLowest: '{fn}: {count} {count|one:amount is|other:amounts are} negative (the lowest: {lowest}); the spend model needs purchase amounts of 0 or more',
  noPurchases: '{fn}: no purchases to fit the model on',
  noneBeforeCalibrationEnd: '{fn}: no customer made a first purchase on or before the calibration end {calibrationEnd}',
  allBoughtOnce: '{fn}: all {customers} {customers|one:customer|other:customers} bought on a single day up to the calibration end; ' +
    'the model needs customers who came back to learn how often people buy',
  tooFewRepeatCustomers: '{fn}: only {repeat} of {customers} customers bought again after their first purchase day; ' +
    'the model needs at least {needed} repeat customers',
  tooFewSpenders: '{fn}: only {spenders} repeat {spenders|one:customer has|other:customers have} a positive average spend; ' +
    'the spend model needs at least {needed}',
  identicalSpend: '{fn}: all {spenders} repeat customers have the same average spend ({spend}); ' +
    'the spend model needs repeat customers whose average spends differ',
  spendTooVaried: '{fn}: average spend varies too much between customers for the spend model (fitted q = {q}, ' +
    'it must exceed 1); remove extreme amounts such as refunds or bulk orders',
  fitFailed: '{fn}: the {model} model could not be fitted to this data; check for duplicated or extreme rows',
  notPositive: '{fn}: {param} must be greater than 0, got {value}',
  horizonTooLong: '{fn}: the horizon may be at most {years} years',
  notNonNegative: '{fn}: {param} must be 0 or more, got {value}',
  notWholeNumber: '{fn}: {param} must be a whole number, got {value}',
  tooFewPeriods: '{fn}: {count} active {count|one:count was|other:counts were} given; ' +
    'give the cohort size and the number still active after at least 2 periods',
  firstCountNotPositive: '{fn}: the first active count is the cohort size and must be greater than 0, got {first}',
  badCount: '{fn}: active counts must be numbers of 0 or more (row {row} holds {value})',
  countsIncrease: '{fn}: active counts must not increase from one period to the next (row {row}: {value} after {previous})',
  noChurn: '{fn}: no customer left the cohort, so there is no churn to project from',
};

/** Parts of messages: where a cell is, a hint after a message, and a text raised without a key. */
export const EN_PARTS = {
  rowOf: 'row {row} of {param}',
  cellOf: 'row {row}, column {column} of {param}',
  then: '. {hint}',
  text: '{text}',
};

export const EN = { ...EN_MESSAGES, ...EN_PREDICTIVE, ...EN_PARTS };
export type ErrorKey = keyof typeof EN;

/** English plurals: one for 1, other otherwise. */
export const englishPlural = (n: number): string => (n === 1 ? 'one' : 'other');
