// Formula text in the spreadsheet's locale (the workbench's formula bar, the summary tab's Formula column): `;` and
// decimal commas as cs/pl/ru users type them, read into the canonical (en) syntax the engine and Apps Script's
// setFormula use, and canonical formulas shown back in the locale's syntax.
//
// Typed text is read leniently, the way a person coming from either convention types:
// - `;` always separates arguments (outside `{…}`); `,` does too, except that in a decimal-comma locale (cs, pl, ru)
//   a comma between two digits of a number is its decimal comma: `=ROUND(1,5; 0)` is ROUND(1.5, 0), and
//   `=NPS(B2:B500,0)` is NPS(B2:B500, 0) (the comma follows a cell reference, not a number). `.` is a decimal point
//   in every locale.
// - Inside an array literal `{…}`, `;` separates rows; `,` and `\` (the decimal-comma locales' column separator)
//   separate columns.
// Text in "double quotes" and sheet names in 'single quotes' are never touched.

import { usesDecimalComma } from './localeNumbers';

/** How a locale writes the parts of a formula that differ between locales. */
export interface FormulaSyntax {
  argument: string;
  column: string;
  row: string;
  decimal: string;
}

/** What Apps Script's setFormula, HyperFormula and en-locale users write. */
export const CANONICAL: FormulaSyntax = { argument: ',', column: ',', row: ';', decimal: '.' };
/** What Sheets shows in locales with a decimal comma. */
const DECIMAL_COMMA: FormulaSyntax = { argument: ';', column: '\\', row: ';', decimal: ',' };

export const syntaxOf = (locale: string): FormulaSyntax => (usesDecimalComma(locale) ? DECIMAL_COMMA : CANONICAL);

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'number'; whole: string; fraction?: string; exponent?: string }
  | { kind: 'argument' | 'column' | 'row' };

const QUOTED = /^(?:"(?:[^"]|"")*"?|'(?:[^']|'')*'?)/;
const NAME = /^[\p{L}_$][\p{L}\p{N}_.$]*/u;

/** Splits formula text into tokens; `decimalComma` says whether "1,5" is one number. */
function tokens(text: string, decimalComma: boolean): Token[] {
  const number = decimalComma ? /^(\d*)(?:[.,](\d+))?([eE][+-]?\d+)?/ : /^(\d*)(?:\.(\d+))?([eE][+-]?\d+)?/;
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const c = text[i];
    const verbatim = QUOTED.exec(rest)?.[0] || NAME.exec(rest)?.[0];
    const digits = /^\.?\d/.test(rest) ? number.exec(rest) : null;
    if (verbatim) {
      out.push({ kind: 'text', text: verbatim });
      i += verbatim.length;
    } else if (digits && digits[0]) {
      out.push({ kind: 'number', whole: digits[1], fraction: digits[2], exponent: digits[3] });
      i += digits[0].length;
    } else {
      if (c === '{') depth++;
      if (c === '}') depth = Math.max(0, depth - 1);
      const inArray = depth > 0;
      if (c === ';') out.push({ kind: inArray ? 'row' : 'argument' });
      else if (c === ',' || (c === '\\' && inArray)) out.push({ kind: inArray ? 'column' : 'argument' });
      else out.push({ kind: 'text', text: c });
      i++;
    }
  }
  return out;
}

function render(list: Token[], syntax: FormulaSyntax): string {
  return list.map((t) => {
    if (t.kind === 'text') return t.text;
    if (t.kind === 'number') return `${t.whole}${t.fraction === undefined ? '' : syntax.decimal + t.fraction}${t.exponent ?? ''}`;
    return syntax[t.kind];
  }).join('');
}

/** A formula as typed in `locale`, in the canonical syntax the engine reads. */
export function canonicalFormula(typed: string, locale: string): string {
  return render(tokens(typed, usesDecimalComma(locale)), CANONICAL);
}

/** A canonical formula as Sheets shows it to a user in `locale`. */
export function localeFormula(canonical: string, locale: string): string {
  const syntax = syntaxOf(locale);
  return syntax === CANONICAL ? canonical : render(tokens(canonical, false), syntax);
}

/** How many argument separators the typed text holds (the formula bar's help: which argument is being typed). */
export function separatorsIn(typed: string, locale: string): number {
  return tokens(typed, usesDecimalComma(locale)).filter((t) => t.kind === 'argument').length;
}
