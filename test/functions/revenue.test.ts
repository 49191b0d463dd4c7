import { findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Orders: A 100 (Jan) 150 (Feb) 50 (Mar); B 200 (Jan) 120 (Mar); C 80 (Feb); a blank row; mixed cell types.
const customers = column('A', 'A', 'B', 'B', 'C', '', 'A');
const dates = column(d('2025-01-05'), '2025-02-10', d('2025-01-20'), 45717 /* 2025-03-01 */, '2025-02-15', '', '2025-03-03');
const amounts = column(100, '150', 200, 120, '80', '', 50);

describe('APV', () => {
  it('returns 100 for orders of 100, 50 and 150, skipping the blank cell', () => {
    expect(call('APV', column(100, '', 50, 150))).toBe(100);
  });

  it('counts rows sharing an order id as one order: 300 ÷ 2 = 150', () => {
    expect(call('APV', column(100, 50, 150), column('O1', 'O1', 'O2'))).toBe(150);
  });

  it('keeps only orders dated in a period, and spills a monthly series for a grain', () => {
    expect(call('APV', amounts, '', '2025-02', dates)).toBe(115);
    expect(call('APV', amounts, '', 'month', dates)).toEqual([
      ['period', 'APV', 'orders'], ['2025-01', 150, 2], ['2025-02', 115, 2], ['2025-03', 85, 2],
    ]);
  });

  it('rejects a text amount naming its row', () => {
    expect(() => call('APV', column(100, 'abc'))).toThrow('APV: 1 value is not amounts (first: "abc" in row 2 of amounts)');
  });

  it('says when there is nothing to compute on', () => {
    expect(() => call('APV', column('', ''))).toThrow('APV: no amounts to compute on');
  });

  it('rejects order ids of another size', () => {
    expect(() => call('APV', column(1, 2), column('a'))).toThrow(/^APV: order_ids has 1 cell but amounts has 2/);
  });
});

describe('CAC', () => {
  it('returns 200 for costs of 5000 and 3000 over 40 new customers', () => {
    expect(call('CAC', column(5000, 3000), 40)).toBe(200);
  });

  it('counts the non-blank cells of a range of new customers: 8000 ÷ 4 = 2000', () => {
    expect(call('CAC', 8000, column('Ann', 'Bo', '', 'Cy', 'Di'))).toBe(2000);
  });

  it('adds a text amount after plain ones and skips a name of spaces: (5000 + 3000.5) ÷ 2', () => {
    expect(call('CAC', column(5000, '', '3,000.50'), column('Ann', '   ', 'Bo'))).toBe(4000.25);
  });

  it('counts every cell of a ragged range of names', () => {
    expect(call('CAC', 300, [['Ann'], ['Bo', 'Cy']])).toBe(100);
  });

  it('refuses zero new customers', () => {
    expect(() => call('CAC', 100, 0)).toThrow(/^CAC: new_customers is 0/);
  });

  it('refuses a negative cost', () => {
    expect(() => call('CAC', column(-5), 3)).toThrow(/^CAC: 1 value is not costs of 0 or more/);
  });
});

describe('CLV', () => {
  it('returns ARPA × margin ÷ churn: 100 × 70% ÷ 5% = 1400', () => {
    expect(call('CLV', 100, 0.7, 0.05)).toBeCloseTo(1400, 9);
  });

  it('refuses a churn rate of 0 and a margin of 70 (not a fraction)', () => {
    expect(() => call('CLV', 100, 0.7, 0)).toThrow(/^CLV: churn_rate is 0/);
    expect(() => call('CLV', 100, 70, 0.05)).toThrow('CLV: gross_margin must be a fraction from 0 to 1 (70% or 0.7), got 70');
  });
});

describe('CLV_HISTORIC', () => {
  it('returns the mean revenue per customer: 700 ÷ 3', () => {
    expect(call('CLV_HISTORIC', customers, amounts)).toBeCloseTo(700 / 3, 9);
  });

  it('says when no row has both a customer and an amount', () => {
    expect(() => call('CLV_HISTORIC', column('A', ''), column('', 5))).toThrow('CLV_HISTORIC: no rows with both a customer and an amount to compute on');
  });
});

describe('NET_NEW_REVENUE', () => {
  it('returns 300 in January, 80 in February and 0 in March', () => {
    expect(call('NET_NEW_REVENUE', customers, dates, amounts, '2025-01')).toBe(300);
    expect(call('NET_NEW_REVENUE', customers, dates, amounts, '2025-02')).toBe(80);
    expect(call('NET_NEW_REVENUE', customers, dates, amounts, '2025-03')).toBe(0);
  });

  it('spills a quarterly series with the new customers of each quarter', () => {
    expect(call('NET_NEW_REVENUE', customers, dates, amounts, 'quarter')).toEqual([['period', 'net new revenue', 'new customers'], ['2025-Q1', 700, 3]]);
  });

  it('says when no row is a purchase with a customer, a date and an amount', () => {
    expect(() => call('NET_NEW_REVENUE', column('A', ''), column('2025-01-01', '2025-01-02'), column('', 5), '2025'))
      .toThrow('NET_NEW_REVENUE: no purchases with a customer, a date and an amount to compute on');
  });

  it('needs a period', () => {
    expect(() => call('NET_NEW_REVENUE', customers, dates, amounts)).toThrow('NET_NEW_REVENUE: the argument period is required');
  });

  it('rejects a date it cannot read, naming its row', () => {
    expect(() => call('NET_NEW_REVENUE', column('A', 'B'), column('2025-01-01', '03/04/2025'), column(1, 2), '2025'))
      .toThrow(/^NET_NEW_REVENUE: 1 value is not dates \(first: "03\/04\/2025" in row 2 of dates\)/);
  });
});

describe('UPSELL_RATE', () => {
  it('returns 1/3: A spent more after the first order, B less, C ordered once', () => {
    expect(call('UPSELL_RATE', customers, dates, amounts)).toBeCloseTo(1 / 3, 12);
  });

  it('returns 1/2 over repeat customers only', () => {
    expect(call('UPSELL_RATE', customers, dates, amounts, '', 'repeat')).toBe(0.5);
  });

  it('counts the customers acquired in a period, and spills by month of first order', () => {
    expect(call('UPSELL_RATE', customers, dates, amounts, '2025-01')).toBe(0.5);
    expect(call('UPSELL_RATE', customers, dates, amounts, 'month')).toEqual([
      ['period', 'upsell rate', 'customers'], ['2025-01', 0.5, 2], ['2025-02', 0, 1], ['2025-03', '', 0],
    ]);
  });

  it('says when no customer came back, with base "repeat"', () => {
    expect(() => call('UPSELL_RATE', column('A', 'B'), column('2025-01-01', '2025-01-02'), column(1, 2), '', 'repeat'))
      .toThrow('UPSELL_RATE: no customer bought again after their first order');
  });

  it('says when no customer first bought in the period', () => {
    expect(() => call('UPSELL_RATE', customers, dates, amounts, '2025-03')).toThrow('UPSELL_RATE: no first orders in 2025-03');
  });
});

describe('CROSS_SELL_RATE', () => {
  it('returns 0.5 when two of four customers bought two different products', () => {
    expect(call('CROSS_SELL_RATE', column('A', 'A', 'B', 'C', 'C', 'D'), column('X', 'Y', 'X', 'X', 'Z', 'Y'))).toBe(0.5);
  });

  it('does not count the same product bought twice', () => {
    expect(call('CROSS_SELL_RATE', column('A', 'A'), column('X', 'X'))).toBe(0);
  });

  it('says when no row has a customer and a product', () => {
    expect(() => call('CROSS_SELL_RATE', column('A', ''), column('', 'X'))).toThrow(/^CROSS_SELL_RATE: no rows/);
  });
});

describe('NRR', () => {
  it('returns 0.5 in February: A and B paid 300 in January, 150 in February', () => {
    expect(call('NRR', customers, dates, amounts, '2025-02')).toBe(0.5);
  });

  it('compares an explicit range with the equally long range before it', () => {
    // 2025-02-01..2025-03-31 (59 days) against 2024-12-04..2025-01-31: A and B paid 300, then 150 + 50 + 120.
    expect(call('NRR', customers, dates, amounts, '2025-02-01..2025-03-31')).toBeCloseTo(320 / 300, 12);
  });

  it('spills a monthly series whose first month has no base', () => {
    expect(call('NRR', customers, dates, amounts, 'month')).toEqual([
      ['period', 'NRR', 'base customers'], ['2025-01', '', 0], ['2025-02', 0.5, 2], ['2025-03', 50 / 230, 2],
    ]);
  });

  it('reads number ids and the same ids as text as one customer', () => {
    expect(call('NRR', column(7, '7', ' 7 '), column('2025-01-10', '2025-02-10', '2025-02-20'), column(100, 30, 40), '2025-02')).toBeCloseTo(0.7, 12);
  });

  it('rejects ranges of different sizes', () => {
    expect(() => call('NRR', column('A', 'B'), column('2025-01-10'), column(1, 2), '2025-02')).toThrow(/^NRR: dates has 1 cell but customer_ids has 2/);
  });

  it('says when nobody paid in the previous period', () => {
    expect(() => call('NRR', customers, dates, amounts, '2025-01')).toThrow('NRR: no customer paid in 2024-12, the period before 2025-01, so there is no revenue to retain');
  });

  it('rejects a period it cannot read', () => {
    expect(() => call('NRR', customers, dates, amounts, 'Q5')).toThrow(/^NRR: "Q5" is not a period/);
  });
});
