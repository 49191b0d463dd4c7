// Reads a goal typed into a metric's goal box: "80%", "80 %", "0.8", "0,8", "80,5 %", "1 250,50", "1,250.50".
//
// Rules (the sidebar's hint and docs/sidebar.md say the same):
// - Spaces (also non-breaking) are ignored; a leading "−" counts as a minus.
// - One separator is the decimal one ("0,8" = "0.8"), except a comma followed by exactly three digits where the
//   locale's decimal is a point ("1,250" in English = 1250). With both, the last is the decimal one.
// - Percent metrics (format 'fraction', the box shows %): "80%", "80 %" and "80" are 80 %; a number from −1 to 1
//   without % is a share ("0.8" = 80 %, "1" = 100 %): write "1 %" or "0,01" for one percent.
// - Other metrics take a plain number; a % there is refused (NPS is in points, not percent).

export type Decimal = ',' | '.';

export type GoalReading =
  | { blank: true }
  | { value: number }
  | { error: 'error.badGoal' | 'error.goalNotPercent' };

/** The decimal separator a language writes (cs, pl, ru: comma; en, th: point). */
export function decimalOf(language: string): Decimal {
  try {
    const part = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

const GROUPED = /^\d{1,3}(G\d{3})+$/;

/** The digits with one "." as the decimal point, or undefined when the separators make no number. */
function normalise(body: string, decimal: Decimal): string | undefined {
  const commas = (body.match(/,/g) ?? []).length;
  const points = (body.match(/\./g) ?? []).length;
  let point: ',' | '.' | undefined;
  if (commas && points) point = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) point = decimal === '.' && /^[1-9]\d{0,2},\d{3}$/.test(body) ? undefined : ',';
  else if (points === 1) point = '.';
  const group = point === ',' ? '.' : ',';
  const [whole, fraction, ...rest] = point ? body.split(point) : [body];
  if (rest.length) return undefined;
  if (whole.includes(group) && !GROUPED.test(whole.split(group).join('G'))) return undefined;
  const digits = whole.split(group).join('');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/** Reads one goal for a metric of `format` in a language whose decimal separator is `decimal`. */
export function parseGoal(text: string, format: string, decimal: Decimal = '.'): GoalReading {
  let s = text.replace(/[\s\u00a0\u202f]+/g, '').replace(/^\u2212/, '-');
  if (!s) return { blank: true };
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  const sign = /^[+-]/.test(s) ? s[0] : '';
  const digits = normalise(s.slice(sign.length), decimal);
  if (digits === undefined || !/^(\d+(\.\d*)?|\.\d+)$/.test(digits)) return { error: 'error.badGoal' };
  const n = Number(sign + digits);
  if (format !== 'fraction') return percent ? { error: 'error.goalNotPercent' } : { value: n };
  const share = percent || Math.abs(n) > 1 ? n / 100 : n;
  return { value: Number(share.toPrecision(12)) };
}

/** An example of a goal the box accepts, for the error message: "80 %" for percent metrics, "12,5" / "12.5" else. */
export function goalExample(format: string, decimal: Decimal): string {
  return format === 'fraction' ? '80 %' : `12${decimal}5`;
}
