// The data checks flag a number cell exactly when a metric reading its column rejects it: for every role that feeds a
// number parameter, random cells are checked and run through the metric, which must agree on every cell.

import fc from 'fast-check';
import { answerScale } from '../../../src/core/bounds';
import { MetricError } from '../../../src/core/errors';
import { alternatives, inSummaries, sourceOf } from '../../../src/core/mapping/inputs';
import { ROLE_DEFINITIONS, roleType, type Role, type RoleDefinition } from '../../../src/core/mapping/roles';
import { checkData, type DataIssue } from '../../../src/core/quality/checks';
import type { Cell } from '../../../src/core/values';
import { FUNCTIONS, findFunction } from '../../../src/functions/catalogue';
import { column } from '../../../src/functions/examples';
import { runFunction } from '../../../src/functions/runner';
import type { Arg, FunctionSpec } from '../../../src/functions/spec';
import { checkRules } from '../../../src/server/checks/rules';
import { Columns } from '../../../src/server/summary/columns';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const DAY = new Date(Date.UTC(2025, 2, 1));

/** One number parameter of a summary metric and a role that may feed it. */
interface Case {
  fn: FunctionSpec;
  param: string;
  role: Role;
}

const CASES: Case[] = FUNCTIONS.filter(inSummaries).flatMap((fn) =>
  fn.params.filter((p) => p.bounds && sourceOf(fn, p.name)).flatMap((p) =>
    alternatives(sourceOf(fn, p.name)!).filter((roles) => roles.length === 1).map(([role]) => ({ fn, param: p.name, role }))));

/** A valid cell of another column the metric reads: a date, a word the role accepts, an id, or 1. */
function filler(role: Role, row: number): Cell {
  const definition = ROLE_DEFINITIONS[role] as RoleDefinition;
  if (roleType(role) === 'date') return DAY;
  if (roleType(role) === 'number') return 1;
  return definition.values ? definition.values.accepts[0] : `id${row % 2}`;
}

/**
 * The arguments a summary passes when `role` holds `cells` and every other column the metric reads is valid: the
 * tested parameter reads the role, the others their first alternative, the scale is read from the column.
 */
function argumentsFor({ fn, param, role }: Case, cells: Cell[]): Arg[] {
  return fn.params.map((p) => {
    const source = sourceOf(fn, p.name);
    if (p.name === param) return column(...cells);
    if (!source) return '';
    if (source === 'period') return p.optional ? '' : '2025';
    if (source === 'grain') return '';
    if (typeof source === 'object' && 'fixed' in source) return source.fixed;
    if (typeof source === 'object' && 'scaleOf' in source) return source.scaleOf === role ? answerScale(cells) : '';
    const roles = alternatives(source)[0];
    return cells.map((_, r) => roles.map((other) => filler(other, r)));
  });
}

/** The rows of the tested cells the metric rejects as values of `param` (1-based, first and how many), or none. */
function rejected({ fn, param }: Case, args: Arg[]): { count: number; first: number } | undefined {
  try {
    runFunction(fn, args);
    return undefined;
  } catch (e) {
    if (!(e instanceof MetricError)) throw e;
    const bad = new RegExp(`^${fn.name}: (\\d+) values? (?:is|are) not .* \\(first: .* in row (\\d+) of (\\w+)\\)`).exec(e.message);
    if (!bad) return undefined; // another complaint (no answers, nothing to fit on): the cells themselves were accepted
    if (bad[3] !== param) throw new Error(`the filler cells were rejected: ${e.message}`);
    return { count: Number(bad[1]), first: Number(bad[2]) };
  }
}

/** The rows the checks flag in the role's column (sheet rows: the header is row 1), on that metric's rules alone. */
function flagged({ fn, role }: Case, cells: Cell[]): number[] {
  const mapping = { [role]: 0 };
  const issues = checkData({
    values: [['Column'], ...cells.map((c) => [c])], hasHeader: true, mapping, origin: { row: 1, column: 1 },
    toCivil: (t) => t, today: Date.UTC(2030, 0, 1), rules: checkRules(mapping, [fn]),
  });
  const rows = issues.filter((i: DataIssue) => i.role === role && (i.kind === 'notANumber' || i.kind === 'scoreOutOfRange')).flatMap((i) => i.rows);
  return [...new Set(rows)].sort((a, b) => a - b);
}

