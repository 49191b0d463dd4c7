// METRIC_BY: any function of the table computed per segment, by slicing its row-aligned ranges and running it per slice.

import { showDate } from '../core/dateText';
import { isDate, MetricError, messages } from '../core/errors';
import { sortedKeyOrder, type KeyCodes } from '../core/grouping';
import { coerceText, isBlank, type Cell } from '../core/values';
import { column } from './examples';
import { asRange } from './ranges';
import { checkResult, coerceArguments } from './runner';
import { defineFunction, type Arg, type CallContext, type FunctionSpec, type Param } from './spec';

const BLANK_SEGMENT = '(blank)';

/** The most parameters any function of the table takes (variadic ones, METRIC_BY itself, aside). */
function widestArity(table: readonly FunctionSpec[]): number {
  return table.reduce((widest, f) => (f.params.some((p) => p.rest) ? widest : Math.max(widest, f.params.length)), 0);
}

/**
 * The metric's arguments, as many as the widest function of the table takes (`max`, read when the stubs are generated,
 * after the table exists): the stub numbers that many, and more is an error naming the cap, never a silent drop.
 */
function argsParam(max: () => number): Param<'args', Arg[]> {
  return {
    name: 'args', type: 'any', optional: true, fallback: () => [],
    description: 'The metric’s arguments in its own order, ranges beside segments.',
    coerce: (raw) => [raw],
    rest: {
      get max() {
        return max();
      },
      coerceAll(raw, call) {
        if (raw.length > max()) throw new MetricError(messages.metricByTooManyArguments(call.fn, max(), raw.length));
        return [...raw];
      },
    },
  };
}

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
      if (!spec) throw new MetricError(messages.unknownFunction(call.fn, Array.isArray(cell) ? 'a range' : cell, call.toCivil));
      return spec;
    },
  };
}

