import fc from 'fast-check';
import { runFunction } from '../../../src/functions/runner';
import { CLV_PREDICT, PROB_ALIVE, RETENTION_FORECAST } from '../../../src/functions/table/predictive';

/** Random purchase logs: a few customers, each with a few purchases in 2025 and amounts from 0 to 500. */
const purchaseLogs = fc.array(
  fc.record({
    customer: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 364 }),
    amount: fc.integer({ min: 0, max: 50000 }).map((cents) => cents / 100),
  }),
  { minLength: 1, maxLength: 60 },
);

const column = <T>(values: T[]) => values.map((v) => [v]);
const isoDay = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);

/** Either a table of strings and finite numbers, or an error that names the function and is not an internal error. */
function expectContractKept(fn: string, run: () => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    const message = (e as Error).message;
    expect(message.startsWith(`${fn}: `)).toBe(true);
    expect(message).not.toMatch(/internal error/);
    return;
  }
  for (const row of result as unknown[][]) {
    for (const cell of row) expect(typeof cell === 'string' || Number.isFinite(cell)).toBe(true);
  }
}

describe('the predictive functions on random data', () => {
  it('CLV_PREDICT returns finite numbers or a clear error, never NaN or an internal error', () => {
    fc.assert(fc.property(purchaseLogs, fc.constantFrom('months', 'weeks', 'days'), (log, unit) => {
      const args = [column(log.map((p) => `c${p.customer}`)), column(log.map((p) => isoDay(p.day))), column(log.map((p) => p.amount)), 6, unit];
      expectContractKept('CLV_PREDICT', () => runFunction(CLV_PREDICT, args));
    }), { numRuns: 60 });
  });

  it('PROB_ALIVE returns probabilities from 0 to 1 or a clear error', () => {
    fc.assert(fc.property(purchaseLogs, (log) => {
      const args = [column(log.map((p) => `c${p.customer}`)), column(log.map((p) => isoDay(p.day)))];
      expectContractKept('PROB_ALIVE', () => runFunction(PROB_ALIVE, args));
    }), { numRuns: 60 });
  });

  it('RETENTION_FORECAST returns finite survival and churn or a clear error for any falling counts', () => {
    const fallingCounts = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 12 })
      .map((drops) => drops.reduce<number[]>((counts, d) => [...counts, Math.max(0, counts[counts.length - 1] - d)], [1000]));
    fc.assert(fc.property(fallingCounts, fc.integer({ min: 0, max: 24 }), (counts, ahead) => {
      expectContractKept('RETENTION_FORECAST', () => runFunction(RETENTION_FORECAST, [column(counts), ahead]));
    }), { numRuns: 100 });
  });
});
