// Checks a warehouse table's name as BigQuery spells it (project.dataset.table) and a billing project's id; shared by
// the sidebar (before it asks) and the server (before it runs anything). A DuckDB file path is the runner's to check.

/** A project id: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen; optionally domain-scoped ("example.com:my-project"). */
const PROJECT = /^(?:[a-z][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** A dataset: letters, digits and underscores, at most 1024. */
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
/** A table: Unicode letters, marks, numbers, connectors (_), dashes and spaces, at most 1024. */
const TABLE = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;

/** What is wrong with a billing project id, or undefined when it is one. */
export function billingProjectProblem(id: string): 'billingProject' | undefined {
  return PROJECT.test(id.trim()) ? undefined : 'billingProject';
}

/** The part of a BigQuery table name that is not valid (undefined when it is project.dataset.table); backquotes are allowed around it. */
export function bigQueryTableProblem(name: string): 'shape' | 'project' | 'dataset' | 'table' | undefined {
  const m = /^(.+)\.([^.]+)\.([^.]+)$/u.exec(cleanTableName(name));
  if (!m) return 'shape';
  if (!PROJECT.test(m[1])) return 'project';
  if (!DATASET.test(m[2])) return 'dataset';
  return TABLE.test(m[3]) ? undefined : 'table';
}

/** The table name without backquotes or surrounding spaces, as a report stores it. */
export function cleanTableName(name: string): string {
  return name.trim().replace(/^`(.*)`$/, '$1').trim();
}
