// Compiles a function table entry and its measure to expression trees: the value and count of one group of rows, and
// the role whose date places a row in a period. Roles, defaults, units and thresholds are read from the entry.

import { answerScale } from '../core/bounds';
import { MS_PER_UNIT, type DurationUnit, type Statistic } from '../core/durations';
import { roleType, type Role } from '../core/mapping/roles';
import { FALSE_WORDS, TRUE_WORDS } from '../core/values';
import type { FunctionSpec } from '../functions/spec';
import {
  and, avg, coalesce, NULL, column, compare, countDistinct, countIf, divide, dividedByConstant, isNull, isOneOf, median, minus, notNull, num, not,
  or, plus, sum, times, when, type Expr,
} from './expr';
import { historyPieces, type CustomerHistory } from './customerHistory';
import { CompileError, EntryReader } from './entryReader';
import type { Measure } from './measures';
import { isTableMeasure, tableSectionOf } from './sections';
import { spanShareCtes, type PeriodCtes } from './spans';
import type { SectionCtes } from './sections/section';

/** One metric as SQL pieces over the staged rows (each role staged once, under its own name). */
export interface CompiledMetric {
  name: string;
  /** The metric over a group of rows (NULL when it has nothing to compute on). */
  value: Expr;
  /** What the series counts beside the value (responses, deals, tickets). */
  count: Expr;
  /** The date role that places a row in a period, or undefined for one figure over all rows. */
  datedBy?: Role;
  /** Every role the expressions read as it is stored (date roles as civil date-times). */
  roles: Role[];
  /** Every word role the expressions read as its normalised word (`wordColumn`). */
  words: Role[];
  /** Every id role the expressions read as its trimmed text (`keyColumn`). */
  keys: Role[];
  /**
   * A first aggregation per entity (per customer) within each scope, when the metric counts entities: `value` and
   * `count` then aggregate these rows, whose columns are `columns` over the entity's own rows.
   */
  perEntity?: { key: Expr; columns: Record<string, Expr> };
  /** Each customer's history over every row of its scope, before any date filter: `value` and `count` aggregate its customers. */
  history?: CustomerHistory;
  /** The metric's own CTEs by period and scope (a row counts in several periods), instead of `value` and `count` per period. */
  periodCtes?: PeriodCtes;
  /** True when the expressions read the table's row order (`rowOrder`). */
  rowOrder?: boolean;
  /**
   * A spill section's histogram: `value` is a column grouped over every row of the table (not per segment, not by
   * period), `count` the rows holding each of its values; TypeScript finishes the table (sections.ts).
   */
  histogram?: boolean;
  /**
   * A table section's own CTEs over every row of the table (never per segment or period), whose rows TypeScript
   * finishes (sections/index.ts); `value` and `count` are then NULL.
   */
  table?: SectionCtes;
}

/** The answer scales `answerScale` reads from a column's highest number, smallest first. */
export const ANSWER_SCALES = [5, 7, 10] as const;

/** A CASE over the answer scale read from `role`'s highest number, giving `pick(scale)` for each. */
function byAnswerScale(role: Role, pick: (scale: number) => number): Expr {
  const highest = coalesce({ op: 'tableMax', column: role }, num(0));
  const [last, ...rest] = [...ANSWER_SCALES].reverse();
  return rest.reduce<Expr>((otherwise, scale) => when(compare(highest, '<=', num(scale)), num(pick(scale)), otherwise), num(pick(last)));
}

type Pieces = Pick<CompiledMetric, 'value' | 'count' | 'perEntity' | 'history' | 'rowOrder' | 'histogram' | 'table' | 'periodCtes'> & {
  /** The date role placing the metric's rows in periods, where the entry has no `dates` parameter to say it. */
  datedBy?: Role;
};

function durationPieces(m: Extract<Measure, { shape: 'duration' }>, e: EntryReader): Pieces {
  const from = e.required(m.from);
  const to = e.required(m.to);
  const unit = e.fromParam<DurationUnit>(m.unit);
  const statistic = e.fromParam<Statistic>(m.statistic);
  const only = m.onlyWords ? e.optionalWords(m.onlyWords.of) : undefined;
  const rows = and(notNull(from), notNull(to), ...(only && m.onlyWords ? [isOneOf(only, e.words(m.onlyWords.words))] : []));
  const millis: Expr = { op: 'millisBetween', from, to };
  const count = countIf(rows);
  if (m.within) {
    const hours = e.fixedOrDefault<number>(m.within);
    return { value: divide(countIf(and(rows, compare(millis, '<=', num(hours * MS_PER_UNIT.hours)))), count), count };
  }
  const inUnit = when(rows, dividedByConstant(millis, MS_PER_UNIT[unit]));
  return { value: statistic === 'median' ? median(inUnit) : avg(inUnit), count };
}

