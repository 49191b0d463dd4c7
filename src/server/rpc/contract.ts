// The sidebar ⇄ server contract: every RPC method's name, request and response schemas (zod/mini), and types.
//
// Rules both sides keep:
// - Requests and responses are plain JSON; dates are ISO strings ("2025-03-01", "2025-03-01T10:00:00.000Z").
// - Every handler takes ONE request object and returns an RpcResponse envelope; it never throws across the wire.
// - Errors and warnings carry a message key (ERROR_KEYS / WARNING_KEYS / ISSUE_KINDS) plus params, so the
//   sidebar's catalogue translates them; `message` is the English fallback text.
// - google.script.run calls the top-level function of the same name as the method (see RPC_METHODS).

import * as z from 'zod/mini';
import { TABLE_KINDS, type TableKind } from '../../core/mapping/kinds';
import { ROLES, type Role } from '../../core/mapping/roles';

// ---------------------------------------------------------------------------------------------------------
// Shared vocabulary

/** What a source column means to the metrics (src/core/mapping/roles.ts). Sidebar label keys: `role.<name>`. */
export { ROLES, type Role } from '../../core/mapping/roles';
export const RoleSchema = z.enum(ROLES as [Role, ...Role[]]);

/** Grains a summary can be built by. */
export const SUMMARY_GRAINS = ['week', 'month', 'quarter', 'year'] as const;
export type SummaryGrain = (typeof SUMMARY_GRAINS)[number];

export const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** An A1 range without a sheet name: "A1:J1001", "C5", "B2:B9". */
export const A1Schema = z.string().check(z.regex(/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/));

/** Role → 0-based column index inside the source range. Unmapped roles are absent. */
export const MappingSchema = z.partialRecord(RoleSchema, z.number().check(z.int(), z.nonnegative()));
export type Mapping = z.infer<typeof MappingSchema>;

/** The table a report reads: a sheet (by id; the name is informational) and the A1 range of header + data. */
export const SourceSchema = z.object({
  sheetId: z.number().check(z.int()),
  sheetName: z.string(),
  /** Header row plus data rows, e.g. "A1:J1001". */
  range: A1Schema,
  /** True when the first row of `range` holds the headers. */
  hasHeader: z.boolean(),
  /**
   * Optional (added later, backward compatible): the header texts when the report was set up. A refresh finds
   * each mapped column by its header if the user moved columns; a role whose header is gone is dropped (its
   * metrics are then reported as metricUnavailable).
   */
  headers: z.optional(z.array(z.string())),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * Added in issue 12: a warehouse table a report reads instead of a sheet. For such a report `source` only names it
 * (sheetId -1, sheetName = table, range "A1", hasHeader true, headers = columns); the summary's long table lives in
 * a hidden data sheet found by its tag, with the query's parameters (from, to) in control cells on it.
 */
export const WAREHOUSE_ENGINES = ['bigquery', 'duckdb'] as const;
export const WarehouseSourceSchema = z.object({
  engine: z.enum(WAREHOUSE_ENGINES),
  /** BigQuery: project.dataset.table; DuckDB: a CSV or Parquet file path. */
  table: z.string().check(z.minLength(1), z.maxLength(1024)),
  /** The Google Cloud project billed for BigQuery queries (BigQuery only). */
  billingProject: z.optional(z.string().check(z.maxLength(200))),
  /** The table's column names when the report was set up: mapping and segmentBy index into these. */
  columns: z.array(z.string()),
});
export type WarehouseSource = z.infer<typeof WarehouseSourceSchema>;

/** What the user chose in the sidebar: everything needed to (re)build a summary. */
export const ReportSpecSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(100)),
  source: SourceSchema,
  mapping: MappingSchema,
  /** Function-table names, e.g. ["NPS", "CHURN"]; only metrics whose roles are mapped are built. */
  metrics: z.array(z.string()).check(z.minLength(1), z.maxLength(60)),
  grain: z.enum(SUMMARY_GRAINS),
  /** Inclusive date range of the periods shown; omitted = the data's whole span. */
  from: z.optional(IsoDateSchema),
  to: z.optional(IsoDateSchema),
  /** 0-based column index to break figures down by; omitted = mapping.segment when mapped, else none. */
  segmentBy: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Target per metric name, in the metric's own unit (fractions for rates, points for NPS). */
  goals: z.optional(z.record(z.string(), z.number())),
  /** Added in issue 12: the warehouse table the figures are computed in (then from and to are required). */
  warehouse: z.optional(WarehouseSourceSchema),
});
export type ReportSpec = z.infer<typeof ReportSpecSchema>;

