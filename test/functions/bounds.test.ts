// Parameter bounds are plain data on the Param: readable without running code, resolved against the answer scale,
// and the source of the wording errors use.

import { describeLimits, lowestPoint, resolveBounds, withinLimits } from '../../src/core/bounds';
import { FUNCTIONS, findFunction } from '../../src/functions/catalogue';
import { column } from '../../src/functions/examples';
import { numbers, scores } from '../../src/functions/params';
import { callContext, runFunction, UTC_ENVIRONMENT } from '../../src/functions/runner';
import type { Arg } from '../../src/functions/spec';
import { amounts } from '../../src/functions/sums';

const call = (name: string, ...args: Arg[]) => runFunction(findFunction(name)!, args);
const paramsWithBounds = FUNCTIONS.flatMap((fn) => fn.params.filter((p) => p.bounds).map((p) => ({ fn, p })));

describe('parameter bounds as data', () => {
  it('are plain objects of integer, min, max and scale, the same after a trip through JSON', () => {
    expect(paramsWithBounds.length).toBeGreaterThan(20);
    for (const { p } of paramsWithBounds) {
      expect(Object.keys(p.bounds!).every((k) => ['integer', 'min', 'max', 'scale'].includes(k))).toBe(true);
      expect(JSON.parse(JSON.stringify(p.bounds))).toEqual(p.bounds);
    }
  });

  it('are declared on every single-number parameter', () => {
    const numbersWithout = FUNCTIONS.flatMap((fn) => fn.params.filter((p) => p.type === 'number' && !p.bounds).map((p) => `${fn.name}.${p.name}`));
    expect(numbersWithout).toEqual([]);
  });

  it('name as scale a single-number parameter of the same function, coerced before the ranges', () => {
    for (const { fn, p } of paramsWithBounds.filter(({ p }) => p.bounds!.scale !== undefined)) {
      const scale = fn.params.find((q) => q.name === p.bounds!.scale);
      expect([fn.name, scale?.type, scale?.bounds]).toEqual([fn.name, 'number', { integer: true, min: 2, max: 100 }]);
    }
  });

  it('say what NPS, CSAT and CES accept', () => {
    expect(findFunction('NPS')!.params[0].bounds).toEqual({ integer: true, min: 0, max: 10 });
    expect(findFunction('CSAT')!.params[0].bounds).toEqual({ integer: true, scale: 'scale' });
    expect(findFunction('CSAT')!.params[2].bounds).toEqual({ scale: 'scale' });
    expect(findFunction('CES')!.params[0].bounds).toEqual({ integer: true, min: 1, scale: 'scale' });
  });
});

describe('resolving and wording bounds', () => {
  it('puts a scale’s answers from its lowest point (0 on a 10-point scale, else 1) to the scale', () => {
    expect([lowestPoint(5), lowestPoint(7), lowestPoint(10)]).toEqual([1, 1, 0]);
    expect(resolveBounds({ integer: true, scale: 'scale' }, 10)).toEqual({ min: 0, max: 10, integer: true });
    expect(resolveBounds({ integer: true, scale: 'scale' }, 5)).toEqual({ min: 1, max: 5, integer: true });
    expect(resolveBounds({ integer: true, min: 1, scale: 'scale' }, 10)).toEqual({ min: 1, max: 10, integer: true });
    expect(resolveBounds({ min: 0 })).toEqual({ min: 0, max: Infinity, integer: false });
  });

  it('tests a value against its limits', () => {
    const limits = resolveBounds({ integer: true, min: 0, max: 10 });
    expect([0, 10, 5].every((v) => withinLimits(v, limits))).toBe(true);
    expect([-1, 11, 7.5].some((v) => withinLimits(v, limits))).toBe(false);
  });

  it('words limits after a noun', () => {
    expect(describeLimits('scores', resolveBounds({ min: 0, max: 10 }))).toBe('scores from 0 to 10');
    expect(describeLimits('counts', resolveBounds({ min: 0 }))).toBe('counts of 0 or more');
    expect(describeLimits('shares', resolveBounds({ max: 1 }))).toBe('shares of 1 or less');
    expect(describeLimits('amounts', resolveBounds({}))).toBe('amounts');
  });
});

describe('messages worded from the bounds', () => {
  it('name the answer scale a call gives', () => {
    expect(() => call('CSAT', column(10, 11), 10)).toThrow('CSAT: 1 value is not scores from 0 to 10 (first: 11 in row 2 of scores)');
    expect(() => call('CES', column(0, 3), 5)).toThrow('CES: 1 value is not scores from 1 to 5 (first: 0 in row 1 of scores)');
    expect(() => call('CSAT', column(1, 5), 5, 6)).toThrow('CSAT: threshold must be a score on the scale, got 6');
  });

  it('add the noun, the bounds and an aside', () => {
    expect(() => call('CLV', 100, 2, 0.05)).toThrow('CLV: gross_margin must be a fraction from 0 to 1 (70% or 0.7), got 2');
    expect(() => call('RETENTION_FORECAST', column(100, 80), 1.5)).toThrow('RETENTION_FORECAST: periods_ahead must be a whole number from 0 to 1000, got 1.5');
    expect(() => call('CAC', column(-1), 4)).toThrow('CAC: 1 value is not costs of 0 or more (first: -1 in row 1 of costs)');
    expect(() => call('APV', column('x'))).toThrow('APV: 1 value is not amounts (first: "x" in row 1 of amounts)');
  });
});

describe('amounts with bounds beyond a minimum', () => {
  const ctx = () => callContext('T', UTC_ENVIRONMENT);

  it('check every bound, not only the minimum, in a plain column', () => {
    const whole = amounts('n', 'Counts.', { noun: 'whole counts', integer: true, min: 0, max: 9 });
    expect(whole.bounds).toEqual({ integer: true, min: 0, max: 9 });
    expect(whole.coerce(column(1, 2), ctx(), {})).toMatchObject({ total: 3, count: 2 });
    expect(() => whole.coerce(column(1, 2.5), ctx(), {})).toThrow('T: 1 value is not whole counts from 0 to 9 (first: 2.5 in row 2 of n)');
    expect(() => whole.coerce(column(10), ctx(), {})).toThrow('T: 1 value is not whole counts from 0 to 9');
  });

  it('keep the bounds data of numbers and scores', () => {
    expect(numbers('x', 'X.', { noun: 'numbers' }).bounds).toEqual({});
    expect(scores('s', 'S.', { min: 1, max: 5 }).bounds).toEqual({ integer: true, min: 1, max: 5 });
  });
});
