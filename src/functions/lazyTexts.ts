// A text range read on demand: text coercion never rejects a cell, so a metric may read only the rows it needs.

import { coerceText, isBlank } from '../core/values';
import { asRange } from './ranges';
import type { Param } from './spec';

/** A range of text (ids, names) whose cells are read when asked for: cell i's trimmed text, "" when blank. */
export interface LazyTexts {
  cells: number;
  text(i: number): string;
}

/** Like `texts`, but nothing is read up front (NRR looks up customers only in two periods' rows). */
export function lazyTexts<N extends string>(name: N, description: string): Param<N, LazyTexts> {
  return {
    name, description, type: 'range', optional: false, cellwise: true,
    coerce(raw) {
      const range = asRange(raw);
      const columns = range.length ? range[0].length : 0;
      return {
        cells: range.length * columns,
        text(i) {
          const cell = columns === 1 ? range[i][0] : range[Math.floor(i / columns)][i % columns];
          if (typeof cell === 'string') return cell.trim();
          if (isBlank(cell)) return '';
          const got = coerceText(cell);
          return got.ok ? got.value : '';
        },
      };
    },
  };
}
