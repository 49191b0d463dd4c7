// Function table entries for revenue and customer value: APV, CAC, CLV, CLV_HISTORIC, NET_NEW_REVENUE, UPSELL_RATE, CROSS_SELL_RATE, NRR.

import { roleColumn } from '../../core/mapping/inputs';
import { dateSpan } from '../../core/aggregate';
import { MetricError, messages } from '../../core/errors';
import { codeKeys } from '../../core/grouping';
import { nrrFigures } from '../../core/metrics/nrr';
import {
  apvAggregate, apvOverOrders, bucketsOf, clvFormula, crossSellCounts, isPurchase, netNewRevenue, revenuePerCustomer, upsellCounts, type Purchases,
} from '../../core/metrics/revenue';
import { previousPeriod, type Period } from '../../core/periods';
import type { NumberColumn, TextColumn } from '../../core/columns';
import { column } from '../examples';
import { dates } from '../dateParams';
import { countOf, number, numbers, option, optional, period, texts, withDefault, type PeriodArg } from '../params';
import { lazyTexts } from '../lazyTexts';
import { amounts, checkSameSize, costPerCustomer } from '../sums';
import { aggregateByPeriod, boundedSeries } from '../periodic';
import { defineFunction, type CallContext, type Result } from '../spec';

const amountsParam = (of?: string) => numbers('amounts', 'Order amounts (money; refunds may be negative).', { noun: 'amounts' }, of);
const customerIds = texts('customer_ids', 'The customer of each order (any id or name).');
const orderDates = dates('dates', 'The date of each order, beside customer_ids.', 'customer_ids');
const periodRequired = period('period', 'A period label (2025-Q1, 2025-03, …) or a grain (month, quarter, …) for a series.');

/** The purchase rows of three columns, customers coded 0..n-1. */
function purchasesOf(ids: TextColumn, when: NumberColumn, amounts: NumberColumn): Purchases {
  const { codes, keys } = codeKeys(ids.values);
  return { customers: codes, customerCount: keys.length, dates: when.values, amounts: amounts.values };
}

/** The periods a purchase metric is computed over: the labelled one, or the grain's series over the purchases. */
function purchasePeriods(call: CallContext, p: Purchases, arg: PeriodArg): Period[] {
  if (arg.kind === 'period') return [arg.period];
  const span = dateSpan(p.dates, (i) => isPurchase(p, i));
  if (!span) throw new MetricError(messages.noData(call.fn, 'purchases with a customer, a date and an amount'));
  return boundedSeries(call.fn, span.min, span.max, arg.grain);
}

const orders = column('2025-01-05', '2025-02-10', '2025-01-20', '2025-03-01', '2025-02-15', '2025-03-03');
const orderCustomers = column('A', 'A', 'B', 'B', 'C', 'A');
const orderAmounts = column(100, 150, 200, 120, 80, 50);

