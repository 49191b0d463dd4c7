// Number formats of a summary tab: locale-neutral Sheets patterns (Sheets applies the locale's separators), the
// money format from the source's own amount format or the locale's currency, changes with arrows, card captions.

import type { OutputFormat } from '../../functions/spec';
import type { TabText } from './tabText';

/** A currency as a number format shows it: its symbol and whether it goes before the number. */
interface Currency {
  symbol: string;
  before: boolean;
}

/** The currency of a locale's country (or language, when the locale has no country); undefined when unknown. */
const CURRENCIES: Record<string, Currency> = {
  US: { symbol: '$', before: true }, CA: { symbol: '$', before: true }, AU: { symbol: '$', before: true }, NZ: { symbol: '$', before: true },
  GB: { symbol: '£', before: true }, IE: { symbol: '€', before: false }, IN: { symbol: '₹', before: true }, JP: { symbol: '¥', before: true },
  CZ: { symbol: 'Kč', before: false }, PL: { symbol: 'zł', before: false }, RU: { symbol: '₽', before: false }, TH: { symbol: '฿', before: true },
  DE: { symbol: '€', before: false }, AT: { symbol: '€', before: false }, FR: { symbol: '€', before: false }, ES: { symbol: '€', before: false },
  IT: { symbol: '€', before: false }, NL: { symbol: '€', before: false }, FI: { symbol: '€', before: false }, SK: { symbol: '€', before: false },
  UA: { symbol: '₴', before: false }, CH: { symbol: 'CHF', before: false },
};
/** The usual country of a bare language locale ("cs" → CZ). */
const COUNTRY_OF: Record<string, string> = { en: 'US', cs: 'CZ', pl: 'PL', ru: 'RU', th: 'TH', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', ja: 'JP', sk: 'SK', uk: 'UA' };

export function currencyOfLocale(locale: string): Currency | undefined {
  const [language, country] = locale.split(/[-_]/);
  return CURRENCIES[(country ?? '').toUpperCase()] ?? CURRENCIES[COUNTRY_OF[language.toLowerCase()] ?? ''];
}

const quoted = (text: string): string => `"${text.replace(/"/g, '')}"`;

/** A money pattern with this currency ("$"#,##0.00 or #,##0.00" Kč"); plain #,##0.00 without one. */
function moneyPattern(currency: Currency | undefined, decimals = '.00'): string {
  if (!currency) return `#,##0${decimals}`;
  return currency.before ? `${quoted(currency.symbol)}#,##0${decimals}` : `#,##0${decimals}${quoted(` ${currency.symbol}`)}`;
}

/** True when a source cell's number format shows a currency ([$€-407]…, "$"…, …" Kč", ₽…). */
export function hasCurrency(format: string | undefined): boolean {
  if (!format) return false;
  return /\[\$[^\]]|[$€£¥₽฿₹₩₴]|"[^"]*\p{L}[^"]*"/u.test(format.replace(/\[(Red|Green|Blue|Black|White|Color\d+)\]/gi, ''));
}

/** The formats a tab uses: by output format, for changes (arrows), and for chart axes. */
export interface TabFormats {
  value(format: OutputFormat): string;
  /** A change with an arrow: ▲ +1.2 / ▼ -1.2 / 0.0. */
  change(format: OutputFormat): string;
  /** The Charts (ICU) pattern of a value axis. */
  axis(format: OutputFormat): string;
}

/**
 * The tab's formats: money in the source amount column's own format when it shows a currency, else in the
 * locale's currency; units in the tab's language.
 */
export function tabFormats(text: TabText, locale: string, sourceMoneyFormat?: string): TabFormats {
  const currency = currencyOfLocale(locale);
  const money = hasCurrency(sourceMoneyFormat) ? (sourceMoneyFormat as string) : moneyPattern(currency);
  const u = text.units;
  const values: Record<OutputFormat, string> = {
    points: '0.0', fraction: '0.0%', money, days: `0.0${quoted(` ${u.days}`)}`, hours: `0.0${quoted(` ${u.hours}`)}`, number: '0.00',
    count: '#,##0', 'money-per-day': `${moneyPattern(currency)}${quoted(` ${u.perDay}`)}`, table: 'General',
  };
  // Money with the source's own format: its first section is the pattern; a change shows it without decimals' noise.
  const unsigned = (format: OutputFormat): string => (format === 'money' ? money.split(';')[0] : values[format]);
  const icuUnit = (unit: string): string => `' ${unit.replace(/'/g, '')}'`;
  return {
    value: (format) => values[format],
    change: (format) => {
      const base = unsigned(format);
      return `${quoted('▲ +')}${base};${quoted('▼ -')}${base};${base}`;
    },
    axis: (format) => {
      if (format === 'fraction') return '#,##0.#%';
      if (format === 'days') return `#,##0.#${icuUnit(u.days)}`;
      if (format === 'hours') return `#,##0.#${icuUnit(u.hours)}`;
      if (format === 'money' || format === 'money-per-day') {
        if (!currency || hasCurrency(sourceMoneyFormat)) return '#,##0';
        return currency.before ? `'${currency.symbol}'#,##0` : `#,##0${icuUnit(currency.symbol)}`;
      }
      return '#,##0.##';
    },
  };
}
