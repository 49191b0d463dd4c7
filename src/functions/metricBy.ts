// METRIC_BY: any function of the table computed per segment, by slicing its row-aligned ranges and running it per slice.

import { MetricError, messages } from '../core/errors';
import { sortedKeyOrder, type KeyCodes } from '../core/grouping';
import { coerceText, isBlank, type Cell } from '../core/values';
import { column } from './examples';
import { rest } from './params';
import { asRange } from './ranges';
import { checkResult, coerceArguments } from './runner';
import { defineFunction, type Arg, type CallContext, type FunctionSpec, type Param } from './spec';

/** How many arguments the generated stub passes on (the widest function in the table takes six). */
const MAX_ARGS = 6;
const BLANK_SEGMENT = '(blank)';

/** The metric's name, looked up in the function table. */
function metricParam(lookup: (name: string) => FunctionSpec | undefined): Param<'metric', FunctionSpec> {
  return {
    name: 'metric', type: 'text', optional: false,
    description: 'The name of the function to compute per segment, such as "NPS" or "WIN_RATE".',
    coerce(raw, call) {
      const cell = Array.isArray(raw) && raw.length === 1 && raw[0].length === 1 ? raw[0][0] : raw;
      const name = typeof cell === 'string' ? cell.trim().toUpperCase() : '';
      if (name === call.fn) throw new MetricError(messages.metricByItself(call.fn));
      const spec = name ? lookup(name) : undefined;
      if (!spec) throw new MetricError(messages.unknownFunction(call.fn, Array.isArray(cell) ? 'a range' : cell));
      return spec;
    },
  };
}

/** Segment cells coded in one pass: each distinct raw value is trimmed and looked up once. */
function segmentsParam(): Param<'segments', KeyCodes & { rows: number; columns: number }> {
  return {
    name: 'segments', type: 'range', optional: false,
    description: 'One column with the segment of each row (region, plan, channel).',
    coerce(raw) {
      const range = asRange(raw);
      const rows = range.length;
      const columns = rows ? range[0].length : 0;
      const codes = new Int32Array(rows * columns);
      const byCell = new Map<Cell, number>();
      const byText = new Map<string, number>();
      const keys: string[] = [];
      for (let r = 0, i = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++, i++) {
          const cell = range[r][c];
          let code = byCell.get(cell);
          if (code === undefined) {
            const text = isBlank(cell) ? undefined : coerceText(cell);
            const key = text && text.ok ? text.value : '';
            code = key === '' ? -1 : byText.get(key);
            if (code === undefined) {
              code = keys.length;
              keys.push(key);
              byText.set(key, code);
            }
            // Dates are objects, each its own key: remember only values that repeat as themselves.
            if (typeof cell !== 'object') byCell.set(cell, code);
          }
          codes[i] = code;
        }
      }
      return { codes, keys, rows, columns };
    },
  };
}

/**
 * Splits the ranges beside the segments in one sequential pass: per group (segment code, the blank group last),
 * each range's rows (the row arrays are shared, not copied) and the count of complete rows, those in which every
 * split range holds a non-blank cell.
 */
function splitBySegment(codes: Int32Array, groups: number, ranges: Cell[][][], asRow: boolean[]): { slices: Cell[][][][]; complete: Int32Array } {
  const blank = groups - 1;
  const n = codes.length;
  const group = new Int32Array(n);
  const sizes = new Int32Array(groups);
  for (let r = 0; r < n; r++) sizes[(group[r] = codes[r] < 0 ? blank : codes[r])]++;
  const incomplete = new Uint8Array(n);
  const slices = ranges.map((range, k) => {
    // A one-column range whose parameter reads only its cells is gathered into one row per segment: no row
    // arrays to collect, and the metric then reads its cells in order rather than scattered over the sheet's rows.
    const one = asRow[k];
    const parts: Cell[][] = Array.from(sizes, (size) => new Array<Cell>(size));
    const fill = new Int32Array(groups);
    for (let r = 0; r < n; r++) {
      const row = range[r];
      const g = group[r];
      (parts[g] as unknown[])[fill[g]++] = one ? row[0] : row;
      if (!incomplete[r] && isBlankRow(row)) incomplete[r] = 1;
    }
    return one ? parts.map((cells) => [cells]) : (parts as unknown as Cell[][][]);
  });
  const complete = new Int32Array(groups);
  for (let r = 0; r < n; r++) if (!incomplete[r]) complete[group[r]]++;
  return { slices, complete };
}

