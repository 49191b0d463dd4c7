// Why a summary would come out empty, as a keyed error naming the cause and the fix (issue 11): From/To outside the
// data, or every chosen metric failing its own checks on the mapped columns.

import type { Language } from '../../core/languages';
import { findFunction } from '../../functions/catalogue';
import type { Message, ReportSpec } from '../rpc/contract';
import { RpcError } from '../messages';
import { isoDay } from '../../core/periods';

const DAY_MS = 86_400_000;

/** The periods the metrics' series held before From/To filtered them: the earliest start and latest end (civil ms). */
export interface DataSpan {
  start: number;
  end: number;
}

/** Widens a span by one period (start inclusive, end exclusive). */
export function widen(span: DataSpan | undefined, start: number, end: number): DataSpan {
  return span ? { start: Math.min(span.start, start), end: Math.max(span.end, end) } : { start, end };
}

/** Throws outsideData when From/To were set, the data has periods, and none of them lies in the range. */
export function checkRange(spec: ReportSpec, span: DataSpan | undefined, periodsInRange: number): void {
  if (!span || periodsInRange > 0 || (!spec.from && !spec.to)) return;
  throw new RpcError('outsideData', { from: spec.from ?? '…', to: spec.to ?? '…', first: isoDay(span.start), last: isoDay(span.end - DAY_MS) });
}

/**
 * Throws metricsFailedChecks when nothing could be computed and at least one metric failed its own checks (a
 * metricSkipped warning): the first one by its display name in `language` and its own message, and how many more failed.
 */
export function checkComputable(computed: number, warnings: readonly Message[], language: Language = 'en'): void {
  const failed = warnings.filter((w) => w.key === 'metricSkipped');
  if (computed > 0 || !failed.length) return;
  const name = String(failed[0].params.metric);
  throw new RpcError('metricsFailedChecks', {
    name, metric: findFunction(name)?.labels[language].name ?? name, message: String(failed[0].params.message).replace(/\.$/, ''), others: failed.length - 1,
  });
}