export const APV = defineFunction({
  name: 'APV',
  category: 'Revenue and value',
  summary: 'Average purchase value: revenue ÷ number of orders.',
  labels: {
    en: { name: 'Average purchase value', summary: 'Revenue per order: the sum of the amounts divided by the number of orders.' },
    cs: { name: 'Průměrná hodnota nákupu', summary: 'Tržby na objednávku: součet částek vydělený počtem objednávek.' },
    pl: { name: 'Średnia wartość zakupu', summary: 'Przychód na zamówienie: suma kwot podzielona przez liczbę zamówień.' },
    ru: { name: 'Средняя сумма покупки', summary: 'Выручка на заказ: сумма покупок, делённая на число заказов.' },
    th: { name: 'มูลค่าการซื้อเฉลี่ย', summary: 'รายได้ต่อคำสั่งซื้อ: ยอดรวมหารด้วยจำนวนคำสั่งซื้อ' },
  },
  definition: 'The sum of the amounts ÷ the number of orders. Without order ids every non-blank amount is an order; with them, ' +
    'rows sharing an order id are one order, and a row with an amount but no order id is an order of its own.',
  format: 'money',
  direction: 'higher', chart: 'line', kinds: ['orders'], series: { value: 1, n: 2 },
  inputs: { amounts: roleColumn('amount'), order_ids: roleColumn('orderId'), period: 'period', dates: roleColumn('date') },
  returns: 'The average order value, or a series period | APV | orders when period is a grain.',
  params: [
    amounts('amounts', 'Order amounts (money; refunds may be negative).', { noun: 'amounts' }),
    optional(texts('order_ids', 'The order each amount belongs to, when an order spans several rows.')),
    optional(period('period', 'A period label (2025-Q1, …) to keep only orders dated in it, or a grain (month, …) for a series.')),
    optional(dates('dates', 'The date of each amount; needed with period.')),
  ],
  examples: [
    { args: [column(100, 50, 150)], result: 100, note: 'three orders' },
    { args: [column(100, 50, 150), column('O1', 'O1', 'O2')], result: 150, note: 'the first two rows are one order' },
  ],
  compute: ({ amounts, order_ids, period, dates }, call) => {
    if (order_ids) checkSameSize(call.fn, 'order_ids', order_ids.values.length, 'amounts', amounts.cells);
    if (dates) checkSameSize(call.fn, 'dates', dates.values.length, 'amounts', amounts.cells);
    if (!order_ids && !period) {
      if (!amounts.count) throw new MetricError(messages.noData(call.fn, 'amounts'));
      return amounts.total / amounts.count;
    }
    const orderCodes = order_ids ? codeKeys(order_ids.values) : undefined;
    if (orderCodes && !period) {
      const r = apvOverOrders(amounts.column().values, orderCodes.codes, orderCodes.keys.length);
      if (!r.orders) throw new MetricError(messages.noData(call.fn, 'amounts'));
      return r.revenue / r.orders;
    }
    return aggregateByPeriod(call, apvAggregate(amounts.column().values, orderCodes?.codes), amounts.cells, period, dates,
      { what: 'amounts', valueHeader: 'APV', countHeader: 'orders' });
  },
});

/** Money spent ÷ a count of customers, refusing a zero count. */
export const CAC = defineFunction({
  name: 'CAC',
  category: 'Revenue and value',
  summary: 'Customer acquisition cost: total acquisition spend ÷ new customers.',
  labels: {
    en: { name: 'Customer acquisition cost', summary: 'Total acquisition spend divided by the number of new customers.' },
    cs: { name: 'Náklady na získání zákazníka', summary: 'Celkové výdaje na akvizici vydělené počtem nových zákazníků.' },
    pl: { name: 'Koszt pozyskania klienta', summary: 'Łączne wydatki na pozyskanie podzielone przez liczbę nowych klientów.' },
    ru: { name: 'Стоимость привлечения клиента', summary: 'Все затраты на привлечение, делённые на число новых клиентов.' },
    th: { name: 'ต้นทุนการหาลูกค้าใหม่', summary: 'ค่าใช้จ่ายรวมในการหาลูกค้าหารด้วยจำนวนลูกค้าใหม่' },
  },
  definition: 'The sum of the costs ÷ the number of new customers. new_customers is a count, or a range whose non-blank cells are counted ' +
    '(one cell holding text counts as one customer).',
  format: 'money',
  direction: 'lower', chart: 'none', kinds: ['leads'],
  inputs: { costs: roleColumn('spend'), new_customers: { sumOf: 'newCustomers' } },
  returns: 'The cost of acquiring one customer.',
  params: [
    amounts('costs', 'Sales and marketing spend: one amount or a range of amounts, added up.', { noun: 'costs', min: 0 }),
    countOf('new_customers', 'How many customers were won: a number, or a range listing them (non-blank cells are counted).', 'a count of 0 or more'),
  ],
  examples: [
    { args: [column(5000, 3000), 40], result: 200 },
    { args: [8000, column('Ann', 'Bo', '', 'Cy', 'Di')], result: 2000, note: 'four named customers' },
  ],
  compute: ({ costs, new_customers }, call) => costPerCustomer(call, costs.total, new_customers, 'new_customers', 'customer to spread the cost over'),
});

