// Function table entries for predictive analysis: CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST, MODEL_FIT.

import { showCivil } from '../../core/dateText';
import { roleColumn } from '../../core/mapping/inputs';
import { MetricError, messages } from '../../core/errors';
import { fitPurchaseAndSpendModels, predictCustomerValues, predictProbabilitiesAlive, type FittedModels } from '../../core/metrics/predictive/customer-value';
import { forecastRetention } from '../../core/metrics/predictive/retention-forecast';
import { DAY_MS, TIME_UNITS, type TimeUnit } from '../../core/metrics/predictive/time-units';
import { coerceDate } from '../../core/values';
import { column } from '../examples';
import { dates } from '../dateParams';
import { number, numbers, option, texts, withDefault } from '../params';
import { defineFunction, type Param } from '../spec';

const customerIds = texts('customer_ids', 'The customer of each purchase, one row per purchase.');
const purchaseDates = dates('dates', 'The date of each purchase, beside customer_ids.', 'customer_ids');
const amounts = numbers('amounts', 'The amount of each purchase (0 or more), beside customer_ids.', { noun: 'amounts', min: 0 }, 'customer_ids');

/** One date cell: purchases after it are ignored (the holdout); left out, the last purchase date. */
const calibrationEnd: Param<'calibration_end', number | undefined> = {
  name: 'calibration_end', type: 'date', optional: true, fallback: () => undefined,
  description: 'Fit on purchases up to and including this date; later ones are ignored. Default: the last purchase date.',
  coerce(raw, call) {
    const cell = Array.isArray(raw) ? (raw.length === 1 && raw[0].length === 1 ? raw[0][0] : undefined) : raw;
    if (cell === undefined) throw new MetricError(messages.notASingleValue(call.fn, 'calibration_end', 'date'));
    const got = coerceDate(cell, call.toCivil);
    if (!got.ok) throw new MetricError(messages.badScalar(call.fn, 'calibration_end', 'a date', cell, call.toCivil));
    return got.value;
  },
};

/** A civil day number (days since 1970-01-01 in the spreadsheet's zone) as the sheet shows it. */
const isoDay = (day: number): string => showCivil(day * DAY_MS);

/** A small shop's first half-year: customer, purchase date, amount (the examples' data). */
const SAMPLE: [string, string, number][] = [
  ['ann', '2025-02-01', 53], ['ann', '2025-04-21', 59], ['bob', '2025-01-27', 66], ['bob', '2025-02-27', 52], ['bob', '2025-03-12', 50],
  ['bob', '2025-05-24', 56], ['bob', '2025-06-02', 59], ['cy', '2025-02-21', 89], ['dee', '2025-02-14', 76], ['dee', '2025-04-12', 86],
  ['dee', '2025-04-23', 69], ['eve', '2025-02-06', 103], ['eve', '2025-02-23', 105], ['fay', '2025-02-01', 54], ['fay', '2025-02-23', 64],
  ['fay', '2025-03-04', 58], ['fay', '2025-04-23', 58], ['gus', '2025-01-25', 66], ['hal', '2025-01-10', 37], ['hal', '2025-03-18', 53],
  ['ivy', '2025-01-24', 85], ['ivy', '2025-02-03', 80], ['jo', '2025-02-15', 98],
];
const sampleIds = column(...SAMPLE.map((row) => row[0]));
const sampleDates = column(...SAMPLE.map((row) => row[1]));
const sampleAmounts = column(...SAMPLE.map((row) => row[2]));
const SAMPLE_END = '2025-06-30';