/** True when every cell of the row is blank (numbers, the common case, are not). */
function isBlankRow(row: Cell[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell === 'number' || !isBlank(cell)) return false;
  }
  return true;
}

/** Runs `spec` on one segment's arguments: its number, or the MetricError saying why the segment has none. */
function segmentValue(spec: FunctionSpec, args: Arg[], call: CallContext, validateAll: () => void): number | MetricError {
  let result;
  try {
    result = checkResult(spec.name, spec.compute(coerceArguments(spec, args, call) as never, call));
  } catch (e) {
    if (!(e instanceof MetricError)) throw e;
    // A bad cell is reported against the whole range (its real row); otherwise the segment simply has no value.
    validateAll();
    return e;
  }
  if (typeof result !== 'number') throw new MetricError(messages.metricByNeedsNumber('METRIC_BY', spec.name));
  return result;
}

/** The METRIC_BY entry; `lookup` finds the other functions of the table (passed in to keep the table acyclic). */
export function metricBy(lookup: (name: string) => FunctionSpec | undefined): FunctionSpec {
  return defineFunction({
    name: 'METRIC_BY',
    category: 'Health and segments',
    summary: 'Any metric of this add-on computed per segment: spills segment | value | n.',
    definition: 'Every range argument with as many rows as segments is split by segment; other arguments (single values, word lists, ' +
      'weights) are passed to each segment unchanged. The metric runs once per segment exactly as it would on that segment’s rows. ' +
      'Segments are sorted (numbers in text by value), blank segment cells are grouped as "(blank)" at the end. n is the number of the ' +
      'segment’s rows in which every split range has a non-blank cell, counted before the metric’s own filters (such as a period). ' +
      'A segment with nothing to compute on shows a blank value. The metric must return one number (a period label, not a grain).',
    format: 'table',
    returns: 'A table segment | value | n, one row per segment.',
    params: [
      metricParam(lookup),
      segmentsParam(),
      rest('args', 'The metric’s arguments in its own order, ranges beside segments.', MAX_ARGS),
    ],
    examples: [{
      args: ['NPS', column('EU', 'US', 'EU', 'US', ''), column(10, 9, 3, 10, 7)],
      result: [['segment', 'value', 'n'], ['EU', 0, 2], ['US', 100, 2], [BLANK_SEGMENT, 0, 1]],
    }],
    compute: ({ metric, segments, args }, call) => {
      if (segments.columns !== 1) throw new MetricError(messages.segmentsColumn(call.fn, segments.rows, segments.columns));
      const n = segments.rows;
      const inner: CallContext = { ...call, fn: metric.name };
      const sliced = args.map((a) => Array.isArray(a) && a.length === n);
      const ranges = args.filter((_, k) => sliced[k]) as Cell[][][];
      const asRow = args.flatMap((a, k) => (sliced[k] ? [(a as Cell[][])[0].length === 1 && metric.params[k]?.cellwise === true] : []));
      let validated = false;
      const validateAll = (): void => {
        if (validated) return;
        validated = true;
        try {
          coerceArguments(metric, args, inner);
        } catch (e) {
          throw e instanceof MetricError ? new MetricError(messages.metricByInner(call.fn, e.message)) : e;
        }
      };
      const blank = segments.keys.length;
      const { slices, complete } = splitBySegment(segments.codes, blank + 1, ranges, asRow);
      const order = sortedKeyOrder(segments.keys);
      if (segments.codes.includes(-1)) order.push(blank);
      const table: (string | number)[][] = [['segment', 'value', 'n']];
      let firstError: MetricError | undefined;
      let values = 0;
      for (const g of order) {
        let k = 0;
        const segmentArgs = args.map((a, j) => (sliced[j] ? slices[k++][g] : a));
        const value = segmentValue(metric, segmentArgs, inner, validateAll);
        if (typeof value === 'number') values++;
        else firstError ??= value;
        table.push([g === blank ? BLANK_SEGMENT : segments.keys[g], typeof value === 'number' ? value : '', complete[g]]);
      }
      // When no segment has a value the arguments themselves are at fault (a period without dates): say so.
      if (!values && firstError) throw new MetricError(messages.metricByInner(call.fn, firstError.message));
      return table;
    },
  });
}