/** Segment cells coded in one pass: each distinct raw value is trimmed and looked up once. */
function segmentsParam(): Param<'segments', KeyCodes & { rows: number; columns: number }> {
  return {
    name: 'segments', type: 'range', optional: false,
    description: 'One column with the segment of each row (region, plan, channel).',
    coerce(raw, call) {
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
            // A date segment is named as the sheet shows it: its day in the spreadsheet's time zone.
            const text = isBlank(cell) ? undefined : isDate(cell) ? { ok: true, value: showDate(cell, call.toCivil) } : coerceText(cell);
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

/** True for an argument of the table's rows: a range parameter's (a single cell is one row), or several cells for "number or range". */
function isRowData(param: Param | undefined, arg: Arg): boolean {
  if (!param || arg === undefined || arg === null || arg === '') return false;
  if (param.type === 'range') return true;
  return param.type === 'number or range' && Array.isArray(arg) && arg.length * (arg[0]?.length ?? 0) > 1;
}

/**
 * The arguments split by segment, as ranges, each of which must have the segments' rows (a range of other rows
 * is a mistake, never passed whole); single values and word lists (text and number parameters) pass unchanged.
 */
function rowAligned(metric: FunctionSpec, args: Arg[], rows: number, fn: string): { aligned: Arg[]; sliced: boolean[] } {
  const sliced = args.map((a, k) => isRowData(metric.params[k], a));
  const aligned = args.map((a, k) => {
    if (!sliced[k]) return a;
    const range = asRange(a);
    if (range.length !== rows) throw new MetricError(messages.metricByRows(fn, rows, metric.params[k].name, range.length));
    return range;
  });
  return { aligned, sliced };
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

/**
 * The METRIC_BY entry; `lookup` finds the other functions of the table and `table` lists them all, read only once the
 * table exists (both passed in to keep the table acyclic).
 */
export function metricBy(lookup: (name: string) => FunctionSpec | undefined, table: () => readonly FunctionSpec[]): FunctionSpec {
  let cap: number | undefined;
  const maxArgs = (): number => (cap ??= widestArity(table()));
  return defineFunction({
    name: 'METRIC_BY',
    category: 'Health and segments',
    summary: 'Any metric of this add-on computed per segment: spills segment | value | n.',
    labels: {
      en: { name: 'Metric by segment', summary: 'Any metric of this add-on computed per segment, with its value and row count.' },
      cs: { name: 'Metrika podle segmentů', summary: 'Libovolná metrika doplňku spočítaná pro každý segment, s hodnotou a počtem řádků.' },
      pl: { name: 'Metryka według segmentów', summary: 'Dowolna metryka dodatku policzona dla każdego segmentu, z wartością i liczbą wierszy.' },
      ru: { name: 'Метрика по сегментам', summary: 'Любая метрика дополнения, рассчитанная по сегментам, со значением и числом строк.' },
      th: { name: 'ตัวชี้วัดแยกตามกลุ่ม', summary: 'ตัวชี้วัดใดก็ได้ของส่วนเสริมนี้ คำนวณแยกตามกลุ่ม พร้อมค่าและจำนวนแถว' },
    },
    definition: 'Every range of the metric’s data (an argument it takes as a range) is split by segment and must have as many rows ' +
      'as segments; other arguments (single values, word lists) are passed to each segment unchanged. As many arguments may follow ' +
      'segments as the widest function of the add-on takes. The metric runs once per segment exactly as it would on that segment’s rows. ' +
      'Segments are sorted (numbers in text by value), blank segment cells are grouped as "(blank)" at the end. n is the number of the ' +
      'segment’s rows in which every split range has a non-blank cell, counted before the metric’s own filters (such as a period). ' +
      'A segment with nothing to compute on shows a blank value. The metric must return one number (a period label, not a grain).',
    format: 'table',
    direction: 'neither', chart: 'none', kinds: [],
      inputs: {},
    returns: 'A table segment | value | n, one row per segment.',
    params: [
      metricParam(lookup),
      segmentsParam(),
      argsParam(maxArgs),
    ],
    examples: [{
      args: ['NPS', column('EU', 'US', 'EU', 'US', ''), column(10, 9, 3, 10, 7)],
      result: [['segment', 'value', 'n'], ['EU', 0, 2], ['US', 100, 2], [BLANK_SEGMENT, 0, 1]],
    }],
    compute: ({ metric, segments, args }, call) => {
      if (segments.columns !== 1) throw new MetricError(messages.segmentsColumn(call.fn, segments.rows, segments.columns));
      const n = segments.rows;
      const takes = metric.params.length;
      if (args.length > takes && !metric.params.some((p) => p.rest)) {
        throw new MetricError(messages.metricByTooManyForMetric(call.fn, metric.name, takes, args.length));
      }
      const inner: CallContext = { ...call, fn: metric.name };
      const { aligned, sliced } = rowAligned(metric, args, n, call.fn);
      const ranges = aligned.filter((_, k) => sliced[k]) as Cell[][][];
      const asRow = aligned.flatMap((a, k) => (sliced[k] ? [(a as Cell[][])[0]?.length === 1 && metric.params[k]?.cellwise === true] : []));
      let validated = false;
      const validateAll = (): void => {
        if (validated) return;
        validated = true;
        try {
          coerceArguments(metric, aligned, inner);
        } catch (e) {
          throw e instanceof MetricError ? new MetricError(messages.metricByInner(call.fn, e.said)) : e;
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
        const segmentArgs = aligned.map((a, j) => (sliced[j] ? slices[k++][g] : a));
        const value = segmentValue(metric, segmentArgs, inner, validateAll);
        if (typeof value === 'number') values++;
        else firstError ??= value;
        table.push([g === blank ? BLANK_SEGMENT : segments.keys[g], typeof value === 'number' ? value : '', complete[g]]);
      }
      // When no segment has a value the arguments themselves are at fault (a period without dates): say so.
      if (!values && firstError) throw new MetricError(messages.metricByInner(call.fn, firstError.said));
      return table;
    },
  });
}