export const CLV_PREDICT = defineFunction({
  name: 'CLV_PREDICT',
  category: 'Predictive',
  summary: 'Spills each customer’s predicted purchases, spend and discounted lifetime value (BG/NBD + Gamma-Gamma).',
  labels: {
    en: { name: 'Predicted CLV', summary: 'Each customer’s predicted purchases, spend and discounted lifetime value (BG/NBD).' },
    cs: { name: 'Predikovaná CLV', summary: 'Předpověď nákupů, útraty a diskontované celoživotní hodnoty každého zákazníka.' },
    pl: { name: 'Prognozowana CLV', summary: 'Prognoza zakupów, wydatków i zdyskontowanej wartości życiowej każdego klienta.' },
    ru: { name: 'Прогноз CLV', summary: 'Прогноз покупок, трат и дисконтированной пожизненной ценности каждого клиента.' },
    th: { name: 'CLV คาดการณ์', summary: 'คาดการณ์จำนวนครั้งที่ซื้อ ยอดใช้จ่าย และมูลค่าตลอดอายุแบบคิดลดของลูกค้าแต่ละราย' },
  },
  definition: 'From the purchases up to calibration_end: frequency = repeat purchase days (purchases on one day count once, amounts ' +
    'added), recency = first to last purchase day, T = first purchase day to calibration_end. BG/NBD (Fader, Hardie & Lee 2005) is ' +
    'fitted by maximum likelihood to predict purchases and P(alive); Gamma-Gamma to the mean repeat spend of repeat customers to ' +
    'predict spend per purchase. CLV = Σ over the months of the horizon of expected spend × expected purchases in that month ÷ ' +
    '(1 + discount_rate)^month (a month is 365.25/12 days; the last one may be partial).',
  format: 'table',
  direction: 'higher', chart: 'none', kinds: ['orders'], optIn: true, section: 'outlook',
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date'), amounts: roleColumn('amount') },
  returns: 'A table customer | frequency | recency | T | P(alive) | expected purchases | expected spend | CLV, highest CLV first; ' +
    'recency, T and the horizon in unit.',
  params: [
    customerIds, purchaseDates, amounts,
    withDefault(number('horizon', 'How far ahead to value each customer, in unit.', { what: 'a number greater than 0', min: Number.MIN_VALUE }), 12, '12'),
    withDefault(option('unit', 'The unit of horizon, recency and T: months, weeks or days.', TIME_UNITS), 'months' as (typeof TIME_UNITS)[number], '"months"'),
    withDefault(number('discount_rate', 'Discount rate per month (0.01 = 1%).', { noun: 'a rate', min: 0, max: 1 }), 0.01, '0.01'),
    calibrationEnd,
  ],
  examples: [{
    args: [sampleIds, sampleDates, sampleAmounts, 12, 'months', 0.01, SAMPLE_END], digits: 2,
    note: 'bob buys often and recently: the highest value; ivy bought twice early on and then stopped: probably gone',
    result: [
      ['customer', 'frequency', 'recency', 'T', 'P(alive)', 'expected purchases', 'expected spend', 'CLV'],
      ['bob', 4, 4.14, 5.06, 0.79, 4.2, 57.2, 226.6],
      ['fay', 3, 2.66, 4.9, 0.57, 2.54, 62.17, 148.84],
      ['dee', 2, 2.23, 4.47, 0.51, 1.85, 74.33, 130.03],
      ['cy', 0, 0, 4.24, 1, 1.6, 68.33, 103.17],
      ['jo', 0, 0, 4.44, 1, 1.57, 68.33, 101.65],
      ['gus', 0, 0, 5.13, 1, 1.5, 68.33, 96.7],
      ['ann', 1, 2.6, 4.9, 0.39, 0.99, 63.8, 59.49],
      ['eve', 1, 0.56, 4.73, 0.21, 0.53, 86.14, 42.91],
      ['hal', 1, 2.2, 5.62, 0.31, 0.73, 60.89, 42.12],
      ['ivy', 1, 0.33, 5.16, 0.17, 0.41, 74, 28.87],
    ]
  }],
  compute: ({ customer_ids, dates, amounts, horizon, unit, discount_rate, calibration_end }, call) => {
    const { customers } = predictCustomerValues(call.fn, { customerIds: customer_ids.values, dates: dates.values, amounts: amounts.values }, {
      horizon, unit, monthlyDiscountRate: discount_rate, calibrationEnd: calibration_end,
    });
    return [
      ['customer', 'frequency', 'recency', 'T', 'P(alive)', 'expected purchases', 'expected spend', 'CLV'],
      ...customers.map((c) => [c.customer, c.frequency, c.recency, c.age, c.probabilityAlive, c.expectedPurchases, c.expectedSpend, c.lifetimeValue]),
    ];
  },
});