// Cells a number column may hold: whole and fractional numbers, negatives, values past every bound, number text,
// words, blanks, booleans, dates and the non-finite numbers.
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: -3, max: 25 }),
  fc.double({ min: -5, max: 25, noNaN: true }),
  fc.integer({ min: -3, max: 25 }).map((n) => n + 0.5),
  fc.constantFrom(0, -0, 0.5, 1, 5, 7, 10, 11, 101, 1e9, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.integer({ min: -3, max: 25 }).map(String),
  fc.double({ min: -5, max: 25, noNaN: true }).map((d) => String(d).replace('.', ',')),
  fc.constantFrom('7,5', ' 8 ', '60%', '$1,200', '1,234', '1.234,5', 'abc', 'yes', '', ' '),
  fc.boolean(),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01') }),
);

describe('the data checks and the metrics agree on number cells', () => {
  it('cover every role that feeds a bounded number parameter', () => {
    const roles = new Set(CASES.map((c) => c.role));
    expect([...roles].sort()).toEqual(expect.arrayContaining(['amount', 'effort', 'probability', 'satisfaction', 'score']));
  });

  it.each(CASES.map((c) => [`${c.fn.name} ${c.param} from ${c.role}`, c]))('%s: a cell is flagged exactly when the metric rejects it', (_, c) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
        const got = rejected(c, argumentsFor(c, cells));
        const rows = flagged(c, cells);
        expect(rows.length).toBe(got?.count ?? 0);
        // Sheet row 2 holds the column's first cell.
        if (got) expect(rows[0]).toBe(got.first + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('read the answer scale from a column as a summary does', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (cells) => {
        const columns = new Columns(cells.map((v) => [v]), { satisfaction: 0 }, (t) => t);
        expect(answerScale(cells)).toBe(columns.scaleOf('satisfaction'));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hand cases', () => {
  const fn = (name: string): FunctionSpec => findFunction(name)!;
  const checkAll = (role: Role, ...cells: Cell[]): number[] => {
    const mapping = { [role]: 0 };
    return checkData({
      values: [['Column'], ...cells.map((c) => [c])], hasHeader: true, mapping, origin: { row: 1, column: 1 },
      toCivil: (t) => t, today: Date.UTC(2030, 0, 1), rules: checkRules(mapping),
    }).flatMap((i) => i.rows);
  };

  it('CSAT 0 on a 10-point scale: accepted by both', () => {
    expect(runFunction(fn('CSAT'), [column(0, 10, 9), 10])).toBeCloseTo(2 / 3, 12);
    expect(checkAll('satisfaction', 0, 10, 9)).toEqual([]);
    // On a 5-point scale (a column whose highest answer is 5) 0 is off the scale for both.
    expect(() => runFunction(fn('CSAT'), [column(0, 5), 5])).toThrow('CSAT: 1 value is not scores from 1 to 5 (first: 0 in row 1 of scores)');
    expect(checkAll('satisfaction', 0, 5)).toEqual([2]);
  });

  it('CES 15 on a 20-point scale: the function takes an explicit scale, the check reads 10 from the column', () => {
    // Typed into a formula with its scale, 15 and 20 are fine answers.
    expect(runFunction(fn('CES'), [column(15, 20), 20])).toBe(17.5);
    // A check (like a summary) reads the scale from the column's highest answer and knows 5-, 7- and 10-point
    // scales only: 20 → 10, so both answers are flagged, as the summary's CES on that column rejects them.
    expect(checkAll('effort', 15, 20)).toEqual([2, 3]);
    expect(() => runFunction(fn('CES'), [column(15, 20), answerScale([15, 20])])).toThrow('CES: 2 values are not scores from 1 to 10');
  });

  it('NPS 11: flagged by both', () => {
    expect(() => runFunction(fn('NPS'), [column(9, 11)])).toThrow('NPS: 1 value is not scores from 0 to 10 (first: 11 in row 2 of scores)');
    expect(checkAll('score', 9, 11)).toEqual([3]);
  });
});
