// Helpers that write example arguments the way Sheets passes them (ranges as rows × columns).

import type { Cell } from '../core/values';

/** A one-column range: column(10, 9, 8) is [[10], [9], [8]]. */
export const column = (...cells: Cell[]): Cell[][] => cells.map((c) => [c]);

/** A range from its rows: rows([a, b], [c, d]). */
export const rows = (...cells: Cell[][]): Cell[][] => cells;
