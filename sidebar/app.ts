// The sidebar's controller: state, the calls it makes through the RPC client, and which view redraws when.

import type { z } from 'zod/mini';
import {
  ROLES,
  type DescribeWarehouseResponse,
  type DetectTableResponse,
  type ListReportsResponse,
  type Mapping,
  type MetricOption,
  type ReportSpec,
  type Role,
  type SheetInfoSchema,
  type SummaryGrain,
} from '../src/server/rpc/contract';
import { likeliestKind, type TableKind } from '../src/core/mapping/kinds';
import { ROLE_NAMES } from '../src/core/mapping/roleNames';
import { lookup, pickLanguage, translator, type Language, type Translate } from './i18n/catalogue';
import { decimalOf, goalExample, parseGoal } from './goal';
import { RpcError, type RpcClient } from './rpc';
import { tableLabel, type Engine, type SourceKind } from './warehouse';

export type SheetInfo = z.output<typeof SheetInfoSchema>;
/** A detected sheet table, or a described warehouse table (then with its source and the metrics not compiled to SQL). */
export type Table = z.output<typeof DetectTableResponse> & Partial<Pick<z.output<typeof DescribeWarehouseResponse>, 'warehouse' | 'notCompiled'>>;
export type ReportEntry = z.output<typeof ListReportsResponse>['reports'][number];

/** Everything the sidebar shows and the user chose. */
export interface State {
  language: Language;
  t: Translate;
  timeZone: string;
  /** The warehouse engine this spreadsheet can run (getLocale), if any. */
  warehouse?: Engine;
  /** Where the figures come from. */
  sourceKind: SourceKind;
  sheets: SheetInfo[];
  sheetId?: number;
  table?: Table;
  mapping: Mapping;
  selected: Set<string>;
  /** Goals as typed (percent for fraction metrics). */
  goals: Record<string, string>;
  grain: SummaryGrain;
  from: string;
  to: string;
  /** Column index to segment by, or "" for none. */
  segmentBy: number | '';
  title: string;
  reports: ReportEntry[];
}

export function initialState(language: Language = 'en'): State {
  return {
    language, t: translator(language), timeZone: 'UTC', sourceKind: 'sheet', sheets: [], mapping: {}, selected: new Set(), goals: {},
    grain: 'month', from: '', to: '', segmentBy: '', title: '', reports: [],
  };
}

/** True when every role of any one of the metric's alternatives is mapped. */
export function rolesMapped(metric: MetricOption, mapping: Mapping): boolean {
  return metric.needs.some((roles) => roles.every((role) => mapping[role] !== undefined));
}

/** The reason a metric cannot be offered: its own check failed on the detected columns, and they are still the ones mapped. */
export function blockedReason(metric: MetricOption, state: State): string | undefined {
  if (!metric.reason || !state.table) return undefined;
  // Not compiled to SQL: blocked on a warehouse table whatever is mapped.
  if (state.table.notCompiled?.includes(metric.name)) return metric.reason;
  const detected = state.table.mapping;
  const same = metric.needs.flat().every((role) => state.mapping[role] === detected[role]);
  return same ? metric.reason : undefined;
}

/** A metric is offered when its roles are mapped and it did not fail its own checks on those columns. */
export function isAvailable(metric: MetricOption, state: State): boolean {
  return rolesMapped(metric, state.mapping) && !blockedReason(metric, state);
}

/** The metrics the current mapping allows, in the server's order. */
export function availableMetrics(state: State): MetricOption[] {
  return (state.table?.metrics ?? []).filter((m) => isAvailable(m, state));
}

/** Metrics whose roles are mapped but whose own checks failed, with the reason. */
export function blockedMetrics(state: State): { metric: MetricOption; reason: string }[] {
  return (state.table?.metrics ?? []).flatMap((metric) => {
    const reason = rolesMapped(metric, state.mapping) ? blockedReason(metric, state) : undefined;
    return reason ? [{ metric, reason }] : [];
  });
}

/** The label of a column role in the user's language. */
export function roleLabel(state: State, role: Role): string {
  return ROLE_NAMES[state.language][role];
}

/** Error params with `metric` as the display name in the user's language when `name` is an offered metric's function name. */
function namedMetric(state: State, params: Record<string, string | number>): Record<string, string | number> {
  const option = state.table?.metrics.find((m) => m.name === params.name);
  return option ? { ...params, metric: option.label } : params;
}

/** " More chosen metrics failed their checks too: 2." when the error counts `others`. */
function moreFailed(state: State, params: Record<string, string | number>): string {
  return Number(params.others) > 0 ? ` ${state.t('error.moreFailed', { others: params.others })}` : '';
}