export const PROB_ALIVE = defineFunction({
  name: 'PROB_ALIVE',
  category: 'Predictive',
  summary: 'Spills the probability that each customer is still active (BG/NBD).',
  labels: {
    en: { name: 'Probability still active', summary: 'The probability that each customer is still active (BG/NBD model).' },
    cs: { name: 'Pravděpodobnost aktivity', summary: 'Pravděpodobnost, že je každý zákazník stále aktivní (model BG/NBD).' },
    pl: { name: 'Prawdopodobieństwo aktywności', summary: 'Prawdopodobieństwo, że każdy klient jest nadal aktywny (model BG/NBD).' },
    ru: { name: 'Вероятность активности', summary: 'Вероятность того, что каждый клиент всё ещё активен (модель BG/NBD).' },
    th: { name: 'โอกาสที่ลูกค้ายังแอคทีฟ', summary: 'ความน่าจะเป็นที่ลูกค้าแต่ละรายยังคงแอคทีฟอยู่ (แบบจำลอง BG/NBD)' },
  },
  definition: 'BG/NBD (Fader, Hardie & Lee 2005) fitted to the purchases up to calibration_end; P(alive) = 1 ÷ (1 + a ÷ (b + x − 1) × ' +
    '((α + T) ÷ (α + recency))^(r + x)) for a customer with x > 0 repeat purchase days, and 1 for one who has not bought again.',
  format: 'table',
  direction: 'higher', chart: 'none', kinds: [],
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date') },
  returns: 'A table customer | P(alive), customers in order of first appearance.',
  params: [customerIds, purchaseDates, calibrationEnd],
  examples: [{
    args: [sampleIds, sampleDates, SAMPLE_END], digits: 3,
    note: 'customers who have not bought again since their first purchase count as alive',
    result: [
      ['customer', 'P(alive)'],
      ['ann', 0.393],
      ['bob', 0.786],
      ['cy', 1],
      ['dee', 0.514],
      ['eve', 0.207],
      ['fay', 0.57],
      ['gus', 1],
      ['hal', 0.308],
      ['ivy', 0.168],
      ['jo', 1],
    ]
  }],
  compute: ({ customer_ids, dates, calibration_end }, call) => [
    ['customer', 'P(alive)'],
    ...predictProbabilitiesAlive(call.fn, { customerIds: customer_ids.values, dates: dates.values }, calibration_end)
      .map((c) => [c.customer, c.probabilityAlive]),
  ],
});

export const RETENTION_FORECAST = defineFunction({
  name: 'RETENTION_FORECAST',
  category: 'Predictive',
  summary: 'Fits the shifted-beta-geometric model to a cohort and projects its survival and churn.',
  labels: {
    en: { name: 'Retention forecast', summary: 'A cohort’s projected survival and churn per period (shifted-beta-geometric model).' },
    cs: { name: 'Prognóza retence', summary: 'Předpověď přežití a odchodovosti kohorty po obdobích (model shifted-beta-geometric).' },
    pl: { name: 'Prognoza retencji', summary: 'Prognoza przetrwania i odejść kohorty w kolejnych okresach (model shifted-beta-geometric).' },
    ru: { name: 'Прогноз удержания', summary: 'Прогноз выживаемости и оттока когорты по периодам (модель shifted-beta-geometric).' },
    th: { name: 'พยากรณ์การรักษาลูกค้า', summary: 'คาดการณ์การอยู่รอดและการเลิกใช้ของกลุ่มลูกค้าในแต่ละช่วง (แบบจำลอง shifted-beta-geometric)' },
  },
  definition: 'active_counts holds the cohort size, then how many are still active after each period. Each customer churns each ' +
    'period with probability θ ~ Beta(α, β) (Fader & Hardie 2007), fitted by maximum likelihood. Churn rate in period t = ' +
    'α ÷ (α + β + t − 1); survival = the product of (1 − churn rate) up to t.',
  format: 'table',
  direction: 'higher', chart: 'none', kinds: [],
  inputs: {},
  returns: 'A table period | survival | churn rate | fitted/projected, from period 0 to the last observed period plus periods_ahead.',
  params: [
    numbers('active_counts', 'Customers still active at period 0 (the cohort size), 1, 2, …; counts or shares.', { noun: 'counts', min: 0 }),
    withDefault(number('periods_ahead', 'How many periods to project after the last observed one.', { noun: 'a whole number', integer: true, min: 0, max: 1000 }), 6, '6'),
  ],
  examples: [{
    args: [column(1000, 631, 468, 382, 326, 289, 262, 241), 2], digits: 3,
    note: 'the regular cohort of Fader & Hardie (2007): α = 0.704, β = 1.182',
    result: [
      ['period', 'survival', 'churn rate', 'fitted/projected'],
      [0, 1, '', 'fitted'],
      [1, 0.627, 0.373, 'fitted'],
      [2, 0.474, 0.244, 'fitted'],
      [3, 0.388, 0.181, 'fitted'],
      [4, 0.332, 0.144, 'fitted'],
      [5, 0.292, 0.12, 'fitted'],
      [6, 0.262, 0.102, 'fitted'],
      [7, 0.239, 0.089, 'fitted'],
      [8, 0.22, 0.079, 'projected'],
      [9, 0.204, 0.071, 'projected'],
    ]
  }],
  compute: ({ active_counts, periods_ahead }, call) => {
    const counts = Array.from(active_counts.values).filter((c) => c === c);
    const { periods } = forecastRetention(call.fn, counts, periods_ahead);
    return [
      ['period', 'survival', 'churn rate', 'fitted/projected'],
      ...periods.map((p) => [p.period, p.survival, p.churnRate ?? '', p.projected ? 'projected' : 'fitted']),
    ];
  },
});

/** What MODEL_FIT's data rows say besides the fits: customers, repeat customers, the time unit and the calibration end's civil day. */
export interface FittedData {
  customers: number;
  repeatCustomers: number;
  unit: TimeUnit;
  calibrationEndDay: number;
}