export const CLV = defineFunction({
  name: 'CLV',
  category: 'Revenue and value',
  summary: 'Customer lifetime value by the standard formula ARPA × gross margin ÷ churn rate.',
  labels: {
    en: { name: 'Customer lifetime value', summary: 'Lifetime value by the standard formula ARPA × gross margin ÷ churn rate.' },
    cs: { name: 'Celoživotní hodnota zákazníka', summary: 'Celoživotní hodnota podle standardního vzorce ARPA × hrubá marže ÷ míra odchodu.' },
    pl: { name: 'Wartość życiowa klienta', summary: 'Wartość życiowa ze standardowego wzoru ARPA × marża brutto ÷ wskaźnik rezygnacji.' },
    ru: { name: 'Пожизненная ценность клиента', summary: 'Пожизненная ценность по стандартной формуле ARPA × валовая маржа ÷ отток.' },
    th: { name: 'มูลค่าตลอดอายุลูกค้า', summary: 'มูลค่าตลอดอายุลูกค้าตามสูตรมาตรฐาน ARPA × อัตรากำไรขั้นต้น ÷ อัตราการเลิกใช้' },
  },
  definition: 'ARPA (average revenue per account) × gross margin ÷ churn rate, with ARPA and churn measured over the same period ' +
    '(both monthly or both yearly). Margin and churn are fractions (70% or 0.7).',
  format: 'money',
  direction: 'higher', chart: 'none', kinds: [],
  inputs: {},
  returns: 'The expected gross profit from one customer over its lifetime.',
  params: [
    number('arpa', 'Average revenue per account per period.', { noun: 'an amount', min: 0 }),
    number('gross_margin', 'Gross margin as a fraction (0.7 or 70%).', { noun: 'a fraction', aside: '70% or 0.7', min: 0, max: 1 }),
    number('churn_rate', 'Churn per period as a fraction (0.05 or 5%), e.g. from CHURN.', { noun: 'a fraction', aside: '5% or 0.05', min: 0, max: 1 }),
  ],
  examples: [{ args: [100, 0.8, 0.05], result: 1600, note: '100 a month at 80% margin, 5% monthly churn' }],
  compute: ({ arpa, gross_margin, churn_rate }, call) => {
    if (churn_rate === 0) throw new MetricError(messages.clvZeroChurn(call.fn));
    return clvFormula(arpa, gross_margin, churn_rate);
  },
});

export const CLV_HISTORIC = defineFunction({
  name: 'CLV_HISTORIC',
  category: 'Revenue and value',
  summary: 'Historic customer lifetime value: mean revenue per customer to date.',
  labels: {
    en: { name: 'Historic CLV', summary: 'Mean revenue per customer to date: the sum of the amounts ÷ distinct customers.' },
    cs: { name: 'Historická CLV', summary: 'Dosavadní průměrné tržby na zákazníka: součet částek ÷ počet různých zákazníků.' },
    pl: { name: 'Historyczna CLV', summary: 'Dotychczasowy średni przychód na klienta: suma kwot ÷ liczba różnych klientów.' },
    ru: { name: 'Историческая CLV', summary: 'Средняя выручка на клиента на сегодня: сумма покупок ÷ число разных клиентов.' },
    th: { name: 'CLV ย้อนหลัง', summary: 'รายได้เฉลี่ยต่อลูกค้าจนถึงปัจจุบัน: ยอดรวมหารด้วยจำนวนลูกค้าที่ไม่ซ้ำกัน' },
  },
  definition: 'The sum of the amounts ÷ the number of distinct customers, over rows holding both a customer and an amount.',
  format: 'money',
  direction: 'higher', chart: 'none', kinds: ['orders'],
  inputs: { customer_ids: roleColumn('customer'), amounts: roleColumn('amount') },
  returns: 'Revenue per customer so far.',
  params: [customerIds, amountsParam('customer_ids')],
  examples: [{ args: [column('A', 'A', 'B'), column(100, 50, 150)], result: 150 }],
  compute: ({ customer_ids, amounts }, call) => {
    const { codes, keys } = codeKeys(customer_ids.values);
    const r = revenuePerCustomer(codes, keys.length, amounts.values);
    if (!r.customers) throw new MetricError(messages.noData(call.fn, 'rows with both a customer and an amount'));
    return r.revenue / r.customers;
  },
});