/** A saved report as stored in document properties (versioned; see src/server/reports). */
export const SavedReportSchema = z.object({
  version: z.literal(1),
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  spec: ReportSpecSchema,
  createdAt: z.string(),
  refreshedAt: z.optional(z.string()),
});
export type SavedReport = z.infer<typeof SavedReportSchema>;

/** A translatable message: `key` for the catalogue, `params` to fill it, `message` as the English fallback. */
export const MessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * Error keys (catalogue: `error.<key>`). Params in brackets.
 * badRequest [detail] · sheetNotFound [sheet] · noTable [sheet] · sourceEmpty [sheet, range] ·
 * rangeOutsideSheet [range] · reportNotFound [id] · lockTimeout [] · noMetricsAvailable [] ·
 * tooManyReports [limit] · reportTooLarge [title, bytes, limit] (a saved report over 8 KB, refused before any write) · metricFailed [metric, message] (message = the function's own message, in the user's language where src/core/errorTexts has it) ·
 * internal [detail] · sheetsUnavailable [] — Google Sheets did not answer (a service error that retries did not cure);
 * every summary and saved report is as it was or fully rebuilt, and the next call tidies what was left ·
 * outsideData [from, to, first, last] — From/To hold no period of the data, which covers first..last (ISO dates; "…" for an open end) ·
 * headerPastData [sheet, row, lastRow] — the header row given is below the sheet's last row with data ·
 * noDataRows [sheet, row] — the sheet holds column names in `row` and nothing under them ·
 * metricsFailedChecks [name, metric, message, others] — no chosen metric could be computed: the first one's function name,
 * English display name and own error message, and how many more failed ·
 * reportExists [id, title] — buildSummary with ifExists "ask" found a saved report of this title on the same sheet ·
 * warehouseTimeout [seconds] — the warehouse did not answer in time; the summary tab was left as it was ·
 * warehouseColumnsTimeout [seconds] — the warehouse did not list the table's columns in time ·
 * warehouseTooManyRows [] — the warehouse's answer had more rows than a data-source table holds; the tab was left as it was ·
 * warehouseFailed [message] — the warehouse refused the query (its own message: table not found, no access, billing) ·
 * warehouseRangeNeeded [] — a warehouse report needs From and To
 */
