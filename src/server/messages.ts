// Server messages for the sidebar: a key (translated by the sidebar's catalogue), params, and English fallback text.

import type { ErrorKey, Message, WarningKey } from './rpc/contract';

type Params = Record<string, string | number>;
const p = (params: Params, name: string): string => String(params[name] ?? '');

const ERRORS: Record<ErrorKey, (x: Params) => string> = {
  badRequest: (x) => `The request is not valid: ${p(x, 'detail')}`,
  sheetNotFound: (x) => `The sheet ${p(x, 'sheet')} no longer exists.`,
  noTable: (x) => `No table was found in ${p(x, 'sheet')}: put headers in one row and data below them.`,
  sourceEmpty: (x) => `The range ${p(x, 'range')} in ${p(x, 'sheet')} holds no data rows.`,
  rangeOutsideSheet: (x) => `The range ${p(x, 'range')} is outside the sheet.`,
  reportNotFound: (x) => `The saved report ${p(x, 'id')} no longer exists.`,
  lockTimeout: () => 'Someone else is building a summary in this spreadsheet; try again in a minute.',
  noMetricsAvailable: (x) => `None of the chosen metrics can be computed from the mapped columns: ${p(x, 'reasons')}`,
  reportTooLarge: (x) => `The report "${p(x, 'title')}" would take ${Number(x.bytes).toLocaleString('en-US')} bytes when saved, over the ` +
    `${Number(x.limit).toLocaleString('en-US')} a saved report may take; shorten the headers of its mapped columns or choose fewer metrics and goals.`,
  tooManyReports: (x) => `This spreadsheet already holds ${p(x, 'limit')} saved reports; delete one first.`,
  metricFailed: (x) => p(x, 'message'),
  internal: (x) => `Something went wrong: ${p(x, 'detail')}`,
  sheetsUnavailable: () => 'Google Sheets did not respond; your data and summaries are unchanged; try again.',
  outsideData: (x) => `There is no data from ${p(x, 'from')} to ${p(x, 'to')}: the data covers ${p(x, 'first')} to ${p(x, 'last')}. ` +
    'Set From and To inside that span, or clear them to use all the data.',
  headerPastData: (x) => `Header row ${p(x, 'row')} is below the last row with data on ${p(x, 'sheet')} (row ${p(x, 'lastRow')}). ` +
    'Set the header row to the row that holds your column names (often 1).',
  noDataRows: (x) => `${p(x, 'sheet')} has column names in row ${p(x, 'row')} but no data rows under them. Add rows of data below the headers, or pick another sheet.`,
  metricsFailedChecks: (x) => `${p(x, 'metric')} cannot be computed: ${p(x, 'message')}. ` +
    'Correct those cells in the source sheet (Check data finds and selects them) or map another column, then build again.' +
    (Number(x.others) > 0 ? ` ${p(x, 'others')} more of the chosen metrics failed their checks too.` : ''),
  reportExists: (x) => `A saved report named "${p(x, 'title')}" already reads the same data (sheet or warehouse table): replace it, or keep both under a new name.`,
  warehouseColumnsTimeout: (x) => `The warehouse did not list the table's columns within ${p(x, 'seconds')} seconds. Check the table name, or try again later.`,
  warehouseTimeout: (x) => `The warehouse did not answer within ${p(x, 'seconds')} seconds; the summary was left as it was. Try again later, or choose a shorter From–To range.`,
  warehouseTooManyRows: () => 'The warehouse answered with more rows than a Sheets data-source table holds; the summary was left as it was. ' +
    'Predicted CLV and CLV model fit return rows for each customer: untick them for a table of many customers.',
  warehouseFailed: (x) => `The warehouse refused the query: ${p(x, 'message')}`,
  warehouseRangeNeeded: () => 'A summary of a warehouse table needs From and To: set both dates.',
};

const WARNINGS: Record<WarningKey, (x: Params) => string> = {
  metricSkipped: (x) => `${p(x, 'metric')} was left out: ${p(x, 'message')}`,
  metricUnavailable: (x) => `${p(x, 'metric')} was left out: a column it needs is not mapped, or this version does not have it.`,
  smallSample: (x) => `Segment ${p(x, 'segment')} counts only ${p(x, 'n')} in the headline period; read its figures with care.`,
  emptySegment: (x) => `Segment ${p(x, 'segment')} has no rows in the headline period: its figures there are blank.`,
  noCompletePeriod: () => 'No period in the range has ended yet: the latest, still running, period is shown.',
  userSheetNameTaken: (x) => `A sheet named ${p(x, 'name')} already exists and was left alone; the summary is in ${p(x, 'used')}.`,
  reportSheetNameTaken: (x) => `The tab ${p(x, 'name')} belongs to another saved report; this summary is in ${p(x, 'used')}.`,
};

/** Why a column named like a role was left unmapped: its values are not words that role accepts. */
export function unmappedNote(header: string, role: string, values: readonly string[]): string {
  return `“${header}” was not mapped as ${role}: its values (${values.join(', ')}) are not words that role accepts.`;
}

export function warning(key: WarningKey, params: Params): Message {
  return { key, params, message: WARNINGS[key](params) };
}

export function errorMessage(key: ErrorKey, params: Params): Message & { key: ErrorKey } {
  return { key, params, message: ERRORS[key](params) };
}

/** An error a handler throws to answer with a keyed message. */
export class RpcError extends Error {
  constructor(readonly key: ErrorKey, readonly params: Params = {}) {
    super(ERRORS[key](params));
    this.name = 'RpcError';
  }
}
