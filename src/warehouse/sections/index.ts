// Every table-shaped measure by shape, and the one way a section's rows are finished (score histograms included).

import type { FunctionSpec } from '../../functions/spec';
import { CompileError } from '../entryReader';
import { MEASURES, type Measure } from '../measures';
import { COHORTS } from './cohorts';
import { PURCHASE_MODELS } from './predictive';
import { sectionFromHistogram } from './scores';
import { STAGE_DAYS } from './stages';
import type { FinishContext, FinishedSection, SectionRow, TableSection } from './section';

/** The measures compiled to their own CTEs and finished from their rows, by shape. */
export const TABLE_SECTIONS = {
  cohorts: COHORTS,
  stageDays: STAGE_DAYS,
  purchaseModels: PURCHASE_MODELS,
} as const;

export type TableShape = keyof typeof TABLE_SECTIONS;
type TableMeasure = Extract<Measure, { shape: TableShape }>;

export const isTableMeasure = (m: Measure): m is TableMeasure => m.shape in TABLE_SECTIONS;

/** The section of `measure`, typed by its shape. */
export const tableSectionOf = <M extends TableMeasure>(measure: M): TableSection<M> => TABLE_SECTIONS[measure.shape] as unknown as TableSection<M>;

/**
 * A section's table (or the outlook) from its rows in the long table: a score histogram (value = score, n = its rows)
 * or a table section's own rows. Throws the entry's MetricError where the function would refuse the same rows.
 */
export function finishSection(spec: FunctionSpec, rows: readonly SectionRow[], context: FinishContext): FinishedSection {
  const measure = MEASURES[spec.name];
  if (measure?.shape === 'scoreHistogram') {
    const counts = rows.flatMap((r) => (typeof r.value === 'number' && typeof r.n === 'number' && r.n > 0 ? [{ score: r.value, rows: r.n }] : []));
    return { table: sectionFromHistogram(spec, counts, context.env) };
  }
  if (measure && isTableMeasure(measure)) return tableSectionOf(measure).finish(spec, measure, rows, context);
  throw new CompileError(`${spec.name} is not a section compiled to SQL`);
}