export const ERROR_KEYS = [
  'badRequest', 'sheetNotFound', 'noTable', 'sourceEmpty', 'rangeOutsideSheet', 'reportNotFound', 'lockTimeout',
  'noMetricsAvailable', 'tooManyReports', 'reportTooLarge', 'metricFailed', 'internal', 'sheetsUnavailable',
  // Added in issue 11: causes named with their fix (src/server/summary/causes.ts, handlers.ts) and the same-title question.
  'outsideData', 'headerPastData', 'noDataRows', 'metricsFailedChecks', 'reportExists',
  // Added in issue 12: a warehouse source (src/server/warehouse).
  'warehouseTimeout', 'warehouseFailed', 'warehouseRangeNeeded', 'warehouseColumnsTimeout', 'warehouseTooManyRows',
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

/**
 * Warning keys in a build result (catalogue: `warning.<key>`).
 * metricSkipped [metric, message] — the metric could not be computed on this data (message: the table's text) ·
 * metricUnavailable [metric] — a role it needs is not mapped, or it is not in this version's function table ·
 * smallSample [segment, n] · emptySegment [segment] — no row of the segment in the headline period · noCompletePeriod [] — every period in range is still running, the latest partial one is shown ·
 * userSheetNameTaken [name, used] — a user's sheet already had the name; the summary tab got `used` ·
 * reportSheetNameTaken [name, used] — another saved report's tab has the name; this summary's tab got `used`.
 */
export const WARNING_KEYS = ['metricSkipped', 'metricUnavailable', 'smallSample', 'emptySegment', 'noCompletePeriod', 'userSheetNameTaken', 'reportSheetNameTaken'] as const;
export type WarningKey = (typeof WARNING_KEYS)[number];

/** The envelope every handler returns. */
export type RpcResponse<T> = { ok: true; data: T } | { ok: false; error: Message & { key: ErrorKey } };

// ---------------------------------------------------------------------------------------------------------
// Methods

const Empty = z.object({});

/** getLocale: the user's language (one of the catalogue's) and the spreadsheet's time zone. */
export const GetLocaleRequest = Empty;
export const GetLocaleResponse = z.object({
  /** "en" | "cs" | "pl" | "ru" | "th" — the closest catalogue language; "en" when unknown. */
  language: z.enum(['en', 'cs', 'pl', 'ru', 'th']),
  /** The raw locale Apps Script reports ("cs", "en_US"). */
  locale: z.string(),
  timeZone: z.string(),
  /** Added in issue 12: the warehouse engine this spreadsheet can run (BigQuery in Sheets, DuckDB in the workbench); absent = none. */
  warehouse: z.optional(z.enum(WAREHOUSE_ENGINES)),
});

/** listSheets: every sheet's id and name, with the add-on's generated ones marked (sizes are read when one is picked). */
export const ListSheetsRequest = Empty;
export const SheetInfoSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** True for summary tabs the add-on made (tagged with developer metadata). */
  generated: z.boolean(),
});
export const ListSheetsResponse = z.object({ sheets: z.array(SheetInfoSchema), activeSheetId: z.number() });

/** Types a column's values were detected as. */
export const COLUMN_TYPES = ['number', 'date', 'text', 'boolean', 'empty'] as const;

/** detectTable: the header row, data range, column types, mapping and the metrics the mapping allows. */
export const DetectTableRequest = z.object({
  sheetId: z.number(),
  /** An A1 range to use instead of detecting one (the user edited it); first row = headers. */
  range: z.optional(A1Schema),
});
export const ColumnInfoSchema = z.object({
  index: z.number(),
  /** Column letter in the sheet ("C"). */
  letter: z.string(),
  header: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** Up to 3 example values as text. */
  samples: z.array(z.string()),
});
/** Kinds of CRM table (src/core/mapping/kinds.ts). */
export const TableKindSchema = z.enum(TABLE_KINDS as unknown as [TableKind, ...TableKind[]]);
export const MetricOptionSchema = z.object({
  /** The function-table name (what the report stores and a user types: "WIN_RATE"). */
  name: z.string(),
  category: z.string(),
  /** Added in issue 9: the display name in the user's language (getLocale's), from the entry's labels. */
  label: z.string(),
  /** The one-line summary in the user's language. */
  summary: z.string(),
  format: z.string(),
  /** Alternatives: the metric is available when EVERY role of ANY one list is mapped. */
  needs: z.array(z.array(RoleSchema)),
  /** Optional roles that add to the metric when mapped (the dates of a trend, probabilities). */
  trendNeeds: z.array(RoleSchema),
  /** True when the detected mapping has its roles AND the metric's own checks pass on the columns' values. */
  available: z.boolean(),
  /** Added in issue 9: the metric belongs to the detected kind of table, so the sidebar ticks it by default. */
  ofKind: z.boolean(),
  /** Added in issue 9: the kinds of table the metric belongs to (the sidebar finds the kind again after a remap). */
  kinds: z.array(TableKindSchema),
  /** Added in issue 9: offered for its kinds but never ticked by default (fitting CLV_PREDICT's models is slow on big tables). */
  optIn: z.optional(z.boolean()),
  /** Added in issue 9: why a metric whose roles are mapped cannot be computed (its own error message; since issue 11 in the user's language). */
  reason: z.optional(z.string()),
});
export type MetricOption = z.infer<typeof MetricOptionSchema>;
/** A column the detection left unmapped although its header named a role, because its values do not fit that role. */
export const MappingNoteSchema = z.object({ column: z.number(), role: RoleSchema, values: z.array(z.string()), message: z.string() });
export const DetectTableResponse = z.object({
  source: SourceSchema,
  /** Added in issue 9: the kind of table the mapped roles say this is; null when nothing tells. */
  kind: z.nullable(TableKindSchema),
  /** Added in issue 9: columns left unmapped on purpose, and why. */
  notes: z.array(MappingNoteSchema),
  /** Data rows below the header. */
  rows: z.number(),
  columns: z.array(ColumnInfoSchema),
  mapping: MappingSchema,
  metrics: z.array(MetricOptionSchema),
});

