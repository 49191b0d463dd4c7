import { aggregateAll } from '../../../src/core/aggregate';
import { codeKeys, groupRows } from '../../../src/core/grouping';
import { nrrFigures } from '../../../src/core/metrics/nrr';
import {
  apvAggregate, bucketsOf, clvFormula, crossSellCounts, firstPurchaseDates, netNewRevenue, revenuePerCustomer, upsellCounts, type Purchases,
} from '../../../src/core/metrics/revenue';
import { parsePeriod, periodSeries, type Period } from '../../../src/core/periods';

const day = (iso: string) => (iso ? Date.parse(`${iso}T00:00:00Z`) : NaN);
const period = (label: string): Period => parsePeriod(label)!;
const months = (from: string, to: string) => periodSeries(day(from), day(to), 'month');

/** Purchase rows from [customer, date, amount] triples ("" / NaN for blanks). */
function purchases(...rows: [string, string, number][]): Purchases {
  const { codes, keys } = codeKeys(rows.map((r) => r[0]));
  return {
    customers: codes, customerCount: keys.length,
    dates: Float64Array.from(rows.map((r) => day(r[1]))), amounts: Float64Array.from(rows.map((r) => r[2])),
  };
}

// A: 100 in Jan, 150 in Feb, 50 in Mar; B: 200 in Jan, 120 in Mar; C: 80 in Feb.
const orders = purchases(
  ['A', '2025-01-05', 100], ['A', '2025-02-10', 150], ['B', '2025-01-20', 200],
  ['B', '2025-03-01', 120], ['C', '2025-02-15', 80], ['A', '2025-03-03', 50],
);

describe('grouping rows by a text key', () => {
  it('codes keys in order of first appearance and blanks as -1', () => {
    const { codes, keys } = codeKeys(['b', 'a', '', 'b']);
    expect(Array.from(codes)).toEqual([0, 1, -1, 0]);
    expect(keys).toEqual(['b', 'a']);
  });

  it('sorts groups with numbers in text by value and puts blanks last as "(blank)"', () => {
    const groups = groupRows(['10', '', '9', 'b', 'a', '9'], '(blank)');
    expect(groups.labels).toEqual(['9', '10', 'a', 'b', '(blank)']);
    expect(groups.rows.map((r) => Array.from(r))).toEqual([[2, 5], [0], [4], [3], [1]]);
  });
});

describe('average purchase value', () => {
  it('divides revenue by the number of non-blank amounts without order ids', () => {
    const amounts = Float64Array.from([100, NaN, 50, 150]);
    const agg = apvAggregate(amounts);
    expect(agg.value(aggregateAll(agg, 4))).toBe(100);
  });

  it('counts rows sharing an order id once, and a row without an id as its own order', () => {
    const amounts = Float64Array.from([100, 50, 150, 30]);
    const agg = apvAggregate(amounts, codeKeys(['O1', 'O1', 'O2', '']).codes);
    const acc = aggregateAll(agg, 4);
    expect(agg.count(acc)).toBe(3);
    expect(agg.value(acc)).toBeCloseTo(110, 12);
  });

  it('has no value without amounts', () => {
    const agg = apvAggregate(Float64Array.from([NaN]));
    expect(agg.value(aggregateAll(agg, 1))).toBeUndefined();
  });
});

describe('revenue per customer and the CLV formula', () => {
  it('adds amounts of rows that have both a customer and an amount, over distinct customers', () => {
    const { codes, keys } = codeKeys(['A', 'A', 'B', '', 'C']);
    expect(revenuePerCustomer(codes, keys.length, Float64Array.from([100, 50, 150, 999, NaN]))).toEqual({ revenue: 300, customers: 2 });
  });

  it('gives 1600 for ARPA 100, margin 0.8 and churn 0.05', () => {
    expect(clvFormula(100, 0.8, 0.05)).toBe(1600);
  });
});

