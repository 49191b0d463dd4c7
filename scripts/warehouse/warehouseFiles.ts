// Which files a DuckDB query may read: the existing .csv/.parquet files it names as quoted paths, and nothing else.

import fs from 'node:fs';
import path from 'node:path';

/** A text literal the DuckDB renderer's table() would write for a file (its isFile rule): a name ending in a file type. */
const FILE_LITERAL = /\.(csv|tsv|parquet|json|ndjson)(\.gz)?$/i;
const READABLE = /\.(csv|parquet)$/i;

/** Why `file` cannot be a warehouse source, or undefined when it is an existing .csv or .parquet file. */
export function warehouseFileProblem(file: string): string | undefined {
  if (!READABLE.test(file)) return `DuckDB reads only .csv and .parquet files here, not ${JSON.stringify(file)}.`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return `There is no file ${JSON.stringify(file)}.`;
  }
  return stat.isFile() ? undefined : `${JSON.stringify(file)} is not a file.`;
}

/**
 * The quoted literals of `sql` ('it''s' → it's). Double-quoted identifiers are skipped whole, so a column named
 * "Owner's team" is no quote of a literal (the renderer writes no comments).
 */
function literals(sql: string): string[] {
  const out: string[] = [];
  for (const m of sql.matchAll(/"(?:[^"]|"")*"|'((?:[^']|'')*)'/g)) if (m[1] !== undefined) out.push(m[1].replace(/''/g, "'"));
  return out;
}

/**
 * The files `sql` names (as written and resolved from the working directory); throws when one that looks like a file
 * is not an existing .csv or .parquet file.
 */
export function filesNamedIn(sql: string): { named: string; resolved: string }[] {
  const files: { named: string; resolved: string }[] = [];
  for (const text of literals(sql)) {
    if (!FILE_LITERAL.test(text)) continue;
    const problem = warehouseFileProblem(text);
    if (problem) throw new Error(problem);
    files.push({ named: text, resolved: path.resolve(text) });
  }
  return files;
}
