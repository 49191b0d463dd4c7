// The custom-function call behind a summary figure, as a user would type it over the source ranges: the tab shows it
// beside each headline figure, so anyone can check a figure (or reuse it) in a cell.

import { columnLetter, quoteSheetName } from '../../core/a1';
import { rolesOf, type InputSource } from '../../core/mapping/inputs';
import type { Role } from '../../core/mapping/roles';
import type { FunctionSpec } from '../../functions/spec';
import type { GridRange } from '../sheets/workbook';

/** Where the summary read its data: the sheet, the range (header row included when hasHeader), the mapping. */
export interface FormulaSource {
  sheetName: string;
  range: GridRange;
  hasHeader: boolean;
  mapping: Partial<Record<Role, number>>;
}

const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One role's data cells as an A1 reference on the source sheet. */
function columnRef(source: FormulaSource, role: Role): string {
  const letter = columnLetter(source.range.column + (source.mapping[role] as number));
  const first = source.range.row + (source.hasHeader ? 1 : 0);
  const last = source.range.row + source.range.rows - 1;
  return `${quoteSheetName(source.sheetName)}!${letter}${first}:${letter}${last}`;
}

/** Several roles side by side: one range when their columns are adjacent and in order, else an array literal. */
function columnsRef(source: FormulaSource, roles: readonly Role[]): string {
  const at = roles.map((r) => source.mapping[r] as number);
  if (at.every((c, k) => k === 0 || c === at[k - 1] + 1)) {
    const first = source.range.row + (source.hasHeader ? 1 : 0);
    const last = source.range.row + source.range.rows - 1;
    const from = columnLetter(source.range.column + at[0]);
    const to = columnLetter(source.range.column + at[at.length - 1]);
    return `${quoteSheetName(source.sheetName)}!${from}${first}:${to}${last}`;
  }
  return `{${roles.map((r) => columnRef(source, r)).join(', ')}}`;
}

/** The argument text for one input source, or '' when the summary leaves the argument out. */
function argumentText(input: InputSource | undefined, source: FormulaSource, period: string | undefined, grain: string, scale: (role: Role) => number): string {
  if (input === undefined) return '';
  if (Array.isArray(input)) {
    const alt = (input as readonly InputSource[]).find((s) => rolesOf(s).every((r) => source.mapping[r] !== undefined));
    return argumentText(alt, source, period, grain, scale);
  }
  if (input === 'period') return period === undefined ? '' : quoteText(period);
  if (input === 'grain') return quoteText(grain);
  const one = input as Exclude<InputSource, string | readonly InputSource[]>;
  if ('fixed' in one) return typeof one.fixed === 'number' ? String(one.fixed) : quoteText(one.fixed);
  if ('scaleOf' in one) return source.mapping[one.scaleOf] === undefined ? '' : String(scale(one.scaleOf));
  if ('sumOf' in one) return source.mapping[one.sumOf] === undefined ? '' : `SUM(${columnRef(source, one.sumOf)})`;
  if (!one.roles.every((r) => source.mapping[r] !== undefined)) return '';
  return one.roles.length === 1 ? columnRef(source, one.roles[0]) : columnsRef(source, one.roles);
}

/** "=WIN_RATE('Deals'!G2:G1001, , , "2025-11", 'Deals'!I2:I1001)": trailing left-out arguments dropped. */
export function formulaText(spec: FunctionSpec, source: FormulaSource, period: string | undefined, grain: string, scale: (role: Role) => number): string {
  const args = spec.params.map((p) => argumentText(spec.inputs[p.name], source, period, grain, scale));
  while (args.length && args[args.length - 1] === '') args.pop();
  return `=${spec.name}(${args.join(', ')})`;
}