/** Plain words for an error: the catalogue's message for its key, else the server's English text. */
export function explain(state: State, error: unknown): string {
  if (error instanceof RpcError) {
    if (error.key === 'unexpectedReply') return state.t('error.unexpectedReply');
    const known = lookup(state.language, `error.${error.key}`);
    if (known) return state.t(`error.${error.key}` as never, namedMetric(state, error.params)) + moreFailed(state, error.params);
    return state.t('error.server', { message: error.message });
  }
  return state.t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** Translates a server message (warning.<key>, issue.<kind>) or falls back to its English text. */
export function translateMessage(state: State, prefix: string, message: { key: string; params: Record<string, string | number>; message: string }): string {
  const known = lookup(state.language, `${prefix}.${message.key}`);
  return known ? state.t(`${prefix}.${message.key}` as never, message.params) : message.message;
}

/** Splits "A2:J1001" into columns and rows. */
export function parseA1(range: string): { c1: string; r1: number; c2: string; r2: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(range.trim().toUpperCase());
  if (!m) return undefined;
  return { c1: m[1], r1: Number(m[2]), c2: m[3] ?? m[1], r2: Number(m[4] ?? m[2]) };
}

/** The header row and data range shown for a detected source range (header + data). */
export function splitSource(range: string, hasHeader: boolean): { headerRow: number; dataRange: string } {
  const p = parseA1(range);
  if (!p) return { headerRow: 1, dataRange: range };
  const first = hasHeader ? p.r1 + 1 : p.r1;
  return { headerRow: hasHeader ? p.r1 : Math.max(1, p.r1 - 1), dataRange: `${p.c1}${first}:${p.c2}${Math.max(first, p.r2)}` };
}

/** The source range (header + data) for a header row and a data range the user typed; an error key when invalid. */
export function joinSource(headerRowText: string, dataRange: string):
  { range: string } | { error: 'error.badHeaderRow' | 'error.badRange' } | { error: 'error.headerBelowRange'; values: { row: number; range: string; above: number } } {
  const headerRow = Number(headerRowText);
  if (!Number.isInteger(headerRow) || headerRow < 1) return { error: 'error.badHeaderRow' };
  const p = parseA1(dataRange);
  if (!p) return { error: 'error.badRange' };
  if (p.r2 < headerRow) return { error: 'error.headerBelowRange', values: { row: headerRow, range: dataRange.trim().toUpperCase(), above: Math.max(1, p.r1 - 1) } };
  return { range: `${p.c1}${headerRow}:${p.c2}${p.r2}` };
}

/** The report the form describes, or the key of the first problem with it. */
export function reportSpec(state: State): { spec: ReportSpec } | { error: string; values?: Record<string, string> } {
  const table = state.table;
  if (!table) return { error: 'error.noSource' };
  const offered = new Map(availableMetrics(state).map((m) => [m.name, m]));
  const metrics = Array.from(state.selected).filter((name) => offered.has(name));
  if (!metrics.length) return { error: 'error.noMetrics' };
  const goals: Record<string, number> = {};
  const decimal = decimalOf(state.language);
  for (const name of metrics) {
    const metric = offered.get(name) as MetricOption;
    const text = state.goals[name] ?? '';
    const goal = parseGoal(text, metric.format, decimal);
    if ('error' in goal) return { error: goal.error, values: { metric: metric.label, text: text.trim(), example: goalExample(metric.format, decimal) } };
    if ('value' in goal) goals[name] = goal.value;
  }
  if (table.warehouse && (!state.from || !state.to)) return { error: 'error.warehouseRangeNeeded' };
  if (state.from && state.to && state.from > state.to) return { error: 'error.badDates' };
  const mapping: Mapping = { ...state.mapping };
  if (state.segmentBy === '') delete mapping.segment;
  const title = state.title.trim() || defaultTitle(state, table);
  return {
    spec: {
      title: title.slice(0, 100),
      source: table.source,
      mapping,
      metrics,
      grain: state.grain,
      ...(state.from ? { from: state.from } : {}),
      ...(state.to ? { to: state.to } : {}),
      ...(state.segmentBy !== '' ? { segmentBy: state.segmentBy } : {}),
      ...(Object.keys(goals).length ? { goals } : {}),
      ...(table.warehouse ? { warehouse: table.warehouse } : {}),
    },
  };
}

/** The report name offered when none is typed: "Summary of" the sheet, or of the warehouse table's own name. */
export function defaultTitle(state: State, table: Table): string {
  return state.t('options.defaultTitle', { sheet: table.warehouse ? tableLabel(table.warehouse.table) : table.source.sheetName });
}

/** A column as its pickers show it: "C · Header" on a sheet, the column's name on a warehouse table. */
export function columnLabel(column: Table['columns'][number]): string {
  return column.letter ? `${column.letter} · ${column.header}` : column.header;
}

/** The kind of table the current mapping says this is (the same rule as the server's detection). */
export function tableKind(state: State): TableKind | null {
  return likeliestKind(state.table?.metrics ?? [], (role) => state.mapping[role] !== undefined);
}

/** True when the metric belongs to the kind of table the current mapping says this is and is not opt-in: it is then ticked by default. */
export function ofCurrentKind(metric: MetricOption, state: State): boolean {
  const kind = tableKind(state);
  return kind !== null && metric.kinds.includes(kind) && !metric.optIn;
}

/** Applies a detected table: its mapping, the offered metrics of its kind ticked, the segment column when one is mapped. */
export function applyTable(state: State, table: Table): void {
  state.table = table;
  state.mapping = { ...table.mapping };
  state.selected = new Set(availableMetrics(state).filter((m) => ofCurrentKind(m, state)).map((m) => m.name));
  state.segmentBy = table.mapping.segment ?? '';
  state.title = '';
}

/** Every role, mapped ones first (in the contract's order). */
export function rolesInOrder(mapping: Mapping): { mapped: Role[]; unmapped: Role[] } {
  return { mapped: ROLES.filter((r) => mapping[r] !== undefined), unmapped: ROLES.filter((r) => mapping[r] === undefined) };
}

/** Loads the language from the server, falling back to the browser's. */
export async function loadLocale(client: RpcClient, browserLocale: string): Promise<{ language: Language; timeZone: string; warehouse?: Engine }> {
  try {
    const locale = await client.call('getLocale', {});
    return { language: locale.language, timeZone: locale.timeZone, ...(locale.warehouse ? { warehouse: locale.warehouse } : {}) };
  } catch {
    return { language: pickLanguage(browserLocale), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  }
}
