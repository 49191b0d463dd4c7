import { FUNCTIONS } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import type { Result } from '../../src/functions/spec';

/** Compares results with a relative tolerance on numbers, exactly on strings and shapes. */
function expectSameResult(actual: Result, expected: Result, digits?: number): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    const precision = digits ?? 9 - Math.max(0, Math.ceil(Math.log10(Math.abs(expected) + 1)));
    expect(actual as number).toBeCloseTo(expected, precision);
    return;
  }
  if (typeof expected === 'string') return expect(actual).toBe(expected);
  expect(Array.isArray(actual)).toBe(true);
  const table = actual as (string | number)[][];
  expect(table.length).toBe(expected.length);
  expected.forEach((row, r) => {
    expect(table[r].length).toBe(row.length);
    row.forEach((cell, c) => expectSameResult(table[r][c], cell, digits));
  });
}

describe('the function table', () => {
  it('has unique upper-case names that Sheets accepts and that do not end in "_"', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*[A-Z0-9]$/);
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('documents %s fully', (_, f) => {
    for (const text of [f.summary, f.definition, f.returns]) expect(text.trim().length).toBeGreaterThan(10);
    expect(f.examples.length).toBeGreaterThan(0);
    const names = f.params.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    f.params.forEach((p, i) => {
      expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(p.description.trim().length).toBeGreaterThan(5);
      if (p.sameSizeAs) expect(names).toContain(p.sameSizeAs);
      if (i > 0 && f.params[i - 1].optional) expect(p.optional).toBe(true);
    });
  });

  it.each(FUNCTIONS.flatMap((f) => f.examples.map((e, k) => [`${f.name} example ${k + 1}`, f, e] as const)))(
    '%s evaluates to what the docs say', (_, f, example) => {
      expectSameResult(runFunction(f, example.args), example.result, example.digits);
    });
});
