// The customer-table parameter: one column of churn statuses, or start date | end date spans, validated.

import { positionOf, type FlagColumn } from '../core/columns';
import { MetricError, messages } from '../core/errors';
import type { Spans } from '../core/metrics/churn';
import { dateColumns } from './dateParams';
import { flags } from './params';
import { asRange } from './ranges';
import type { Cell } from '../core/values';
import type { CallContext, Param } from './spec';

/** A customer table: one column of churn statuses, or two columns start date | end date. */
export type CustomerTable = { form: 'statuses'; flags: FlagColumn } | { form: 'spans'; spans: Spans };

const statusWords = 'churn statuses (TRUE/FALSE, 1/0, yes/no, churned/active)';
const statusColumn = flags('range', '', statusWords);

/** Reads the range by its shape and checks every span: a start for each end, and no end before its start. */
export function customerTable(): Param<'range', CustomerTable> {
  return {
    name: 'range', type: 'range', optional: false,
    description: 'Either one column of churn statuses (TRUE/FALSE, yes/no, churned/active), or two columns: start date | end date (blank end = still a customer).',
    coerce(raw, call, earlier) {
      const range = asRange(raw);
      const width = range.length ? range[0].length : 0;
      if (width === 1) return { form: 'statuses', flags: statusColumn.coerce(raw, call, earlier) };
      if (width !== 2) throw new MetricError(messages.badShape(call.fn, 'range', 'one column of statuses or two columns start | end', range.length, width));
      return { form: 'spans', spans: plainSpans(range, call.clock()) ?? checkedSpans(range, call) };
    },
  };
}

/**
 * The common case, read in the tightest loop: every row a Date start and a Date end no earlier, or a blank end
 * (or a wholly blank row). Undefined as soon as another row appears; `checkedSpans` then reads and explains it.
 */
function plainSpans(range: Cell[][], clock: (instant: number) => number): Spans | undefined {
  const n = range.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = range[r];
    const start = row[0];
    const end = row[1];
    if (!(start instanceof Date)) {
      if (start !== '' || end !== '') return undefined;
      starts[r] = NaN; // a blank row
      ends[r] = NaN;
      continue;
    }
    // An invalid Date (NaN time) goes to the general reader before any clock sees it; so does an end before its
    // start, compared in civil time as the general reader does.
    const startTime = start.getTime();
    if (startTime !== startTime) return undefined;
    const s = clock(startTime);
    let e = NaN;
    if (end !== '') {
      if (!(end instanceof Date)) return undefined;
      const endTime = end.getTime();
      if (endTime !== endTime) return undefined;
      e = clock(endTime);
      if (e < s) return undefined;
    }
    starts[r] = s;
    ends[r] = e;
  }
  return { starts, ends };
}

/** Any start | end range: its dates read by the general reader, every span checked (a start for each end, no end before it). */
function checkedSpans(range: Cell[][], call: CallContext): Spans {
  const [starts, ends] = dateColumns(range, 'range', call);
  const at = (r: number, c: number) => positionOf({ param: 'range', columns: 2 }, 2 * r + c);
  for (let r = 0; r < starts.length; r++) {
    const s = starts[r];
    const e = ends[r];
    if (e === e && s !== s) throw new MetricError(messages.missingStart(call.fn, at(r, 0)));
    if (e < s) throw new MetricError(messages.endBeforeStart(call.fn, at(r, 1)));
  }
  return { starts, ends };
}

