// What each warehouse-compiled metric aggregates, as data keyed by function name: the one thing a table entry cannot
// say (its maths is a TypeScript function). Every other fact — which roles feed each parameter, the default words,
// units, statistics and thresholds, which column dates a row, the series' count — is read from the entry itself.

import type { DurationUnit, Statistic } from '../core/durations';

/** A fixed value, or the default of the entry's parameter of that name (read from the entry at compile time). */
export type FromParam<T> = T | { param: string };

/** An aggregate shape; each field names a parameter of the entry (its role comes from the entry's inputs). */
export type Measure =
  /** (promoters 9–10 − detractors 0–6) ÷ answers × 100. */
  | { shape: 'netPromoters'; scores: string }
  /** Answers at or above `threshold` ÷ answers; the threshold's default may depend on the answer `scale`. */
  | { shape: 'shareAtLeast'; scores: string; threshold: string; scale: string }
  /** The mean of a number column. */
  | { shape: 'mean'; of: string }
  /** Rows whose text is one of the `hit` word list ÷ rows whose text is one of the `base` lists (all non-blank rows without). */
  | { shape: 'wordShare'; of: string; hit: string; base?: readonly string[] }
  /**
   * Rows whose flag word is a yes ÷ rows holding a flag (TRUE_WORDS / FALSE_WORDS of src/core/values.ts), or 1 − that
   * with `complement`; no value when a non-blank cell is neither, as the function then refuses the column. When `of`
   * is fed by start | end columns instead: the customers active at each period's start who end in it (spans.ts).
   */
  | { shape: 'flagShare'; of: string; complement?: boolean }
  /** Rows equal to 1 ÷ non-blank rows (a contact count: 1 is the first contact). */
  | { shape: 'shareOfOnes'; of: string }
  /** The sum of `top` ÷ the sum of `bottom`; the count is the rows holding either. */
  | { shape: 'ratioOfSums'; top: string; bottom: string }
  /**
   * Time from `from` to `to` over rows holding both (only rows whose `onlyWords.of` text is one of its list, when mapped),
   * in `unit`, summarised by `statistic` — or, with `within`, the share lasting at most that many hours. Rows are
   * dated by the date-time parameter `datedBy`.
   */
  | {
    shape: 'duration'; from: string; to: string; datedBy: string; unit: FromParam<DurationUnit>; statistic: FromParam<Statistic>;
    onlyWords?: { of: string; words: string }; within?: string;
  }
  /** The sum of amounts ÷ orders: distinct order ids, and each amount without an id an order of its own. */
  | { shape: 'perOrder'; amounts: string; orders: string }
  /** The sum of amounts ÷ distinct customers, over rows holding both. */
  | { shape: 'perCustomer'; amounts: string; customers: string }
  /** Customers (distinct `customers` ids) with at least two distinct `products` ÷ customers with one, over rows holding both. */
  | { shape: 'severalPerCustomer'; customers: string; products: string }
  /** Σ amount × weight over open rows (neither of the `closed` word lists) holding both; no value without outcomes. */
  | { shape: 'openSum'; amounts: string; outcomes: string; weights: string; closed: readonly string[] }
  /**
   * Customers (ids of rows holding a customer, a date and an amount: every row of the scope, before any date filter)
   * counted in the period of their first purchase: those with a purchase dated after the first (the earliest row, the
   * higher row on a tie) and larger ÷ all of them — or, when `base` is "repeat", ÷ those with a purchase dated after it.
   */
  | { shape: 'upsell'; customers: string; dates: string; amounts: string; base: string }
  /** The amounts of each customer dated in the period of its first purchase (as `upsell`), summed in that period; 0 in a period without new customers. */
  | { shape: 'firstPeriodRevenue'; customers: string; dates: string; amounts: string }
  /**
   * Customers whose amounts in a period add up to more than 0 (rows holding a customer, a date and an amount) are the
   * next period's base: the base's sum in the next period ÷ its sum in this one.
   */
  | { shape: 'nextPeriodRevenue'; customers: string; dates: string; amounts: string }
  /**
   * Open rows (an outcome in neither word list) × the mean `amounts` of `won` rows × won ÷ (won + lost) ÷ the mean days
   * from `from` to `to` of won rows holding both; no value without closed rows, won amounts or won cycles, or with a
   * zero cycle. The count is the rows holding an outcome; rows are dated by `datedBy`.
   */
  | { shape: 'velocity'; amounts: string; outcomes: string; won: string; lost: string; from: string; to: string; datedBy: string }
  /**
   * A spill section's sufficient statistic: how many rows hold each value of the whole-number `scores` column, over
   * every row of the table (as the summary runs a section: no range, no segment). The entry's own `compute` finishes
   * the table in TypeScript from this histogram (src/warehouse/sections/scores.ts).
   */
  | { shape: 'scoreHistogram'; scores: string }
  /**
   * Time in stage from a stage history (rows of `deals` | `stages` | `entered`), over every row: each deal's stays per
   * stage (entry to its next entry, by date then row; re-entries add up), counted per stage by their per-deal total of
   * days, beside the stages in the order of their first row; the entry's table is finished in TypeScript.
   */
  | { shape: 'stageDays'; deals: string; stages: string; entered: string }
  /**
   * A cohort matrix from the start | end columns of `range`: customers counted by the period of their start and the
   * period of their end (none while still a customer), over every row; the entry's table is finished in TypeScript.
   */
  | { shape: 'cohorts'; range: string }
  /**
   * The purchase (BG/NBD) and spend (Gamma-Gamma) models over every row (a customer, a date, an amount; purchases on
   * one civil day count once, amounts added; calibration end: the entry's default, the last purchase day), fitted in
   * TypeScript on what the SQL returns (src/warehouse/sections/predictive.ts): the (frequency, recency, T) and
   * (frequency, repeat spend) histograms for the fitted models' table; with `value`, each customer's history and spends,
   * valued over the entry's default horizon and discount rate for the customer outlook.
   */
  | {
    shape: 'purchaseModels'; customers: string; dates: string; amounts: string; calibrationEnd: string; unit: string;
    value?: { horizon: string; discountRate: string };
  };

