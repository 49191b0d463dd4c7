// Data-quality checks on a source table: each finding with a count, the first rows and their A1 ranges. A number
// column is checked against the bounds of the parameters it feeds (plain data from the function table), so a cell is
// flagged exactly when a metric reading the column would reject it.

import { columnLetter } from '../a1';
import { answerScale, describeLimits, resolveBounds, withinLimits, type Limits, type NumberBounds } from '../bounds';
import { roleType, type Role } from '../mapping/roles';
import { coerceDate, coerceNumber, isBlank, type Cell } from '../values';

export type IssueKind =
  | 'duplicateRows' | 'duplicateIds' | 'scoreOutOfRange' | 'notANumber' | 'notADate' | 'blankRequired' | 'endBeforeStart' | 'futureDate';

export interface DataIssue {
  kind: IssueKind;
  role?: Role;
  column?: string;
  count: number;
  /** First affected rows, 1-based sheet row numbers. */
  rows: number[];
  /** First affected cells as A1 ranges (consecutive rows merged). */
  ranges: string[];
  message: string;
}

/** What a number column must hold for one parameter it feeds (CSAT's scores: whole numbers on the answer scale). */
export interface ColumnBounds {
  /** The function and parameter the column feeds, named in the finding. */
  fn: string;
  param: string;
  bounds: NumberBounds;
  /**
   * The value of a scale bound's scale (bounds.scale): the highest number in a role's column, 5, 7 or 10, as a
   * summary reads it (`answerScale`), or a fixed scale; without it only min and max are checked.
   */
  scale?: { scaleOf: Role } | { fixed: number };
}

/** The checks' rules as plain data, derived from the function table for one mapping (src/server/checks/rules.ts). */
export interface CheckRules {
  /** Per mapped role, the bounds of every number parameter it feeds; a role with none gets no number check. */
  bounds: Partial<Record<Role, readonly ColumnBounds[]>>;
  /** Date roles read as the start and the end of the same row: an end before its start is flagged on the end. */
  pairs: readonly (readonly [Role, Role])[];
}

export interface CheckInput {
  values: readonly Cell[][];
  hasHeader: boolean;
  mapping: Partial<Record<Role, number>>;
  /** Sheet row and column of values[0][0]. */
  origin: { row: number; column: number };
  toCivil: (t: number) => number;
  /** Civil ms of now: dates after the end of today are "in the future". */
  today: number;
  /** Number bounds and date pairs; without them, number columns and date order are not checked. */
  rules?: CheckRules;
}

/** How many rows an issue lists. */
export const FIRST_ROWS = 20;
/**
 * Columns whose blank cells are reported: who and when a row is about, and the first event of a record. (Blanks are
 * skipped by every metric, never rejected, so the function table cannot say which blanks are missing data: an empty
 * end, close or response date means "not yet".)
 */
const REQUIRED: readonly Role[] = [
  'date', 'customer', 'orderId', 'dealId', 'stage', 'start', 'dealCreated', 'leadCreated', 'opened', 'churnStatus', 'dealOutcome', 'leadStatus',
];
/**
 * Ids that name one row each: a deal in a deals table. Order ids repeat on purpose (APV reads order lines), and so do
 * deal ids in a stage history (a row per stage entered).
 */
const uniqueIds = (mapping: Partial<Record<Role, number>>): readonly Role[] => (mapping.stageEntered === undefined ? ['dealId'] : []);

/** Values out of a column's bounds: what the values must be, and the functions that need it ("NPS, NPS_CI"). */
const outOfBounds = (n: number, c: string, limits: Limits, fns: readonly string[]): string =>
  `${n} ${n === 1 ? 'value' : 'values'} in ${c} ${n === 1 ? 'is' : 'are'} not ${describeLimits(limits.integer ? 'whole numbers' : 'numbers', limits)}` +
  ` (as ${fns.join(', ')} ${fns.length === 1 ? 'reads' : 'read'} them)`;

const MESSAGES: Record<IssueKind, (count: number, column: string) => string> = {
  duplicateRows: (n) => `${n} rows repeat an earlier row exactly`,
  duplicateIds: (n, c) => `${n} rows repeat an id already used in ${c}`,
  scoreOutOfRange: (n, c) => `${n} values in ${c} are out of range`,
  notANumber: (n, c) => `${n} cells in ${c} are not numbers`,
  notADate: (n, c) => `${n} cells in ${c} are not dates (or could be read two ways: write them as YYYY-MM-DD)`,
  blankRequired: (n, c) => `${n} rows have no ${c}`,
  endBeforeStart: (n, c) => `${n} rows have ${c} before the start`,
  futureDate: (n, c) => `${n} dates in ${c} are in the future`,
};

/** Collects the rows of one finding. */
class Finding {
  count = 0;
  rows: number[] = [];
  add(row: number): void {
    if (this.count++ < FIRST_ROWS) this.rows.push(row);
  }
}

/** A1 ranges of `rows` (sheet rows) over columns first..last, consecutive rows merged. */
function rangesOf(rows: number[], first: number, last: number): string[] {
  const out: string[] = [];
  const a = columnLetter(first);
  const b = columnLetter(last);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const one = rows[i] === rows[j] && first === last;
    out.push(one ? `${a}${rows[i]}` : `${a}${rows[i]}:${b}${rows[j]}`);
    i = j + 1;
  }
  return out;
}

/** One set of limits a number column is checked against, the functions that read it so, and the cells outside. */
interface LimitCheck {
  limits: Limits;
  fns: string[];
  finding: Finding;
}

/**
 * The distinct limits of a role's column: each parameter's bounds with its scale resolved as a summary resolves it
 * (`scaleOf` reads the highest number of that role's column).
 */