function velocityPieces(m: Extract<Measure, { shape: 'velocity' }>, e: EntryReader): Pieces {
  const of = e.requiredWords(m.outcomes);
  const won = isOneOf(of, e.words(m.won));
  const lost = isOneOf(of, e.words(m.lost));
  const amount = e.required(m.amounts);
  const from = e.required(m.from);
  const to = e.required(m.to);
  const cycle = avg(when(and(won, notNull(from), notNull(to)), dividedByConstant({ op: 'millisBetween', from, to }, MS_PER_UNIT.days)));
  const winRate = divide(countIf(won), countIf(or(won, lost)));
  const open = countIf(and(notNull(of), not(won), not(lost)));
  return { value: divide(times(times(open, avg(when(won, amount))), winRate), cycle), count: countIf(notNull(of)) };
}

function pieces(m: Measure, e: EntryReader): Pieces {
  if (isTableMeasure(m)) {
    const { ctes, rowOrder } = tableSectionOf(m).compile(m, e);
    return { value: NULL, count: NULL, table: ctes, ...(rowOrder ? { rowOrder } : {}) };
  }
  switch (m.shape) {
    case 'netPromoters': {
      const s = e.required(m.scores);
      const answers = countIf(notNull(s));
      const net = minus(countIf(compare(s, '>=', num(9))), countIf(compare(s, '<=', num(6))));
      return { value: times(divide(net, answers), num(100)), count: answers };
    }
    case 'shareAtLeast': {
      const s = e.required(m.scores);
      const scaleSource = e.resolved(m.scale);
      const scaleRole = scaleSource?.kind === 'scaleOf' ? scaleSource.role : undefined;
      const lowest = (scale: number): number => Math.ceil(e.defaultOf<number>(m.threshold, { scale }));
      const threshold = scaleRole ? byAnswerScale(scaleRole, lowest) : num(lowest(e.defaultOf<number>(m.scale)));
      const answers = countIf(notNull(s));
      return { value: divide(countIf(compare(s, '>=', threshold)), answers), count: answers };
    }
    case 'mean': {
      const s = e.required(m.of);
      return { value: avg(s), count: countIf(notNull(s)) };
    }
    case 'wordShare': {
      const of = e.requiredWords(m.of);
      const base = m.base ? isOneOf(of, m.base.flatMap((list) => e.words(list))) : notNull(of);
      const bases = countIf(base);
      return { value: divide(countIf(and(base, isOneOf(of, e.words(m.hit)))), bases), count: bases };
    }
    case 'flagShare': {
      // Start | end columns: the share of the customers active at each period's start (spans.ts).
      const spans = e.sideBySide(m.of);
      if (spans) {
        if (e.spec.params.some((p) => p.name === 'method') && e.fixedOrDefault<string>('method') !== 'start') {
          throw new CompileError(`${e.spec.name}: only the method "start" is compiled from start | end columns`);
        }
        return { value: NULL, count: NULL, datedBy: 'start', periodCtes: spanShareCtes(spans, 'start', !!m.complement) };
      }
      const of = e.optionalWords(m.of);
      if (!of) throw new CompileError(`${e.spec.name} needs start | end columns or a column of statuses for its parameter ${m.of}`);
      const yes = isOneOf(of, TRUE_WORDS);
      const flagged = isOneOf(of, [...TRUE_WORDS, ...FALSE_WORDS]);
      const share = divide(countIf(yes), countIf(flagged));
      const value = m.complement ? minus(num(1), share) : share;
      return { value: when(compare(countIf(and(notNull(of), not(flagged))), '=', num(0)), value), count: countIf(flagged) };
    }
    case 'shareOfOnes': {
      const of = e.required(m.of);
      const answers = countIf(notNull(of));
      return { value: divide(countIf(compare(of, '=', num(1))), answers), count: answers };
    }
    case 'ratioOfSums': {
      const top = e.required(m.top);
      const bottom = e.required(m.bottom);
      const total = (x: Expr): Expr => coalesce(sum(x), num(0));
      return { value: divide(total(top), total(bottom)), count: countIf(or(notNull(top), notNull(bottom))) };
    }
    case 'duration':
      return durationPieces(m, e);
    case 'velocity':
      return velocityPieces(m, e);
    case 'perOrder': {
      const amount = e.required(m.amounts);
      const id = e.optionalKeys(m.orders);
      const withAmount = notNull(amount);
      // Rows sharing an id are one order; an amount without an id is an order of its own.
      const orders = id ? plus(countDistinct(when(withAmount, id)), countIf(and(withAmount, isNull(id)))) : countIf(withAmount);
      return { value: divide(sum(amount), orders), count: orders };
    }
    case 'perCustomer': {
      const amount = e.required(m.amounts);
      const customer = e.requiredKeys(m.customers);
      const both = and(notNull(amount), notNull(customer));
      const customers = countDistinct(when(both, customer));
      return { value: divide(sum(when(both, amount)), customers), count: customers };
    }
    case 'severalPerCustomer': {
      const customer = e.requiredKeys(m.customers);
      const product = e.requiredKeys(m.products);
      const products = column('products');
      const customers = countIf(compare(products, '>=', num(1)));
      return {
        value: divide(countIf(compare(products, '>=', num(2))), customers), count: customers,
        perEntity: { key: customer, columns: { products: countDistinct(product) } },
      };
    }
    case 'openSum': {
      const amount = e.required(m.amounts);
      const outcome = e.requiredWords(m.outcomes);
      const weight = e.optional(m.weights);
      const decided = notNull(outcome);
      const open = and(decided, not(isOneOf(outcome, m.closed.flatMap((list) => e.words(list)))));
      const adds = and(open, notNull(amount), ...(weight ? [notNull(weight)] : []));
      const weighted = weight ? times(amount, weight) : amount;
      return { value: when(compare(countIf(decided), '>', num(0)), coalesce(sum(when(adds, weighted)), num(0))), count: countIf(adds) };
    }
    case 'scoreHistogram': {
      const s = e.required(m.scores);
      return { value: s, count: countIf(notNull(s)), histogram: true };
    }
    case 'upsell':
    case 'firstPeriodRevenue':
    case 'nextPeriodRevenue':
      return historyPieces(m, e);
  }
}

