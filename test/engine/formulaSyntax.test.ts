// Formulas typed as cs/pl/ru users type them (`;`, decimal commas) reach the engine in canonical syntax, and come back
// in the locale's syntax; the workbench model computes them.

import { InMemoryWorkbook } from '../../src/server/sheets/inMemory';
import { canonicalFormula, localeFormula, separatorsIn } from '../../src/core/formulaSyntax';
import { localeNumberText, usesDecimalComma } from '../../src/core/localeNumbers';
import { WorkbenchModel } from '../../scripts/workbench/model';

describe('which locales write a decimal comma', () => {
  it.each([['cs', true], ['cs_CZ', true], ['pl_PL', true], ['ru_RU', true], ['en_US', false], ['en', false], ['th_TH', false], ['xx_bogus!', false]])(
    '%s: %s', (locale, comma) => expect(usesDecimalComma(locale)).toBe(comma));
});

describe('numbers in the locale’s separators', () => {
  it.each([['cs_CZ', '1\u00a0234,5'], ['pl_PL', '1\u00a0234,5'], ['ru_RU', '1\u00a0234,5'], ['en_US', '1,234.5'], ['th_TH', '1,234.5']])(
    '%s writes 1,234.5 as %j', (locale, shown) => expect(localeNumberText('1,234.5', locale)).toBe(shown));
});

describe('a typed formula in canonical syntax', () => {
  it.each([
    ['cs_CZ', '=NPS(B2:B500; 0)', '=NPS(B2:B500, 0)'],
    ['cs_CZ', '=NPS(B2:B500, 0)', '=NPS(B2:B500, 0)'],
    ['cs_CZ', '=NPS(B2:B500,0)', '=NPS(B2:B500,0)'],
    ['pl_PL', '=ROUND(1,5; 0)', '=ROUND(1.5, 0)'],
    ['ru_RU', '=ROUND(1.5; 0)', '=ROUND(1.5, 0)'],
    ['ru_RU', '=ROUND(1, 5)', '=ROUND(1, 5)'],
    ['cs_CZ', '=A1*0,25+.5', '=A1*0.25+.5'],
    ['cs_CZ', '=MAX(A1,5)', '=MAX(A1,5)'],
    ['cs_CZ', '=X(1,5E3)', '=X(1.5E3)'],
    ['cs_CZ', '={1\\2,5;3\\4}', '={1,2.5;3,4}'],
    ['en_US', '=ROUND(1,5)', '=ROUND(1,5)'],
    ['en_US', '=NPS(B2:B500; "month"; A2:A500)', '=NPS(B2:B500, "month", A2:A500)'],
    ['en_US', '={1,2;3,4}', '={1,2;3,4}'],
    ['th_TH', '=ROUND(1.5; 0)', '=ROUND(1.5, 0)'],
  ])('%s: %s → %s', (locale, typed, canonical) => expect(canonicalFormula(typed, locale)).toBe(canonical));

  it('never touches text in quotes or quoted sheet names', () => {
    expect(canonicalFormula(`=COUNTIF('Q1; 2,5'!A1:A9; "a;b 1,5")`, 'cs')).toBe(`=COUNTIF('Q1; 2,5'!A1:A9, "a;b 1,5")`);
    expect(canonicalFormula(`=LEN("say ""1,5; 2""")`, 'cs')).toBe(`=LEN("say ""1,5; 2""")`);
  });

  it('keeps names with dots and digits whole (NORM.DIST, B500, $A$1)', () => {
    expect(canonicalFormula('=NORM.DIST(0,5; $A$1; B500; TRUE)', 'pl')).toBe('=NORM.DIST(0.5, $A$1, B500, TRUE)');
  });
});

