// Data-quality checks on a source table: each finding with a count, the first rows and their A1 ranges.

import { columnLetter } from '../a1';
import { ROLE_TYPE, type Role } from '../mapping/roles';
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

export interface CheckInput {
  values: readonly Cell[][];
  hasHeader: boolean;
  mapping: Partial<Record<Role, number>>;
  /** Sheet row and column of values[0][0]. */
  origin: { row: number; column: number };
  toCivil: (t: number) => number;
  /** Civil ms of now: dates after the end of today are "in the future". */
  today: number;
}

/** How many rows an issue lists. */
export const FIRST_ROWS = 20;
const REQUIRED: readonly Role[] = ['date', 'customer', 'status', 'stage', 'start', 'created', 'orderId', 'dealId'];
const ID_ROLES: readonly Role[] = ['orderId', 'dealId'];
const SCALES: Partial<Record<Role, [number, number]>> = { score: [0, 10], satisfaction: [1, 10], effort: [1, 10] };
const PAIRS: [Role, Role][] = [['start', 'end'], ['created', 'closed'], ['created', 'responded']];

const MESSAGES: Record<IssueKind, (count: number, column: string) => string> = {
  duplicateRows: (n) => `${n} rows repeat an earlier row exactly`,
  duplicateIds: (n, c) => `${n} rows repeat an id already used in ${c}`,
  scoreOutOfRange: (n, c) => `${n} scores in ${c} are outside the scale or not whole numbers`,
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

/** Runs every check that the mapped columns allow. */
export function checkData(input: CheckInput): DataIssue[] {
  const { values, mapping, origin, toCivil } = input;
  const start = input.hasHeader ? 1 : 0;
  const headers = input.hasHeader ? (values[0] ?? []).map((h) => String(h)) : [];
  const width = Math.max(0, ...values.map((r) => (r ? r.length : 0)));
  const sheetRow = (i: number): number => origin.row + i;
  const sheetColumn = (c: number): number => origin.column + c;
  const name = (c: number): string => headers[c] || `column ${columnLetter(sheetColumn(c))}`;
  const endOfToday = Math.floor(input.today / 86_400_000 + 1) * 86_400_000;
  const issues: DataIssue[] = [];
  const report = (kind: IssueKind, f: Finding, role?: Role, column?: number): void => {
    if (!f.count) return;
    const first = column === undefined ? origin.column : sheetColumn(column);
    const last = column === undefined ? origin.column + width - 1 : first;
    const label = column === undefined ? '' : name(column);
    issues.push({
      kind, count: f.count, rows: f.rows, ranges: rangesOf(f.rows, first, last), message: MESSAGES[kind](f.count, label),
      ...(role ? { role } : {}), ...(column !== undefined ? { column: label } : {}),
    });
  };
  const mapped = (Object.keys(mapping) as Role[]).filter((r) => mapping[r] !== undefined);

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
    const type = ROLE_TYPE[role];
    const blanks = new Finding();
    const bad = new Finding();
    const outOfRange = new Finding();
    const future = new Finding();
    const dupIds = new Finding();
    const ids = new Set<string>();
    const parsed = type === 'date' ? new Float64Array(values.length).fill(NaN) : undefined;
    const scale = SCALES[role];
    for (let i = start; i < values.length; i++) {
      const cell = values[i]?.[c];
      if (isBlank(cell)) {
        if (REQUIRED.includes(role)) blanks.add(sheetRow(i));
        continue;
      }
      if (ID_ROLES.includes(role)) {
        const key = String(cell).trim().toLowerCase();
        if (ids.has(key)) dupIds.add(sheetRow(i));
        else ids.add(key);
      }
      if (type === 'number') {
        const got = coerceNumber(cell);
        if (!got.ok) bad.add(sheetRow(i));
        else if (scale && (got.value < scale[0] || got.value > scale[1] || !Number.isInteger(got.value))) outOfRange.add(sheetRow(i));
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
    report('scoreOutOfRange', outOfRange, role, c);
    report('futureDate', future, role, c);
  }

  for (const [from, to] of PAIRS) {
    const a = dates.get(from);
    const b = dates.get(to);
    if (!a || !b) continue;
    const f = new Finding();
    for (let i = start; i < values.length; i++) if (b[i] < a[i]) f.add(sheetRow(i));
    report('endBeforeStart', f, to, mapping[to]);
  }
  return issues;
}
