// The workbench grid shows numbers as Sheets does under a format, in the spreadsheet's locale.

import { sampleDocument } from './helpers';
import { display, numberText } from '../../scripts/workbench/cellText';

describe('numbers under a format', () => {
  it.each([
    [1234.5, '', '1234.5'],
    [1234.5, 'General', '1234.5'],
    [1234.5, '#,##0', '1,235'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.4567, '0.0%', '45.7%'],
    [0.5, '#.00', '.50'],
    [2.5, '0.0#', '2.5'],
    [2.125, '0.0#', '2.13'],
    [1500000, '#,##0,"K"', '1,500K'],
    [12.5, '[$€]#,##0.00', '€12.50'],
    [12.5, '#,##0.00 [$Kč-405]', '12.50 Kč'],
    [3.25, '0.00" days"', '3.25 days'],
    [-3, '0.0', '-3.0'],
  ])('%d under %j shows %j', (value, format, shown) => expect(numberText(value, format, 'en_US')).toBe(shown));

  it('picks the section by sign and draws its literals: positive; negative; zero', () => {
    const f = '"▲ +"0.0" vs 2026-10";"▼ -"0.0" vs 2026-10";0.0" vs 2026-10"';
    expect(numberText(37, f, 'en_US')).toBe('▲ +37.0 vs 2026-10');
    expect(numberText(-37, f, 'en_US')).toBe('▼ -37.0 vs 2026-10');
    expect(numberText(0, f, 'en_US')).toBe('0.0 vs 2026-10');
    expect(numberText(-0.125, '"▲ +"0.0%;"▼ -"0.0%;0.0%', 'en_US')).toBe('▼ -12.5%');
  });

  it('ignores colours and conditions in brackets, and padding', () => {
    expect(numberText(-5, '[Color10]0;[Red]0_)', 'en_US')).toBe('5');
  });

  it.each([
    ['cs_CZ', '1\u00a0234,50', '45,7%', '▼ -37,0'],
    ['pl_PL', '1\u00a0234,50', '45,7%', '▼ -37,0'],
    ['ru_RU', '1\u00a0234,50', '45,7%', '▼ -37,0'],
    ['th_TH', '1,234.50', '45.7%', '▼ -37.0'],
  ])('%s: the locale’s separators, literals untouched', (locale, money, percent, change) => {
    expect(numberText(1234.5, '#,##0.00', locale)).toBe(money);
    expect(numberText(0.4567, '0.0%', locale)).toBe(percent);
    expect(numberText(-37, '"▲ +"0.0;"▼ -"0.0;0.0', locale)).toBe(change);
  });
});

describe('other values', () => {
  it('shows dates under a date format as yyyy-mm-dd, date serials under a date format, booleans and text as they are', () => {
    expect(display({ d: '2025-03-01T00:00:00.000Z' }, 'yyyy-mm-dd')).toBe('2025-03-01');
    expect(display({ d: '2025-03-01T09:30:00.000Z' }, 'yyyy-mm-dd hh:mm')).toBe('2025-03-01 09:30');
    expect(display(45717, 'yyyy-mm-dd')).toBe('2025-03-01');
    expect(display(true)).toBe('TRUE');
    expect(display('7,5', '', 'cs')).toBe('7,5');
    expect(display(7.5, '@', 'cs')).toBe('7.5');
    expect(display(7.5, 'General', 'cs')).toBe('7,5');
  });

  // A date in an automatic cell (a summary's refreshed-at, a date written by a script) as the spreadsheet's locale shows it.
  it.each([
    ['en_US', '3/1/2025', '12/2/2026 09:05:07'],
    ['cs_CZ', '1. 3. 2025', '2. 12. 2026 09:05:07'],
    ['pl_PL', '1.03.2025', '2.12.2026 09:05:07'],
    ['ru_RU', '01.03.2025', '02.12.2026 09:05:07'],
    ['th_TH', '1/3/2025', '2/12/2026 09:05:07'],
  ])('shows a date in an automatic cell in %s as %s, a date-time as %s (Gregorian years, 24-hour time)', (locale, day, dateTime) => {
    expect(display({ d: '2025-03-01T00:00:00.000Z' }, '', locale)).toBe(day);
    expect(display({ d: '2026-12-02T09:05:07.000Z' }, 'General', locale)).toBe(dateTime);
  });

  it('does not take a literal with "dd-mm" in quotes for a date format', () => {
    expect(display(3, '0" per dd-mm"')).toBe('3 per dd-mm');
  });
});

describe('a typed date', () => {
  it('keeps the form it was typed in (the cell gets yyyy-mm-dd, as Sheets formats a typed date), where no format was set', () => {
    const { document } = sampleDocument('cs_CZ');
    const deals = document.workbook.sheetByName('Deals')!;
    document.edit((m) => m.setCell(deals.id, 3, 1, '2025-02-28'));
    expect(deals.values[2][0]).toEqual(new Date(Date.UTC(2025, 1, 28)));
    expect(display({ d: '2025-02-28T00:00:00.000Z' }, deals.formats[2][0], 'cs_CZ')).toBe('2025-02-28');
    // A date written without a format (by a script, the sample) shows as the locale shows dates.
    expect(display({ d: '2025-02-28T00:00:00.000Z' }, '', 'cs_CZ')).toBe('28. 2. 2025');
  });
});