/** MODEL_FIT's table from the fitted models (on a sheet's rows, or on a warehouse's histograms). */
export function modelFitTable({ purchases, spend }: Omit<FittedModels, 'summary'>, data: FittedData): (string | number)[][] {
  const { r, alpha, a, b } = purchases.params;
  return [
    ['model', 'parameter', 'value'],
    ['BG/NBD', 'r', r], ['BG/NBD', 'alpha', alpha], ['BG/NBD', 'a', a], ['BG/NBD', 'b', b],
    ['BG/NBD', 'log-likelihood', purchases.logLikelihood],
    ['Gamma-Gamma', 'p', spend.params.p], ['Gamma-Gamma', 'q', spend.params.q], ['Gamma-Gamma', 'gamma', spend.params.gamma],
    ['Gamma-Gamma', 'log-likelihood', spend.logLikelihood],
    ['data', 'customers', data.customers],
    ['data', 'repeat customers', data.repeatCustomers],
    ['data', 'time unit', data.unit],
    ['data', 'calibration end', isoDay(data.calibrationEndDay)],
  ];
}

export const MODEL_FIT = defineFunction({
  name: 'MODEL_FIT',
  category: 'Predictive',
  summary: 'Spills the fitted BG/NBD and Gamma-Gamma parameters and log-likelihoods behind CLV_PREDICT.',
  labels: {
    en: { name: 'CLV model fit', summary: 'The fitted BG/NBD and Gamma-Gamma parameters and log-likelihoods behind predicted CLV.' },
    cs: { name: 'Parametry modelu CLV', summary: 'Odhadnuté parametry modelů BG/NBD a Gamma-Gamma a log-věrohodnosti pro predikci CLV.' },
    pl: { name: 'Dopasowanie modelu CLV', summary: 'Parametry modeli BG/NBD i Gamma-Gamma oraz log-wiarygodności stojące za prognozą CLV.' },
    ru: { name: 'Параметры модели CLV', summary: 'Параметры моделей BG/NBD и Gamma-Gamma и логарифмы правдоподобия для прогноза CLV.' },
    th: { name: 'พารามิเตอร์แบบจำลอง CLV', summary: 'พารามิเตอร์ของ BG/NBD และ Gamma-Gamma พร้อมค่า log-likelihood ที่ใช้คาดการณ์ CLV' },
  },
  definition: 'The maximum-likelihood estimates CLV_PREDICT uses: BG/NBD r and α (purchase rate ~ Gamma(r, α), α in unit), a and b ' +
    '(dropout probability ~ Beta(a, b)); Gamma-Gamma p, q and γ (spend per purchase), fitted on repeat customers with a positive ' +
    'mean repeat spend; each model’s log-likelihood.',
  format: 'table',
  direction: 'neither', chart: 'none', kinds: ['orders'], optIn: true, section: 'spill',
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date'), amounts: roleColumn('amount') },
  returns: 'A table model | parameter | value.',
  params: [
    customerIds, purchaseDates, amounts, calibrationEnd,
    withDefault(option('unit', 'The time unit of recency, T and α: weeks, days or months.', TIME_UNITS), 'weeks' as (typeof TIME_UNITS)[number], '"weeks"'),
  ],
  examples: [{
    args: [sampleIds, sampleDates, sampleAmounts, SAMPLE_END], digits: 2,
    result: [
      ['model', 'parameter', 'value'],
      ['BG/NBD', 'r', 1.96],
      ['BG/NBD', 'alpha', 20.77],
      ['BG/NBD', 'a', 0.58],
      ['BG/NBD', 'b', 0.84],
      ['BG/NBD', 'log-likelihood', -48.17],
      ['Gamma-Gamma', 'p', 31.68],
      ['Gamma-Gamma', 'q', 34.56],
      ['Gamma-Gamma', 'gamma', 72.4],
      ['Gamma-Gamma', 'log-likelihood', -29.07],
      ['data', 'customers', 10],
      ['data', 'repeat customers', 7],
      ['data', 'time unit', 'weeks'],
      ['data', 'calibration end', '2025-06-30'],
    ]
  }],
  compute: ({ customer_ids, dates, amounts, calibration_end, unit }, call) => {
    const { summary, purchases, spend } = fitPurchaseAndSpendModels(call.fn,
      { customerIds: customer_ids.values, dates: dates.values, amounts: amounts.values }, unit, calibration_end);
    return modelFitTable({ purchases, spend }, {
      customers: summary.ids.length, repeatCustomers: summary.frequency.filter((x) => x > 0).length, unit, calibrationEndDay: summary.calibrationEndDay,
    });
  },
});

