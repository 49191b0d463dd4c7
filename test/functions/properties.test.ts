import fc from 'fast-check';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { runFunction } from '../../src/functions/runner';
import type { Arg, FunctionSpec } from '../../src/functions/spec';

// Any cell Sheets may hand over: numbers, number-like and date-like text, words, blanks, booleans, dates.
const cell = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ noNaN: false }),
  fc.constantFrom('', ' ', '9', '7,5', '1,234', 'abc', 'won', 'lost', 'open', 'yes', 'no', 'churned', '2025-03-01', '03/04/2025', 'month', '2025-Q1', '=1+1'),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2035-01-01'), noInvalidDate: false }),
  fc.integer({ min: 40000, max: 47000 }),
);

/** A range of 1–6 rows by 1–3 columns, or a single cell. */
const argument = fc.oneof(
  fc.integer({ min: 1, max: 6 }).chain((rows) => fc.integer({ min: 1, max: 3 }).chain((cols) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }))),
  cell,
  fc.constant(undefined),
);

/** Arguments for `spec`: ranges and cells for every parameter, sometimes fewer or sized alike. */
const argumentsFor = (spec: FunctionSpec) => fc.array(argument as fc.Arbitrary<Arg>, { minLength: 0, maxLength: spec.params.length });

/** True for a result Sheets can show: a finite number, text, or a non-empty rectangular table of those. */
function isSheetsResult(result: unknown): boolean {
  const scalar = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string');
  if (!Array.isArray(result)) return scalar(result);
  if (result.length === 0 || !Array.isArray(result[0]) || result[0].length === 0) return false;
  const width = result[0].length;
  return result.every((row) => Array.isArray(row) && row.length === width && row.every(scalar));
}

describe('every custom function on random Sheets input', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f]))('%s returns a clean result or throws an Error naming it', (name, spec) => {
    fc.assert(
      fc.property(argumentsFor(spec), (args) => {
        try {
          return isSheetsResult(runFunction(spec, args));
        } catch (e) {
          return isUserError(e, name);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it.each(FUNCTIONS.map((f) => [f.name, f]))('%s stays clean when cells of its examples are replaced at random', (name, spec) => {
    const mutated = fc.tuple(fc.constantFrom(...spec.examples), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), cell), { maxLength: 4 }))
      .map(([example, edits]) => {
        const args = example.args.map((a) => (Array.isArray(a) ? a.map((row) => [...row]) : a));
        for (const [which, r, c, value] of edits) {
          const target = args[which % args.length];
          if (Array.isArray(target)) target[r % target.length][c % target[0].length] = value;
          else args[which % args.length] = value;
        }
        return args;
      });
    fc.assert(
      fc.property(mutated, (args) => {
        try {
          return isSheetsResult(runFunction(spec, args));
        } catch (e) {
          return isUserError(e, name);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});

/** An error meant for the user: an Error whose message starts with the function name and hides no bug. */
function isUserError(e: unknown, name: string): boolean {
  if (!(e instanceof Error) || !e.message.startsWith(`${name}: `)) return false;
  // The user's own cell may be quoted ("first: Infinity in row 1"); the rest must not leak a bug.
  const ownWords = e.message.replace(/first: .*? in row/g, 'first: … in row');
  return !/internal error|\b(NaN|undefined|null|Infinity)\b/.test(ownWords);
}