describe('a canonical formula shown in the locale', () => {
  it.each([
    ['cs_CZ', '=NPS(B2:B500, "month", A2:A500)', '=NPS(B2:B500; "month"; A2:A500)'],
    ['ru_RU', '=ROUND(1.5, 0)+A1*0.25', '=ROUND(1,5; 0)+A1*0,25'],
    ['pl_PL', '={1,2.5;3,4}', '={1\\2,5;3\\4}'],
    ['en_US', '=ROUND(1.5, 0)', '=ROUND(1.5, 0)'],
    ['th_TH', '=NPS(A1:A9, "2025")', '=NPS(A1:A9, "2025")'],
  ])('%s: %s → %s', (locale, canonical, shown) => expect(localeFormula(canonical, locale)).toBe(shown));

  it.each(['cs_CZ', 'pl_PL', 'ru_RU', 'en_US', 'th_TH'])('reads back what it shows in %s', (locale) => {
    for (const f of ['=NPS(B2:B500, "month", A2:A500)', '=ROUND(1.5, 0)*0.25', '={1,2.5;3,4}', `=NPS('My, sheet'!A1:A9, "a,b")`]) {
      expect(canonicalFormula(localeFormula(f, locale), locale)).toBe(f);
    }
  });
});

describe('the argument being typed (the formula bar’s help)', () => {
  it.each([
    ['cs_CZ', 'D2:D9; 0,5; ', 2],
    ['cs_CZ', 'D2:D9, "a;b"', 1],
    ['en_US', 'D2:D9, 0.5, ', 2],
    ['en_US', 'D2:D9', 0],
  ])('%s: after %j, %d separators', (locale, typed, count) => expect(separatorsIn(typed, locale)).toBe(count));
});

describe('the workbench computes formulas typed in the locale', () => {
  const book = (locale: string): WorkbenchModel => {
    const wb = new InMemoryWorkbook([{ name: 'Data', values: [['Score', 'Date'], [10, new Date(Date.UTC(2025, 0, 5))], [9, new Date(Date.UTC(2025, 1, 5))], [8, new Date(Date.UTC(2025, 1, 9))], [3, new Date(Date.UTC(2025, 2, 1))]] }]);
    wb.locale = locale;
    return new WorkbenchModel(wb);
  };

  it.each(['cs_CZ', 'pl_PL', 'ru_RU'])('%s: =NPS(A2:A5; "2025"; B2:B5) gives 25 and shows with ";"', (locale) => {
    const m = book(locale);
    m.setCell(0, 1, 4, '=NPS(A2:A5; "2025"; B2:B5)');
    expect(m.cellValue(0, 1, 4)).toBe(25);
    expect(m.view(0)?.formulas['1,4']).toBe('=NPS(A2:A5; "2025"; B2:B5)');
  });

  it('cs: a decimal comma in a formula and in a typed value', () => {
    const m = book('cs');
    m.setCell(0, 1, 4, '=ROUND(2,75; 1)');
    m.setCell(0, 2, 4, '7,5');
    m.setCell(0, 3, 4, '12,5%');
    expect([m.cellValue(0, 1, 4), m.cellValue(0, 2, 4), m.cellValue(0, 3, 4)]).toEqual([2.8, 7.5, 0.125]);
  });

  it('en: "," and ";" both separate arguments; "7,5" stays text', () => {
    const m = book('en_US');
    m.setCell(0, 1, 4, '=NPS(A2:A5; "2025"; B2:B5)');
    m.setCell(0, 2, 4, '=NPS(A2:A5, "2025", B2:B5)');
    m.setCell(0, 3, 4, '7,5');
    expect([m.cellValue(0, 1, 4), m.cellValue(0, 2, 4), m.cellValue(0, 3, 4)]).toEqual([25, 25, '7,5']);
    expect(m.view(0)?.formulas['1,4']).toBe('=NPS(A2:A5, "2025", B2:B5)');
  });

  it('shows the same formula in the new syntax when the locale changes', () => {
    const m = book('en_US');
    m.setCell(0, 1, 4, '=ROUND(2.75, 1)');
    m.workbook.locale = 'pl_PL';
    expect(m.view(0)?.formulas['1,4']).toBe('=ROUND(2,75; 1)');
    expect(m.cellValue(0, 1, 4)).toBe(2.8);
  });
});
