// Cell value coercion: how a raw Sheets value becomes a number, a civil date, a flag or text — in one place.

import { isDate, messages, type Said } from './errors';
import { MS_PER_DAY } from './timezone';

/** What Sheets hands a custom function for one cell. */
export type Cell = string | number | boolean | Date | null | undefined;

/** The outcome of coercing one cell: a value, a blank, or a rejection with an optional hint. */
export type Coerced<T> = { ok: true; value: T } | { ok: false; hint?: Said };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const bad = (hint?: Said): Coerced<never> => ({ ok: false, hint });

/** Empty cells arrive as "", and a cell holding only spaces is blank too. */
export function isBlank(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const SPACE_GROUPED = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;
const CURRENCY = /^[$€£¥₹]|[$€£¥₹]$|\s?(USD|EUR|GBP|CZK|Kč|zł|PLN|RUB|₽|THB|฿)$/i;

/** Parses number text: "9", "7.5", "7,5", "1,234.5", "1.234,5", "1 234", "45%", "$1,200". Rejects "1,234". */
export function parseNumberText(text: string): Coerced<number> {
  const trimmed = text.trim();
  // $, £ and ¥ amounts group thousands with commas, which settles "$1,200".
  const commaGroups = /^[+-]?[$£¥]/.test(trimmed);
  let s = trimmed.replace(/^([+-]?)[$£¥]/, '$1').replace(CURRENCY, '').trim();
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  let normalised: string;
  if (PLAIN_NUMBER.test(s)) {
    const ambiguousThousands = /^[+-]?\d{1,3},\d{3}$/.test(s);
    if (ambiguousThousands && !commaGroups) return bad(messages.ambiguousNumber(text));
    normalised = ambiguousThousands ? s.replace(',', '') : s.replace(',', '.');
  } else if (GROUPED_POINT.test(s)) normalised = s.replace(/,/g, '');
  else if (GROUPED_COMMA.test(s)) normalised = s.replace(/\./g, '').replace(',', '.');
  else if (SPACE_GROUPED.test(s)) normalised = s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
  else return bad();
  const value = Number(normalised) * scale;
  return Number.isFinite(value) ? ok(value) : bad();
}

/** A number from a number cell or number text; booleans and dates are not numbers. */
export function coerceNumber(cell: Cell): Coerced<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad();
  if (typeof cell === 'string') return parseNumberText(cell);
  return bad();
}

/** Days between Sheets' serial-date epoch (1899-12-30) and the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25569;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/** Civil ms to a Sheets serial day number (the inverse of civilFromSerial). */
export function serialFromCivil(civil: number): number {
  return civil / MS_PER_DAY + SERIAL_EPOCH_DAYS;
}

/** Sheets serial day number (days since 1899-12-30, fraction = time of day) to civil ms. */
export function civilFromSerial(serial: number): number {
  return Math.round((serial - SERIAL_EPOCH_DAYS) * MS_PER_DAY);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const SLASH_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_MONTH_FIRST = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const NAMED_DAY_FIRST = /^(\d{1,2})\.?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i;

/** "Z", "+05:30" or "-0800" as minutes east of UTC. */
function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
}

function validCivil(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Coerced<number> {
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return bad();
  const t = Date.UTC(y, m - 1, d, h, mi, s, ms);
  const back = new Date(t);
  return back.getUTCDate() === d && back.getUTCMonth() === m - 1 ? ok(t) : bad();
}

/** Parses date text to civil ms; `toCivil` converts an instant when the text carries a zone offset. */
export function parseDateText(text: string, toCivil: (instant: number) => number): Coerced<number> {
  const s = text.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    const civil = validCivil(y, mo, d, h, mi, sec, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
    if (!civil.ok || !m[8]) return civil;
    return ok(toCivil(civil.value - zoneOffsetMinutes(m[8]) * 60_000));
  }
  if ((m = SLASH_YMD.exec(s))) return validCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DAY_MONTH_YEAR.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return validCivil(Number(m[3]), b, a);
    if (b > 12 && a <= 12) return validCivil(Number(m[3]), a, b);
    if (a === b) return validCivil(Number(m[3]), a, b);
    return bad(messages.ambiguousDate(text));
  }
  if ((m = NAMED_MONTH_FIRST.exec(s))) {
    const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    return month ? validCivil(Number(m[3]), month, Number(m[2])) : bad();
  }
  if ((m = NAMED_DAY_FIRST.exec(s))) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return month ? validCivil(Number(m[3]), month, Number(m[1])) : bad();
  }
  return bad();
}

/** A civil date from a Date cell (converted to the sheet's zone), a serial number, or date text. */
export function coerceDate(cell: Cell, toCivil: (instant: number) => number): Coerced<number> {
  if (isDate(cell)) {
    const t = cell.getTime();
    return Number.isFinite(t) ? ok(toCivil(t)) : bad();
  }
  if (typeof cell === 'number') return cell > 0 && cell <= MAX_SERIAL ? ok(civilFromSerial(cell)) : bad();
  if (typeof cell === 'string') return parseDateText(cell, toCivil);
  return bad();
}

/** Words that mean yes / no in status columns, matched case-insensitively. */
export const TRUE_WORDS = ['true', 'yes', 'y', '1', 'churned', 'churn', 'lost', 'cancelled', 'canceled', 'inactive', 'left', 'ano', 'tak', 'да'];
export const FALSE_WORDS = ['false', 'no', 'n', '0', 'active', 'retained', 'stayed', 'current', 'ne', 'nie', 'нет'];

/** A flag from a checkbox, 1/0, or a yes/no word; `yes` and `no` override the default word lists. */
export function coerceFlag(cell: Cell, yes: ReadonlySet<string> = DEFAULT_YES, no: ReadonlySet<string> = DEFAULT_NO): Coerced<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : bad();
  if (typeof cell === 'string') {
    const word = cell.trim().toLowerCase();
    if (yes.has(word)) return ok(true);
    if (no.has(word)) return ok(false);
  }
  return bad();
}
const DEFAULT_YES: ReadonlySet<string> = new Set(TRUE_WORDS);
const DEFAULT_NO: ReadonlySet<string> = new Set(FALSE_WORDS);

/** Text as the user sees it: numbers and dates are turned into their plain text form. */
export function coerceText(cell: Cell): Coerced<string> {
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number') return ok(String(cell));
  if (typeof cell === 'boolean') return ok(cell ? 'TRUE' : 'FALSE');
  if (isDate(cell)) return Number.isFinite(cell.getTime()) ? ok(cell.toISOString().slice(0, 10)) : bad();
  return bad();
}
