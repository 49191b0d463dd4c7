// What the custom functions return on the same rows, called as the summary calls them (its call plan over role columns).

import { MetricError } from '../../src/core/errors';
import type { CustomerOutlook } from '../../src/core/metrics/predictive/customer-outlook';
import type { Role } from '../../src/core/mapping/roles';
import { parsePeriod, type Grain } from '../../src/core/periods';
import { civilClock } from '../../src/core/timezone';
import { coerceText, isBlank, type Cell } from '../../src/core/values';
import { runFunction } from '../../src/functions/runner';
import type { FunctionSpec, Result } from '../../src/functions/spec';
import { BLANK_SEGMENT } from '../../src/server/summary/figures';
import { Columns, planCall } from '../../src/server/summary/columns';
import { outlookOf } from '../../src/server/summary/outlook';

/** A figure as the function gives it: a number, or blank when it has nothing to compute on (its MetricError). */
export type Figure = { value: number | ''; n: number | '' };

/** A metric by grain (period label → figure), one figure over all rows, or refused (its MetricError: nothing to show). */
export type Expected = { kind: 'series'; periods: Map<string, Figure> } | { kind: 'overall'; figure: Figure } | { kind: 'refused' };

/** The rows of a sheet as the functions see them, in one time zone. */
export class SheetRows {
  private readonly columns: Columns;
  constructor(readonly data: Cell[][], readonly mapping: Partial<Record<Role, number>>, readonly timeZone: string, private readonly now: number) {
    this.columns = new Columns(data, mapping, civilClock(timeZone));
  }

  /** The function over `rows` (all rows when null) given `period` (a grain or a label), undefined where it refuses them. */
  private run(spec: FunctionSpec, grain: Grain, rows: number[] | null, period: string): Result | undefined {
    const call = planCall(spec, this.columns, grain);
    if (!call) throw new Error(`${spec.name} is not available on this mapping`);
    try {
      return runFunction(spec, call.args(rows, call.takesPeriod ? period : undefined), { timeZone: () => this.timeZone, nowMs: () => this.now });
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      return undefined;
    }
  }

  /** A section's table over every row, as the summary runs a spill section (no period, no segment); undefined where refused. */
  section(spec: FunctionSpec): (string | number)[][] | undefined {
    const result = this.run(spec, 'month', null, 'month');
    if (result !== undefined && !Array.isArray(result)) throw new Error(`${spec.name}: a section returned ${JSON.stringify(result)}`);
    return result as (string | number)[][] | undefined;
  }

  /** The customer outlook of an outlook section (CLV_PREDICT) over every row, as the summary builds it; undefined where refused. */
  outlook(spec: FunctionSpec): CustomerOutlook | undefined {
    const call = planCall(spec, this.columns, 'month');
    if (!call) throw new Error(`${spec.name} is not available on this mapping`);
    try {
      return outlookOf(spec, call.args(null, undefined), { timeZone: () => this.timeZone, nowMs: () => this.now });
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      return undefined;
    }
  }

  /** The function over `rows` (all rows when null) by `grain`, as the summary calls it. */
  expected(spec: FunctionSpec, grain: Grain, rows: number[] | null): Expected {
    const result = this.run(spec, grain, rows, grain);
    if (result === undefined) return { kind: 'refused' };
    if (typeof result === 'number') return { kind: 'overall', figure: { value: result, n: '' } };
    const shape = spec.series;
    if (!Array.isArray(result) || !shape) throw new Error(`${spec.name}: unexpected result ${JSON.stringify(result).slice(0, 80)}`);
    const periods = new Map<string, Figure>();
    for (const row of result.slice(1)) {
      const p = parsePeriod(String(row[0]));
      if (!p) throw new Error(`${spec.name}: not a period label: ${row[0]}`);
      const value = row[shape.value];
      const n = row[shape.n];
      periods.set(p.label, { value: typeof value === 'number' ? value : '', n: typeof n === 'number' ? n : '' });
    }
    return { kind: 'series', periods };
  }

  /** The function over `rows` given one period's label, as the summary asks for a segment's headline figure (n unknown). */
  labelled(spec: FunctionSpec, grain: Grain, label: string, rows: number[] | null): Figure {
    const result = this.run(spec, grain, rows, label);
    return { value: typeof result === 'number' ? result : '', n: '' };
  }

  /** Row indexes by segment text (blank cells under "(blank)"), as the summary groups them. */
  segments(column: number): Map<string, number[]> {
    const out = new Map<string, number[]>();
    this.data.forEach((row, i) => {
      const cell = row[column];
      const text = isBlank(cell) ? undefined : coerceText(cell);
      const key = text?.ok ? text.value : BLANK_SEGMENT;
      let rows = out.get(key);
      if (!rows) out.set(key, (rows = []));
      rows.push(i);
    });
    return out;
  }
}