/** The warehouse meaning of every compiled metric. A summary metric not listed here is left out (see LEFT_OUT). */
export const MEASURES: Readonly<Record<string, Measure>> = {
  NPS: { shape: 'netPromoters', scores: 'scores' },
  CSAT: { shape: 'shareAtLeast', scores: 'scores', threshold: 'threshold', scale: 'scale' },
  CES: { shape: 'mean', of: 'scores' },
  WIN_RATE: { shape: 'wordShare', of: 'outcomes', hit: 'won', base: ['won', 'lost'] },
  CLOSE_RATE: { shape: 'wordShare', of: 'outcomes', hit: 'won' },
  RENEWAL_RATE: { shape: 'wordShare', of: 'outcomes', hit: 'renewed' },
  LEAD_CONVERSION: { shape: 'wordShare', of: 'statuses', hit: 'converted' },
  LEAD_QUALIFICATION_RATE: { shape: 'wordShare', of: 'statuses', hit: 'qualified' },
  FCR: { shape: 'shareOfOnes', of: 'contacts' },
  CHURN: { shape: 'flagShare', of: 'range' },
  RETENTION: { shape: 'flagShare', of: 'range', complement: true },
  TRAFFIC_TO_LEAD: { shape: 'ratioOfSums', top: 'leads', bottom: 'visitors' },
  ENGAGEMENT_RATE: { shape: 'ratioOfSums', top: 'engaged', bottom: 'total' },
  CAC: { shape: 'ratioOfSums', top: 'costs', bottom: 'new_customers' },
  RETENTION_COST: { shape: 'ratioOfSums', top: 'costs', bottom: 'retained_customers' },
  AVG_RESPONSE_TIME: { shape: 'duration', from: 'opened', to: 'responded', datedBy: 'opened', unit: { param: 'unit' }, statistic: 'mean' },
  LEAD_RESPONSE_TIME: { shape: 'duration', from: 'created', to: 'first_response', datedBy: 'created', unit: { param: 'unit' }, statistic: 'mean' },
  RESOLUTION_TIME: { shape: 'duration', from: 'opened', to: 'resolved', datedBy: 'resolved', unit: { param: 'unit' }, statistic: { param: 'statistic' } },
  SLA_COMPLIANCE: { shape: 'duration', from: 'opened', to: 'responded', datedBy: 'opened', unit: 'hours', statistic: 'mean', within: 'target_hours' },
  SALES_CYCLE: {
    shape: 'duration', from: 'created', to: 'closed', datedBy: 'closed', unit: 'days', statistic: { param: 'statistic' }, onlyWords: { of: 'outcomes', words: 'won' },
  },
  APV: { shape: 'perOrder', amounts: 'amounts', orders: 'order_ids' },
  CLV_HISTORIC: { shape: 'perCustomer', amounts: 'amounts', customers: 'customer_ids' },
  CROSS_SELL_RATE: { shape: 'severalPerCustomer', customers: 'customer_ids', products: 'products' },
  PIPELINE_VALUE: { shape: 'openSum', amounts: 'amounts', outcomes: 'outcomes', weights: 'probabilities', closed: ['won', 'lost'] },
  UPSELL_RATE: { shape: 'upsell', customers: 'customer_ids', dates: 'dates', amounts: 'amounts', base: 'base' },
  NET_NEW_REVENUE: { shape: 'firstPeriodRevenue', customers: 'customer_ids', dates: 'dates', amounts: 'amounts' },
  NRR: { shape: 'nextPeriodRevenue', customers: 'customer_ids', dates: 'dates', amounts: 'amounts' },
  SALES_VELOCITY: { shape: 'velocity', amounts: 'amounts', outcomes: 'outcomes', won: 'won', lost: 'lost', from: 'created', to: 'closed', datedBy: 'created' },
  NPS_BREAKDOWN: { shape: 'scoreHistogram', scores: 'scores' },
  NPS_CI: { shape: 'scoreHistogram', scores: 'scores' },
  COHORT_RETENTION: { shape: 'cohorts', range: 'range' },
  STAGE_DURATION: { shape: 'stageDays', deals: 'deal_ids', stages: 'stages', entered: 'entered_dates' },
  MODEL_FIT: { shape: 'purchaseModels', customers: 'customer_ids', dates: 'dates', amounts: 'amounts', calibrationEnd: 'calibration_end', unit: 'unit' },
  CLV_PREDICT: {
    shape: 'purchaseModels', customers: 'customer_ids', dates: 'dates', amounts: 'amounts', calibrationEnd: 'calibration_end', unit: 'unit',
    value: { horizon: 'horizon', discountRate: 'discount_rate' },
  },
};

/**
 * Summary metrics not compiled to SQL yet, and why: the long table leaves them out rather than give a wrong number.
 * Empty since every summary metric compiles; a metric added to the summaries must be compiled or listed here (a test
 * pins both lists).
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {};
