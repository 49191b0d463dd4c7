import { civilClock } from '../../src/core/timezone';
import { coerceDate, coerceFlag, coerceNumber, coerceText, isBlank, parseNumberText } from '../../src/core/values';

const utc = civilClock('UTC');
const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

describe('numbers', () => {
  it.each([
    ['9', 9], ['7.5', 7.5], ['7,5', 7.5], [' -3 ', -3], ['1,234.5', 1234.5], ['1.234,5', 1234.5],
    ['1 234', 1234], ['45%', 0.45], ['$1,200', 1200], ['1200 Kč', 1200], ['.5', 0.5],
  ])('reads the text %p as %p', (text, expected) => {
    expect(value(parseNumberText(text))).toBeCloseTo(expected, 12);
  });

  it.each(['abc', '1,2,3', '', '7..5', '1e400'])('rejects the text %p', (text) => {
    expect(parseNumberText(text).ok).toBe(false);
  });

  it('rejects "1,234" as ambiguous and says how to fix it', () => {
    const got = parseNumberText('1,234');
    expect(got.ok).toBe(false);
    expect(got.ok ? '' : got.hint?.message).toMatch(/thousands separator or a decimal comma/);
  });

  it('takes number cells as they are and refuses booleans, dates and non-finite numbers', () => {
    expect(value(coerceNumber(0.1))).toBe(0.1);
    expect(coerceNumber(true).ok).toBe(false);
    expect(coerceNumber(new Date()).ok).toBe(false);
    expect(coerceNumber(NaN).ok).toBe(false);
  });
});

describe('dates', () => {
  it('reads ISO text, with and without a time', () => {
    expect(value(coerceDate('2025-03-01', utc))).toBe(Date.UTC(2025, 2, 1));
    expect(value(coerceDate('2025-03-01 14:30', utc))).toBe(Date.UTC(2025, 2, 1, 14, 30));
    expect(value(coerceDate('2025-03-01T14:30:15', utc))).toBe(Date.UTC(2025, 2, 1, 14, 30, 15));
  });

  it('converts an instant with an offset into the sheet zone', () => {
    const auckland = civilClock('Pacific/Auckland');
    expect(value(coerceDate('2025-03-01T00:00:00Z', auckland))).toBe(Date.UTC(2025, 2, 1, 13));
    expect(value(coerceDate('2025-03-01T00:00:00-05:00', utc))).toBe(Date.UTC(2025, 2, 1, 5));
  });

  it('reads Sheets serial numbers, fraction as time of day', () => {
    expect(value(coerceDate(45717, utc))).toBe(Date.UTC(2025, 2, 1));
    expect(value(coerceDate(45717.5, utc))).toBe(Date.UTC(2025, 2, 1, 12));
  });

  it('reads unambiguous day/month orders and named months', () => {
    expect(value(coerceDate('15/03/2025', utc))).toBe(Date.UTC(2025, 2, 15));
    expect(value(coerceDate('03/15/2025', utc))).toBe(Date.UTC(2025, 2, 15));
    expect(value(coerceDate('Mar 15, 2025', utc))).toBe(Date.UTC(2025, 2, 15));
    expect(value(coerceDate('15 March 2025', utc))).toBe(Date.UTC(2025, 2, 15));
  });

  it('rejects "03/04/2025" as ambiguous, telling the user to write YYYY-MM-DD', () => {
    const got = coerceDate('03/04/2025', utc);
    expect(got.ok).toBe(false);
    expect(got.ok ? '' : got.hint?.message).toMatch(/YYYY-MM-DD/);
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '31/31/2025'])('rejects %p', (text) => {
    expect(coerceDate(text, utc).ok).toBe(false);
  });

  it('rejects booleans and non-positive serials', () => {
    expect(coerceDate(true, utc).ok).toBe(false);
    expect(coerceDate(-1, utc).ok).toBe(false);
  });
});

describe('flags, text and blanks', () => {
  it.each([[true, true], [1, true], ['Yes', true], ['CHURNED', true], [false, false], [0, false], ['no', false], ['Active', false]])(
    'reads %p as %p', (cell, expected) => expect(value(coerceFlag(cell))).toBe(expected));

  it('rejects a status word it does not know', () => expect(coerceFlag('maybe').ok).toBe(false));

  it('accepts caller-given words instead of the defaults', () => {
    expect(value(coerceFlag('renewed', new Set(['renewed']), new Set(['lapsed'])))).toBe(true);
    expect(coerceFlag('yes', new Set(['renewed']), new Set(['lapsed'])).ok).toBe(false);
  });

  it('turns numbers, booleans and dates into text', () => {
    expect(value(coerceText(12))).toBe('12');
    expect(value(coerceText(true))).toBe('TRUE');
    expect(value(coerceText(new Date(Date.UTC(2025, 0, 2))))).toBe('2025-01-02');
    expect(value(coerceText('  Acme '))).toBe('Acme');
  });

  it('treats "", spaces, null and undefined as blank, and 0 and FALSE as values', () => {
    expect([ '', '   ', null, undefined].every(isBlank)).toBe(true);
    expect([0, false].some(isBlank)).toBe(false);
  });
});