function limitChecks(bounds: readonly ColumnBounds[], scaleOf: (role: Role) => number | undefined): LimitCheck[] {
  const out = new Map<string, LimitCheck>();
  for (const b of bounds) {
    const scale = !b.scale ? undefined : 'fixed' in b.scale ? b.scale.fixed : scaleOf(b.scale.scaleOf);
    const limits = resolveBounds(b.bounds, scale);
    const key = `${limits.min}|${limits.max}|${limits.integer}`;
    const seen = out.get(key);
    if (!seen) out.set(key, { limits, fns: [b.fn], finding: new Finding() });
    else if (!seen.fns.includes(b.fn)) seen.fns.push(b.fn);
  }
  // Limits every number meets find nothing: only "not a number" applies.
  return [...out.values()].filter(({ limits }) => limits.min > -Infinity || limits.max < Infinity || limits.integer);
}

/** Runs every check that the mapped columns allow. */
export function checkData(input: CheckInput): DataIssue[] {
  const { values, mapping, origin, toCivil } = input;
  const rules = input.rules ?? { bounds: {}, pairs: [] };
  const start = input.hasHeader ? 1 : 0;
  const headers = input.hasHeader ? (values[0] ?? []).map((h) => String(h)) : [];
  const width = Math.max(0, ...values.map((r) => (r ? r.length : 0)));
  const sheetRow = (i: number): number => origin.row + i;
  const sheetColumn = (c: number): number => origin.column + c;
  const name = (c: number): string => headers[c] || `column ${columnLetter(sheetColumn(c))}`;
  const endOfToday = Math.floor(input.today / 86_400_000 + 1) * 86_400_000;
  const issues: DataIssue[] = [];
  const report = (kind: IssueKind, f: Finding, role?: Role, column?: number, message?: string): void => {
    if (!f.count) return;
    const first = column === undefined ? origin.column : sheetColumn(column);
    const last = column === undefined ? origin.column + width - 1 : first;
    const label = column === undefined ? '' : name(column);
    issues.push({
      kind, count: f.count, rows: f.rows, ranges: rangesOf(f.rows, first, last), message: message ?? MESSAGES[kind](f.count, label),
      ...(role ? { role } : {}), ...(column !== undefined ? { column: label } : {}),
    });
  };
  const mapped = (Object.keys(mapping) as Role[]).filter((r) => mapping[r] !== undefined);
  const scaleOf = (role: Role): number | undefined => {
    const c = mapping[role];
    if (c === undefined) return undefined;
    const cells: Cell[] = [];
    for (let i = start; i < values.length; i++) cells.push(values[i]?.[c]);
    return answerScale(cells);
  };

  // Duplicate rows (blank rows are not duplicates).
  const seen = new Set<string>();
  const dupRows = new Finding();
  for (let i = start; i < values.length; i++) {
    const row = values[i] ?? [];
    if (row.every(isBlank)) continue;
    const key = JSON.stringify(row.map((c) => (c instanceof Date ? c.getTime() : c)));
    if (seen.has(key)) dupRows.add(sheetRow(i));
    else seen.add(key);
  }
  report('duplicateRows', dupRows);

  // Per-column checks; dates are kept for the pair and future checks.
  const dates = new Map<Role, Float64Array>();
  for (const role of mapped) {
    const c = mapping[role] as number;
    const type = roleType(role);
    const blanks = new Finding();
    const bad = new Finding();
    const future = new Finding();
    const dupIds = new Finding();
    const ids = new Set<string>();
    const idRoles = uniqueIds(mapping);
    const parsed = type === 'date' ? new Float64Array(values.length).fill(NaN) : undefined;
    // Numbers are checked where the column feeds number parameters, as those parameters read them.
    const bounds = rules.bounds[role];
    const limits = bounds?.length ? limitChecks(bounds, scaleOf) : undefined;
    for (let i = start; i < values.length; i++) {
      const cell = values[i]?.[c];
      if (isBlank(cell)) {
        if (REQUIRED.includes(role)) blanks.add(sheetRow(i));
        continue;
      }
      if (idRoles.includes(role)) {
        const key = String(cell).trim().toLowerCase();
        if (ids.has(key)) dupIds.add(sheetRow(i));
        else ids.add(key);
      }
      if (limits) {
        const got = coerceNumber(cell);
        if (!got.ok) bad.add(sheetRow(i));
        else for (const check of limits) if (!withinLimits(got.value, check.limits)) check.finding.add(sheetRow(i));
      } else if (type === 'date' && parsed) {
        const got = coerceDate(cell, toCivil);
        if (!got.ok) bad.add(sheetRow(i));
        else {
          parsed[i] = got.value;
          if (got.value >= endOfToday) future.add(sheetRow(i));
        }
      }
    }
    if (parsed) dates.set(role, parsed);
    report('blankRequired', blanks, role, c);
    report('duplicateIds', dupIds, role, c);
    report(type === 'date' ? 'notADate' : 'notANumber', bad, role, c);
    for (const check of limits ?? []) {
      report('scoreOutOfRange', check.finding, role, c, outOfBounds(check.finding.count, name(c), check.limits, check.fns));
    }
    report('futureDate', future, role, c);
  }

  for (const [from, to] of rules.pairs) {
    const a = dates.get(from);
    const b = dates.get(to);
    if (!a || !b) continue;
    const f = new Finding();
    for (let i = start; i < values.length; i++) if (b[i] < a[i]) f.add(sheetRow(i));
    report('endBeforeStart', f, to, mapping[to]);
  }
  return issues;
}
