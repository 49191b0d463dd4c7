// Per-customer predictions from purchase records: P(alive), expected purchases and spend, discounted CLV.

import { MetricError, predictiveMessages as say } from '../../errors';
import { fitBgNbd, probabilityAlive, type BgNbdFit, type PurchaseHistories } from './bg-nbd';
import { discountedValue } from './clv';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import { summariseCustomers, type CustomerSummary, type Transactions } from './rfm';
import { daysPerUnit, DAYS_PER_MONTH, type TimeUnit } from './time-units';

export interface CustomerValue {
  customer: string;
  frequency: number;
  recency: number;
  age: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  lifetimeValue: number;
  /** What the customer spent up to the calibration end (for the outlook's "valuable at risk" list). */
  pastSpend: number;
}

export interface ValueOptions {
  /** Length of the horizon, in `unit`. */
  horizon: number;
  /** The unit of the horizon and of recency and age in the result. */
  unit: TimeUnit;
  /** Discount rate per month, e.g. 0.01. */
  monthlyDiscountRate: number;
  calibrationEnd?: number;
}

export interface FittedModels {
  summary: CustomerSummary;
  purchases: BgNbdFit;
  spend: GammaGammaFit;
}

export interface ValuePrediction extends FittedModels {
  customers: CustomerValue[];
}

/** The longest horizon valued month by month: a century (the sum's cost grows with it). */
const MAX_HORIZON_YEARS = 100;

function validateOptions(fn: string, { horizon, unit, monthlyDiscountRate }: ValueOptions): void {
  if (!(horizon > 0 && Number.isFinite(horizon))) throw new MetricError(say.notPositive(fn, 'horizon', horizon));
  if (horizon * daysPerUnit(unit) > MAX_HORIZON_YEARS * 12 * DAYS_PER_MONTH) throw new MetricError(say.horizonTooLong(fn, MAX_HORIZON_YEARS));
  if (!(monthlyDiscountRate >= 0 && Number.isFinite(monthlyDiscountRate))) {
    throw new MetricError(say.notNonNegative(fn, 'discount_rate', monthlyDiscountRate));
  }
}

/** Repeat customers' spend as Gamma-Gamma reads it; `weight`: how many customers each entry stands for (1 when left out). */
export interface SpendHistories {
  frequency: ArrayLike<number>;
  meanSpend: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

/** Fits BG/NBD (purchases) and Gamma-Gamma (spend): on each customer's history, or on weighted histogram cells (a warehouse's). */
export function fitModels(fn: string, histories: PurchaseHistories, spend: SpendHistories): Omit<FittedModels, 'summary'> {
  const purchases = fitBgNbd(fn, histories);
  return { purchases, spend: fitGammaGamma(fn, spend.frequency, spend.meanSpend, spend.weight) };
}

/** Fits both models to a calibration summary. */
export function fitSummary(fn: string, summary: CustomerSummary): FittedModels {
  return { summary, ...fitModels(fn, summary, { frequency: summary.frequency, meanSpend: summary.meanRepeatSpend }) };
}

/** Summarises the calibration period in `unit` and fits BG/NBD (purchases) and Gamma-Gamma (spend) to it. */
export function fitPurchaseAndSpendModels(fn: string, transactions: Transactions, unit: TimeUnit, calibrationEnd?: number): FittedModels {
  return fitSummary(fn, summariseCustomers(fn, transactions, unit, calibrationEnd));
}

/** Fits BG/NBD and Gamma-Gamma on the calibration period and values every customer; sorted by CLV, highest first. */
export function predictCustomerValues(fn: string, transactions: Transactions, options: ValueOptions): ValuePrediction {
  validateOptions(fn, options);
  return valueCustomers(fn, fitPurchaseAndSpendModels(fn, transactions, options.unit, options.calibrationEnd), options);
}

/**
 * Values every customer of the fitted summary (its unit must be `options.unit`); sorted by CLV, highest first, ties by
 * customer id.
 */
export function valueCustomers(fn: string, fits: FittedModels, options: Omit<ValueOptions, 'calibrationEnd'>): ValuePrediction {
  validateOptions(fn, options);
  const { summary, purchases, spend } = fits;
  if (summary.unit !== options.unit) throw new Error(`${fn}: the summary is in ${summary.unit}, the values asked for in ${options.unit}`);
  const unitDays = daysPerUnit(options.unit);
  const horizonMonths = (options.horizon * unitDays) / DAYS_PER_MONTH;
  const customers = summary.ids.map((customer, i): CustomerValue => {
    const history = { x: summary.frequency[i], tx: summary.recency[i], T: summary.age[i] };
    const expectedSpend = expectedAverageSpend(spend.params, history.x, summary.meanRepeatSpend[i]);
    const value = discountedValue(purchases.params, history, expectedSpend, horizonMonths, options.monthlyDiscountRate, unitDays);
    return {
      customer,
      frequency: history.x,
      recency: history.tx,
      age: history.T,
      probabilityAlive: probabilityAlive(purchases.params, history.x, history.tx, history.T),
      expectedPurchases: value.expectedPurchases,
      expectedSpend,
      lifetimeValue: value.value,
      pastSpend: summary.totalSpend[i],
    };
  });
  customers.sort((p, q) => q.lifetimeValue - p.lifetimeValue || (p.customer < q.customer ? -1 : p.customer > q.customer ? 1 : 0));
  return { customers, purchases, spend, summary };
}

/** P(alive) of every customer who bought on or before the calibration end, in order of first appearance. */
export function predictProbabilitiesAlive(
  fn: string,
  transactions: Transactions,
  calibrationEnd?: number,
): { customer: string; probabilityAlive: number }[] {
  const summary = summariseCustomers(fn, { customerIds: transactions.customerIds, dates: transactions.dates }, 'weeks', calibrationEnd);
  const { params } = fitBgNbd(fn, summary);
  return summary.ids.map((customer, i) => ({
    customer,
    probabilityAlive: probabilityAlive(params, summary.frequency[i], summary.recency[i], summary.age[i]),
  }));
}