/** The parameter whose date places a row in a period: the measure's own, else the entry's `dates`. */
const datingParam = (m: Measure): string => ('datedBy' in m ? m.datedBy : 'dates');

/** Compiles `spec` with its measure for the roles `mapped`; throws CompileError naming what is missing. */
export function compileMetric(spec: FunctionSpec, measure: Measure, mapped: (role: Role) => boolean): CompiledMetric {
  const e = new EntryReader(spec, mapped);
  const { value, count, perEntity, history, rowOrder, histogram, table, periodCtes, datedBy: ownDating } = pieces(measure, e);
  const takesPeriod = spec.params.some((p) => spec.inputs[p.name] === 'period');
  const dating = !takesPeriod ? undefined : ownDating ?? (spec.params.some((p) => p.name === datingParam(measure)) ? e.role(datingParam(measure)) : undefined);
  const datedBy = dating && roleType(dating) === 'date' ? dating : undefined;
  if (datedBy && perEntity) throw new CompileError(`${spec.name}: a metric counted per customer is compiled only without a trend`);
  if (history && !datedBy) throw new CompileError(`${spec.name}: a customer's history is compiled only by period`);
  if ((histogram || table) && datedBy) throw new CompileError(`${spec.name}: a section is compiled only over all rows`);
  return {
    name: spec.name, value, count, ...(datedBy ? { datedBy } : {}), roles: [...e.roles], words: [...e.wordRoles], keys: [...e.keyRoles],
    ...(perEntity ? { perEntity } : {}), ...(history ? { history } : {}), ...(rowOrder ? { rowOrder } : {}), ...(histogram ? { histogram } : {}),
    ...(table ? { table } : {}), ...(periodCtes ? { periodCtes } : {}),
  };
}

/** True when `answerScale` reads the scales this compiler assumes (checked by a test, so the two cannot drift). */
export const answerScalesAgree = (): boolean => ANSWER_SCALES.every((s, k) => answerScale([s]) === s && (k === 0 || answerScale([ANSWER_SCALES[k - 1] + 1]) === s));
