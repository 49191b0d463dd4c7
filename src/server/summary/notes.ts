// The tab's notes in the reader's language: how each figure is computed (display name, function, definition, any fixed
// input), what progress to goal means, and the columns used with their roles' names.

import { columnLetter, parseA1 } from '../../core/a1';
import type { Language } from '../../core/languages';
import type { Role } from '../../core/mapping/roles';
import { definitionIn } from '../../functions/definitions';
import type { FunctionSpec } from '../../functions/spec';
import type { ReportSpec } from '../rpc/contract';
import type { CellValue } from '../sheets/workbook';
import { PROGRESS_DEFINITION } from './progress';
import { ROLE_NAMES } from '../../core/mapping/roleNames';
import type { TabText } from './tabText';


/** A role as the sidebar names it, in `language`. */
export const roleName = (role: Role, language: Language): string => ROLE_NAMES[language][role] ?? role;

export interface NotesInput {
  specs: FunctionSpec[];
  spec: ReportSpec;
  headers: string[];
  language: Language;
  text: TabText;
  /** Whether a goal is shown (then the progress definition is added). */
  withGoals: boolean;
}

/** The notes block's rows: a heading, one row per function, progress, and the columns used. */
export function notesRows({ specs, spec, headers, language, text, withGoals }: NotesInput): CellValue[][] {
  const fixed = (f: FunctionSpec): string => Object.entries(f.inputs).filter(([, s]) => typeof s === 'object' && 'fixed' in s)
    .map(([param, s]) => ` ${text.fixedInput} ${param} = ${(s as { fixed: number | string }).fixed}.`).join('');
  const rows: CellValue[][] = [[text.notes, '']];
  for (const f of specs) rows.push([`${f.labels[language].name} (${f.name})`, definitionIn(f, language) + fixed(f)]);
  if (withGoals) rows.push([text.progress, PROGRESS_DEFINITION[language]]);
  const first = parseA1(spec.source.range)?.column ?? 1;
  // A sheet's column by letter and header; a warehouse table's by its name (it has no letters).
  const column = (i: number): string => (spec.warehouse ? `“${headers[i] ?? ''}”` : `${columnLetter(first + i)} “${headers[i] ?? ''}”`);
  const mapped = Object.entries(spec.mapping).map(([role, i]) => `${roleName(role as Role, language)}: ${column(i as number)}`);
  rows.push([text.columns, mapped.join('; ')]);
  return rows;
}
