import { aggregateAll, aggregateInPeriod, type Aggregate } from '../../../src/core/aggregate';
import { coerceFirstContact, slaAggregate } from '../../../src/core/metrics/service';
import { parsePeriod } from '../../../src/core/periods';
import { ratioOfSumsAggregate, shareAggregate, sumOf } from '../../../src/core/ratios';

const rateOf = <A>(agg: Aggregate<A>, n: number) => agg.value(aggregateAll(agg, n));
const read = (cell: Parameters<typeof coerceFirstContact>[0]) => {
  const got = coerceFirstContact(cell);
  return got.ok ? got.value : 'rejected';
};

describe('first contact resolution cells', () => {
  it('reads a contact count of 1 as resolved at first contact and 2 or more as not', () => {
    expect([1, 2, 5, '1', ' 3 '].map(read)).toEqual([true, false, false, true, false]);
  });

  it('reads 0 as not resolved, as in a column of 1/0 flags', () => expect(read(0)).toBe(false));

  it('reads checkboxes and yes/no words', () => {
    expect([true, false, 'Yes', 'no', 'TRUE', 'resolved', 'unresolved'].map(read)).toEqual([true, false, true, false, true, true, false]);
  });

  it('rejects fractions, negative counts and other words', () => {
    expect([1.5, -1, 'maybe', 'later'].map(read)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
  });
});

describe('the share of rows in a class', () => {
  const flags = Int8Array.from([1, 0, 1, 1, -1]);

  it('gives 0.75 for three of four tickets, skipping the blank', () => expect(rateOf(shareAggregate(flags, 1), 5)).toBe(0.75));

  it('counts against a chosen base only', () => {
    const codes = Int8Array.from([1, 2, 0, 1, 0]);
    expect(rateOf(shareAggregate(codes, 1, [1, 2]), 5)).toBeCloseTo(2 / 3, 12);
  });

  it('is undefined when every row is blank', () => expect(rateOf(shareAggregate(Int8Array.from([-1, -1]), 1), 2)).toBeUndefined());
});

describe('SLA compliance', () => {
  const hours = Float64Array.from([2, 0.5, NaN, 4, 6]);

  it('counts a response exactly on the target as within it: 3 of 4 within 4 hours', () => expect(rateOf(slaAggregate(hours, 4), 5)).toBe(0.75));

  it('gives 0 when no answered ticket meets the target', () => expect(rateOf(slaAggregate(hours, 0.25), 5)).toBe(0));

  it('is undefined when no ticket was answered', () => expect(rateOf(slaAggregate(Float64Array.from([NaN]), 4), 1)).toBeUndefined());
});

describe('a ratio of two columns’ sums', () => {
  const engaged = Float64Array.from([30, 20, NaN, 10]);
  const total = Float64Array.from([200, 300, 100, NaN]);

  it('adds each column over the rows and divides: 60 ÷ 600', () => expect(rateOf(ratioOfSumsAggregate(engaged, total), 4)).toBe(0.1));

  it('keeps only the rows dated in a period', () => {
    const dates = Float64Array.from(['2025-03-01', '2025-04-01', '2025-03-15', '2025-03-31'].map((d) => Date.parse(`${d}T00:00:00Z`)));
    const agg = ratioOfSumsAggregate(engaged, total);
    expect(agg.value(aggregateInPeriod(agg, dates, parsePeriod('2025-03')!))).toBeCloseTo(40 / 300, 12);
  });

  it('is undefined when the denominators add up to 0', () => {
    expect(rateOf(ratioOfSumsAggregate(Float64Array.from([1]), Float64Array.from([0])), 1)).toBeUndefined();
  });

  it('sums the non-blank values', () => expect(sumOf(engaged)).toBe(60));
});
