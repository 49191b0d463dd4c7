// The dialects by name, as the command line and the report name them.

import { BIGQUERY } from './bigquery';
import { CompileError } from './entryReader';
import type { Dialect, DialectName } from './dialect';
import { DUCKDB } from './duckdb';

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { bigquery: BIGQUERY, duckdb: DUCKDB };

/** The dialect called `name`, or an error listing the known ones. */
export function dialectNamed(name: string): Dialect {
  const d = (DIALECTS as Record<string, Dialect>)[name];
  if (!d) throw new CompileError(`unknown dialect "${name}": use ${Object.keys(DIALECTS).join(' or ')}`);
  return d;
}