export const NET_NEW_REVENUE = defineFunction({
  name: 'NET_NEW_REVENUE',
  category: 'Revenue and value',
  summary: 'Revenue in a period from customers whose first purchase falls in that period.',
  labels: {
    en: { name: 'Net new revenue', summary: 'Revenue in a period from customers whose first purchase falls in that period.' },
    cs: { name: 'Tržby od nových zákazníků', summary: 'Tržby v období od zákazníků, jejichž první nákup spadá do téhož období.' },
    pl: { name: 'Przychód od nowych klientów', summary: 'Przychód w okresie od klientów, których pierwszy zakup przypada na ten okres.' },
    ru: { name: 'Выручка от новых клиентов', summary: 'Выручка за период от клиентов, чья первая покупка пришлась на этот период.' },
    th: { name: 'รายได้ใหม่สุทธิ', summary: 'รายได้ในช่วงเวลาจากลูกค้าที่ซื้อครั้งแรกในช่วงเวลานั้น' },
  },
  definition: 'A customer’s first purchase is its earliest dated order in the whole range. Net new revenue of a period is the sum of the ' +
    'amounts dated in it from customers whose first purchase is in the same period. Rows need a customer, a date and an amount.',
  format: 'money',
  direction: 'higher', chart: 'column', kinds: ['orders', 'subscriptions'], series: { value: 1, n: 2 },
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date'), amounts: [roleColumn('recurringRevenue'), roleColumn('amount')], period: 'period' },
  returns: 'The new customers’ revenue, or a series period | net new revenue | new customers when period is a grain.',
  params: [customerIds, orderDates, amountsParam('customer_ids'), periodRequired],
  examples: [
    { args: [orderCustomers, orders, orderAmounts, '2025-01'], result: 300, note: 'A and B first bought in January' },
    { args: [orderCustomers, orders, orderAmounts, '2025-02'], result: 80, note: 'only C is new in February' },
  ],
  compute: ({ customer_ids, dates, amounts, period }, call) => {
    const p = purchasesOf(customer_ids, dates, amounts);
    const periods = purchasePeriods(call, p, period);
    const { revenue, customers } = netNewRevenue(p, bucketsOf(periods));
    if (period.kind === 'period') {
      if (!dateSpan(p.dates, (i) => isPurchase(p, i))) throw new MetricError(messages.noData(call.fn, 'purchases with a customer, a date and an amount'));
      return revenue[0];
    }
    return [['period', 'net new revenue', 'new customers'], ...periods.map((q, k) => [q.label, revenue[k], customers[k]])];
  },
});

const upsellBases = ['all', 'repeat'] as const;

