// A cell's value as the workbench grid shows it under a Sheets number format, in the spreadsheet's locale: sections
// (positive;negative;zero), quoted and escaped literals, currency brackets, percent, grouping, fixed and optional
// decimals, with the locale's separators ("1 234,50" in cs) — as Sheets shows a format in that locale.

import { localeNumberText } from '../../src/core/localeNumbers';
import type { CellJson } from './model';

const SERIAL_EPOCH_DAYS = 25569;
const pad2 = (n: number): string => String(n).padStart(2, '0');

function dateText(d: Date, withTime: boolean): string {
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return withTime ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : day;
}

/** Splits a format at `;` outside quotes and escapes: positive; negative; zero; text. */
function sections(format: string): string[] {
  const out = [''];
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out[out.length - 1] += format.slice(i, stop + 1);
      i = stop;
    } else if (c === '\\') {
      out[out.length - 1] += format.slice(i, i + 2);
      i++;
    } else if (c === ';') out.push('');
    else out[out.length - 1] += c;
  }
  return out;
}

/** The digits of |value| under a placeholder pattern such as "#,##0.00", "0.0#", "#,##0,": en separators. */
function digits(value: number, pattern: string): string {
  const [whole, fraction = ''] = pattern.split('.');
  const scaled = value / 1000 ** (/,+$/.exec(whole)?.[0].length ?? 0);
  const places = fraction.replace(/[^0#?]/g, '');
  const required = places.replace(/[#?]+$/, '').length;
  let text = scaled.toFixed(places.length);
  if (places.length > required) text = text.replace(new RegExp(`0{1,${places.length - required}}$`), '').replace(/\.$/, '');
  let [int, frac] = text.split('.');
  const minimum = (whole.match(/0/g) ?? []).length;
  if (int === '0' && minimum === 0) int = '';
  int = int.padStart(minimum, '0');
  if (/[0#?],+[0#?]/.test(whole)) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${int}.${frac}` : int;
}

/** |value| under one section of a format: literals in place, the number where its placeholders are. */
function sectionText(value: number, section: string, locale: string): string {
  const scaled = section.replace(/"[^"]*"|\\./g, '').includes('%') ? value * 100 : value;
  let out = '';
  let numberDone = false;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out += section.slice(i + 1, stop);
      i = stop;
    } else if (c === '\\') {
      out += section[++i] ?? '';
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      const inside = section.slice(i + 1, end < 0 ? section.length : end);
      if (inside.startsWith('$')) out += inside.slice(1).split('-')[0]; // [$€-407] → €; [Red], [>=0] draw nothing
      i = end < 0 ? section.length : end;
    } else if (c === '_' || c === '*') {
      i++; // padding to a character's width / repeat fill: nothing to draw here
    } else if (/[0#?]/.test(c) || (c === '.' && /[0#?]/.test(section[i + 1] ?? ''))) {
      const pattern = /^[0#?,.]+/.exec(section.slice(i))![0];
      if (!numberDone) out += localeNumberText(digits(scaled, pattern), locale);
      numberDone = true;
      i += pattern.length - 1;
    } else out += c;
  }
  return out;
}

/** A number under a format (General when empty): the section its sign picks, "-" added only with one section. */
export function numberText(value: number, format: string, locale: string): string {
  if (!format || /^general$/i.test(format)) return localeNumberText(String(Number(value.toPrecision(10))), locale);
  const parts = sections(format);
  if (value < 0 && parts.length > 1 && parts[1]) return sectionText(-value, parts[1], locale);
  if (value === 0 && parts.length > 2 && parts[2]) return sectionText(0, parts[2], locale);
  const text = sectionText(Math.abs(value), parts[0], locale);
  return value < 0 ? `-${text}` : text;
}

const isDateFormat = (format: string): boolean => /y{2,}|d{1,2}[-/.]m|m{1,2}[-/.]d/i.test(format.replace(/"[^"]*"|\\./g, ''));

/**
 * A date in an automatic-format cell as Sheets shows it for the spreadsheet's locale: the locale's numeric date (ICU's
 * Gregorian pattern: 12/2/2026, 2. 12. 2026, 2.12.2026, 02.12.2026, 2/12/2026), then a 24-hour time when it has one.
 */
function localeDate(d: Date, withTime: boolean, locale: string): string {
  const tag = `${locale.replace(/_/g, '-')}-u-ca-gregory`;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' };
  let day: string;
  try {
    day = new Intl.DateTimeFormat(tag, options).format(d);
  } catch {
    day = new Intl.DateTimeFormat('en-US', options).format(d);
  }
  return withTime ? `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` : day;
}

/**
 * A value as the grid shows it: a date in an automatic-format cell as the locale shows it (with the time when it has
 * one), a date under a date format as yyyy-mm-dd [hh:mm], numbers under their format.
 */
export function display(value: CellJson, format = '', locale = 'en_US'): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const d = new Date(value.d);
    const withTime = /h/i.test(format) || d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
    return !format || /^general$/i.test(format) ? localeDate(d, withTime, locale) : dateText(d, withTime);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateFormat(format)) return dateText(new Date((value - SERIAL_EPOCH_DAYS) * 86_400_000), /h/i.test(format));
  if (format === '@') return String(value);
  return numberText(value, format, locale);
}
