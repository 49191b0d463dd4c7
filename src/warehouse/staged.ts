// The names of the columns the query stages once per row, which compiled expressions read.

import type { Role } from '../core/mapping/roles';

/** The staged column holding a word role's text normalised as outcome words are compared (NULL when blank). */
export const wordColumn = (role: Role): string => `${role}__word`;
/** The staged column holding an id role's trimmed text (NULL when blank): ids and products compare exactly. */
export const keyColumn = (role: Role): string => `${role}__key`;
/** The staged column holding the start of the period a date role's civil date falls in. */
export const periodColumn = (role: Role): string => `${role}__period`;
/** The CTE holding every staged row of the table, periods included (table-wide aggregates read it). */
export const STAGED_ROWS = 'source';
/** The staged column holding the table's row order, where the dialect has one (`Dialect.rowOrder`). */
export const ROW_ORDER = 'row__order';