describe('cross-sell', () => {
  it('counts customers with two or more distinct products among those with any', () => {
    const c = codeKeys(['A', 'A', 'B', 'B', 'C', 'C', 'D', '']);
    const p = codeKeys(['X', 'Y', 'X', 'X', 'Z', '', 'Y', 'X']);
    expect(crossSellCounts(c.codes, c.keys.length, p.codes)).toEqual({ customers: 4, crossSold: 1 });
  });
});

describe('first purchases and net new revenue', () => {
  it('finds each customer’s earliest purchase, ignoring rows missing a date or an amount', () => {
    const p = purchases(['A', '2025-02-01', 10], ['A', '2025-01-01', NaN], ['A', '', 5], ['B', '2025-03-01', 1]);
    expect(Array.from(firstPurchaseDates(p))).toEqual([day('2025-02-01'), day('2025-03-01')]);
  });

  it('gives 300 in January (A and B new) and 80 in February (only C new)', () => {
    expect(netNewRevenue(orders, bucketsOf([period('2025-01')])).revenue[0]).toBe(300);
    const feb = netNewRevenue(orders, bucketsOf([period('2025-02')]));
    expect([feb.revenue[0], feb.customers[0]]).toEqual([80, 1]);
  });

  it('builds the monthly series in one pass: 300, 80, 0 with 2, 1, 0 new customers', () => {
    const r = netNewRevenue(orders, bucketsOf(months('2025-01-01', '2025-03-31')));
    expect(Array.from(r.revenue)).toEqual([300, 80, 0]);
    expect(Array.from(r.customers)).toEqual([2, 1, 0]);
  });
});

describe('upsell', () => {
  it('finds A upsold (150 after 100), B not (120 after 200), C with one order', () => {
    const c = upsellCounts(orders, bucketsOf(undefined));
    expect([c.customers[0], c.repeat[0], c.upsold[0]]).toEqual([3, 2, 1]);
  });

  it('does not count a second order on the same day as the first as a later order', () => {
    const c = upsellCounts(purchases(['A', '2025-01-01', 10], ['A', '2025-01-01', 99]), bucketsOf(undefined));
    expect([c.customers[0], c.repeat[0], c.upsold[0]]).toEqual([1, 0, 0]);
  });

  it('counts customers in the month of their first order', () => {
    const c = upsellCounts(orders, bucketsOf(months('2025-01-01', '2025-03-31')));
    expect(Array.from(c.customers)).toEqual([2, 1, 0]);
    expect(Array.from(c.upsold)).toEqual([1, 0, 0]);
  });
});

describe('net revenue retention', () => {
  const text = (p: Purchases) => ({ id: (i: number) => (p.customers[i] < 0 ? '' : `c${p.customers[i]}`), dates: p.dates, amounts: p.amounts });

  it('gives 150 ÷ 300 for February: A and B paid 300 in January and 150 in February', () => {
    const f = nrrFigures(text(orders), [period('2025-01'), period('2025-02')]);
    expect([f.customers[1], f.baseRevenue[1], f.retainedRevenue[1]]).toEqual([2, 300, 150]);
  });

  it('leaves out customers whose previous-period amounts add up to 0 or less', () => {
    const p = purchases(['A', '2025-01-05', 100], ['A', '2025-01-06', -100], ['A', '2025-02-01', 70], ['B', '2025-01-10', 50], ['B', '2025-02-10', 60]);
    const f = nrrFigures(text(p), [period('2025-01'), period('2025-02')]);
    expect([f.customers[1], f.baseRevenue[1], f.retainedRevenue[1]]).toEqual([1, 50, 60]);
  });

  it('gives the same series with dense and sparse sums', () => {
    const series = months('2025-01-01', '2025-03-31');
    const dense = nrrFigures(text(orders), series);
    const sparse = nrrFigures(text(orders), series, 0);
    expect(sparse).toEqual(dense);
    expect(Array.from(dense.baseRevenue)).toEqual([0, 300, 230]);
    expect(Array.from(dense.retainedRevenue)).toEqual([0, 150, 50]);
  });
});