/** checkData: the data-quality report for the mapped columns. */
export const CheckDataRequest = z.object({ source: SourceSchema, mapping: MappingSchema });
/** Issue kinds (catalogue: `issue.<kind>`, params: count, column). */
export const ISSUE_KINDS = [
  'duplicateRows', 'duplicateIds', 'scoreOutOfRange', 'notANumber', 'notADate', 'blankRequired', 'endBeforeStart', 'futureDate',
] as const;
export const DataIssueSchema = z.object({
  kind: z.enum(ISSUE_KINDS),
  /** The role and header of the column concerned, when the issue is about one column. */
  role: z.optional(RoleSchema),
  column: z.optional(z.string()),
  /** How many rows are affected. */
  count: z.number(),
  /** The first affected rows as 1-based sheet row numbers (at most 20). */
  rows: z.array(z.number()),
  /** The first affected cells as A1 ranges on the source sheet (merged runs), for selectRange. */
  ranges: z.array(A1Schema),
  message: z.string(),
});
export type DataIssue = z.infer<typeof DataIssueSchema>;
export const CheckDataResponse = z.object({ rows: z.number(), issues: z.array(DataIssueSchema) });

/** buildSummary: builds (or rebuilds, with reportId) a summary tab and saves the report. */
export const BuildSummaryRequest = z.object({
  spec: ReportSpecSchema,
  reportId: z.optional(z.string()),
  /**
   * Added in issue 11, for a new report (no reportId) whose title a saved report of the same source sheet has:
   * "ask" answers the reportExists error (the sidebar asks: replace it = build again with its reportId, or keep both);
   * "keepBoth" builds a new report under the first free title "title (2)", "title (3)", …; omitted = built as given.
   */
  ifExists: z.optional(z.enum(['ask', 'keepBoth'])),
});
export const BuildResultSchema = z.object({
  report: SavedReportSchema,
  sheetId: z.number(),
  sheetName: z.string(),
  /** Metrics that made it onto the tab. */
  metrics: z.array(z.string()),
  warnings: z.array(MessageSchema),
});
export type BuildResult = z.infer<typeof BuildResultSchema>;
export const BuildSummaryResponse = BuildResultSchema;

/** listReports: every saved report with where its tab is now. */
export const ListReportsRequest = Empty;
export const ReportEntrySchema = z.object({
  report: SavedReportSchema,
  /** The current summary tab, found by its tag; absent when the user deleted it. */
  sheetId: z.optional(z.number()),
  sheetName: z.optional(z.string()),
});
export const ListReportsResponse = z.object({ reports: z.array(ReportEntrySchema) });

/** refreshReport: rebuilds one saved report. */
export const RefreshReportRequest = z.object({ id: z.string() });
export const RefreshReportResponse = BuildResultSchema;

/**
 * refreshAll: rebuilds the saved reports, least recently refreshed first; one failure does not stop the others. It
 * starts no report once the execution's time budget is spent (REFRESH_BUDGET_MS): those are in notRefreshed, and
 * running it again continues with them.
 */
export const RefreshAllRequest = Empty;
export const RefreshAllResponse = z.object({
  results: z.array(z.object({ id: z.string(), title: z.string(), ok: z.boolean(), sheetName: z.optional(z.string()), error: z.optional(MessageSchema) })),
  notRefreshed: z.array(z.object({ id: z.string(), title: z.string() })),
});

/** deleteReport: forgets a saved report, and deletes its tab when asked. */
export const DeleteReportRequest = z.object({ id: z.string(), deleteSheet: z.boolean() });
export const DeleteReportResponse = z.object({ deleted: z.boolean() });

