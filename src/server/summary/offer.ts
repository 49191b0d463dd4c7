// Which metrics the sidebar offers for a mapping: the table kind's metrics ticked by default, every other metric whose
// roles are mapped offered too, and a metric whose own checks fail on the columns shown with the reason instead.

import { MetricError } from '../../core/errors';
import { errorIn } from '../../core/errorTexts';
import type { Language } from '../../core/languages';
import type { DetectionCatalogue } from '../../core/mapping/detect';
import { inSummaries, isAvailable, kindsOfRoles, neededRoles, optionalRoles } from '../../core/mapping/inputs';
import type { TableKind } from '../../core/mapping/kinds';
import type { Role } from '../../core/mapping/roles';
import type { Cell } from '../../core/values';
import { FUNCTIONS } from '../../functions/catalogue';
import { runFunction, type CallEnvironment } from '../../functions/runner';
import type { FunctionSpec } from '../../functions/spec';
import type { MetricOption } from '../rpc/contract';
import { Columns, planCall } from './columns';

/** The entries a summary can show, in the table's order. */
export const SUMMARY_METRICS: readonly FunctionSpec[] = FUNCTIONS.filter(inSummaries);

let detection: DetectionCatalogue | undefined;
/** What column detection needs to know of the table: each metric's kinds and needs, and the kinds of each role. */
export function detectionCatalogue(): DetectionCatalogue {
  return (detection ??= {
    metrics: SUMMARY_METRICS.map((f) => ({ kinds: f.kinds, needs: neededRoles(f) })),
    roleKinds: kindsOfRoles(SUMMARY_METRICS),
  });
}

/** Data rows to try each metric on (the rows detection read), with the clock they are read in. */
export interface TrialRows {
  data: Cell[][];
  timeZone: string;
  now: number;
}

/** The reason a metric cannot be computed on these columns (its own error message in `language`), or undefined when it can. */
function trial(spec: FunctionSpec, columns: Columns, rows: TrialRows, language: Language): string | undefined {
  const call = planCall(spec, columns, 'month');
  if (!call) return undefined;
  const env: CallEnvironment = { timeZone: () => rows.timeZone, nowMs: () => rows.now };
  try {
    // As the summary calls it: by a grain when it takes a period (CHURN over start | end dates needs one).
    runFunction(spec, call.args(null, call.takesPeriod ? 'month' : undefined), env);
    return undefined;
  } catch (e) {
    if (e instanceof MetricError) return errorIn(e.said, language);
    throw e;
  }
}

/**
 * Every summary metric with its needs, whether the mapping has them, whether it belongs to the table's kind, and — when
 * `rows` are given — the reason it fails its own checks on them.
 */
export function metricOptions(
  mapping: Partial<Record<Role, number>>, kind: TableKind | null, language: Language, rows?: TrialRows, toCivil: (t: number) => number = (t) => t,
): MetricOption[] {
  const out: MetricOption[] = [];
  const columns = rows ? new Columns(rows.data, mapping, toCivil) : undefined;
  for (const f of SUMMARY_METRICS) {
    const needs = neededRoles(f);
    if (!needs) continue;
    const mapped = isAvailable(needs, (r) => mapping[r] !== undefined);
    const reason = mapped && rows && columns ? trial(f, columns, rows, language) : undefined;
    const label = f.labels[language] ?? f.labels.en;
    out.push({
      name: f.name, category: f.category, label: label.name, summary: label.summary, format: f.format, needs, trendNeeds: optionalRoles(f),
      available: mapped && reason === undefined, ofKind: kind !== null && f.kinds.includes(kind) && !f.optIn, kinds: [...f.kinds], ...(f.optIn ? { optIn: true } : {}), ...(reason ? { reason } : {}),
    });
  }
  return out;
}