export const UPSELL_RATE = defineFunction({
  name: 'UPSELL_RATE',
  category: 'Revenue and value',
  summary: 'Share of customers whose later order is worth more than their first.',
  labels: {
    en: { name: 'Upsell rate', summary: 'The share of customers whose later order is worth more than their first.' },
    cs: { name: 'Míra upsellu', summary: 'Podíl zákazníků, jejichž pozdější objednávka má vyšší hodnotu než ta první.' },
    pl: { name: 'Wskaźnik upsellingu', summary: 'Odsetek klientów, których późniejsze zamówienie jest warte więcej niż pierwsze.' },
    ru: { name: 'Доля апсейла', summary: 'Доля клиентов, чей более поздний заказ дороже первого.' },
    th: { name: 'อัตราการอัปเซล', summary: 'สัดส่วนลูกค้าที่มีคำสั่งซื้อครั้งถัดมามูลค่าสูงกว่าครั้งแรก' },
  },
  definition: 'A customer’s first order is its earliest-dated row (the higher row on a tie). It is upsold when an order dated after that day ' +
    'has a larger amount. Rate = upsold customers ÷ all customers (base "repeat": ÷ customers who ordered again). With a period, ' +
    'customers are counted in the period of their first order (an acquisition cohort); later orders may fall after it.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['orders', 'subscriptions'], series: { value: 1, n: 2 },
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date'), amounts: [roleColumn('recurringRevenue'), roleColumn('amount')], period: 'period' },
  returns: 'The upsell rate, or a series period | upsell rate | customers when period is a grain.',
  params: [
    customerIds, orderDates, amountsParam('customer_ids'),
    optional(period('period', 'Keep customers whose first order falls in this period (2025-Q1, …), or a grain (month, …) for a series by first order.')),
    withDefault(option('base', 'all: ÷ every customer; repeat: ÷ customers with an order after their first.', upsellBases), 'all' as (typeof upsellBases)[number], '"all"'),
  ],
  examples: [
    { args: [orderCustomers, orders, orderAmounts], result: 0.3333333333333333, note: 'A spent more later; B spent less; C ordered once' },
    { args: [orderCustomers, orders, orderAmounts, '', 'repeat'], result: 0.5, note: 'of A and B, who came back, A spent more' },
  ],
  compute: ({ customer_ids, dates, amounts, period, base }, call) => {
    const p = purchasesOf(customer_ids, dates, amounts);
    const periods = period ? purchasePeriods(call, p, period) : undefined;
    const c = upsellCounts(p, bucketsOf(periods));
    const denominators = base === 'repeat' ? c.repeat : c.customers;
    const rate = (k: number): number | '' => (denominators[k] ? c.upsold[k] / denominators[k] : '');
    if (period?.kind === 'grain') return [['period', 'upsell rate', 'customers'], ...periods!.map((q, k) => [q.label, rate(k), denominators[k]])];
    if (!c.customers[0]) {
      throw new MetricError(period ? messages.noDataInPeriod(call.fn, 'first orders', period.period.label) : messages.noData(call.fn, 'orders with a customer, a date and an amount'));
    }
    if (!denominators[0]) throw new MetricError(messages.noRepeatCustomers(call.fn));
    return rate(0) as number;
  },
});

export const CROSS_SELL_RATE = defineFunction({
  name: 'CROSS_SELL_RATE',
  category: 'Revenue and value',
  summary: 'Share of customers who bought two or more distinct products.',
  labels: {
    en: { name: 'Cross-sell rate', summary: 'The share of customers who bought two or more distinct products.' },
    cs: { name: 'Míra cross-sellu', summary: 'Podíl zákazníků, kteří koupili dva nebo více různých produktů.' },
    pl: { name: 'Wskaźnik cross-sellingu', summary: 'Odsetek klientów, którzy kupili co najmniej dwa różne produkty.' },
    ru: { name: 'Доля кросс-продаж', summary: 'Доля клиентов, купивших два или более разных продукта.' },
    th: { name: 'อัตราการครอสเซล', summary: 'สัดส่วนลูกค้าที่ซื้อสินค้าต่างกันตั้งแต่สองรายการขึ้นไป' },
  },
  definition: 'Customers with at least two different products ÷ customers with at least one, over rows holding both a customer and a product. ' +
    'Products are compared as text, exactly (after trimming).',
  format: 'fraction',
  direction: 'higher', chart: 'none', kinds: ['orders', 'subscriptions'],
  inputs: { customer_ids: roleColumn('customer'), products: roleColumn('product') },
  returns: 'The cross-sell rate.',
  params: [customerIds, texts('products', 'The product of each order line, beside customer_ids.', 'customer_ids')],
  examples: [{ args: [column('A', 'A', 'B', 'C', 'C', 'D'), column('X', 'Y', 'X', 'X', 'Z', 'Y')], result: 0.5, note: 'A and C bought two products' }],
  compute: ({ customer_ids, products }, call) => {
    const { codes, keys } = codeKeys(customer_ids.values);
    const c = crossSellCounts(codes, keys.length, codeKeys(products.values).codes);
    if (!c.customers) throw new MetricError(messages.noData(call.fn, 'rows with both a customer and a product'));
    return c.crossSold / c.customers;
  },
});

