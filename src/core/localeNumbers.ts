// How a locale writes numbers (decimal and thousands separators), from ICU: the grid shows numbers, and the formula
// bar reads them, the way Sheets does for the spreadsheet's locale ("1 234,5" in cs, "1,234.5" in en).

export interface NumberSymbols {
  decimal: string;
  group: string;
}

const EN: NumberSymbols = { decimal: '.', group: ',' };

/** The separators of a locale ("cs", "pl_PL", "en_US"); en's for a locale ICU does not know. */
export function numberSymbols(locale: string): NumberSymbols {
  try {
    const parts = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(1234567.5);
    return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
  } catch {
    return EN;
  }
}

/** True when the locale writes numbers with a decimal comma (cs, pl, ru). */
export const usesDecimalComma = (locale: string): boolean => numberSymbols(locale).decimal === ',';

/** Number text written the en way ("1,234.5") in the locale's separators ("1 234,5" in cs). */
export function localeNumberText(text: string, locale: string): string {
  const { decimal, group } = numberSymbols(locale);
  return decimal === '.' && group === ',' ? text : text.replace(/[.,]/g, (c) => (c === '.' ? decimal : group));
}