/** selectRange: activates a sheet and selects ranges in it (the data check's "select" button). */
export const SelectRangeRequest = z.object({ sheetId: z.number(), ranges: z.array(A1Schema).check(z.minLength(1)) });
export const SelectRangeResponse = z.object({ selected: z.number() });

/** insertSampleData: adds the sample tables as new sheets (names never clash with existing ones). */
export const InsertSampleDataRequest = z.object({
  seed: z.optional(z.number().check(z.int())),
  /** Rows per table; default 1000, at most 20000. */
  rows: z.optional(z.number().check(z.int(), z.minimum(10), z.maximum(20000))),
});
export const InsertSampleDataResponse = z.object({ sheets: z.array(z.object({ id: z.number(), name: z.string() })) });

/**
 * Added in issue 12 — describeWarehouse: a warehouse table's columns, the proposed mapping and the metrics it allows, in
 * detectTable's shape (header = column name, type from the warehouse's, samples empty; `source` names the table as a
 * warehouse report's spec does). A metric not compiled to SQL is never available and says so in `reason`; `notCompiled`
 * lists those, whatever the mapping.
 */
export const DescribeWarehouseRequest = z.omit(WarehouseSourceSchema, { columns: true });
export const DescribeWarehouseResponse = z.extend(DetectTableResponse, {
  warehouse: WarehouseSourceSchema,
  notCompiled: z.array(z.string()),
});

/** Added in issue 12 — summarySql: the summary's long-table query for a report (sheet or warehouse) in a dialect. */
export const SummarySqlRequest = z.object({ spec: ReportSpecSchema, dialect: z.enum(WAREHOUSE_ENGINES) });
export const SummarySqlResponse = z.object({
  /** The query of the metrics that compile (the sheet's name is the table and its headers the columns for a sheet report). */
  sql: z.string(),
  /** Chosen metrics left out of the query, each with why (English; the function-table name in `name`). */
  leftOut: z.array(z.object({ name: z.string(), reason: z.string() })),
});

/** Every RPC method: its request and response schemas. google.script.run.<name>(request) calls it. */
export const RPC = {
  getLocale: { request: GetLocaleRequest, response: GetLocaleResponse },
  listSheets: { request: ListSheetsRequest, response: ListSheetsResponse },
  detectTable: { request: DetectTableRequest, response: DetectTableResponse },
  checkData: { request: CheckDataRequest, response: CheckDataResponse },
  buildSummary: { request: BuildSummaryRequest, response: BuildSummaryResponse },
  listReports: { request: ListReportsRequest, response: ListReportsResponse },
  refreshReport: { request: RefreshReportRequest, response: RefreshReportResponse },
  refreshAll: { request: RefreshAllRequest, response: RefreshAllResponse },
  deleteReport: { request: DeleteReportRequest, response: DeleteReportResponse },
  selectRange: { request: SelectRangeRequest, response: SelectRangeResponse },
  insertSampleData: { request: InsertSampleDataRequest, response: InsertSampleDataResponse },
  describeWarehouse: { request: DescribeWarehouseRequest, response: DescribeWarehouseResponse },
  summarySql: { request: SummarySqlRequest, response: SummarySqlResponse },
} as const;

export type RpcMethod = keyof typeof RPC;
export const RPC_METHODS = Object.keys(RPC) as RpcMethod[];
export type RpcRequest<M extends RpcMethod> = z.input<(typeof RPC)[M]['request']>;
export type RpcData<M extends RpcMethod> = z.output<(typeof RPC)[M]['response']>;

/**
 * Server side (for the workbench): `rpcHandlers(workbook, env)` in src/server/rpc/handlers.ts returns an object with
 * one function per RPC method, `(request: unknown) => RpcResponse<RpcData<M>>`, running on any Workbook
 * (src/server/sheets/workbook.ts) — `InMemoryWorkbook` in the workbench and tests, Apps Script's in the add-on.
 */
export type RpcHandlers = { [M in RpcMethod]: (request: unknown) => RpcResponse<RpcData<M>> };