export const NRR = defineFunction({
  name: 'NRR',
  category: 'Revenue and value',
  summary: 'Net revenue retention: this period’s revenue from last period’s paying customers ÷ what they paid last period.',
  labels: {
    en: { name: 'Net revenue retention', summary: 'This period’s revenue from last period’s paying customers ÷ what they paid then.' },
    cs: { name: 'Čistá retence tržeb', summary: 'Tržby od platících zákazníků minulého období ÷ to, co zaplatili v minulém období.' },
    pl: { name: 'Retencja przychodów netto', summary: 'Przychód od klientów płacących w poprzednim okresie ÷ ich przychód z tamtego okresu.' },
    ru: { name: 'Чистое удержание выручки', summary: 'Выручка от платящих клиентов прошлого периода ÷ их выручка в прошлом периоде.' },
    th: { name: 'อัตราการรักษารายได้สุทธิ', summary: 'รายได้งวดนี้จากลูกค้าที่จ่ายเงินในงวดก่อน ÷ รายได้จากลูกค้ากลุ่มนั้นในงวดก่อน' },
  },
  definition: 'The base is the customers whose amounts in the previous period (the one just before, as long as it) add up to more than 0. ' +
    'NRR = their revenue in the period ÷ their revenue in the previous period; expansion lifts it above 1, churn and contraction lower it. ' +
    'New customers are left out.',
  format: 'fraction',
  direction: 'higher', chart: 'line', kinds: ['subscriptions'], series: { value: 1, n: 2 },
  inputs: { customer_ids: roleColumn('customer'), dates: roleColumn('date'), amounts: roleColumn('recurringRevenue'), period: 'period' },
  returns: 'NRR as a fraction (1.1 = 110%), or a series period | NRR | base customers when period is a grain.',
  params: [
    lazyTexts('customer_ids', 'The customer of each order (any id or name).'),
    dates('dates', 'The date of each order, beside customer_ids.'), amountsParam(), periodRequired,
  ],
  examples: [{ args: [orderCustomers, orders, orderAmounts, '2025-02'], result: 0.5, note: 'A and B paid 300 in January and 150 in February' }],
  compute: ({ customer_ids, dates, amounts, period }, call): Result => {
    checkSameSize(call.fn, 'dates', dates.values.length, 'customer_ids', customer_ids.cells);
    checkSameSize(call.fn, 'amounts', amounts.values.length, 'customer_ids', customer_ids.cells);
    const p = { id: customer_ids.text, dates: dates.values, amounts: amounts.values };
    if (period.kind === 'period') {
      const previous = previousPeriod(period.period);
      const f = nrrFigures(p, [previous, period.period]);
      if (!f.customers[1]) throw new MetricError(messages.noPayersBefore(call.fn, previous.label, period.period.label));
      return f.retainedRevenue[1] / f.baseRevenue[1];
    }
    const span = dateSpan(p.dates, (i) => p.amounts[i] === p.amounts[i] && p.id(i) !== '');
    if (!span) throw new MetricError(messages.noData(call.fn, 'purchases with a customer, a date and an amount'));
    const periods = boundedSeries(call.fn, span.min, span.max, period.grain);
    const f = nrrFigures(p, periods);
    return [['period', 'NRR', 'base customers'], ...periods.map((q, k) => [q.label, f.customers[k] ? f.retainedRevenue[k] / f.baseRevenue[k] : '', f.customers[k]])];
  },
});
