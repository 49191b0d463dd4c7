// Utilities.formatDate(date, timeZone, pattern) for the common SimpleDateFormat letters, computed with Intl.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

function wallClock(date: Date, timeZone: string): Wall {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const w = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = Math.round((asUtc - (date.getTime() - date.getUTCMilliseconds())) / 60_000);
  return { ...w, weekday: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay(), offset };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function zone(offset: number, colon: boolean, short = false): string {
  const sign = offset < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(offset) / 60), 2);
  const m = pad(Math.abs(offset) % 60, 2);
  return short ? `${sign}${h}` : colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** As Apps Script's Utilities.formatDate: letters y M d H h m s S a E u Z X z, text in 'quotes'. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error('Exception: Invalid argument: date');
  const w = wallClock(date, timeZone);
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|h+|k+|m+|s+|S+|a|E+|u|Z+|X+|z+/g, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const n = token.length;
    switch (token[0]) {
      case 'y': return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M': return n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
      case 'd': return pad(w.day, n);
      case 'H': return pad(w.hour, n);
      case 'k': return pad(w.hour || 24, n);
      case 'h': return pad(w.hour % 12 || 12, n);
      case 'm': return pad(w.minute, n);
      case 's': return pad(w.second, n);
      case 'S': return pad(date.getUTCMilliseconds(), 3).slice(0, Math.max(n, 3));
      case 'a': return w.hour < 12 ? 'AM' : 'PM';
      case 'E': return n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
      case 'u': return String(w.weekday || 7);
      case 'Z': return zone(w.offset, false);
      case 'X': return w.offset === 0 ? 'Z' : zone(w.offset, n >= 3, n === 1);
      case 'z': return w.offset === 0 ? 'GMT' : `GMT${zone(w.offset, true)}`;
      default: return token;
    }
  });
}
