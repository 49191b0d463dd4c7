// The report file `npm run sql` reads: its zod schema and a reader that names every problem in one message.

import * as z from 'zod/mini';
import { ROLES } from '../core/mapping/roles';
import { GRAINS } from '../core/periods';
import type { WarehouseReport } from './query';

const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'));
const ColumnName = z.string().check(z.minLength(1), z.maxLength(300));

/** True for a time zone name the platform knows (Europe/Prague, UTC, America/New_York). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const WarehouseReportSchema = z.strictObject({
  /** BigQuery: project.dataset.table; DuckDB: a table name or a CSV/Parquet file path. */
  table: z.string().check(z.minLength(1), z.maxLength(1024)),
  /** The spreadsheet's time zone: periods hold the civil dates of the stored instants in it. */
  timeZone: z.string().check(z.refine(isTimeZone, 'an IANA time zone such as Europe/Prague or UTC')),
  grain: z.enum(GRAINS),
  from: IsoDay,
  to: IsoDay,
  metrics: z.array(z.string()).check(z.minLength(1)),
  /** Role → the column's name in the table. */
  columns: z.partialRecord(z.enum(ROLES), ColumnName),
  segment: z.optional(ColumnName),
});

/** The fields of a zod issue this reader explains. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  minimum?: number | bigint;
}

/** One problem in words a user can act on (zod's own message when it already says what it wants). */
function explain(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'object' || issue.expected === 'record' ? 'an object' : issue.expected === 'array' ? 'a list' : issue.expected === 'string' ? 'text' : issue.expected}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      if (issue.path[0] === 'columns') return `not a role: ${(issue.keys ?? []).join(', ')} (the roles are ${ROLES.join(', ')})`;
      return `unknown ${issue.keys && issue.keys.length > 1 ? 'fields' : 'field'} ${(issue.keys ?? []).join(', ')}`;
    case 'too_small':
      return `needs at least ${String(issue.minimum)} ${issue.minimum === 1 ? 'item' : 'items'}`;
    case 'invalid_key':
      return `a key is not a role (roles: ${ROLES.join(', ')})`;
    default:
      return issue.message;
  }
}

/** Thrown with every problem of a report file, one a line. */
export class ReportFileError extends Error {}

/** The report in `json` text, or a ReportFileError listing each problem by its path in the file. */
export function readReport(json: string, file = 'the report file'): WarehouseReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ReportFileError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const parsed = WarehouseReportSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${explain(i as unknown as Issue)}`);
    throw new ReportFileError(`${file} is not a valid report:\n${lines.join('\n')}`);
  }
  return parsed.data as WarehouseReport;
}
